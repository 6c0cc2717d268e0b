// The validator ships with `commerce-variants verify`; the contract suite uses the same one.
export * from '../../src/verify/spec.js';
