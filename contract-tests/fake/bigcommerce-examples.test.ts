// The BigCommerce spec's examples and the fake's default catalogue tell one story: every example
// request of the spec, sent alone to a fresh default store, gets the operation's documented success
// status, and the store answers with the spec's own response examples.
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/verify/spec.js';
import { freshStore, png, productId, send } from './bigcommerce-store.js';
import { exampleRequests, responseExample } from './support/spec-examples.js';

const spec = loadSpec('bigcommerce');
// A multipart example's file part stands for bytes with a placeholder: a real PNG goes in its place.
const requests = exampleRequests(spec, { query: 'together', file: () => new Blob([png], { type: 'image/png' }) });
const successOf = (operationId: string) => Math.min(...spec.responses.filter((r) => r.operationId === operationId && r.status < 300).map((r) => r.status));

test('the examples cover every operation of the spec', () => {
  expect(new Set(requests.map((request) => request.operationId))).toEqual(new Set(spec.operations.map((operation) => operation.operationId)));
});

describe('every example request succeeds alone on a fresh default store', () => {
  test.each(requests.map((request) => [request.name, request] as const))('%s', async (_, { operationId, method, path, body }) => {
    const answer = await send(freshStore(), method, path, body);
    expect(answer.headers.get('sl-violations')).toBeNull();
    expect({ status: answer.status, errors: spec.validateBody(operationId, answer.status, answer.body) }).toEqual({
      status: successOf(operationId),
      errors: [],
    });
  });
});

describe("the default store answers with the spec's response examples", () => {
  const example = (operationId: string, status: number, name: string) => responseExample(spec, operationId, status, name) as any;
  const variants = `/catalog/products/${productId}/variants`;
  const bodyOf = (name: string) => requests.find((request) => request.name === name)!.body;

  test('the list, whole and as a trimmed second page', async () => {
    const store = freshStore();
    expect((await send(store, 'GET', variants)).body).toEqual(example('getProductVariants', 200, 'variantList'));
    expect((await send(store, 'GET', `${variants}?page=2&limit=2&include_fields=sku,price`)).body).toEqual(
      example('getProductVariants', 200, 'variantListFiltered'),
    );
  });

  test('one variant, and a base variant of a product without options', async () => {
    const store = freshStore();
    expect((await send(store, 'GET', `${variants}/384`)).body).toEqual(example('getProductVariant', 200, 'variant'));
    expect((await send(store, 'GET', '/catalog/products/111/variants/78')).body).toEqual(example('getProductVariant', 200, 'baseVariant'));
  });

  test('the created variant: the next free IDs, Black-Walnut', async () => {
    const created = await send(freshStore(), 'POST', variants, bodyOf('createProductVariant application/json createVariant'));
    expect(created.body).toEqual(example('createProductVariant', 200, 'variantCreated'));
  });

  test('the updated variant (map_price aside: the example shows another of its forms)', async () => {
    const updated = await send(freshStore(), 'PUT', `${variants}/384`, bodyOf('updateProductVariant application/json updateVariant'));
    const { map_price: _, ...expected } = example('updateProductVariant', 200, 'variantUpdated').data;
    expect(updated.body).toEqual({ data: { ...expected, map_price: {} }, meta: {} });
  });

  test('the batch update', async () => {
    const updated = await send(freshStore(), 'PUT', '/catalog/variants', bodyOf('updateVariantsBatch application/json updateVariantsBatch'));
    expect(updated.body).toEqual(example('updateVariantsBatch', 200, 'variantsBatchUpdated'));
  });

  test('the create example names an option value the product has and no variant uses', () => {
    const { option_values: values } = (bodyOf('createProductVariant application/json createVariant') as { json: { option_values: { id: number; option_id: number }[] } }).json;
    const product = freshStore().snapshot().products.find((each) => each.id === productId)!;
    for (const { id, option_id } of values) {
      expect(product.options!.find((option) => option.id === option_id)?.option_values.map((value) => value.id)).toContain(id);
      expect(product.variants!.filter((variant) => variant.option_values?.some((value) => value.id === id))).toEqual([]);
    }
  });

  test("sending the create example twice is refused with the spec's SKU conflict", async () => {
    const store = freshStore();
    const create = bodyOf('createProductVariant application/json createVariant');
    await send(store, 'POST', variants, create);
    const again = await send(store, 'POST', variants, create);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ ...example('createProductVariant', 409, 'duplicateSku'), title: 'The SKU "SMIT-3" is already in use.', errors: { sku: 'SMIT-3 is not unique.' } });
  });
});
