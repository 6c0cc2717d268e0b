import { type FetchResponse, mergeHeaders } from 'openapi-fetch';
import type { components, operations, paths } from '../generated/bigcommerce.js';
import { imageMediaTypes } from '../generated/bigcommerce.images.js';
import { operationTable } from '../generated/bigcommerce.operations.js';
import { type CommonClientOptions, createVendorClient, type HelperCallOptions, splitCallOptions, storePart } from './client.js';
import { HttpError, PagingError } from './errors.js';
import { requireCredential } from './middleware.js';
import { multipartFile } from './multipart.js';
import { pageStep } from './pagination.js';
import { checkImage, checkImageUrl, type ImageBytes, MiB } from './upload-guards.js';

export type { components, operations, paths } from '../generated/bigcommerce.js';

type Schemas = components['schemas'];
/** A product variant as BigCommerce returns it. */
export type BigCommerceVariant = Schemas['ProductVariant'];
/** The body of `POST /catalog/products/{product_id}/variants`. */
export type BigCommerceVariantCreate = Schemas['ProductVariantCreate'];
/** The body of `PUT /catalog/products/{product_id}/variants/{variant_id}`. */
export type BigCommerceVariantUpdate = Schemas['ProductVariantUpdate'];
/** One item of the body of `PUT /catalog/variants`: the variant's `id` and the fields to change. */
export type BigCommerceVariantBatchUpdate = Schemas['ProductVariantBatchUpdate'];
/** The body of BigCommerce's error answers. */
export type BigCommerceError = Schemas['Error'];
/** `meta.pagination` of a page of variants. */
export type BigCommercePagination = Schemas['Pagination'];
/** The image formats BigCommerce takes, as the spec documents them. */
export type BigCommerceImageMediaType = (typeof imageMediaTypes)[number];

export interface BigCommerceClientOptions extends CommonClientOptions {
  /** The store's permanent hash, as in `https://api.bigcommerce.com/stores/{store_hash}/v3`. */
  storeHash: string;
  /** API account access token. Sent as `X-Auth-Token`. */
  accessToken: string;
  /** Replaces `https://api.bigcommerce.com/stores/{store_hash}/v3` entirely, e.g. with a Prism mock's URL. */
  baseUrl?: string;
}

// Helpers name what the API names (path parameters, body fields) as the spec does, like raw calls.
// Every helper also takes the per-call options a raw call takes: signal, timeoutMs, headers.
type VariantPath = operations['createProductVariantImage']['parameters']['path'] & HelperCallOptions;
type ProductPath = operations['getProductVariants']['parameters']['path'] & HelperCallOptions;
type ListQuery = NonNullable<operations['getProductVariants']['parameters']['query']>;

export type CreateVariantImageFromUrl = VariantPath & Schemas['VariantImageFromUrl'];

export type UploadVariantImageFile = VariantPath & {
  /** At most 1 MB of GIF, JPEG or PNG bytes, sent unchanged as the `image_file` part. */
  image_file: ImageBytes;
  /** The part's file name. Default `image.<format>`, e.g. `image.png`. */
  filename?: string;
  /** The image's media type; it must be the bytes' own. Left out, it is read from the bytes. */
  contentType?: BigCommerceImageMediaType;
};

/** `signal` stops the walk: the page in flight rejects with RequestAbortedError. */
export type ListAllVariants = ProductPath & {
  /**
   * Variants per request (`limit`), a whole number >= 1; BigCommerce's default when left out. The
   * spec sets no maximum: BigCommerce answers a page larger than it allows with `413` (HttpError).
   */
  pageSize?: number;
  /** `include_fields` / `exclude_fields`, sent with every page. */
  query?: Omit<ListQuery, 'page' | 'limit'>;
};

export type UpdateVariantsBatch = HelperCallOptions & {
  /** At most `variantsBatchLimit` (50) updates, each naming its variant by `id`. */
  variants: BigCommerceVariantBatchUpdate[];
};

/** The most variants BigCommerce takes in one batch update; it answers `413` to a longer array. */
export const variantsBatchLimit = 50;

/** The body of an error answer to a page of `listAllVariants`, as the spec types it. */
export type ListAllVariantsErrorBody = NonNullable<FetchResponse<operations['getProductVariants'], {}, `${string}/${string}`>['error']>;

/** The HttpError `listAllVariants` throws, its `error` typed. */
export type ListAllVariantsError = HttpError & { readonly operationId: 'getProductVariants'; readonly error: ListAllVariantsErrorBody };

/** Whether `error` is what `listAllVariants` throws for an error answer; narrows `error.error` to the spec's type. */
export function isListAllVariantsError(error: unknown): error is ListAllVariantsError {
  return error instanceof HttpError && error.operationId === listOperationId;
}

const listOperationId = 'getProductVariants';
const imagePath = '/catalog/products/{product_id}/variants/{variant_id}/image';
const imageRules = { formats: imageMediaTypes, maxBytes: MiB, limit: 'BigCommerce accepts image files up to 1 MB' };

export function createBigCommerceClient(options: BigCommerceClientOptions) {
  const accessToken = requireCredential('accessToken', options.accessToken);
  const client = createVendorClient<paths>(options, {
    baseUrl: options.baseUrl ?? `https://api.bigcommerce.com/stores/${storePart('storeHash', options.storeHash)}/v3`,
    // include_fields=sku,price: BigCommerce takes lists comma-separated, not repeated.
    querySerializer: { array: { style: 'form', explode: false } },
    operations: operationTable,
    // BigCommerce requires Accept on every request; callers never have to pass it.
    headers: { 'X-Auth-Token': accessToken, Accept: 'application/json' },
  });

  return Object.assign(client, {
    /** Sets the variant's image from a public URL (JSON `{image_url}`), replacing any it has. */
    async createVariantImageFromUrl(input: CreateVariantImageFromUrl) {
      const [call, { product_id, variant_id, image_url }] = splitCallOptions(input);
      return client.POST(imagePath, {
        ...call,
        params: { path: { product_id, variant_id } },
        body: { image_url: checkImageUrl(image_url, 'image_url') },
      });
    },
    /** Uploads an image file as the variant's image (multipart `image_file`), replacing any it has. */
    async uploadVariantImageFile(input: UploadVariantImageFile) {
      const [call, { product_id, variant_id, image_file, filename, contentType }] = splitCallOptions(input);
      const format = await checkImage(image_file, contentType, imageRules);
      const bytes = image_file instanceof Blob ? new Uint8Array(await image_file.arrayBuffer()) : image_file instanceof Uint8Array ? image_file : new Uint8Array(image_file);
      // The part's type is the checked one: the bytes' own format, which a declared type must name.
      const { body, contentType: multipart } = multipartFile('image_file', filename ?? `image.${format.slice('image/'.length)}`, format, bytes);
      return client.POST(imagePath, {
        ...call,
        params: { path: { product_id, variant_id } },
        body: { image_file },
        bodySerializer: () => body,
        headers: mergeHeaders(call.headers, { 'Content-Type': multipart }),
      });
    },
    /**
     * Every variant of a product, page after page (`GET …/variants?page=N`), following
     * `meta.pagination` until its last page. Each page is one call, with the client's timeout and
     * retries; an error answer throws HttpError (narrow it with isListAllVariantsError), and a page
     * that answers as another page throws PagingError rather than loop or repeat variants.
     */
    /**
     * Changes up to 50 variants, of any products, in one `PUT /catalog/variants`. A longer array
     * is refused with a RangeError before anything is sent (BigCommerce would answer `413`): split
     * it. Safe to retry, like a single update; after a `422`, read the variants back before
     * resending, since BigCommerce does not say whether the valid items were applied.
     */
    async updateVariantsBatch(input: UpdateVariantsBatch) {
      const [call, { variants }] = splitCallOptions(input);
      if (!Array.isArray(variants)) throw new TypeError('variants must be an array of variant updates');
      if (variants.length > variantsBatchLimit) {
        throw new RangeError(`a batch holds at most ${variantsBatchLimit} variants, got ${variants.length}: split it`);
      }
      return client.PUT('/catalog/variants', { ...call, body: variants });
    },
    async *listAllVariants(input: ListAllVariants): AsyncGenerator<BigCommerceVariant> {
      const [call, { product_id, pageSize, query }] = splitCallOptions(input);
      // The spec's limit is an integer; a page must hold at least one variant for the walk to advance.
      if (!(pageSize === undefined || (Number.isInteger(pageSize) && pageSize >= 1))) {
        throw new TypeError('pageSize must be a whole number >= 1');
      }
      for (let page = 1; ; page++) {
        const { data, error, response } = await client.GET('/catalog/products/{product_id}/variants', {
          ...call,
          params: { path: { product_id }, query: { ...query, page, limit: pageSize } },
        });
        if (error !== undefined) throw new HttpError(listOperationId, response, error);
        const step = pageStep(page, data.meta.pagination);
        if ('answeredAs' in step) throw new PagingError(listOperationId, page, step.answeredAs);
        yield* data.data;
        if (!step.next || data.data.length === 0) return;
      }
    },
  });
}

export type BigCommerceClient = ReturnType<typeof createBigCommerceClient>;
