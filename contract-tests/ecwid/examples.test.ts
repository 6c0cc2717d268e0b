// The vendor's own examples, served by the mock from the spec, come back through the client typed.
// The values asserted here are the ones printed on Ecwid's reference pages.
import { expect, test } from 'vitest';
import { preferExample } from '../support/prism-headers.js';
import { ecwidClient } from './client.js';

const path = { productId: 692730761, combinationId: 422488528 };

test('a variation with its own SKU, price and stock, and translated options', async () => {
  const client = ecwidClient();
  client.use(preferExample('variationWithTranslations'));
  const { data: variation } = await client.GET('/products/{productId}/combinations/{combinationId}', {
    params: { path },
  });

  expect(variation?.id).toBe(422488528);
  expect(variation?.combinationNumber).toBe(2);
  const [mark] = variation?.options ?? [];
  expect(mark?.name).toBe('Mark');
  expect(mark?.valueTranslated?.en).toBe('II');
  expect(variation?.sku).toBe('MARK-II');
  expect(variation?.price).toBe(25);
  expect(variation?.quantity).toBe(25);
  // The displayed price includes the store's tax.
  expect(variation?.defaultDisplayedPriceFormatted).toBe('€27,50');
});

test('the variation list is a bare array, not a paged envelope', async () => {
  const client = ecwidClient();
  client.use(preferExample('variationList'));
  const { data: variations } = await client.GET('/products/{productId}/combinations', {
    params: { path: { productId: path.productId } },
  });

  expect(Array.isArray(variations)).toBe(true);
  expect(variations?.map((v) => v.id)).toContain(422488527);
  expect(variations?.every((v) => v.options?.[0]?.name === 'Mark')).toBe(true);
  // What a listing shows a user: every variation has a SKU and a price.
  expect(variations?.map((v) => [v.sku, v.price])).toEqual([
    ['MARK-III', 30],
    ['MARK-II', 25],
    ['MARK-I', 20],
  ]);
});

test('the legacy (2020) example still decodes', async () => {
  const client = ecwidClient();
  client.use(preferExample('legacyVariation'));
  const { data: variation, response } = await client.GET('/products/{productId}/combinations/{combinationId}', {
    params: { path },
  });
  expect(response.status).toBe(200);
  expect(variation?.sku).toEqual(expect.any(String));
  expect(variation?.price).toEqual(expect.any(Number));
});

test('a field a variation inherits from its product is left out, not null (2020 list)', async () => {
  const client = ecwidClient();
  client.use(preferExample('legacyVariationList'));
  const { data: variations } = await client.GET('/products/{productId}/combinations', {
    params: { path: { productId: path.productId } },
  });
  const inheritsPrice = variations?.find((v) => v.id === 7084072);
  expect(inheritsPrice?.sku).toBe('000075');
  expect(inheritsPrice).not.toHaveProperty('price');
});
