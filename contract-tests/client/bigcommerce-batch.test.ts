// updateVariantsBatch: one PUT /catalog/variants for up to 50 variants of any products.
import { expect, test } from 'vitest';
import { createBigCommerceClient, variantsBatchLimit } from '../../src/index.js';
import { facingFaults } from '../support/facing-faults.js';

const clientFacing = facingFaults((baseUrl) => createBigCommerceClient({ storeHash: 'abc123', accessToken: 'batch-token', baseUrl, retry: false }));

const updates = (count: number) => Array.from({ length: count }, (_, i) => ({ id: 382 + i, inventory_level: i }));

test('50 updates go out as one JSON array, and the answer comes back typed', async () => {
  const stored = updates(50).map((update) => ({ ...update, product_id: 192 }));
  const { client, server } = await clientFacing([{ status: 200, body: { data: stored, meta: {} } }]);

  const { data, response } = await client.updateVariantsBatch({ variants: updates(50) });

  expect(response.status).toBe(200);
  expect(data?.data.map((variant) => variant.id)).toEqual(stored.map((variant) => variant.id));
  expect(server.seen.map(({ method, url }) => `${method} ${url}`)).toEqual(['PUT /catalog/variants']);
  expect(JSON.parse(server.seen[0]!.body.toString())).toEqual(updates(50));
});

test('51 updates are refused with a RangeError naming the limit, sending nothing (BigCommerce would answer 413)', async () => {
  const { client, server } = await clientFacing([{ status: 200, body: { data: [], meta: {} } }]);
  expect(variantsBatchLimit).toBe(50);
  await expect(client.updateVariantsBatch({ variants: updates(51) })).rejects.toThrow(
    new RangeError('a batch holds at most 50 variants, got 51: split it'),
  );
  expect(server.seen).toHaveLength(0);
});

test('a 422 comes back as the typed batch_errors body', async () => {
  const refused = { batch_errors: [{ status: 422, title: 'The variant could not be updated.', errors: { id: 'Variant 999 was not found.' } }] };
  const { client } = await clientFacing([{ status: 422, body: refused }]);
  const { error, response } = await client.updateVariantsBatch({ variants: [{ id: 999, price: 1 }] });
  expect(response.status).toBe(422);
  expect(error).toEqual(refused);
});
