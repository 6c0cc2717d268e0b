// The BigCommerce client under rate limits and failures. The rules are the Ecwid client's (one
// set of retry rules serves both); what differs is BigCommerce's rate-limit headers and which
// operations the spec marks safe to repeat.
import { expect, test } from 'vitest';
import { type BigCommerceClientOptions, createBigCommerceClient } from '../../src/index.js';
import { jpeg } from '../fixtures/index.js';
import { facingFaults } from '../support/facing-faults.js';
import type { Fault } from '../support/fault-server.js';

const variant = { data: { id: 382, product_id: 174, sku: 'SHIRT-RED-L' }, meta: {} };
const serverError: Fault = { status: 503, body: { status: 503, title: 'Service Unavailable', type: 'about:blank' } };

const clientFacing = facingFaults((baseUrl, options: Partial<BigCommerceClientOptions> = {}) =>
  createBigCommerceClient({ storeHash: 'abc123', accessToken: 'faults-token', baseUrl, retry: { baseDelayMs: 5 }, ...options }),
);

const path = { product_id: 174, variant_id: 382 };

test('a 429 waits for the longer of X-Rate-Limit-Time-Reset-Ms and X-Retry-After (lower-case names)', async () => {
  const { client, server } = await clientFacing([
    { status: 429, headers: { 'x-rate-limit-time-reset-ms': '300', 'x-retry-after': '1' } },
    { status: 200, body: variant },
  ]);
  const { data } = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', { params: { path } });
  expect(data).toEqual(variant);
  expect(server.seen).toHaveLength(2);
  expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(1000);
});

test("a 503 backs off as usual: the rate-limit reset BigCommerce sends on every answer is not a retry hint", async () => {
  // A client that took the reset as its wait would find it above maxDelayMs and return the 503
  // unretried: the second request is the proof, with no clock to read.
  const { client, server } = await clientFacing(
    [
      { ...serverError, headers: { 'X-Rate-Limit-Time-Reset-Ms': '61000' } },
      { status: 200, body: variant },
    ],
    { retry: { baseDelayMs: 5, maxDelayMs: 60_000 } },
  );
  const { data } = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', { params: { path } });
  expect(data).toEqual(variant);
  expect(server.seen).toHaveLength(2);
});

test('a 429 on a create is retried: the request was not processed', async () => {
  const { client, server } = await clientFacing([
    { status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '50' } },
    { status: 200, body: variant },
  ]);
  const { data } = await client.POST('/catalog/products/{product_id}/variants', {
    params: { path: { product_id: 174 } },
    body: { sku: 'SHIRT-RED-L', option_values: [{ id: 146, option_id: 151 }] },
  });
  expect(data).toEqual(variant);
  expect(server.seen).toHaveLength(2);
});

test('a 503 on a full update is retried', async () => {
  const { client, server } = await clientFacing([serverError, { status: 200, body: variant }]);
  const { data } = await client.PUT('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path },
    body: { price: 24.5 },
  });
  expect(data).toEqual(variant);
  expect(server.seen).toHaveLength(2);
});

test.each([
  [
    'createProductVariant',
    (client: ReturnType<typeof createBigCommerceClient>) =>
      client.POST('/catalog/products/{product_id}/variants', {
        params: { path: { product_id: 174 } },
        body: { sku: 'SHIRT-RED-L', option_values: [{ id: 146, option_id: 151 }] },
      }),
  ],
  [
    'uploadVariantImageFile',
    (client: ReturnType<typeof createBigCommerceClient>) =>
      client.uploadVariantImageFile({
        product_id: 174,
        variant_id: 382,
        image_file: jpeg,
        filename: 'red.jpg',
        contentType: 'image/jpeg',
      }),
  ],
  [
    'createVariantImageFromUrl',
    (client: ReturnType<typeof createBigCommerceClient>) =>
      client.createVariantImageFromUrl({ product_id: 174, variant_id: 382, image_url: 'https://example.org/red.png' }),
  ],
])('%s is sent once on a 503, and the caller gets it', async (_, call) => {
  const { client, server } = await clientFacing([serverError, { status: 200, body: variant }]);
  const { error, response } = await call(client);
  expect(response.status).toBe(503);
  expect(error).toEqual(serverError.body);
  expect(server.seen).toHaveLength(1);
});
