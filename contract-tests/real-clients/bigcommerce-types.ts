// The compile-time half of the BigCommerce corpus, checked by `npm run typecheck`: the generated
// types take what real clients send (a fetched variant sent back whole) and still refuse a misspelt
// field. Each `@ts-expect-error` fails the type check the day the types stop catching its typo.
import type { components } from '../../generated/bigcommerce.js';
import type { BigCommerceClient } from '../../src/bigcommerce.js';

type Variant = components['schemas']['ProductVariant'];
type VariantCreate = components['schemas']['ProductVariantCreate'];
type VariantUpdate = components['schemas']['ProductVariantUpdate'];

/** A fetched variant goes back as an update body, read-only members and all (bigcommerce/api issue 56). */
export const sentBack = (fetched: Variant): VariantUpdate => ({ ...fetched, price: 27 });

export const created: VariantCreate = {
  sku: 'SHIRT-RED-L',
  option_values: [{ id: 146, option_id: 151 }],
  // @ts-expect-error inventroy_level is a typo of inventory_level
  inventroy_level: 12,
};

export const createdWithNamesOnly: VariantCreate = {
  sku: 'SHIRT-RED-L',
  // @ts-expect-error option values are named by id and option_id on this endpoint (bigcommerce/api issue 71)
  option_values: [{ option_display_name: 'Color', label: 'Red' }],
};

export const updated: VariantUpdate = {
  // @ts-expect-error sale_prcie is a typo of sale_price
  sale_prcie: 20,
};

export const updatedWithStringPrice: VariantUpdate = {
  // @ts-expect-error a price is a number, not a string
  price: '24.50',
};

/**
 * Through the client, a body literal is inferred into openapi-fetch's generic `init`, where
 * TypeScript makes no excess-property check: name the body's type (`satisfies`) to keep the check.
 */
export const updateWithTypo = (client: BigCommerceClient) =>
  client.PUT('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path: { product_id: 192, variant_id: 384 } },
    body: {
      // @ts-expect-error inventroy_level is a typo of inventory_level
      inventroy_level: 5,
    } satisfies VariantUpdate,
  });

/** include_fields names are typed too: map_price is one, a misspelt name is not. */
export const listWithMapPrice = (client: BigCommerceClient) =>
  client.GET('/catalog/products/{product_id}/variants', {
    params: {
      path: { product_id: 192 },
      // @ts-expect-error prcie names no variant field
      query: { include_fields: ['sku', 'map_price', 'prcie'] },
    },
  });
