// The vendor's own examples, served by the mock from the spec, come back through the client typed.
// The values asserted here are the ones printed on Ecwid's reference pages.
import { expect, test } from 'vitest';
import { preferExample } from '../support/prism-headers.js';
import { ecwidClient } from './client.js';

const path = { productId: 692730761, combinationId: 422488528 };

test('a variation that inherits price, SKU and stock from its product, with translated options', async () => {
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
  expect(variation?.defaultDisplayedPriceFormatted).toBe('€27,50');
  // Inherited fields are left out, not null.
  expect(variation).not.toHaveProperty('price');
  expect(variation).not.toHaveProperty('sku');
  expect(variation).not.toHaveProperty('quantity');
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
