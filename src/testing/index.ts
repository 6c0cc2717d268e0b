// `commerce-variants/testing`: Prism mocks of the bundled specs for a user's own test suite, and
// clients set up to call them. Prism (@stoplight/prism-cli) is an optional peer dependency: only
// startMock needs it, and only when called.
export { startMock } from './mock.js';
export type { MockOptions, RunningMock } from './mock.js';
export { MockError } from './mock-error.js';
export type { MockErrorCode } from './mock-error.js';
export { createBigCommerceMockClient, createEcwidMockClient, mockClientOptions } from './mock-clients.js';
export { explainMockRefusals } from './mock-refusals.js';
export type { MockViolation } from './mock-refusals.js';
export { bundledApis, specPath } from './specs.js';
export type { BundledApi } from './specs.js';
