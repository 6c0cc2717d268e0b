// The generated BigCommerce types after the fidelity change: a fetched variant goes back as an
// update body, and a misspelt field is still a compile error (if the types ever stopped catching
// it, the expect-error directives below would be unused and `npm run typecheck` would fail). The
// same bodies then go through the mock, which must judge them as the types do.
import { expect, test } from 'vitest';
import type { components } from '../../generated/bigcommerce.js';
import { bigCommerceClient } from '../bigcommerce/client.js';
import { violations } from '../support/prism-headers.js';

type VariantCreate = components['schemas']['ProductVariantCreate'];
type VariantUpdate = components['schemas']['ProductVariantUpdate'];

const path = { product_id: 192, variant_id: 384 };

const misspeltCreate: VariantCreate = {
  sku: 'SHIRT-RED-L',
  option_values: [{ id: 146, option_id: 151 }],
  // @ts-expect-error inventroy_level is a typo of inventory_level
  inventroy_level: 12,
};

const namesOnlyCreate: VariantCreate = {
  sku: 'SHIRT-RED-L',
  // @ts-expect-error option values are named by id and option_id on this endpoint (bigcommerce/api issue 71)
  option_values: [{ option_display_name: 'Color', label: 'Red' }],
};

const misspeltUpdate: VariantUpdate = {
  // @ts-expect-error sale_prcie is a typo of sale_price
  sale_prcie: 20,
};

const stringPriceUpdate: VariantUpdate = {
  // @ts-expect-error a price is a number, not a string
  price: '24.50',
};

test('a fetched variant type-checks as an update body and the mock takes it (bigcommerce/api issue 56)', async () => {
  const client = bigCommerceClient();
  const { data: fetched } = await client.GET('/catalog/products/{product_id}/variants/{variant_id}', { params: { path } });
  const sentBack: VariantUpdate = { ...fetched!.data, price: 27 };

  const { response } = await client.PUT('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path },
    body: sentBack,
  });
  expect(violations(response)).toEqual([]);
  expect(response.status).toBe(200);
});

test.each([
  ['inventroy_level', misspeltCreate],
  ['option_values', namesOnlyCreate],
])('a create body the types refuse is refused by the mock too (%s)', async (field, body) => {
  const { response } = await bigCommerceClient().POST('/catalog/products/{product_id}/variants', {
    params: { path: { product_id: path.product_id } },
    body,
  });
  expect(response.status).toBe(422);
  expect(JSON.stringify(violations(response))).toContain(field);
});

test.each([
  ['sale_prcie', misspeltUpdate],
  ['price', stringPriceUpdate],
])('an update body the types refuse is refused by the mock too (%s)', async (field, body) => {
  const { response } = await bigCommerceClient().PUT('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path },
    body,
  });
  expect(response.status).toBe(422);
  expect(JSON.stringify(violations(response))).toContain(field);
});

test('through the client, name the body type (satisfies) to keep the excess-property check', async () => {
  // openapi-fetch infers a body literal into its generic `init`, where TypeScript checks no excess
  // properties; `satisfies` brings the check back.
  const { response } = await bigCommerceClient().PUT('/catalog/products/{product_id}/variants/{variant_id}', {
    params: { path },
    body: {
      // @ts-expect-error inventroy_level is a typo of inventory_level
      inventroy_level: 5,
    } satisfies VariantUpdate,
  });
  expect(response.status).toBe(422);
});

test('include_fields names are typed: map_price is one, a misspelt name is not, and the mock agrees', async () => {
  const listed = await bigCommerceClient().GET('/catalog/products/{product_id}/variants', {
    params: { path: { product_id: path.product_id }, query: { include_fields: ['sku', 'map_price'] } },
  });
  expect(violations(listed.response)).toEqual([]);
  expect(listed.response.status).toBe(200);

  const { error, response } = await bigCommerceClient().GET('/catalog/products/{product_id}/variants', {
    params: {
      path: { product_id: path.product_id },
      // @ts-expect-error prcie names no variant field
      query: { include_fields: ['sku', 'map_price', 'prcie'] },
    },
  });
  // The list documents no 422, so Prism names the violation in its own problem body.
  expect(response.status).toBe(422);
  expect(JSON.stringify(error)).toContain('include_fields');
});
