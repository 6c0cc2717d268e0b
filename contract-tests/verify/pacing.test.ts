// verify stays under a store's rate limit through the client's own 429 handling: a 429 is waited
// out for as long as the store asks, then the request is sent again and the run goes on.
import { afterEach, describe, expect, test } from 'vitest';
import { env, expectNoToken, token, verify } from './run-verify.js';
import { productId, type StoreDouble, startStoreDouble } from './store-double.js';

let store: StoreDouble | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe.each([
  ['ecwid', 1000],
  ['bigcommerce', 300],
] as const)('%s: a rate-limited store', (vendor, waitMs) => {
  test(`the first answer is a 429: verify waits ${waitMs} ms, sends it again, and passes`, async () => {
    store = await startStoreDouble({ vendor, token, productId, rateLimited: 1 });
    const outcome = await verify([vendor, '--product', String(productId), '--base-url', store.url], env(vendor, false));

    expect(outcome.code).toBe(0);
    const [first, second] = store.seen;
    expect(second!.url).toBe(first!.url);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(waitMs - 5);
    await expectNoToken(outcome);
  });
});
