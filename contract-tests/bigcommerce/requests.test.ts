// The client's side of the BigCommerce contract: what it sends passes Prism's request validation,
// and what BigCommerce would refuse is refused and comes back as a typed `error`.
import { describe, expect, test } from 'vitest';
import { violations } from '../support/prism-headers.js';
import { type RecordedRequest, startRecorder } from '../support/recorder.js';
import { accessToken, bigCommerceClient, bigCommerceMock } from './client.js';

const product_id = 192;
const variant_id = 382;

describe('what every request carries', () => {
  test('X-Auth-Token and Accept are set by the client; lists go comma-separated', async () => {
    const recorder = await startRecorder(bigCommerceMock());
    let sent: RecordedRequest;
    try {
      const { response } = await bigCommerceClient(recorder.url).GET('/catalog/products/{product_id}/variants', {
        params: { path: { product_id }, query: { include_fields: ['sku', 'price'], page: 2, limit: 10 } },
      });
      expect(violations(response)).toEqual([]);
      [sent] = recorder.requests as [RecordedRequest];
    } finally {
      await recorder.close();
    }
    expect(sent.headers['x-auth-token']).toBe(accessToken);
    expect(sent.headers.accept).toBe('application/json');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.url).toBe(`/catalog/products/${product_id}/variants?include_fields=sku,price&page=2&limit=10`);
  });
});

describe('what real clients send is accepted', () => {
  test('a fetched variant sent back whole is accepted: BigCommerce ignores its read-only fields', async () => {
    const client = bigCommerceClient();
    const { data: fetched } = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', {
      params: { path: { product_id, variant_id } },
    });
    const variant = fetched!.data;
    expect(variant).toHaveProperty('calculated_price');
    expect(variant).toHaveProperty('option_values');

    const { error, response } = await client.PUT('/catalog/products/{product_id}/variants/{variant_id}', {
      params: { path: { product_id, variant_id } },
      body: { ...variant, price: 27 },
    });
    expect(violations(response)).toEqual([]);
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
  });
});

describe('invalid requests are rejected with a typed error', () => {
  test('a create without sku', async () => {
    const { data, error, response } = await bigCommerceClient().POST('/catalog/products/{product_id}/variants', {
      params: { path: { product_id } },
      // @ts-expect-error sku is required
      body: { option_values: [{ id: 146, option_id: 151 }] },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(violations(response).map((v) => v.message)).toContain("Request body must have required property 'sku'");
    expect(error).toMatchObject({ status: 422, title: expect.any(String) });
  });

  test('a create without option_values', async () => {
    const { response } = await bigCommerceClient().POST('/catalog/products/{product_id}/variants', {
      params: { path: { product_id } },
      // @ts-expect-error option_values are required
      body: { sku: 'SHIRT-RED-L' },
    });
    expect(response.status).toBe(422);
    expect(violations(response).map((v) => v.message)).toContain(
      "Request body must have required property 'option_values'",
    );
  });

  test.each([
    ['a SKU over 255 characters', { sku: 'S'.repeat(256) }, 'sku'],
    ['a negative price', { price: -1 }, 'price'],
    ['inventory above 2147483647', { inventory_level: 2147483648 }, 'inventory_level'],
    ['a UPC over 14 characters', { upc: '123456789012345' }, 'upc'],
    ['a misspelt field', { inventroy_level: 10 }, 'inventroy_level'],
    ['a read-only field of the wrong type', { calculated_price: '10.00' }, 'calculated_price'],
  ])('an update with %s', async (_, body, field) => {
    const { error, response } = await bigCommerceClient().PUT('/catalog/products/{product_id}/variants/{variant_id}', {
      params: { path: { product_id, variant_id } },
      body: body as never, // some are refused by the generated types too; sent anyway
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(violations(response))).toContain(field);
    expect(error).toMatchObject({ status: 422 });
  });

  test('a non-integer variant id', async () => {
    const { error, response } = await bigCommerceClient().GET('/catalog/products/{product_id}/variants/{variant_id}', {
      // @ts-expect-error variant_id is an integer
      params: { path: { product_id, variant_id: 'red-l' } },
    });
    // The read documents no 400 or 422, so Prism reports the violation in its own problem body.
    expect(response.status).toBe(422);
    expect(error).toMatchObject({
      status: 422,
      validation: [expect.objectContaining({ message: 'Request path parameter variant_id must be integer' })],
    });
  });

  test('a request without the token gets the documented 401', async () => {
    const client = bigCommerceClient();
    client.use({
      onRequest({ request }) {
        request.headers.delete('X-Auth-Token');
      },
    });
    const { data, error, response } = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', {
      params: { path: { product_id, variant_id } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 401 });
  });
});
