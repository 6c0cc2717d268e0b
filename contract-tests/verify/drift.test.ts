// verify against a stand-in for a live store: exactly the violations a drifted store earns, the
// notes an undeclared property earns, GET requests only, and a JUnit report with a testcase per
// check and a failure per violation. The token appears nowhere.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { env, expectNoToken, token, verify } from './run-verify.js';
import { productId, type StoreDouble, startStoreDouble, undeclared, type Vendor } from './store-double.js';

const expected: Record<Vendor, { drift: string[]; notes: string[] }> = {
  ecwid: {
    drift: [
      'listVariations 200 /0/price: must be number, got "12.50"',
      'getVariation 200 /quantity: must be integer, got "4"',
      'getVariation 200 /quantity: must be integer, got "4"',
      'getVariation 200 /quantity: must be integer, got "4"',
      'listVariations 401: status 401 is not documented for listVariations (documented: 200, 400, 402, 403, 404, 415, 429, 500)',
    ],
    notes: [`listVariations 200 /0/${undeclared}: not declared in the spec, got "A1"`, `getVariation 200 /${undeclared}: not declared in the spec, got "A1"`],
  },
  bigcommerce: {
    drift: [
      'getProductVariants 200 /data/0/price: must be number or null, got "12.50"',
      // Both pages: the walk follows a page count sent as a string, and reports it.
      'getProductVariants 200 /meta/pagination/total_pages: must be integer, got "2"',
      'getProductVariants 200 /meta/pagination/total_pages: must be integer, got "2"',
      ...[0, 1, 2].flatMap(() => ['getProductVariant 200 /meta: is required, missing', 'getProductVariant 200 /data/sku: must be string, got 42']),
      'getProductVariant 400: status 400 is not documented for getProductVariant (documented: 200, 401, 403, 404, 429)',
    ],
    notes: [`getProductVariants 200 /data/0/${undeclared}: not declared in the spec, got "A1"`, `getProductVariant 200 /data/${undeclared}: not declared in the spec, got "A1"`],
  },
};

let store: StoreDouble | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe.each(['ecwid', 'bigcommerce'] as const)('%s: verify against a stand-in store', (vendor) => {
  test('a drifted store: each drifted field named, the undeclared one noted, exit 1, GETs only', async () => {
    store = await startStoreDouble({ vendor, token, productId, drift: true });
    const junit = join(await mkdtemp(join(tmpdir(), 'verify-')), 'report.xml');
    const outcome = await verify([vendor, '--product', String(productId), '--base-url', store.url, '--junit', junit], env(vendor, false));

    expect(outcome.violations).toEqual(expected[vendor].drift);
    expect(outcome.notes).toEqual(expected[vendor].notes);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/\nverify: \d+ passed, [1-9]\d* failed, 2 notes\n$/);
    expect(new Set(store.seen.map((r) => r.method))).toEqual(new Set(['GET']));

    const xml = await readFile(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(outcome.checks.length);
    const failures = [...xml.matchAll(/<failure type="violation" message="([^"]*)">/g)].map(([, text]) => text!.replaceAll('&quot;', '"'));
    expect(failures).toEqual(expected[vendor].drift);
    await expectNoToken(outcome, junit);
  });

  test('the same store without drift: exit 0, with the notes', async () => {
    store = await startStoreDouble({ vendor, token, productId });
    const outcome = await verify([vendor, '--product', String(productId), '--base-url', store.url], env(vendor, false));

    expect(outcome.violations).toEqual([]);
    expect(outcome.notes).toEqual(expected[vendor].notes);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/\nverify: \d+ passed, 0 failed, 2 notes\n$/);
    // The list, a get per variation, the not-found probe and the wrong-token probe (BigCommerce: two pages).
    expect(store.seen.map((r) => r.method)).toEqual(Array(vendor === 'ecwid' ? 6 : 7).fill('GET'));
    await expectNoToken(outcome);
  });
});
