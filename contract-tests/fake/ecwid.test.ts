// How the Ecwid fake store behaves: the state every operation reads and changes, and Ecwid's own
// answers where a request clashes with that state. Each test starts from the default catalogue
// (product 692730761 with variations 422488527-422488529, option Mark I-IV).
import { describe, expect, test, vi } from 'vitest';
import { ecwidFake } from '../../src/fake/ecwid.js';
import { FakeStoreError } from '../../src/testing/index.js';
import { base, freshStore, productId, send } from './ecwid-store.js';

const variations = `/products/${productId}/combinations`;
const variation = (id: number) => `${variations}/${id}`;
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('variations', () => {
  test('a created variation is listed, read back, updated and deleted', async () => {
    const store = freshStore();
    const created = await send(store, 'POST', variations, { json: { options: [{ name: 'Mark', value: 'IV' }], sku: 'MARK-IV', price: 40, quantity: 3 } });
    expect(created).toMatchObject({ status: 200, body: { id: 422488530 } });

    const read = await send(store, 'GET', variation(422488530));
    expect(read.body).toMatchObject({
      id: 422488530,
      combinationNumber: 4,
      sku: 'MARK-IV',
      price: 40,
      defaultDisplayedPrice: 44,
      defaultDisplayedPriceFormatted: '€44,00',
      quantity: 3,
      inStock: true,
      unlimited: false,
    });
    expect((await send(store, 'GET', variations)).body.map((v: { id: number }) => v.id)).toContain(422488530);

    expect((await send(store, 'PUT', variation(422488530), { json: { price: 1234.5, sku: '' } })).body).toEqual({ updateCount: 1 });
    const updated = (await send(store, 'GET', variation(422488530))).body;
    expect(updated).toMatchObject({ price: 1234.5, defaultDisplayedPriceFormatted: '€1.357,95' });
    // An empty SKU makes the variation use its product's SKU: it has none of its own.
    expect(updated).not.toHaveProperty('sku');

    expect((await send(store, 'DELETE', variation(422488530))).body).toEqual({ deleteCount: 1 });
    expect((await send(store, 'GET', variation(422488530))).status).toBe(404);
  });

  test('IDs are never reused after a delete', async () => {
    const store = freshStore();
    const first = await send(store, 'POST', variations, { json: { options: [{ name: 'Mark', value: 'IV' }] } });
    await send(store, 'DELETE', variation(first.body.id));
    const second = await send(store, 'POST', variations, { json: { options: [{ name: 'Mark', value: 'IV' }] } });
    expect(second.body.id).toBe(first.body.id + 1);
  });

  test('fields Ecwid computes or ignores in a body are ignored; inStock follows the stock', async () => {
    const store = freshStore();
    await send(store, 'PUT', variation(422488527), { json: { id: 1, combinationNumber: 9, defaultDisplayedPrice: 1, inStock: true, quantity: 0 } });
    expect((await send(store, 'GET', variation(422488527))).body).toMatchObject({ id: 422488527, combinationNumber: 3, defaultDisplayedPrice: 33, quantity: 0, inStock: false });
  });

  test('an option or value the product lacks is added to it, as Ecwid adds a drop-down', async () => {
    const store = freshStore();
    await send(store, 'POST', variations, { json: { options: [{ name: 'Size', value: 'L' }] } });
    expect(store.snapshot().products[0]!.options).toContainEqual({ name: 'Size', type: 'SELECT', choices: [{ text: 'L' }] });
  });

  test('delete all removes every variation of the product and keeps its options', async () => {
    const store = freshStore();
    expect((await send(store, 'DELETE', variations)).body).toEqual({ deleteCount: 3 });
    expect((await send(store, 'GET', variations)).body).toEqual([]);
    expect((await send(store, 'DELETE', variations)).body).toEqual({ deleteCount: 0 });
    expect(store.snapshot().products[0]!.options![0]!.choices).toHaveLength(4);
  });

  test('responseFields trims each variation; lang picks the translations', async () => {
    const store = freshStore({
      seed: {
        products: [
          {
            id: 7,
            combinations: [{ id: 70, options: [{ name: 'Color', nameTranslated: { nl: 'Kleur' }, value: 'Red', valueTranslated: { nl: 'Rood', fr: '' } }] }],
          },
        ],
      },
    });
    expect((await send(store, 'GET', '/products/7/combinations?responseFields=id,options')).body).toEqual([
      { id: 70, options: [{ name: 'Color', nameTranslated: { nl: 'Kleur' }, value: 'Red', valueTranslated: { nl: 'Rood', fr: '' } }] },
    ]);
    expect((await send(store, 'GET', '/products/7/combinations/70?lang=nl')).body.options[0]).toMatchObject({ name: 'Kleur', value: 'Rood' });
    // A language without a translation shows the store's default text.
    expect((await send(store, 'GET', '/products/7/combinations/70?lang=fr')).body.options[0]).toMatchObject({ name: 'Color', value: 'Red' });
  });
});

describe("Ecwid's refusals", () => {
  test('an unknown product or variation answers 404 with its code', async () => {
    const store = freshStore();
    expect(await send(store, 'GET', '/products/1/combinations')).toMatchObject({
      status: 404,
      body: { errorCode: 'PRODUCT_NOT_FOUND', errorMessage: 'Product 1 was not found' },
    });
    expect(await send(store, 'PUT', variation(5), { json: { price: 1 } })).toMatchObject({ status: 404, body: { errorCode: 'COMBINATION_NOT_FOUND' } });
    expect(await send(store, 'DELETE', `${variation(5)}/image`)).toMatchObject({ status: 404, body: { errorCode: 'COMBINATION_NOT_FOUND' } });
  });

  test('a SKU used anywhere in the store answers 409 SKU_ALREADY_EXISTS; a variation keeps its own', async () => {
    const store = freshStore();
    const taken = await send(store, 'POST', variations, { json: { options: [{ name: 'Mark', value: 'IV' }], sku: 'MARK-II' } });
    expect(taken).toMatchObject({ status: 409, body: { errorCode: 'SKU_ALREADY_EXISTS' } });
    expect((await send(store, 'PUT', variation(422488527), { json: { sku: 'MARK-I' } })).status).toBe(409);
    expect((await send(store, 'PUT', variation(422488527), { json: { sku: 'MARK-III' } })).status).toBe(200);
  });

  test('the same option values as another variation answer 409 COMBINATION_DUPLICATED, in any order', async () => {
    const store = freshStore({ seed: { products: [{ id: 7, combinations: [{ id: 70, options: [{ name: 'Size', value: 'L' }, { name: 'Color', value: 'Red' }] }] }] } });
    const twin = { options: [{ name: 'Color', value: 'Red' }, { name: 'Size', value: 'L' }] };
    expect(await send(store, 'POST', '/products/7/combinations', { json: twin })).toMatchObject({ status: 409, body: { errorCode: 'COMBINATION_DUPLICATED' } });
    // The variation itself may be sent its own options.
    expect((await send(store, 'PUT', '/products/7/combinations/70', { json: twin })).status).toBe(200);
  });

  test('a request without a token answers 403 INVALID_API_TOKEN (Ecwid never answers 401)', async () => {
    const response = await freshStore().fetch(`${base}${variations}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errorCode: 'INVALID_API_TOKEN' });
  });

  test("Ecwid's quota is 600 requests a minute per token", () => {
    expect(ecwidFake.rateLimit.defaults).toEqual({ requests: 600, windowMs: 60_000 });
  });

  test('past the quota of a token: 429 RATE_LIMITED with Retry-After in whole seconds; another token has its own', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const store = freshStore({ rateLimit: { requests: 3, windowMs: 60_000 } });
      for (let i = 0; i < 3; i++) expect((await send(store, 'GET', variation(422488528))).status).toBe(200);
      vi.advanceTimersByTime(20_500);
      const refused = await send(store, 'GET', variation(422488528));
      expect(refused).toMatchObject({ status: 429, body: { errorCode: 'RATE_LIMITED' } });
      expect(refused.headers.get('retry-after')).toBe('40');
      expect((await send(store, 'GET', variation(422488528), undefined, { authorization: 'Bearer secret_other' })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('stock', () => {
  test('quantityDelta changes the stock and inStock; a negative stock comes with a warning', async () => {
    const store = freshStore();
    expect((await send(store, 'PUT', `${variation(422488527)}/inventory`, { json: { quantityDelta: -12 } })).body).toEqual({ updateCount: 1 });
    expect((await send(store, 'GET', variation(422488527))).body).toMatchObject({ quantity: 0, inStock: false });
    const negative = await send(store, 'PUT', `${variation(422488527)}/inventory`, { json: { quantityDelta: -1 } });
    expect(negative.body).toEqual({ updateCount: 1, warning: expect.any(String) });
    expect((await send(store, 'PUT', `${variation(422488527)}/inventory`, { json: { quantityDelta: 5 } })).body).toEqual({ updateCount: 1 });
    expect((await send(store, 'GET', variation(422488527))).body).toMatchObject({ quantity: 4, inStock: true });
  });

  test('a variation with unlimited stock has no count to change', async () => {
    const store = freshStore();
    expect((await send(store, 'PUT', `${variation(422488529)}/inventory`, { json: { quantityDelta: 5 } })).body).toEqual({ updateCount: 0 });
    expect((await send(store, 'GET', variation(422488529))).body).not.toHaveProperty('quantity');
  });
});

describe('images', () => {
  const image = `${variation(422488528)}/image`;
  const imageFields = ['thumbnailUrl', 'imageUrl', 'smallThumbnailUrl', 'hdThumbnailUrl', 'originalImageUrl'];

  test('uploaded bytes are served back unchanged from the image URLs, each upload at a new URL', async () => {
    const store = freshStore();
    expect((await send(store, 'POST', image, { bytes: jpeg, type: 'image/jpeg' })).body).toEqual({ id: 240198557 });
    const first = (await send(store, 'GET', variation(422488528))).body;
    for (const field of imageFields) expect(first[field]).toBe(first.imageUrl);
    const served = await store.fetch(first.imageUrl);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(jpeg);

    expect((await send(store, 'POST', image, { bytes: jpeg, type: 'application/octet-stream' })).body).toEqual({ id: 240198558 });
    expect((await send(store, 'GET', variation(422488528))).body.imageUrl).not.toBe(first.imageUrl);
  });

  test('an image by link keeps the link, from the query or from a form', async () => {
    const store = freshStore();
    const link = 'https://example.org/images/shirt-red-l.jpg';
    await send(store, 'POST', `${image}?externalUrl=${encodeURIComponent(link)}`);
    expect((await send(store, 'GET', variation(422488528))).body.originalImageUrl).toBe(link);
    await send(store, 'POST', `${variation(422488527)}/image`, { form: { externalUrl: `${link}?2` } });
    expect((await send(store, 'GET', variation(422488527))).body.imageUrl).toBe(`${link}?2`);
  });

  test('an upload with neither bytes nor externalUrl is refused, as is a form field beside externalUrl', async () => {
    const store = freshStore();
    // The spec cannot say "bytes or externalUrl": the store refuses it as Ecwid does.
    expect(await send(store, 'POST', image)).toMatchObject({ status: 400, body: { errorCode: 'WRONG_PARAMETER' } });
    // The form schema is closed: the spec check refuses the extra field and names it.
    const extra = await send(store, 'POST', image, { form: { externalUrl: 'https://example.org/a.jpg', alt: 'A' } });
    expect(extra.status).toBe(422);
    expect(extra.headers.get('sl-violations')).toMatch(/alt/);
    expect((await send(store, 'GET', variation(422488528))).body).not.toHaveProperty('imageUrl');
  });

  test('a file over 20 MB is refused with INCORRECT_IMAGE_SIZE (the current error table)', async () => {
    // Straight to the model's handler: 20 MB through a Request and back costs a second for nothing.
    const state = ecwidFake.load(ecwidFake.defaultSeed());
    const request = {
      operationId: 'uploadVariationImage',
      path: { productId: String(productId), combinationId: '422488528' },
      query: new URLSearchParams(),
      headers: new Headers(),
      contentType: 'image/jpeg',
      body: new Uint8Array(20 * 1024 * 1024 + 1),
    };
    const context = { storeImage: () => expect.unreachable('a refused file is not stored'), later: () => {} };
    expect(await ecwidFake.handlers.uploadVariationImage!(state, request, context)).toMatchObject({ status: 400, body: { errorCode: 'INCORRECT_IMAGE_SIZE' } });
  });

  test('deleting the image falls back to the product image: the fields are gone', async () => {
    const store = freshStore();
    await send(store, 'POST', image, { bytes: jpeg, type: 'image/jpeg' });
    expect((await send(store, 'DELETE', image)).body).toEqual({ deleteCount: 1 });
    const after = (await send(store, 'GET', variation(422488528))).body;
    for (const field of imageFields) expect(after).not.toHaveProperty(field);
    expect((await send(store, 'DELETE', image)).body).toEqual({ deleteCount: 0 });
  });

  test('an async upload answers its image ID at once and lands later, with its alt text', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const store = freshStore({ asyncDelayMs: 200 });
      const url = 'https://example.org/images/shirt-red-l.jpg';
      const body = { url, width: '800', height: '600', alt: { main: 'Red', translated: { nl: 'Rood' } } };
      expect((await send(store, 'POST', `${image}/async`, { json: body })).body).toEqual({ id: 240198557 });
      expect((await send(store, 'GET', variation(422488528))).body).not.toHaveProperty('imageUrl');
      await vi.advanceTimersByTimeAsync(200);
      expect((await send(store, 'GET', variation(422488528))).body).toMatchObject({ imageUrl: url, alt: { main: 'Red', translated: { nl: 'Rood' } } });

      await send(store, 'POST', `/products/${productId}/image/async`, { json: { url, width: 800, height: 600 } });
      await vi.advanceTimersByTimeAsync(200);
      expect(store.snapshot().products[0]).toMatchObject({ imageUrl: url, originalImageUrl: url });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('seed and snapshot', () => {
  test('a snapshot seeds a store in the same state; missing IDs are assigned', async () => {
    const store = freshStore({ seed: { products: [{ id: 7, options: [{ name: 'Size', choices: [{ text: 'S' }] }], combinations: [{ options: [{ name: 'Size', value: 'S' }], quantity: 2 }] }] } });
    const [product] = store.snapshot().products;
    expect(product!.combinations![0]).toMatchObject({ id: 1, combinationNumber: 1, inStock: true });
    await send(store, 'POST', '/products/7/combinations', { json: { options: [{ name: 'Size', value: 'M' }], sku: 'M' } });
    const again = freshStore({ seed: store.snapshot() });
    expect(again.snapshot()).toEqual(store.snapshot());
    expect((await send(again, 'POST', '/products/7/combinations', { json: { options: [{ name: 'Size', value: 'L' }] } })).body).toEqual({ id: 3 });
  });

  test('a seed naming an ID or SKU twice is refused with a FakeStoreError naming it', () => {
    const twice = { products: [{ id: 7, combinations: [{ id: 70, sku: 'A' }, { id: 71, sku: 'A' }] }] };
    expect(() => freshStore({ seed: twice })).toThrow(new FakeStoreError('BAD_SEED', 'the Ecwid seed has SKU A twice'));
  });
});
