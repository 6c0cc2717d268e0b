// What BigCommerce answers to each operation of the spec, acting on the state in ./store.ts. The core
// has already checked the request against the spec, so a handler only decides what BigCommerce would
// do with it. Error bodies have the form of the spec's examples for the status.
import { imageMediaTypes } from '../../../generated/bigcommerce.images.js';
import { variantsBatchLimit } from '../../bigcommerce.js';
import { UploadRejectedError } from '../../errors.js';
import { checkImage, MiB } from '../../upload-guards.js';
import type { FakeAnswer, FakeContext, FakeRequest } from '../vendor.js';
import {
  type BigCommerceState,
  createVariant,
  deleteVariant,
  findAnywhere,
  findVariant,
  maxVariantsPerProduct,
  optionValueProblem,
  type Product,
  updateVariant,
  type Variant,
  type VariantCreate,
  type VariantUpdate,
  variantWithOptionValues,
  variantWithSku,
} from './store.js';

type Handler = (state: BigCommerceState, request: FakeRequest, context: FakeContext) => FakeAnswer | Promise<FakeAnswer>;
type BatchItem = VariantUpdate & { id: number };

/** BigCommerce's page size when `limit` is left out (its list examples show 50). */
const defaultPageSize = 50;

const statusPage = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/** BigCommerce's error body: the status repeated, a title, the link to its status-code page. */
export const problem = (status: number, title: string, extra: object = {}): FakeAnswer => ({
  status,
  body: { status, title, type: statusPage, ...extra },
});
const notFound = (what: 'product' | 'variant') => problem(404, `The requested ${what} was not found.`, { instance: '' });
const invalid = (errors: Record<string, string>) => problem(422, 'JSON data is missing or invalid', { errors });
const single = (variant: object): FakeAnswer => ({ status: 200, body: { data: variant, meta: {} } });

type Found<T> = { found: T } | { answer: FakeAnswer };

function product(state: BigCommerceState, request: FakeRequest): Found<Product> {
  const found = state.products.get(Number(request.path.product_id));
  return found ? { found } : { answer: notFound('product') };
}

function variant(state: BigCommerceState, request: FakeRequest): Found<{ product: Product; variant: Variant }> {
  const owner = product(state, request);
  if ('answer' in owner) return owner;
  const found = findVariant(owner.found, Number(request.path.variant_id));
  return found ? { found: { product: owner.found, variant: found } } : { answer: notFound('variant') };
}

/** A list parameter (`include_fields=sku,price`) as names; undefined when not sent. */
const fieldList = (query: URLSearchParams, name: string) =>
  query.has(name) ? new Set(query.getAll(name).flatMap((value) => value.split(',')).map((field) => field.trim())) : undefined;

/** A variant trimmed as the request asks: `include_fields` keeps those (and `id`), `exclude_fields` drops those (never `id`). */
function present(variant: Variant, query: URLSearchParams): Partial<Variant> {
  const include = fieldList(query, 'include_fields');
  const exclude = fieldList(query, 'exclude_fields');
  const shown = Object.entries(structuredClone(variant)).filter(
    ([name]) => name === 'id' || ((!include || include.has(name)) && !exclude?.has(name)),
  );
  return Object.fromEntries(shown);
}

/** A positive whole number from the query, or the fallback (BigCommerce's defaults for a missing or unusable value). */
function positive(query: URLSearchParams, name: string, fallback: number): number {
  const value = Number(query.get(name));
  return Number.isSafeInteger(value) && value >= 1 ? value : fallback;
}

function page(variants: Variant[], query: URLSearchParams): FakeAnswer {
  const current = positive(query, 'page', 1);
  const perPage = positive(query, 'limit', defaultPageSize);
  const data = variants.slice((current - 1) * perPage, current * perPage).map((each) => present(each, query));
  const totalPages = Math.ceil(variants.length / perPage);
  const link = (number: number) => `?page=${number}&limit=${perPage}`;
  const links = {
    ...(current > 1 && { previous: link(Math.min(current - 1, Math.max(totalPages, 1))) }),
    current: link(current),
    ...(current < totalPages && { next: link(current + 1) }),
  };
  const pagination = { total: variants.length, count: data.length, per_page: perPage, current_page: current, total_pages: totalPages, links };
  return { status: 200, body: { data, meta: { pagination } } };
}

/** Why a SKU cannot be given to `self` (or to a new variant): another variant has it. */
function skuTaken(state: BigCommerceState, sku: string | undefined, self?: Variant): FakeAnswer | undefined {
  if (!sku) return undefined;
  const owner = variantWithSku(state, sku);
  if (!owner || owner === self) return undefined;
  return problem(409, `The SKU "${sku}" is already in use.`, { errors: { sku: `${sku} is not unique.` } });
}

/** The body's `product_id`, when sent, must be the product of the URL. */
const wrongProduct = (input: { product_id?: number }, owner: Product) =>
  input.product_id !== undefined && input.product_id !== owner.id
    ? invalid({ product_id: `must be ${owner.id}, the product of the URL` })
    : undefined;

/** The image a request sets: uploaded bytes stored by the fake, or the URL given (kept as it is, never fetched). */
async function imageUrl(request: FakeRequest, context: FakeContext): Promise<{ url: string } | { answer: FakeAnswer }> {
  const { image_file: file, image_url: url } = (request.body ?? {}) as { image_file?: unknown; image_url?: unknown };
  if (file instanceof Blob) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const format = await checkImage(bytes, undefined, { formats: imageMediaTypes, maxBytes: MiB, limit: 'at most 1 MB' });
      return { url: context.storeImage(bytes, format) };
    } catch (error) {
      if (!(error instanceof UploadRejectedError)) throw error;
      // BigCommerce answers a file over 1 MB with 500, not 413; a file of another type with 422.
      if (error.code === 'ERR_IMAGE_TOO_LARGE') return { answer: problem(500, 'Internal Server Error') };
      return { answer: problem(422, 'Image was not valid.', { errors: { image_file: 'The file type is not supported.' } }) };
    }
  }
  if (typeof url === 'string') {
    // The fake never downloads; a text that is no http(s) URL could not be downloaded by BigCommerce either.
    const usable = URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);
    return usable ? { url } : { answer: problem(400, 'The requested resource could not be downloaded.') };
  }
  return { answer: problem(422, 'Image was not valid.', { errors: { image_file: 'error.path.missing' } }) };
}

/** Every reason the batch cannot be applied, one error per item concerned; none when it can. */
function batchErrors(state: BigCommerceState, items: BatchItem[]): object[] {
  const errors: object[] = [];
  const refuse = (title: string, errorsOf: Record<string, string>) => errors.push({ status: 422, title, type: statusPage, errors: errorsOf });
  const skus = new Map<string, number>();
  for (const item of items) {
    const found = findAnywhere(state, item.id);
    if (!found) {
      refuse('The variant could not be updated.', { id: `Variant ${item.id} was not found.` });
      continue;
    }
    if (item.product_id !== undefined && item.product_id !== found.product.id) {
      refuse('The variant could not be updated.', { product_id: `Variant ${item.id} belongs to product ${found.product.id}.` });
    }
    if (item.sku) {
      const owner = variantWithSku(state, item.sku);
      const claimedBy = skus.get(item.sku);
      if ((owner && owner.id !== item.id) || (claimedBy !== undefined && claimedBy !== item.id)) {
        refuse('The variant could not be updated.', { sku: `${item.sku} is not unique.` });
      }
      skus.set(item.sku, item.id);
    }
  }
  return errors;
}

/** BigCommerce refuses a batch of more than 50 with 413 before it reads any item, valid or not (FACTS.md C). */
export function precheck(operationId: string, body: unknown): FakeAnswer | undefined {
  if (operationId !== 'updateVariantsBatch' || !Array.isArray(body) || body.length <= variantsBatchLimit) return undefined;
  return problem(413, `The request payload is too large. The maximum items allowed in the array is ${variantsBatchLimit}`, {
    type: '/api-docs/getting-started/api-status-codes',
    errors: {},
  });
}

export const handlers: Record<string, Handler> = {
  getProductVariants(state, request) {
    const found = product(state, request);
    return 'answer' in found ? found.answer : page(found.found.variants, request.query);
  },

  getProductVariant(state, request) {
    const found = variant(state, request);
    return 'answer' in found ? found.answer : single(present(found.found.variant, request.query));
  },

  createProductVariant(state, request) {
    const found = product(state, request);
    if ('answer' in found) return found.answer;
    const owner = found.found;
    const input = request.body as VariantCreate;
    const wrong = wrongProduct(input, owner);
    if (wrong) return wrong;
    const optionProblem = optionValueProblem(owner, input.option_values);
    if (optionProblem) return invalid({ option_values: optionProblem });
    const taken = skuTaken(state, input.sku);
    if (taken) return taken;
    if (variantWithOptionValues(owner, input.option_values)) {
      return problem(409, 'A variant with the same option values already exists.', {
        errors: { option_values: 'The combination of option values must be unique.' },
      });
    }
    if (owner.variants.length >= maxVariantsPerProduct) {
      return invalid({ sku: `A product may have at most ${maxVariantsPerProduct} variants (SKUs).` });
    }
    return single(createVariant(state, owner, input));
  },

  updateProductVariant(state, request) {
    const found = variant(state, request);
    if ('answer' in found) return found.answer;
    const input = request.body as VariantUpdate;
    const refused = wrongProduct(input, found.found.product) ?? skuTaken(state, input.sku, found.found.variant);
    return refused ?? single(updateVariant(found.found.variant, input));
  },

  deleteProductVariant(state, request) {
    const found = variant(state, request);
    if ('answer' in found) return found.answer;
    deleteVariant(state, found.found.product, found.found.variant);
    return { status: 204 };
  },

  async createProductVariantImage(state, request, context) {
    const found = variant(state, request);
    if ('answer' in found) return found.answer;
    const image = await imageUrl(request, context);
    if ('answer' in image) return image.answer;
    // One image slot: the new image replaces any the variant had.
    found.found.variant.image_url = image.url;
    return single({ image_url: image.url });
  },

  updateVariantsBatch(state, request) {
    const items = request.body as BatchItem[];
    // All or nothing here: BigCommerce does not document whether valid items of a refused batch land.
    const errors = batchErrors(state, items);
    if (errors.length > 0) return { status: 422, body: { batch_errors: errors } };
    const data = items.map((item) => structuredClone(updateVariant(findAnywhere(state, item.id)!.variant, item)));
    return { status: 200, body: { data, meta: {} } };
  },
};
