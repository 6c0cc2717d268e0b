// Clients made for a mock do not wait out a mock's rate-limit answer. Each vendor's `429` example
// asks for a long wait (Ecwid `Retry-After: 60`, BigCommerce `X-Retry-After: 15`); with the
// clients' defaults a call honours it before each of its retries: 120 148 ms for one Ecwid list
// call, measured against Prism. mockClientOptions give the 429 back at once.
import { expect, inject, test } from 'vitest';
import { createBigCommerceClient } from '../../src/bigcommerce.js';
import { createEcwidClient } from '../../src/ecwid.js';
import { createBigCommerceMockClient, createEcwidMockClient, explainMockRefusals } from '../../src/testing/index.js';

const prismUrls = inject('prismUrls');
const rateLimited = { Prefer: 'code=429' };

/** A fetch that counts the attempts a call sends, and says when the first answer has arrived. */
function countingFetch() {
  let firstAnswer!: () => void;
  const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
  const counter = {
    attempts: 0,
    answered,
    fetch: (async (input, init) => {
      counter.attempts++;
      const response = await fetch(input, init);
      firstAnswer();
      return response;
    }) as typeof fetch,
  };
  return counter;
}

const vendors = [
  {
    api: 'ecwid',
    waitHeader: ['retry-after', '60'],
    mockCall: (options: { fetch: typeof fetch }) =>
      createEcwidMockClient(prismUrls.ecwid!, options).GET('/products/{productId}/combinations', {
        params: { path: { productId: 692730761 } },
        headers: rateLimited,
      }),
    defaultCall: (options: { fetch: typeof fetch; signal: AbortSignal }) =>
      createEcwidClient({ storeId: 1003, token: 'any', baseUrl: prismUrls.ecwid!, fetch: options.fetch }).GET(
        '/products/{productId}/combinations',
        { params: { path: { productId: 692730761 } }, headers: rateLimited, signal: options.signal },
      ),
  },
  {
    api: 'bigcommerce',
    waitHeader: ['x-retry-after', '15'],
    mockCall: (options: { fetch: typeof fetch }) =>
      createBigCommerceMockClient(prismUrls.bigcommerce!, options).GET('/catalog/products/{product_id}/variants', {
        params: { path: { product_id: 174 } },
        headers: rateLimited,
      }),
    defaultCall: (options: { fetch: typeof fetch; signal: AbortSignal }) =>
      createBigCommerceClient({ storeHash: 'abc123', accessToken: 'any', baseUrl: prismUrls.bigcommerce!, fetch: options.fetch }).GET(
        '/catalog/products/{product_id}/variants',
        { params: { path: { product_id: 174 } }, headers: rateLimited, signal: options.signal },
      ),
  },
];

test.each(vendors)('$api: a mock client returns the mock\'s 429 at once, after one attempt', async ({ mockCall, waitHeader }) => {
  const counter = countingFetch();
  const { response, error } = await mockCall(counter);
  expect(response.status).toBe(429);
  expect(response.headers.get(waitHeader[0]!)).toBe(waitHeader[1]);
  expect(response.headers.get('sl-violations')).toBeNull();
  expect(error).toBeDefined();
  // One attempt, and the 429 back in hand: the client neither retried nor waited to.
  expect(counter.attempts).toBe(1);
});

// Side by side: each waits a second to see that the call is still waiting.
test.concurrent.for(vendors)('$api: with the default options the same call waits as the 429 asks', async ({ defaultCall }, { expect }) => {
  const counter = countingFetch();
  const aborted = new AbortController();
  const call = defaultCall({ fetch: counter.fetch, signal: aborted.signal });
  const settled = call.then(
    () => 'settled',
    () => 'settled',
  );
  await counter.answered;
  expect(await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1_000, 'waiting'))])).toBe('waiting');
  expect(counter.attempts).toBe(1);
  aborted.abort();
  await settled;
});

// Prism answers a refused request with the spec's canned example body; the mock clients put the
// reason, which only `sl-violations` carries, into the typed error a test looks at.
const refused = [
  {
    api: 'ecwid',
    message: (error: unknown) => (error as { errorMessage?: string }).errorMessage,
    call: (client = createEcwidMockClient(prismUrls.ecwid!)) =>
      client.POST('/products/{productId}/combinations', {
        params: { path: { productId: 692730761 } },
        body: { options: [{ name: 'Size', value: 'XL' }], quantiy: 3 },
      }),
    plainClient: () => createEcwidClient({ storeId: 1003, token: 'any', baseUrl: prismUrls.ecwid! }),
  },
  {
    api: 'bigcommerce',
    message: (error: unknown) => (error as { title?: string }).title,
    call: (client = createBigCommerceMockClient(prismUrls.bigcommerce!)) =>
      client.POST('/catalog/products/{product_id}/variants', {
        params: { path: { product_id: 192 } },
        body: { sku: 'SMIT-XL', option_values: [{ id: 174, option_id: 220 }], quantiy: 3 },
      }),
    plainClient: () => createBigCommerceClient({ storeHash: 'abc123', accessToken: 'any', baseUrl: prismUrls.bigcommerce! }),
  },
];

test.each(refused)('$api: a mock client\'s error for a refused request says what the mock refused', async ({ call, message }) => {
  const { error, response } = await call();
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(message(error)).toMatch(/^the mock refused the request: .*'quantiy'/);
  expect(error).toMatchObject({
    violations: expect.arrayContaining([expect.objectContaining({ location: ['request', 'body'], message: expect.stringContaining("'quantiy'") })]),
  });
});

test.each(refused)('$api: without it, the error is the canned example; explainMockRefusals adds the reason to any client', async ({ call, message, plainClient }) => {
  const plain = await call(plainClient() as never);
  expect(message(plain.error)).not.toContain('quantiy');
  expect(plain.response.headers.get('sl-violations')).toContain('quantiy');

  const own = plainClient();
  own.use(explainMockRefusals);
  const explained = await call(own as never);
  expect(explained.response.status).toBe(plain.response.status);
  expect(message(explained.error)).toContain("'quantiy'");
});
