// When verify cannot run (wrong usage, missing credentials, a store it cannot reach or that refuses
// the credentials) it exits 2 with a one-line reason, and the token is still in no output.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { escapeXml } from '../../src/verify/xml.js';
import { freePort } from '../../src/testing/ports.js';
import { env, expectNoToken, token, verify } from './run-verify.js';
import { productId, type StoreDouble, startStoreDouble } from './store-double.js';

let store: StoreDouble | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('verify exits 2 with a one-line reason', () => {
  test.each([
    [[], 'verify: no API named'],
    [['shopify', '--product', '1'], "verify: unknown API 'shopify' (one of: ecwid, bigcommerce)"],
    [['ecwid'], 'verify: --product ID is required'],
    [['ecwid', '--product', 'shirt'], "verify: --product must be a product ID (a whole number > 0), not 'shirt'"],
    [['ecwid', '--product', '1', '--base-url', 'ftp://x'], 'verify: --base-url must be an absolute http(s) URL'],
    [['ecwid', '--product', '1', '--colour'], "verify: unknown argument '--colour'"],
    [['ecwid', '--product', '5', '--product', '6'], 'verify: --product given twice'],
    [['ecwid', '--product', '5', '--junit=a.xml', '--junit', 'b.xml'], 'verify: --junit given twice'],
    [['ecwid', '--product', '1', '--option', 'Size=XL'], 'verify: --option and --image-url only apply with --write'],
    [['ecwid', '--product', '1', '--write'], "verify: --write needs the new variation's options: --option NAME=VALUE for each of the product's options, a combination no variation has"],
    [['bigcommerce', '--product', '1', '--write', '--option', 'Size=XL'], 'verify: BigCommerce --option takes OPTION_ID=VALUE_ID, both numbers'],
  ])('usage %j', async (args, reason) => {
    const outcome = await verify(args, env('ecwid'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.split('\n')[0]).toBe(reason);
    expect(outcome.stdout).toBe('');
    await expectNoToken(outcome);
  });

  test.each([
    ['ecwid', {}, 'verify: ECWID_TOKEN is not set: the token comes from the environment only'],
    ['ecwid', { ECWID_TOKEN: token }, 'verify: ECWID_STORE_ID is not set (or pass --base-url)'],
    ['bigcommerce', { BIGCOMMERCE_STORE_HASH: 'abc123' }, 'verify: BIGCOMMERCE_ACCESS_TOKEN is not set: the token comes from the environment only'],
    ['bigcommerce', { BIGCOMMERCE_ACCESS_TOKEN: token }, 'verify: BIGCOMMERCE_STORE_HASH is not set (or pass --base-url)'],
  ])('%s with credentials %j missing', async (vendor, environment, reason) => {
    const outcome = await verify([vendor, '--product', '1'], environment);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(`${reason}\n`);
    await expectNoToken(outcome);
  });

  // The client's own URL checks, run before the first request: a URL it would refuse mid-run (after
  // --write had created a variation) is a usage error naming the flag, and the store hears nothing.
  test.each([
    [(url: string) => ['--base-url', `${url}/?x=1`], 'verify: --base-url must have no query or fragment'],
    [(url: string) => ['--base-url', url.replace('//', '//user:pw@')], 'verify: --base-url must not carry a user name or password'],
    [(url: string) => ['--base-url', url, '--write', '--option', 'Size=XL', '--image-url', 'http://user:pw@example.org/a.png'], 'verify: --image-url must not carry a user name or password'],
    [(url: string) => ['--base-url', url, '--write', '--option', 'Size=XL', '--image-url', 'file:///a.png'], 'verify: --image-url must be an absolute http(s) URL, not file:'],
  ])('a URL the client would refuse: %#', async (flags, reason) => {
    store = await startStoreDouble({ vendor: 'ecwid', token, productId });
    const outcome = await verify(['ecwid', '--product', String(productId), ...flags(store.url)], env('ecwid'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.split('\n')[0]).toBe(reason);
    expect(outcome.stdout).toBe('');
    expect(store.seen).toEqual([]);
    await expectNoToken(outcome);
  });

  test('a store that cannot be reached: exit 2, and a JUnit file that fails with the reason', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const junit = join(await mkdtemp(join(tmpdir(), 'verify-')), 'report.xml');
    const outcome = await verify(['bigcommerce', '--product', '1', '--base-url', url, '--junit', junit], env('bigcommerce'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^verify: store unreachable: .*getProductVariants.*\n$/);
    // CI must not show a check that never ran as passed: the file holds one testcase, in error, with the reason.
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="commerce-variants verify" tests="1" failures="0" errors="1" /);
    expect(xml.match(/<testcase /g)).toHaveLength(1);
    const reason = outcome.stderr.slice('verify: '.length, -1);
    expect(xml).toContain(`<error type="cannot-run" message="${escapeXml(reason)}">${escapeXml(reason)}</error>`);
    await expectNoToken(outcome, junit);
  });

  test('a store that refuses the credentials', async () => {
    store = await startStoreDouble({ vendor: 'ecwid', token: 'another-token-entirely', productId });
    const outcome = await verify(['ecwid', '--product', String(productId), '--base-url', store.url], env('ecwid'));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      `verify: listVariations answered 403: product ${productId} cannot be verified (check the product ID and the credentials)\n`,
    );
    await expectNoToken(outcome);
  });
});

test.each(['ecwid', 'bigcommerce'] as const)('%s: a probe the store cuts off after violations were found: exit 1, the violations stand, the reason says which call', async (vendor) => {
  store = await startStoreDouble({ vendor, token, productId, drift: true, cutAnswerTo: ['GET 999999999'] });
  const outcome = await verify([vendor, '--product', String(productId), '--base-url', store.url], env(vendor, false));

  expect(outcome.violations.length).toBeGreaterThan(0);
  expect(outcome.stdout).toMatch(/\nverify: \d+ passed, [1-9]\d* failed, \d+ notes\n$/);
  expect(outcome.stderr).toMatch(/^verify: store unreachable: .*; get (variation|variant) 999999999, which does not exist, could not run\n$/);
  expect(outcome.code).toBe(1);
  await expectNoToken(outcome);
});
