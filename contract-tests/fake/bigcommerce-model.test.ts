// Model-based property test of the BigCommerce fake store: random sequences of every BigCommerce
// operation, run against the store and against a tiny reference model of two products. A run fails
// on any answer the spec does not allow (verify's checkAnswer: documented status, required headers,
// body schema) and on any divergence from the model.
// About a thousand steps under `npm test`; FUZZ_RUNS (`npm run test:fuzz`) runs many more.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { BigCommerceSeed } from '../../src/fake/bigcommerce.js';
import { checkAnswer } from '../../src/verify/check.js';
import { loadSpec } from '../../src/verify/spec.js';
import { fuzzParameters, fuzzTimeout } from '../fuzz/settings.js';
import { type Body, freshStore, png, send } from './bigcommerce-store.js';

const spec = loadSpec('bigcommerce');

/** Each product has one option; `values` are the option value IDs it has. */
const products = { 1: { option: 10, values: [101, 102, 103, 104] }, 2: { option: 20, values: [201, 202] } } as const;
type ProductId = keyof typeof products;
const unknownProduct = 99;

interface ModelVariant {
  id: number;
  productId: ProductId;
  valueId: number;
  sku: string;
  price: number | null;
  salePrice: number | null;
  calculatedPrice: number;
  stock: number;
  image: { url: string } | { bytes: Uint8Array } | undefined;
}
interface Model {
  /** In ID order. */
  variants: ModelVariant[];
  nextId: number;
  /** Every URL an upload got: each upload gets a new one. */
  uploadedUrls: Set<string>;
}
type Real = { store: ReturnType<typeof freshStore> };

const seeded = (id: number, productId: ProductId, valueId: number, sku: string, price: number, salePrice: number | null): ModelVariant => ({
  id,
  productId,
  valueId,
  sku,
  price,
  salePrice,
  calculatedPrice: salePrice !== null && salePrice > 0 ? salePrice : price,
  stock: 0,
  image: undefined,
});
const initialModel = (): Model => ({
  variants: [seeded(1, 1, 101, 'A', 10, null), seeded(2, 1, 102, 'B', 20, 15), seeded(3, 2, 201, 'C', 5, null)],
  nextId: 4,
  uploadedUrls: new Set(),
});

/** The same catalogue as the store's seed, in BigCommerce's field names. */
const seed = (): BigCommerceSeed => ({
  products: Object.entries(products).map(([id, { option, values }]) => ({
    id: Number(id),
    options: [{ id: option, display_name: `Option ${option}`, option_values: values.map((value) => ({ id: value, label: `Value ${value}` })) }],
    variants: initialModel()
      .variants.filter((variant) => variant.productId === Number(id))
      .map((variant) => ({
        id: variant.id,
        sku: variant.sku,
        price: variant.price,
        sale_price: variant.salePrice,
        inventory_level: 0,
        image_url: '',
        option_values: [{ id: variant.valueId, option_id: option }],
      })),
  })),
});

/** Sends a request; the answer must be one the spec allows for the operation (one validator: verify's). */
async function call(real: Real, operationId: string, method: string, path: string, body?: Body) {
  const answer = await send(real.store, method, path, body);
  expect(answer.headers.get('sl-violations'), `${operationId} ${answer.status}: the request was refused`).toBeNull();
  const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
  expect(checkAnswer(spec, { operationId, status: answer.status, headers: answer.headers, text }).violations).toEqual([]);
  return answer;
}

/** The variant the index points at, or an ID no variant has (one index past the end). */
function target(model: Model, pick: number): { id: number; found?: ModelVariant } {
  const found = model.variants[pick % (model.variants.length + 1)];
  return found ? { id: found.id, found } : { id: 999 };
}

/** Where a variant is asked for: its own product, another known one, or one that does not exist. */
const productFor = (found: ModelVariant | undefined, which: 'own' | 'other' | 'unknown'): number =>
  which === 'unknown' ? unknownProduct : which === 'other' ? (found?.productId === 1 ? 2 : 1) : (found?.productId ?? 1);

/** The store's variant must show what the model holds. */
async function expectShown(real: Real, shown: Record<string, any>, expected: ModelVariant) {
  expect(shown).toMatchObject({
    id: expected.id,
    product_id: expected.productId,
    sku: expected.sku,
    price: expected.price,
    sale_price: expected.salePrice,
    calculated_price: expected.calculatedPrice,
    inventory_level: expected.stock,
  });
  expect(shown.option_values.map((value: { id: number; option_id: number }) => [value.option_id, value.id])).toEqual([
    [products[expected.productId].option, expected.valueId],
  ]);
  const { image } = expected;
  if (!image) expect(shown.image_url).toBe('');
  else if ('url' in image) expect(shown.image_url).toBe(image.url);
  else expect(new Uint8Array(await (await real.store.fetch(shown.image_url)).arrayBuffer())).toEqual(image.bytes);
}

const expectStatus = (answer: { status: number; body: any }, status: number) => expect(answer.status).toBe(status);

type Command = fc.AsyncCommand<Model, Real>;
const command = (name: string, run: (model: Model, real: Real) => Promise<void>): Command => ({
  check: () => true,
  run,
  toString: () => name,
});

/** Fields a create or update may send, with the same small pools so that clashes happen. */
interface Fields {
  sku?: string;
  price?: number | null;
  sale_price?: number | null;
  inventory_level?: number;
}
const skus = fc.constantFrom('A', 'B', 'C', 'D', 'E');
const prices = fc.option(fc.integer({ min: 0, max: 50 }), { nil: null });
const fields = fc.record({ sku: skus, price: prices, sale_price: prices, inventory_level: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: [] });
const picks = fc.nat(20);
const where = fc.constantFrom('own', 'own', 'own', 'other', 'unknown');

/** Another variant (not `self`) that has the SKU; an empty SKU clashes with nothing. */
const skuOwner = (model: Model, sku: string | undefined, self?: ModelVariant) =>
  sku ? model.variants.find((variant) => variant.sku === sku && variant !== self) : undefined;

/** A create's or update's fields applied to a variant of the model, and the price BigCommerce computes. */
function applyFields(variant: ModelVariant, input: Fields) {
  if (input.sku !== undefined) variant.sku = input.sku;
  if (input.price !== undefined) variant.price = input.price;
  if (input.sale_price !== undefined) variant.salePrice = input.sale_price;
  if (input.inventory_level !== undefined) variant.stock = input.inventory_level;
  const sale = variant.salePrice;
  variant.calculatedPrice = sale !== null && sale > 0 ? sale : (variant.price ?? variant.calculatedPrice);
}

const commands = [
  fc.tuple(fc.constantFrom<number>(1, 2, unknownProduct), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean()).map(
    ([productId, page, limit, onlySku]) =>
      command(`list ${productId} page ${page} limit ${limit}${onlySku ? ' sku only' : ''}`, async (model, real) => {
        const query = `?page=${page}&limit=${limit}${onlySku ? '&include_fields=sku' : ''}`;
        const answer = await call(real, 'getProductVariants', 'GET', `/catalog/products/${productId}/variants${query}`);
        if (productId === unknownProduct) return expectStatus(answer, 404);
        const all = model.variants.filter((variant) => variant.productId === productId);
        const expected = all.slice((page - 1) * limit, page * limit);
        expect(answer.body.meta.pagination).toMatchObject({
          total: all.length,
          count: expected.length,
          per_page: limit,
          current_page: page,
          total_pages: Math.ceil(all.length / limit),
        });
        if (onlySku) expect(answer.body.data).toEqual(expected.map(({ id, sku }) => ({ id, sku })));
        else for (const [index, shown] of answer.body.data.entries()) await expectShown(real, shown, expected[index]!);
      }),
  ),
  fc.tuple(picks, where).map(([pick, which]) =>
    command(`get ${pick} (${which} product)`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'getProductVariant', 'GET', `/catalog/products/${productFor(found, which)}/variants/${id}`);
      if (!found || which !== 'own') return expectStatus(answer, 404);
      await expectShown(real, answer.body.data, found);
    }),
  ),
  fc.tuple(fc.constantFrom<number>(1, 2, unknownProduct), skus, fc.constantFrom(101, 102, 103, 104, 105, 201, 202), fields).map(
    ([productId, sku, valueId, input]) =>
      command(`create on ${productId} ${JSON.stringify({ sku, valueId, ...input })}`, async (model, real) => {
        const product = products[productId as ProductId];
        const body = { ...input, sku, option_values: [{ id: valueId, option_id: product?.option ?? 10 }] };
        const answer = await call(real, 'createProductVariant', 'POST', `/catalog/products/${productId}/variants`, { json: body });
        if (!product) return expectStatus(answer, 404);
        if (!(product.values as readonly number[]).includes(valueId)) return expectStatus(answer, 422);
        if (skuOwner(model, sku)) return expectStatus(answer, 409);
        if (model.variants.some((variant) => variant.productId === productId && variant.valueId === valueId)) return expectStatus(answer, 409);
        expectStatus(answer, 200);
        const created: ModelVariant = { ...seeded(model.nextId++, productId as ProductId, valueId, sku, 0, null), price: null, calculatedPrice: 0 };
        applyFields(created, { ...input, sku });
        await expectShown(real, answer.body.data, created);
        model.variants.push(created);
      }),
  ),
  fc.tuple(picks, where, fields).map(([pick, which, input]) =>
    command(`update ${pick} (${which} product) ${JSON.stringify(input)}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'updateProductVariant', 'PUT', `/catalog/products/${productFor(found, which)}/variants/${id}`, { json: input });
      if (!found || which !== 'own') return expectStatus(answer, 404);
      if (skuOwner(model, input.sku, found)) return expectStatus(answer, 409);
      expectStatus(answer, 200);
      applyFields(found, input);
      await expectShown(real, answer.body.data, found);
    }),
  ),
  fc.tuple(picks, where).map(([pick, which]) =>
    command(`delete ${pick} (${which} product)`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'deleteProductVariant', 'DELETE', `/catalog/products/${productFor(found, which)}/variants/${id}`);
      if (!found || which !== 'own') return expectStatus(answer, 404);
      expectStatus(answer, 204);
      model.variants = model.variants.filter((variant) => variant !== found);
    }),
  ),
  fc.tuple(picks, where, fc.constantFrom('bytes', 'json url', 'form url')).map(([pick, which, how]) =>
    command(`image ${pick} (${which} product) by ${how}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const url = `https://example.org/${id}-${model.uploadedUrls.size}.png`;
      const body: Body = how === 'bytes' ? { multipart: { image_file: new Blob([png], { type: 'image/png' }) } } : how === 'json url' ? { json: { image_url: url } } : { multipart: { image_url: url } };
      const answer = await call(real, 'createProductVariantImage', 'POST', `/catalog/products/${productFor(found, which)}/variants/${id}/image`, body);
      if (!found || which !== 'own') return expectStatus(answer, 404);
      expectStatus(answer, 200);
      const stored = answer.body.data.image_url;
      if (how === 'bytes') {
        expect(model.uploadedUrls.has(stored), 'each upload gets a new URL').toBe(false);
        model.uploadedUrls.add(stored);
        found.image = { bytes: new Uint8Array(png) };
      } else {
        expect(stored).toBe(url);
        found.image = { url };
      }
    }),
  ),
  fc
    .oneof(
      { weight: 9, arbitrary: fc.array(fc.tuple(picks, fc.record({ sku: skus, price: prices, inventory_level: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: [] })), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant('oversized' as const) },
    )
    .map((items) =>
      command(`batch ${JSON.stringify(items)}`, async (model, real) => {
        if (items === 'oversized') {
          const answer = await call(real, 'updateVariantsBatch', 'PUT', '/catalog/variants', { json: Array.from({ length: 51 }, (_, i) => ({ id: i + 1, price: 1 })) });
          return expectStatus(answer, 413);
        }
        const updates = items.map(([pick, input]) => ({ id: target(model, pick).id, ...input }));
        const answer = await call(real, 'updateVariantsBatch', 'PUT', '/catalog/variants', { json: updates });
        // Refused, and nothing applied, when a variant is unknown or a SKU would be another variant's.
        const claimed = new Map<string, number>();
        const refused = updates.some(({ id, sku }) => {
          const found = model.variants.find((variant) => variant.id === id);
          const clash = sku ? (skuOwner(model, sku, found) !== undefined || (claimed.has(sku) && claimed.get(sku) !== id)) : false;
          if (sku) claimed.set(sku, id);
          return !found || clash;
        });
        if (refused) return expectStatus(answer, 422);
        expectStatus(answer, 200);
        for (const [index, { id, ...input }] of updates.entries()) {
          const found = model.variants.find((variant) => variant.id === id)!;
          applyFields(found, input);
          await expectShown(real, answer.body.data[index], found);
        }
      }),
    ),
];

test('random sequences of every BigCommerce operation agree with the model and the spec', { timeout: fuzzTimeout }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 80, size: 'max' }), (sequence) =>
      fc.asyncModelRun(() => ({ model: initialModel(), real: { store: freshStore({ seed: seed(), rateLimit: false }) } }), sequence),
    ),
    fuzzParameters,
  );
});
