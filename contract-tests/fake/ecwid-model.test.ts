// Model-based property test of the Ecwid fake store: random sequences of every Ecwid operation, run
// against the store and against a tiny reference model of product 692730761. A run fails on any
// answer the spec does not allow (the one validator) and on any divergence from the model.
// FUZZ_RUNS sequences of up to 80 steps: about a thousand steps under `npm test` (25 sequences),
// twenty times more under `npm run test:fuzz`.
import fc from 'fast-check';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { loadSpec } from '../../src/verify/spec.js';
import { arbitrary } from '../fuzz/arbitraries.js';
import { fuzzParameters } from '../fuzz/settings.js';
import { type Body, freshStore, productId, send } from './ecwid-store.js';

const spec = loadSpec('ecwid');
const asyncDelayMs = 200;
const productPrice = 25;

type Image = { url: string } | { bytes: Uint8Array<ArrayBuffer> };
interface ModelVariation {
  id: number;
  /** The option values, in a form that ignores their order. */
  key: string;
  sku?: string;
  price?: number;
  quantity?: number;
  unlimited: boolean;
  image?: Image;
}
interface Model {
  variations: ModelVariation[];
  nextId: number;
  nextImageId: number;
  /** Async uploads not landed yet: a variation's ID, or the product. */
  pending: { target: number | 'product'; url: string }[];
  productImage?: string;
}
type Real = { store: ReturnType<typeof freshStore> };
type Option = { name: string; value: string };

const keyOf = (options: readonly Option[]) => options.map(({ name, value }) => `${name}=${value}`).sort().join('&');

/** The default catalogue as the model sees it. */
const initialModel = (): Model => ({
  variations: [
    { id: 422488527, key: 'Mark=III', sku: 'MARK-III', price: 30, quantity: 12, unlimited: false },
    { id: 422488528, key: 'Mark=II', sku: 'MARK-II', price: 25, quantity: 25, unlimited: false },
    { id: 422488529, key: 'Mark=I', sku: 'MARK-I', price: 20, unlimited: true },
  ],
  nextId: 422488530,
  nextImageId: 240198557,
  pending: [],
});

/** Sends a request and checks the answer against the spec: a documented status and body, no violation. */
async function call(real: Real, operationId: string, method: string, path: string, body?: Body) {
  const answer = await send(real.store, method, path, body);
  expect(answer.headers.get('sl-violations'), `${operationId} ${answer.status}`).toBeNull();
  expect(spec.validateBody(operationId, answer.status, answer.body), `${operationId} ${answer.status}`).toEqual([]);
  return answer;
}

/** The variation the index points at, or an ID no variation has (one index past the end). */
function target(model: Model, pick: number): { id: number; found?: ModelVariation } {
  const found = model.variations[pick % (model.variations.length + 1)];
  return found ? { id: found.id, found } : { id: 999 };
}
const path = (id: number) => `/products/${productId}/combinations/${id}`;

/**
 * What the store must show of a variation, checked field by field against the model. An uploaded
 * file is read back from its URL when `real` is given (a get), not for each variation of a list.
 */
async function expectShown(shown: Record<string, any>, expected: ModelVariation, real?: Real) {
  expect(shown.id).toBe(expected.id);
  expect(keyOf(shown.options)).toBe(expected.key);
  expect(shown.sku).toBe(expected.sku);
  expect(shown.price).toBe(expected.price);
  expect(shown.defaultDisplayedPrice).toBe(Math.round((expected.price ?? productPrice) * 110) / 100);
  expect(shown.quantity).toBe(expected.quantity);
  expect(shown.unlimited).toBe(expected.unlimited);
  expect(shown.inStock).toBe(expected.unlimited ? true : expected.quantity === undefined ? undefined : expected.quantity > 0);
  const { image } = expected;
  if (!image) expect(shown.imageUrl).toBeUndefined();
  else if ('url' in image) expect(shown.imageUrl).toBe(image.url);
  else if (real) expect(new Uint8Array(await (await real.store.fetch(shown.imageUrl)).arrayBuffer())).toEqual(image.bytes);
  else expect(shown.imageUrl).toEqual(expect.any(String));
}

const notFound = (answer: { status: number; body: any }, code: string) => expect([answer.status, answer.body?.errorCode]).toEqual([404, code]);

type Command = fc.AsyncCommand<Model, Real>;
const command = (name: string, run: (model: Model, real: Real) => Promise<void>): Command => ({
  check: () => true,
  run,
  toString: () => name,
});

const picks = fc.nat(20);
const optionSets = fc
  .tuple(fc.option(fc.constantFrom('I', 'II', 'III', 'IV', 'V'), { nil: undefined }), fc.option(fc.constantFrom('S', 'M'), { nil: undefined }))
  .filter(([mark, size]) => mark !== undefined || size !== undefined)
  .map(([mark, size]) => [...(mark ? [{ name: 'Mark', value: mark }] : []), ...(size ? [{ name: 'Size', value: size }] : [])]);
const fields = fc.record(
  {
    sku: fc.constantFrom('MARK-I', 'MARK-II', 'A', 'B', ''),
    price: fc.integer({ min: 0, max: 100 }),
    quantity: fc.integer({ min: -5, max: 20 }),
    unlimited: fc.boolean(),
  },
  { requiredKeys: [] },
);
const links = fc.constantFrom('https://example.org/a.jpg', 'https://example.org/b.png');

/** SKU and option clashes, in the order the store checks them; undefined when there is none. */
function clash(model: Model, input: { sku?: string; options?: Option[] }, self?: ModelVariation): string | undefined {
  if (input.sku && model.variations.some((v) => v.sku === input.sku && v !== self)) return 'SKU_ALREADY_EXISTS';
  if (input.options && model.variations.some((v) => v.key === keyOf(input.options!) && v !== self)) return 'COMBINATION_DUPLICATED';
  return undefined;
}

/** A create's or update's fields applied to a variation of the model. */
function applyFields(variation: ModelVariation, input: { sku?: string; price?: number; quantity?: number; unlimited?: boolean }, options?: Option[]) {
  if (input.sku !== undefined) variation.sku = input.sku === '' ? undefined : input.sku;
  if (input.price !== undefined) variation.price = input.price;
  if (options) variation.key = keyOf(options);
  if (input.unlimited !== undefined) variation.unlimited = input.unlimited;
  if (input.quantity !== undefined) {
    variation.quantity = input.quantity;
    if (input.unlimited === undefined) variation.unlimited = false;
  }
  if (variation.unlimited) variation.quantity = undefined;
}

const commands = [
  fc.boolean().map((unknownProduct) =>
    command(`list${unknownProduct ? ' (unknown product)' : ''}`, async (model, real) => {
      const answer = await call(real, 'listVariations', 'GET', `/products/${unknownProduct ? 1 : productId}/combinations`);
      if (unknownProduct) return notFound(answer, 'PRODUCT_NOT_FOUND');
      expect(answer.body.map((v: { id: number }) => v.id)).toEqual(model.variations.map((v) => v.id));
      for (const [index, shown] of answer.body.entries()) await expectShown(shown, model.variations[index]!);
    }),
  ),
  picks.map((pick) =>
    command(`get ${pick}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'getVariation', 'GET', path(id));
      if (!found) return notFound(answer, 'COMBINATION_NOT_FOUND');
      await expectShown(answer.body, found, real);
    }),
  ),
  fc.tuple(optionSets, fields).map(([options, input]) =>
    command(`create ${JSON.stringify({ options, ...input })}`, async (model, real) => {
      const answer = await call(real, 'createVariation', 'POST', `/products/${productId}/combinations`, { json: { options, ...input } });
      const refused = clash(model, { ...input, options });
      if (refused) return expect([answer.status, answer.body.errorCode]).toEqual([409, refused]);
      expect(answer.body).toEqual({ id: model.nextId });
      const created: ModelVariation = { id: model.nextId++, key: '', unlimited: input.quantity === undefined };
      applyFields(created, input, options);
      model.variations.push(created);
    }),
  ),
  fc.tuple(picks, fc.option(optionSets, { nil: undefined }), fields).map(([pick, options, input]) =>
    command(`update ${pick} ${JSON.stringify({ options, ...input })}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'updateVariation', 'PUT', path(id), { json: { ...(options && { options }), ...input } });
      if (!found) return notFound(answer, 'COMBINATION_NOT_FOUND');
      const refused = clash(model, { ...input, ...(options && { options }) }, found);
      if (refused) return expect([answer.status, answer.body.errorCode]).toEqual([409, refused]);
      expect(answer.body).toEqual({ updateCount: 1 });
      applyFields(found, input, options);
    }),
  ),
  picks.map((pick) =>
    command(`delete ${pick}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'deleteVariation', 'DELETE', path(id));
      if (!found) return notFound(answer, 'COMBINATION_NOT_FOUND');
      expect(answer.body).toEqual({ deleteCount: 1 });
      model.variations = model.variations.filter((v) => v !== found);
    }),
  ),
  fc.constant(
    command('delete all', async (model, real) => {
      const answer = await call(real, 'deleteAllVariations', 'DELETE', `/products/${productId}/combinations`);
      expect(answer.body).toEqual({ deleteCount: model.variations.length });
      model.variations = [];
    }),
  ),
  fc.tuple(picks, fc.integer({ min: -30, max: 30 })).map(([pick, quantityDelta]) =>
    command(`adjust ${pick} by ${quantityDelta}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'adjustVariationInventory', 'PUT', `${path(id)}/inventory`, { json: { quantityDelta } });
      if (!found) return notFound(answer, 'COMBINATION_NOT_FOUND');
      if (found.unlimited) return expect(answer.body).toEqual({ updateCount: 0 });
      found.quantity = (found.quantity ?? 0) + quantityDelta;
      expect(answer.body).toEqual({ updateCount: 1, ...(found.quantity < 0 && { warning: expect.any(String) }) });
    }),
  ),
  fc.tuple(picks, fc.constantFrom('bytes', 'query', 'form', 'nothing'), links).map(([pick, how, link]) =>
    command(`image ${pick} by ${how}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const bytes = new Uint8Array([0xff, 0xd8, model.nextImageId % 256, (model.nextImageId >> 8) % 256]);
      const [query, body]: [string, Body | undefined] =
        how === 'bytes' ? ['', { bytes, type: 'image/jpeg' }]
        : how === 'query' ? [`?externalUrl=${encodeURIComponent(link)}`, undefined]
        : how === 'form' ? ['', { form: { externalUrl: link } }]
        : ['', undefined];
      const answer = await call(real, 'uploadVariationImage', 'POST', `${path(id)}/image${query}`, body);
      if (!found) return notFound(answer, 'COMBINATION_NOT_FOUND');
      if (how === 'nothing') return expect([answer.status, answer.body.errorCode]).toEqual([400, 'WRONG_PARAMETER']);
      expect(answer.body).toEqual({ id: model.nextImageId++ });
      found.image = how === 'bytes' ? { bytes } : { url: link };
    }),
  ),
  picks.map((pick) =>
    command(`delete image ${pick}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'deleteVariationImage', 'DELETE', `${path(id)}/image`);
      if (!found) return notFound(answer, 'COMBINATION_NOT_FOUND');
      expect(answer.body).toEqual({ deleteCount: found.image ? 1 : 0 });
      found.image = undefined;
    }),
  ),
  fc.tuple(picks, links).map(([pick, url]) =>
    command(`async image ${pick}`, async (model, real) => {
      const { id, found } = target(model, pick);
      const answer = await call(real, 'uploadVariationImageAsync', 'POST', `${path(id)}/image/async`, { json: { url, width: '800', height: 600 } });
      if (!found) return notFound(answer, 'COMBINATION_NOT_FOUND');
      expect(answer.body).toEqual({ id: model.nextImageId++ });
      model.pending.push({ target: id, url });
    }),
  ),
  fc.tuple(fc.boolean(), links).map(([unknownProduct, url]) =>
    command(`async product image${unknownProduct ? ' (unknown product)' : ''}`, async (model, real) => {
      const answer = await call(real, 'uploadProductImageAsync', 'POST', `/products/${unknownProduct ? 1 : productId}/image/async`, {
        json: { url, width: 800, height: '600' },
      });
      if (unknownProduct) return notFound(answer, 'PRODUCT_NOT_FOUND');
      expect(answer.body).toEqual({ id: model.nextImageId++ });
      model.pending.push({ target: 'product', url });
    }),
  ),
  fc.constant(
    command('async uploads land', async (model, real) => {
      await vi.advanceTimersByTimeAsync(asyncDelayMs);
      for (const { target: landed, url } of model.pending) {
        if (landed === 'product') model.productImage = url;
        else {
          const found = model.variations.find((v) => v.id === landed);
          if (found) found.image = { url };
        }
      }
      model.pending = [];
      expect(real.store.snapshot().products[0]!.imageUrl).toBe(model.productImage);
    }),
  ),
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const maxCommands = 80;
// A few milliseconds per step, each request checked against the spec twice (by the store and here).
const timeout = 15_000 + (fuzzParameters.numRuns ?? 25) * maxCommands * 5;

test('random sequences of every Ecwid operation agree with the model and the spec', { timeout }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands, size: 'max' }), (sequence) =>
      fc.asyncModelRun(() => ({ model: initialModel(), real: { store: freshStore({ rateLimit: false, asyncDelayMs }) } }), sequence),
    ),
    fuzzParameters,
  );
});

// The model above sends a few fields; Ecwid's bodies have many more. Whatever body the spec allows,
// the store keeps what it is sent and still answers within the spec when the variation is read back.
test('any create or update body the spec allows is kept and read back within the spec', { timeout }, async () => {
  const bodies = (name: string) => arbitrary({ $ref: `#/components/schemas/${name}` }, spec.document) as fc.Arbitrary<Record<string, unknown>>;
  await fc.assert(
    fc.asyncProperty(bodies('VariationCreate'), bodies('VariationUpdate'), async (create, update) => {
      const real = { store: freshStore({ rateLimit: false }) };
      const created = await call(real, 'createVariation', 'POST', `/products/${productId}/combinations`, { json: create });
      // A generated SKU or option set may clash with the catalogue: Ecwid's 409 is a valid answer too.
      const id = created.status === 200 ? created.body.id : 422488528;
      const updated = await call(real, 'updateVariation', 'PUT', path(id), { json: update });
      expect([200, 409]).toContain(updated.status);
      expect((await call(real, 'getVariation', 'GET', path(id))).status).toBe(200);
      expect((await call(real, 'listVariations', 'GET', `/products/${productId}/combinations`)).status).toBe(200);
    }),
    fuzzParameters,
  );
});
