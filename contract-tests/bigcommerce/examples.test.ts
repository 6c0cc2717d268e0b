// BigCommerce's own examples, served by the mock from the spec, come back through the client typed.
import { expect, test } from 'vitest';
import { preferExample } from '../support/prism-headers.js';
import { bigCommerceClient } from './client.js';

test('a page of variants decodes with its pagination meta', async () => {
  const client = bigCommerceClient();
  client.use(preferExample('variantList'));
  const { data: page } = await client.GET('/catalog/products/{product_id}/variants', {
    params: { path: { product_id: 192 } },
  });

  expect(page?.data.map((variant) => variant.sku)).toEqual(['SMIT', 'SMIT-1', 'SMIT-2']);
  expect(page?.data[0]?.option_values?.[0]).toEqual({ id: 174, label: 'Beige', option_id: 220, option_display_name: 'Color' });
  const pagination = page?.meta.pagination;
  expect(pagination).toMatchObject({ total: 3, count: 3, per_page: 50, current_page: 1, total_pages: 1 });
  expect(pagination?.links?.current).toBe('?page=1&limit=50');
});

test('a base variant has null prices and no sku_id: the product’s values apply', async () => {
  const client = bigCommerceClient();
  client.use(preferExample('baseVariant'));
  const { data } = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path: { product_id: 111, variant_id: 78 } },
  });

  expect(data?.data.sku_id).toBeNull();
  expect(data?.data.price).toBeNull();
  expect(data?.data.calculated_price).toBe(25);
  expect(data?.data.option_values).toEqual([]);
});
