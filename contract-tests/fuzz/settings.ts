// How hard to fuzz. FUZZ_RUNS cases per property: 3 by default, a bounded run that keeps every
// property in `npm test`, and 500 under `npm run test:fuzz`, the long run, which is where the depth
// is. A request fuzzer's case is a request to Prism, about 13 ms of CPU with Prism's share: at 10
// cases the two request fuzzers (97 properties) alone took 9 CPU-s more of `npm test`. Each run draws
// new cases. fast-check prints the seed of a failing run; FUZZ_SEED=<seed> replays it (every
// property then starts from that seed).
import type fc from 'fast-check';

function fromEnvironment(name: string, fallback?: number): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`${name} must be an integer, not ${JSON.stringify(value)}`);
  return parsed;
}

const numRuns = fromEnvironment('FUZZ_RUNS', 3)!;
const seed = fromEnvironment('FUZZ_SEED');

export const fuzzParameters: fc.Parameters<unknown> = { numRuns, ...(seed !== undefined && { seed }) };

/**
 * The fake stores' model-based tests: 25 command sequences by default, about a thousand steps in
 * `npm test`, the bounded run the fake stores' proof calls for; FUZZ_RUNS sets both.
 */
const modelRuns = fromEnvironment('FUZZ_RUNS', 25)!;
export const modelParameters: fc.Parameters<unknown> = { ...fuzzParameters, numRuns: modelRuns };

/** Per property: the suite's usual 15 s, plus room for Prism's few milliseconds per case. */
export const fuzzTimeout = 15_000 + numRuns * 100;
