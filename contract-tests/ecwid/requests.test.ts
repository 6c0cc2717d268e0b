// The client's side of the contract: what it sends passes Prism's request validation, and what
// Ecwid would refuse is refused — by the types at compile time (@ts-expect-error) and by the mock
// at run time — and comes back as a typed `error`, never a thrown exception.
import { describe, expect, test } from 'vitest';
import { createEcwidClient, type EcwidVariationCreate } from '../../src/index.js';
import { jpeg } from '../fixtures/index.js';
import { violations } from '../support/prism-headers.js';
import { ecwidClient } from './client.js';

const productId = 8392837;
const combinationId = 463737373;

describe('valid requests pass validation', () => {
  test('a create body with options, price and stock', async () => {
    const { data, error, response } = await ecwidClient().POST('/products/{productId}/combinations', {
      params: { path: { productId } },
      body: {
        options: [{ name: 'Size', value: 'L', nameTranslated: { en: 'Size', fr: 'Taille' } }],
        sku: 'TSHIRT-L',
        price: 19.99,
        quantity: 10,
        weight: 0.25,
        dimensions: { length: 30, width: 20, height: 2 },
        wholesalePrices: [{ quantity: 10, price: 17.5 }],
      },
    });
    expect(violations(response)).toEqual([]);
    expect(error).toBeUndefined();
    expect(data?.id).toEqual(expect.any(Number));
  });

  test('an update that only changes the fields it names', async () => {
    const { data, response } = await ecwidClient().PUT('/products/{productId}/combinations/{combinationId}', {
      params: { path: { productId, combinationId }, query: { checkLowStockNotification: true } },
      body: { quantity: 0, unlimited: false },
    });
    expect(violations(response)).toEqual([]);
    expect(data?.updateCount).toEqual(expect.any(Number));
  });

  // Fields Ecwid assigns or computes are ignored by Ecwid, so a fetched variation sent back whole is
  // accepted; only names no source knows are refused (see the misspelt-field test below).
  test('an update that sends fetched, computed fields back (ignored by Ecwid)', async () => {
    const { data, response } = await ecwidClient().PUT('/products/{productId}/combinations/{combinationId}', {
      params: { path: { productId, combinationId } },
      body: { id: combinationId, combinationNumber: 4, defaultDisplayedPrice: 14.5, imageUrl: 'https://example.org/l.jpg', quantity: 3 },
    });
    expect(violations(response)).toEqual([]);
    expect(data?.updateCount).toEqual(expect.any(Number));
  });

  test('an async upload with integer width and height, as the official client sends them', async () => {
    const { data, response } = await ecwidClient().POST('/products/{productId}/combinations/{combinationId}/image/async', {
      params: { path: { productId, combinationId } },
      body: { url: 'https://example.com/dummy.jpg', width: 100, height: 200 },
    });
    expect(violations(response)).toEqual([]);
    expect(data?.id).toEqual(expect.any(Number));
  });

  test('listing with responseFields and a language', async () => {
    const { data, response } = await ecwidClient().GET('/products/{productId}/combinations', {
      params: { path: { productId }, query: { lang: 'fr', responseFields: 'id,sku,price' } },
    });
    expect(violations(response)).toEqual([]);
    expect(Array.isArray(data)).toBe(true);
  });
});

describe('invalid requests are rejected with a typed error', () => {
  test.each([
    ['url', { width: '800', height: '600' }],
    ['width', { url: 'https://example.org/a.jpg', height: '600' }],
    ['height', { url: 'https://example.org/a.jpg', width: '800' }],
  ])('an async upload without %s', async (missing, body) => {
    const { data, error, response } = await ecwidClient().POST(
      '/products/{productId}/combinations/{combinationId}/image/async',
      // @ts-expect-error the types require url, width and height as well
      { params: { path: { productId, combinationId } }, body },
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(violations(response).map((v) => v.message)).toContain(`Request body must have required property '${missing}'`);
    expect(error).toEqual({ errorMessage: expect.any(String), errorCode: expect.any(String) });
  });

  test('an async upload whose width is a boolean (strings and integers only)', async () => {
    const { response } = await ecwidClient().POST('/products/{productId}/image/async', {
      // @ts-expect-error width and height are strings or integers
      params: { path: { productId } }, body: { url: 'https://example.org/a.jpg', width: true, height: '600' },
    });
    expect(response.status).toBe(422);
    expect(violations(response)[0]?.location).toEqual(['request', 'body', 'width']);
  });

  // openapi-fetch infers a call's options generically, so TypeScript's excess-property check does
  // not flag an unknown field in a body: the closed request schemas are what catch it.
  test('a misspelt field in a create body (request bodies are closed)', async () => {
    const { error, response } = await ecwidClient().POST('/products/{productId}/combinations', {
      params: { path: { productId } },
      body: { options: [{ name: 'Size', value: 'L' }], quantiy: 3 },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(violations(response))).toContain('quantiy');
    expect(error).toBeDefined();
  });

  // The way to catch it at compile time: `satisfies` makes TypeScript check the literal itself.
  test('the same typo checked with satisfies EcwidVariationCreate fails to compile', async () => {
    const body = {
      options: [{ name: 'Size', value: 'L' }],
      // @ts-expect-error quantiy is not a field of EcwidVariationCreate
      quantiy: 3,
    } satisfies EcwidVariationCreate;
    const { response } = await ecwidClient().POST('/products/{productId}/combinations', { params: { path: { productId } }, body });
    expect(JSON.stringify(violations(response))).toContain('quantiy');
  });

  test('a create body without options', async () => {
    const { response } = await ecwidClient().POST('/products/{productId}/combinations', {
      params: { path: { productId } },
      // @ts-expect-error options are required on create
      body: { sku: 'TSHIRT-L' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(violations(response).map((v) => v.message)).toContain("Request body must have required property 'options'");
  });

  test('an inventory adjustment without quantityDelta', async () => {
    const { response } = await ecwidClient().PUT('/products/{productId}/combinations/{combinationId}/inventory', {
      params: { path: { productId, combinationId } },
      // @ts-expect-error quantityDelta is required
      body: {},
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(violations(response).map((v) => v.message)).toContain(
      "Request body must have required property 'quantityDelta'",
    );
  });

  test('a non-integer product id', async () => {
    const { data, error, response } = await ecwidClient().GET('/products/{productId}/combinations', {
      // @ts-expect-error productId is an integer
      params: { path: { productId: 'shirt' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(violations(response)[0]?.message).toMatch(/must be integer/);
    expect(error).toEqual(expect.objectContaining({ errorCode: expect.any(String) }));
  });

  test('a binary upload with a content type Ecwid does not take', async () => {
    // The helper refuses this before sending (ERR_IMAGE_TYPE_MISMATCH); a raw call reaches the mock.
    const { error, response } = await ecwidClient().POST('/products/{productId}/combinations/{combinationId}/image', {
      params: { path: { productId, combinationId } },
      body: jpeg,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(violations(response)[0]?.code).toBe(415);
    expect(error).toBeDefined();
  });

  test('a request without the token', async () => {
    const client = ecwidClient();
    client.use({
      onRequest({ request }) {
        request.headers.delete('Authorization');
      },
    });
    const { data, error, response } = await client.GET('/products/{productId}/combinations/{combinationId}', {
      params: { path: { productId, combinationId } },
    });
    expect(data).toBeUndefined();
    // Ecwid answers a bad token with 403 and documents no 401; Prism generates the 401 itself.
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    // Prism's own problem body, not the spec's Ecwid error body (the README says so).
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(error).toEqual(expect.objectContaining({ status: 401 }));
  });
});

describe('client construction', () => {
  test.each(['', '   '])('a blank token (%j) is refused before any request is made', (blank) => {
    expect(() => createEcwidClient({ storeId: 1003, token: blank })).toThrow(new TypeError('token must be a non-empty string'));
  });
});
