// The BigCommerce fake store behind the project's own client, as a user's test would use it: pass
// the store's fetch, and the client talks to BigCommerce's real base URL with nothing else to set.
import { describe, expect, test, vi } from 'vitest';
import { createBigCommerceClient } from '../../src/index.js';
import { loadSpec } from '../../src/verify/spec.js';
import { jpeg } from '../fixtures/index.js';
import { freshStore, png, productId, send } from './bigcommerce-store.js';

const spec = loadSpec('bigcommerce');

function storeWithClient(options: Parameters<typeof freshStore>[0] = {}) {
  const fake = freshStore(options);
  const client = createBigCommerceClient({ storeHash: 'abc123', accessToken: 'fake-token', fetch: fake.fetch, retry: false });
  return { fake, client };
}

const variantPath = (variant_id: number, product_id = productId) => ({ params: { path: { product_id, variant_id } } });

describe('a variant’s life', () => {
  test('create → read back → update → upload bytes → read the image back → delete → 404', async () => {
    const { fake, client } = storeWithClient();

    const created = await client.POST('/catalog/products/{product_id}/variants', {
      params: { path: { product_id: productId } },
      body: { sku: 'SMIT-3', price: 30, option_values: [{ id: 189, option_id: 220 }] },
    });
    expect(created.response.status).toBe(200);
    const variant = created.data!.data!;
    expect(variant).toMatchObject({ id: 385, product_id: 192, sku: 'SMIT-3', sku_id: 351, price: 30, calculated_price: 30 });
    expect(variant.option_values).toEqual([{ id: 189, label: 'Black-Walnut', option_id: 220, option_display_name: 'Color' }]);

    const read = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', variantPath(variant.id));
    expect(read.data?.data).toEqual(variant);

    const updated = await client.PUT('/catalog/products/{product_id}/variants/{variant_id}', {
      ...variantPath(variant.id),
      body: { sale_price: 25, inventory_level: 7 },
    });
    expect(updated.data?.data).toMatchObject({ price: 30, sale_price: 25, calculated_price: 25, inventory_level: 7 });

    const uploaded = await client.uploadVariantImageFile({ product_id: productId, variant_id: variant.id, image_file: png });
    const url = uploaded.data!.data.image_url!;
    // The store serves the upload back unchanged, like a CDN: no token needed.
    expect(new Uint8Array(await (await fake.fetch(url)).arrayBuffer())).toEqual(new Uint8Array(png));
    const withImage = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', variantPath(variant.id));
    expect(withImage.data?.data.image_url).toBe(url);

    const deleted = await client.DELETE('/catalog/products/{product_id}/variants/{variant_id}', variantPath(variant.id));
    expect(deleted.response.status).toBe(204);
    const gone = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', variantPath(variant.id));
    expect(gone.response.status).toBe(404);
    expect(gone.error).toMatchObject({ status: 404, title: 'The requested variant was not found.' });
  });

  test('each upload gets a new URL and replaces the image (one slot); an image_url is kept as given, never fetched', async () => {
    const { client } = storeWithClient();
    const first = await client.uploadVariantImageFile({ product_id: productId, variant_id: 382, image_file: png });
    const second = await client.uploadVariantImageFile({ product_id: productId, variant_id: 382, image_file: jpeg });
    expect(second.data!.data.image_url).not.toBe(first.data!.data.image_url);

    const fromUrl = await client.createVariantImageFromUrl({ product_id: productId, variant_id: 382, image_url: 'https://example.org/red.png' });
    expect(fromUrl.data?.data.image_url).toBe('https://example.org/red.png');
    const read = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', variantPath(382));
    expect(read.data?.data.image_url).toBe('https://example.org/red.png');
  });
});

describe('what BigCommerce refuses, with the spec’s error bodies', () => {
  test.each([
    ['an unknown product', 'GET', '/catalog/products/999/variants', undefined, 404],
    ['an unknown variant', 'GET', '/catalog/products/192/variants/999', undefined, 404],
    ['a variant of another product', 'PUT', '/catalog/products/111/variants/382', { json: { price: 1 } }, 404],
    ['a SKU another variant has', 'PUT', '/catalog/products/192/variants/382', { json: { sku: 'SMIT-2' } }, 409],
    ['a SKU of another product’s variant', 'POST', '/catalog/products/192/variants', { json: { sku: 'SM13', option_values: [{ id: 189, option_id: 220 }] } }, 409],
    ['option values a variant already has', 'POST', '/catalog/products/192/variants', { json: { sku: 'NEW', option_values: [{ id: 174, option_id: 220 }] } }, 409],
    ['an option value the product does not have', 'POST', '/catalog/products/192/variants', { json: { sku: 'NEW', option_values: [{ id: 146, option_id: 151 }] } }, 422],
    ['a value missing for an option', 'POST', '/catalog/products/192/variants', { json: { sku: 'NEW', option_values: [] } }, 422],
    ['a product_id other than the URL’s', 'PUT', '/catalog/products/192/variants/382', { json: { product_id: 111 } }, 422],
    ['an image_url that is no http(s) URL: it cannot be downloaded', 'POST', '/catalog/products/192/variants/382/image', { json: { image_url: 'red.png' } }, 400],
    ['an image file that is no GIF, JPEG or PNG', 'POST', '/catalog/products/192/variants/382/image', { multipart: { image_file: new Blob(['not an image']) } }, 422],
    ['an image file over 1 MB (500, as BigCommerce answers)', 'POST', '/catalog/products/192/variants/382/image', { multipart: { image_file: new Blob([png, new Uint8Array(1024 * 1024)]) } }, 500],
  ] as const)('%s', async (_, method, path, body, status) => {
    const answer = await send(freshStore(), method, path, body);
    expect(answer.status).toBe(status);
    const operationId = spec.operations.find((o) => o.method.toUpperCase() === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, '\\d+')}$`).test(path))!.operationId;
    expect(spec.validateBody(operationId, status, answer.body)).toEqual([]);
    expect(answer.body).toMatchObject({ status });
  });

  test('a product holds at most 600 variants: the 601st is refused with 422', async () => {
    const options = [{ id: 1, display_name: 'Size', option_values: Array.from({ length: 601 }, (_, i) => ({ id: i + 1, label: `S${i + 1}` })) }];
    const variants = Array.from({ length: 600 }, (_, i) => ({ sku: `S-${i + 1}`, option_values: [{ id: i + 1, option_id: 1 }] }));
    const fake = freshStore({ seed: { products: [{ id: 5, options, variants }] }, rateLimit: false });
    const answer = await send(fake, 'POST', '/catalog/products/5/variants', { json: { sku: 'S-601', option_values: [{ id: 601, option_id: 1 }] } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({ sku: 'A product may have at most 600 variants (SKUs).' });
  });

  test('no X-Auth-Token: 401, not counted against the quota', async () => {
    const fake = freshStore({ rateLimit: { requests: 1, windowMs: 60_000 } });
    const answer = await fake.fetch('https://api.bigcommerce.com/stores/abc123/v3/catalog/products/192/variants');
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ status: 401 });
    expect((await send(fake, 'GET', '/catalog/products/192/variants')).status).toBe(200);
  });
});

describe('paging', () => {
  const manyVariants = (count: number) => ({
    products: [
      {
        id: 7,
        options: [{ id: 1, display_name: 'Size', option_values: Array.from({ length: count }, (_, i) => ({ id: i + 1, label: `S${i + 1}` })) }],
        variants: Array.from({ length: count }, (_, i) => ({ sku: `P-${i + 1}`, option_values: [{ id: i + 1, option_id: 1 }] })),
      },
    ],
  });

  test('meta.pagination counts the pages and links the neighbours', async () => {
    const fake = freshStore({ seed: manyVariants(5) });
    const second = await send(fake, 'GET', '/catalog/products/7/variants?page=2&limit=2');
    expect(second.body.data.map((v: { sku: string }) => v.sku)).toEqual(['P-3', 'P-4']);
    expect(second.body.meta.pagination).toEqual({
      total: 5,
      count: 2,
      per_page: 2,
      current_page: 2,
      total_pages: 3,
      links: { previous: '?page=1&limit=2', current: '?page=2&limit=2', next: '?page=3&limit=2' },
    });
    const past = await send(fake, 'GET', '/catalog/products/7/variants?page=9&limit=2');
    expect(past.body.data).toEqual([]);
    expect(past.body.meta.pagination).toMatchObject({ count: 0, current_page: 9, total_pages: 3 });
  });

  test('listAllVariants walks every page once, and exclude_fields trims each variant', async () => {
    const fake = freshStore({ seed: manyVariants(7) });
    const client = createBigCommerceClient({ storeHash: 'abc123', accessToken: 'fake-token', fetch: fake.fetch });
    const seen = [];
    for await (const variant of client.listAllVariants({ product_id: 7, pageSize: 3, query: { exclude_fields: ['option_values'] } })) seen.push(variant);
    expect(seen.map((v) => v.sku)).toEqual(['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7']);
    expect(seen.every((v) => !('option_values' in v))).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'GET 200', 'GET 200']);
  });
});

describe('the batch update', () => {
  test('updates variants of any products by id, in one request', async () => {
    const { client, fake } = storeWithClient();
    const { data, response } = await client.updateVariantsBatch({ variants: [{ id: 78, inventory_level: 3 }, { id: 384, price: 30, sku: 'SMIT-2B' }] });
    expect(response.status).toBe(200);
    expect(data?.data.map((v) => [v.id, v.product_id, v.inventory_level, v.sku])).toEqual([
      [78, 111, 3, 'SM13'],
      [384, 192, 0, 'SMIT-2B'],
    ]);
    expect(fake.snapshot().products[0]!.variants!.find((v) => v.id === 384)?.price).toBe(30);
  });

  test('51 variants: 413 before any item is read, nothing changed', async () => {
    const fake = freshStore();
    const items = Array.from({ length: 51 }, () => ({ id: 999_999, price: 1 }));
    const answer = await send(fake, 'PUT', '/catalog/variants', { json: items });
    expect(answer.status).toBe(413);
    expect(spec.validateBody('updateVariantsBatch', 413, answer.body)).toEqual([]);
    expect(fake.snapshot()).toEqual(freshStore().snapshot());
  });

  test('an unknown variant or a taken SKU: 422 with batch_errors, and nothing of the batch applied', async () => {
    const fake = freshStore();
    const answer = await send(fake, 'PUT', '/catalog/variants', { json: [{ id: 382, price: 99 }, { id: 999, price: 1 }, { id: 383, sku: 'SMIT-2' }] });
    expect(answer.status).toBe(422);
    expect(answer.body.batch_errors.map((e: { errors: object }) => e.errors)).toEqual([{ id: 'Variant 999 was not found.' }, { sku: 'SMIT-2 is not unique.' }]);
    expect(fake.snapshot()).toEqual(freshStore().snapshot());
  });
});

describe('the store’s quota: 150 requests per 30 s by default', () => {
  test('every counted answer carries the four X-Rate-Limit-* headers; past the quota, 429 with X-Retry-After in whole seconds', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date', 'performance'] });
    try {
      const fake = freshStore({ rateLimit: { requests: 2, windowMs: 2_500 } });
      const first = await send(fake, 'GET', '/catalog/products/192/variants');
      expect(Object.fromEntries([...first.headers].filter(([name]) => name.startsWith('x-rate-limit')))).toEqual({
        'x-rate-limit-time-window-ms': '2500',
        'x-rate-limit-time-reset-ms': '2500',
        'x-rate-limit-requests-quota': '2',
        'x-rate-limit-requests-left': '1',
      });
      vi.advanceTimersByTime(1_000);
      await send(fake, 'GET', '/catalog/products/192/variants');
      const refused = await send(fake, 'GET', '/catalog/products/192/variants');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('x-rate-limit-time-reset-ms')).toBe('1500');
      expect(refused.headers.get('x-retry-after')).toBe('2');
      expect(refused.headers.get('x-rate-limit-requests-left')).toBe('0');
      expect(spec.validateBody('getProductVariants', 429, refused.body)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  test('the defaults are BigCommerce’s Standard plan: 150 per 30 000 ms', async () => {
    const first = await send(freshStore(), 'GET', '/catalog/products/192/variants');
    expect(first.headers.get('x-rate-limit-requests-quota')).toBe('150');
    expect(first.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
  });
});
