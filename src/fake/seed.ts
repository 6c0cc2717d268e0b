// Seeds are checked against the vendor's seed schema (the one shipped in the package) before the
// store takes them, so a typo in a seed file is named instead of turning into odd answers later.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { newAjv } from '../verify/ajv.js';
import { describeErrors } from '../verify/check.js';
import { FakeStoreError } from './errors.js';

const compiled = new WeakMap<object, ValidateFunction>();

/** Throws a FakeStoreError naming every place where `seed` breaks `schema`. */
export function checkSeed(schema: object, seed: unknown, api: string): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = newAjv({ strict: false, allErrors: true }).compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(seed)) return;
  const problems = describeErrors(validate.errors ?? [], seed);
  throw new FakeStoreError('BAD_SEED', `the ${api} seed does not match its schema: ${problems.join('; ')}`);
}
