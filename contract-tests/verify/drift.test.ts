// verify against a stand-in for a live store: exactly the violations a drifted store earns, the
// notes an undeclared property earns, GET requests only, and a JUnit report with a testcase per
// check and a failure per violation. The token appears nowhere.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { env, expectNoToken, token, verify } from './run-verify.js';
import { expectedReport as expected, productId, type StoreDouble, startStoreDouble } from './store-double.js';

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
