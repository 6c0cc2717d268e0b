// verify --write against each vendor's fake store: every check passes on a store that behaves like
// the vendor, and the run leaves the store as it found it (the whole state, compared before and after).
import { describe, expect, test } from 'vitest';
import { createFakeStore } from '../../src/fake/create.js';
import { env, expectNoToken, token, verify } from './run-verify.js';

const runs = {
  // The default catalogue's free option values: Ecwid's Mark IV, BigCommerce's Color (220) Black-Walnut (189).
  ecwid: { product: 692730761, option: 'Mark=IV' },
  bigcommerce: { product: 192, option: '220=189' },
};

describe.each(['ecwid', 'bigcommerce'] as const)('%s', (vendor) => {
  test('verify --write passes against the fake store and leaves it as it found it', async () => {
    const fake = createFakeStore(vendor);
    const server = await fake.listen();
    try {
      const before = fake.snapshot();
      const { product, option } = runs[vendor];
      const outcome = await verify(
        [vendor, '--product', String(product), '--base-url', server.url, '--write', '--option', option],
        env(vendor, false),
      );
      expect(outcome.violations).toEqual([]);
      expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
      expect(fake.requests.filter((r) => r.method !== 'GET').length).toBeGreaterThan(2);
      expect(fake.snapshot()).toEqual(before);
      expect(fake.requests.some((r) => r.path.includes(token))).toBe(false);
      await expectNoToken(outcome);
    } finally {
      await server.stop();
    }
  });
});
