// What Ecwid answers to each operation of the spec, acting on the state in ./store.ts. The core has
// already checked the request against the spec, so a handler only decides what Ecwid would do with it.
import type { components } from '../../../generated/ecwid.js';
import type { FakeAnswer, FakeContext, FakeRequest } from '../vendor.js';
import {
  createVariation,
  type EcwidState,
  findVariation,
  type Product,
  removeImage,
  setImage,
  settle,
  updateVariation,
  type Variation,
  type VariationInput,
  variationWithOptions,
  variationWithSku,
} from './store.js';

type Handler = (state: EcwidState, request: FakeRequest, context: FakeContext) => FakeAnswer;
type ImageRequest = components['schemas']['ImageUploadAsyncRequest'];

/** Ecwid's largest image file: 20 MB. */
const maxImageBytes = 20 * 1024 * 1024;

const ok = (body: unknown): FakeAnswer => ({ status: 200, body });
const error = (status: number, errorCode: string, errorMessage: string): FakeAnswer => ({ status, body: { errorMessage, errorCode } });

type Found<T> = { found: T } | { answer: FakeAnswer };

function product(state: EcwidState, request: FakeRequest): Found<Product> {
  const found = state.products.get(Number(request.path.productId));
  return found ? { found } : { answer: error(404, 'PRODUCT_NOT_FOUND', `Product ${request.path.productId} was not found`) };
}

function variation(state: EcwidState, request: FakeRequest): Found<{ product: Product; variation: Variation }> {
  const owner = product(state, request);
  if ('answer' in owner) return owner;
  const found = findVariation(owner.found, Number(request.path.combinationId));
  return found
    ? { found: { product: owner.found, variation: found } }
    : { answer: error(404, 'COMBINATION_NOT_FOUND', `Combination ${request.path.combinationId} was not found`) };
}

/** Why Ecwid would refuse this variation's SKU or options as clashing with the catalogue, if it would. */
function conflict(state: EcwidState, product: Product, input: VariationInput, self?: Variation): FakeAnswer | undefined {
  const owner = input.sku ? variationWithSku(state, input.sku) : undefined;
  if (owner && owner !== self) return error(409, 'SKU_ALREADY_EXISTS', `SKU ${input.sku} is already in use`);
  if (input.options && variationWithOptions(product, input.options, self?.id)) {
    return error(409, 'COMBINATION_DUPLICATED', 'A combination with these options already exists');
  }
  return undefined;
}

/** A variation as the request asks to see it: in its `lang`, trimmed to `responseFields`. */
function present(variation: Variation, query: URLSearchParams): Variation {
  const shown = structuredClone(variation);
  const lang = query.get('lang');
  if (lang) {
    for (const text of [...(shown.options ?? []), ...(shown.attributes ?? [])]) {
      text.name = text.nameTranslated?.[lang] || text.name;
      text.value = text.valueTranslated?.[lang] || text.value;
    }
  }
  const fields = query.get('responseFields');
  if (fields === null) return shown;
  const wanted = new Set(fields.split(',').map((field) => field.trim()));
  return Object.fromEntries(Object.entries(shown).filter(([name]) => wanted.has(name)));
}

/** Where an uploaded image comes from: a link (query or form), the bytes, or an answer refusing it. */
function imageSource(request: FakeRequest, context: FakeContext): { url: string } | { answer: FakeAnswer } {
  // With `externalUrl` in the query, Ecwid ignores any body.
  const fromQuery = request.query.get('externalUrl');
  if (fromQuery !== null) return { url: fromQuery };
  const { body, contentType } = request;
  if (body instanceof Uint8Array && body.length > 0) {
    if (body.length > maxImageBytes) return { answer: error(400, 'INCORRECT_IMAGE_SIZE', 'The image is larger than 20 MB') };
    return { url: context.storeImage(body, contentType ?? 'application/octet-stream') };
  }
  // A form: the spec check has already refused any field beside externalUrl.
  const { externalUrl } = (body ?? {}) as { externalUrl?: unknown };
  if (typeof externalUrl === 'string') return { url: externalUrl };
  // What the spec cannot say: one of the two is needed.
  return { answer: error(400, 'WRONG_PARAMETER', 'No image: send its bytes as the body or its link as externalUrl') };
}

/** An async upload: the image ID now, `apply` once the store's delay has passed. */
function uploadLater(state: EcwidState, context: FakeContext, apply: () => void): FakeAnswer {
  context.later(apply);
  return ok({ id: state.nextImageId++ });
}

export const handlers: Record<string, Handler> = {
  listVariations(state, request) {
    const found = product(state, request);
    if ('answer' in found) return found.answer;
    return ok(found.found.variations.map((each) => present(each, request.query)));
  },

  getVariation(state, request) {
    const found = variation(state, request);
    return 'answer' in found ? found.answer : ok(present(found.found.variation, request.query));
  },

  createVariation(state, request) {
    const found = product(state, request);
    if ('answer' in found) return found.answer;
    const input = request.body as VariationInput;
    const refused = conflict(state, found.found, input);
    return refused ?? ok({ id: createVariation(state, found.found, input).id });
  },

  updateVariation(state, request) {
    const found = variation(state, request);
    if ('answer' in found) return found.answer;
    const input = request.body as VariationInput;
    const refused = conflict(state, found.found.product, input, found.found.variation);
    if (refused) return refused;
    updateVariation(found.found.product, found.found.variation, input);
    return ok({ updateCount: 1 });
  },

  deleteVariation(state, request) {
    const found = variation(state, request);
    if ('answer' in found) return found.answer;
    const { product: owner, variation: gone } = found.found;
    owner.variations = owner.variations.filter((each) => each !== gone);
    return ok({ deleteCount: 1 });
  },

  deleteAllVariations(state, request) {
    const found = product(state, request);
    if ('answer' in found) return found.answer;
    const deleteCount = found.found.variations.length;
    found.found.variations = [];
    return ok({ deleteCount });
  },

  adjustVariationInventory(state, request) {
    const found = variation(state, request);
    if ('answer' in found) return found.answer;
    const { product: owner, variation: adjusted } = found.found;
    // A variation with unlimited stock has no count to change.
    if (adjusted.unlimited) return ok({ updateCount: 0 });
    const { quantityDelta } = request.body as { quantityDelta: number };
    adjusted.quantity = (adjusted.quantity ?? 0) + quantityDelta;
    settle(owner, adjusted);
    return ok({
      updateCount: 1,
      ...(adjusted.quantity < 0 && { warning: `The stock of combination ${adjusted.id} is negative: ${adjusted.quantity}` }),
    });
  },

  uploadVariationImage(state, request, context) {
    const found = variation(state, request);
    if ('answer' in found) return found.answer;
    const source = imageSource(request, context);
    if ('answer' in source) return source.answer;
    setImage(found.found.variation, source.url);
    return ok({ id: state.nextImageId++ });
  },

  deleteVariationImage(state, request) {
    const found = variation(state, request);
    if ('answer' in found) return found.answer;
    return ok({ deleteCount: removeImage(found.found.variation) ? 1 : 0 });
  },

  uploadVariationImageAsync(state, request, context) {
    const found = variation(state, request);
    if ('answer' in found) return found.answer;
    const { product: owner, variation: target } = found.found;
    const { url, alt } = request.body as ImageRequest;
    return uploadLater(state, context, () => {
      // The variation may have been deleted in the meantime: then there is nothing to update.
      const landed = findVariation(owner, target.id!);
      if (!landed) return;
      setImage(landed, url);
      if (alt) landed.alt = { ...(alt.main !== undefined && { main: alt.main }), ...(alt.translated !== undefined && { translated: alt.translated }) };
    });
  },

  uploadProductImageAsync(state, request, context) {
    const found = product(state, request);
    if ('answer' in found) return found.answer;
    const { id } = found.found;
    const { url } = request.body as ImageRequest;
    return uploadLater(state, context, () => {
      const landed = state.products.get(id);
      if (landed) setImage(landed, url);
    });
  },
};
