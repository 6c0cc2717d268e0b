// The coverage guard: the statuses each spec documents and the statuses the contract suite tests
// (written from the vendors' material) must be the same set, pair by pair.
import { expect, test } from 'vitest';
import { readApis } from '../scripts/apis.js';
import { loadSpec } from '../src/verify/spec.js';
import { vendors } from './vendors.js';

test('every API in redocly.yaml has a contract suite', () => {
  expect(Object.keys(vendors).sort()).toEqual(readApis().map((api) => api.name).sort());
});

test.each(Object.entries(vendors))('%s: spec statuses and contract cases agree', (name, cases) => {
  const inSpec = loadSpec(name).responses.map((r) => `${r.operationId} ${r.status}`);
  const tested = Object.entries(cases.documentedStatuses).flatMap(([operationId, statuses]) =>
    statuses.map((status) => `${operationId} ${status}`),
  );
  expect(inSpec.filter((pair) => !tested.includes(pair)), 'in the spec but without a contract case').toEqual([]);
  expect(tested.filter((pair) => !inSpec.includes(pair)), 'tested but not in the spec').toEqual([]);
});
