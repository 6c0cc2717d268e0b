// The generated Ecwid types after the fidelity change: everything the official Kotlin client sends
// type-checks, and a misspelt field is still a compile error (if the types ever stopped catching
// it, the expect-error directives below would be unused and `npm run typecheck` would fail). The
// same bodies then go through the mock.
import { expect, expectTypeOf, test } from 'vitest';
import type { components } from '../../generated/ecwid.js';
import { ecwidClient } from '../ecwid/client.js';
import { violations } from '../support/prism-headers.js';

type VariationCreate = components['schemas']['VariationCreate'];
type VariationUpdate = components['schemas']['VariationUpdate'];
type ImageUploadAsyncRequest = components['schemas']['ImageUploadAsyncRequest'];

const path = { productId: 8392837, combinationId: 463737373 };

// Fields of the Kotlin client's UpdatedVariation that the earlier document refused.
const create: VariationCreate = {
  options: [{ name: 'Size', value: 'L' }],
  customsHsTariffCode: '610910',
  locationInventory: { 'loc-main': 5 },
  externalReferenceId: 'erp-000123',
  outOfStockVisibilityBehaviour: 'HIDE',
  attributes: [{ alias: 'UPC', value: '0435943543594395' }],
  subscriptionSettings: { subscriptionAllowed: true, recurringChargeSettings: [{ recurringInterval: 'MONTH', recurringIntervalCount: 1 }] },
};

const misspeltCreate: VariationCreate = {
  options: [{ name: 'Size', value: 'L' }],
  // @ts-expect-error customsHSTariffCode is not a field (customsHsTariffCode is)
  customsHSTariffCode: '610910',
};

const misspeltUpdate: VariationUpdate = {
  // @ts-expect-error quantiy is not a field (quantity is)
  quantiy: 3,
};

// Integers, as the Kotlin client's AsyncPictureData sends them, and strings, as Ecwid documents them.
const sizes: ImageUploadAsyncRequest[] = [
  { url: 'https://example.com/dummy.jpg', width: 100, height: 200 },
  { url: 'https://example.com/dummy.jpg', width: '100', height: '200' },
];

// Open enums keep their known values as types of their own (`"A" | (string & {})`, not a
// `"A" | string` that TypeScript collapses to `string`), so editors still offer them; any other
// string is still accepted.
test('open enums keep their known values in the types', () => {
  type AttributeType = components['schemas']['AttributeType'];
  // Exclude, not NonNullable: `T & {}` reduces `"HIDE" | (string & {})` to `string & {}` again.
  type Visibility = Exclude<components['schemas']['Variation']['outOfStockVisibilityBehaviour'], undefined>;
  expectTypeOf<Extract<AttributeType, 'EXTERNAL_EAN'>>().toEqualTypeOf<'EXTERNAL_EAN'>();
  expectTypeOf<Extract<Visibility, 'HIDE'>>().toEqualTypeOf<'HIDE'>();
  expectTypeOf<'A_TYPE_ADDED_LATER'>().toExtend<AttributeType>();
});

test('a create with the Kotlin client fields passes the mock', async () => {
  const { response, data } = await ecwidClient().POST('/products/{productId}/combinations', {
    params: { path: { productId: path.productId } },
    body: create,
  });
  expect(violations(response)).toEqual([]);
  expect(data?.id).toEqual(expect.any(Number));
});

test.each([
  ['create', misspeltCreate, 'customsHSTariffCode'],
  ['update', misspeltUpdate, 'quantiy'],
] as const)('the misspelt %s body the types reject is refused by the mock too', async (kind, body, typo) => {
  const client = ecwidClient();
  const { response } =
    kind === 'create'
      ? await client.POST('/products/{productId}/combinations', { params: { path: { productId: path.productId } }, body: body as VariationCreate })
      : await client.PUT('/products/{productId}/combinations/{combinationId}', { params: { path }, body });
  expect(response.status).toBe(400);
  expect(JSON.stringify(violations(response))).toContain(typo);
});

test.each(sizes)('async image sizes as $width × $height pass the mock', async (body) => {
  const { response } = await ecwidClient().POST('/products/{productId}/combinations/{combinationId}/image/async', {
    params: { path },
    body,
  });
  expect(response.status).toBe(200);
  expect(violations(response)).toEqual([]);
});
