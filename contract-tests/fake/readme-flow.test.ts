import { readFile } from 'node:fs/promises';
import { createBigCommerceClient } from '../../src/index.js';
import { createFakeStore } from '../../src/testing/index.js';
import { beforeEach, expect, test } from 'vitest';

const fake = createFakeStore('bigcommerce'); // the default catalogue: product 192, variants 382-384
const bigcommerce = createBigCommerceClient({ storeHash: 'abc123', accessToken: 'any', fetch: fake.fetch });

beforeEach(() => fake.reset());

test('a variant is created, gets an image, is read back and deleted', async () => {
  const product_id = 192;
  const created = await bigcommerce.POST('/catalog/products/{product_id}/variants', {
    params: { path: { product_id } },
    body: { sku: 'SMIT-3', option_values: [{ id: 189, option_id: 220 }], price: 30 },
  });
  const variant_id = created.data!.data!.id;

  const photo = await readFile(new URL('../fixtures/variation.jpg', import.meta.url));
  const uploaded = await bigcommerce.uploadVariantImageFile({ product_id, variant_id, image_file: photo });
  const image_url = uploaded.data!.data.image_url!;
  const image = await fake.fetch(image_url); // the fake serves the uploaded bytes back
  expect(Buffer.from(await image.arrayBuffer())).toEqual(photo);

  const read = await bigcommerce.GET('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path: { product_id, variant_id } },
  });
  expect(read.data?.data).toMatchObject({ sku: 'SMIT-3', price: 30, image_url });

  await bigcommerce.DELETE('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path: { product_id, variant_id } },
  });
  const gone = await bigcommerce.GET('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path: { product_id, variant_id } },
  });
  expect(gone.response.status).toBe(404);
  expect(fake.requests.map(({ method, status }) => `${method} ${status}`)).toEqual([
    'POST 200', 'POST 200', 'GET 200', 'GET 200', 'DELETE 204', 'GET 404',
  ]);
});
