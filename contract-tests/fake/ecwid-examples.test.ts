// The Ecwid spec's examples and the fake's default catalogue tell one story: every example request
// of the spec, sent alone to a fresh default store, succeeds, and the store answers with the spec's
// own response examples.
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/verify/spec.js';
import { freshStore, productId, send } from './ecwid-store.js';
import { exampleRequests, responseExample, testExampleRequests } from './support/spec-examples.js';

const spec = loadSpec('ecwid');
// Each query example on its own: `externalUrl` stands for a body, `responseFields` trims the answer.
const requests = exampleRequests(spec, { query: 'each' });

testExampleRequests(spec, requests, freshStore, send);

describe("the default store answers with the spec's response examples", () => {
  const example = (operationId: string, status: number, name: string) => responseExample(spec, operationId, status, name);
  const variations = `/products/${productId}/combinations`;

  test('the list, whole and trimmed with responseFields', async () => {
    const store = freshStore();
    expect((await send(store, 'GET', variations)).body).toEqual(example('listVariations', 200, 'variationList'));
    expect((await send(store, 'GET', `${variations}?responseFields=id,inStock`)).body).toEqual(
      example('listVariations', 200, 'variationListResponseFields'),
    );
  });

  test('one variation', async () => {
    expect((await send(freshStore(), 'GET', `${variations}/422488528`)).body).toEqual(example('getVariation', 200, 'variationWithTranslations'));
  });

  test('the created ID, the first image ID, the count of a delete-all', async () => {
    const store = freshStore();
    const create = requests.find((request) => request.name === 'createVariation application/json createVariation')!;
    expect((await send(store, 'POST', create.path, create.body)).body).toEqual(example('createVariation', 200, 'variationCreated'));
    const image = { bytes: new Uint8Array([0xff, 0xd8, 0xff]), type: 'image/jpeg' };
    expect((await send(store, 'POST', `${variations}/422488528/image`, image)).body).toEqual(
      example('uploadVariationImage', 200, 'imageUploaded'),
    );
    // The create above made a fourth variation; a fresh store has the three the example counts.
    expect((await send(freshStore(), 'DELETE', variations)).body).toEqual(example('deleteAllVariations', 200, 'allVariationsDeleted'));
  });

  test('the create example names an option value the product has and no variation uses', async () => {
    const store = freshStore();
    const create = requests.find((request) => request.name === 'createVariation application/json createVariation')!;
    const { options } = (create.body as { json: { options: { name: string; value: string }[] } }).json;
    const [product] = store.snapshot().products;
    for (const { name, value } of options) {
      expect(product!.options!.find((option) => option.name === name)?.choices).toContainEqual({ text: value });
      const used = product!.combinations!.filter((variation) => variation.options?.some((o) => o.name === name && o.value === value));
      expect(used).toEqual([]);
    }
  });

  test("sending the create example twice is refused with the spec's SKU conflict", async () => {
    const store = freshStore();
    const create = requests.find((request) => request.name === 'createVariation application/json createVariation')!;
    await send(store, 'POST', create.path, create.body);
    const again = await send(store, 'POST', create.path, create.body);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(example('createVariation', 409, 'SKU_ALREADY_EXISTS'));
  });
});
