// What every fake store owes its spec, table-driven from the bundled documents: a handler for each
// operation, a default catalogue that passes its own seed schema, and a snapshot that seeds the same
// state again.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { createFakeStore, vendorFakes } from '../../src/fake/create.js';
import { checkSeed } from '../../src/fake/seed.js';
import { loadSpec } from '../../src/verify/spec.js';
import { bundledApis, type BundledApi } from '../../src/testing/specs.js';

const apis = Object.keys(bundledApis) as BundledApi[];

describe.each(apis)('%s fake store', (api) => {
  test('has a handler for every operation of the bundled spec, and none for an operation it does not have', () => {
    const operations = loadSpec(api).operations.map((operation) => operation.operationId);
    const handled = Object.keys(vendorFakes[api].handlers);
    expect(operations.filter((id) => !handled.includes(id)), 'operations without a handler').toEqual([]);
    expect(handled.filter((id) => !operations.includes(id)), 'handlers of no operation').toEqual([]);
  });

  test('its default catalogue passes its seed schema, and a snapshot seeds the same state', () => {
    const vendor = vendorFakes[api];
    expect(() => checkSeed(vendor.seedSchema, vendor.defaultSeed(), api)).not.toThrow();
    const fake = createFakeStore(api);
    const saved = JSON.parse(JSON.stringify(fake.snapshot())) as never;
    expect(() => checkSeed(vendor.seedSchema, saved, api)).not.toThrow();
    expect(createFakeStore(api, { seed: saved }).snapshot()).toEqual(saved);
  });

  test('its seed schema ships as commerce-variants/fake/<api>.seed.schema.json', () => {
    const file = createRequire(import.meta.url).resolve(`commerce-variants/fake/${api}.seed.schema.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(vendorFakes[api].seedSchema);
  });
});

test('an unknown API is refused with a FakeStoreError naming the ones there are', () => {
  expect(() => createFakeStore('shopify' as BundledApi)).toThrow(/no fake store for 'shopify': choose one of ecwid, bigcommerce/);
});
