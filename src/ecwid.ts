import { mergeHeaders } from 'openapi-fetch';
import type { components, operations, paths } from '../generated/ecwid.js';
import { anyBytesMediaTypes, imageMediaTypes } from '../generated/ecwid.images.js';
import { operationTable } from '../generated/ecwid.operations.js';
import { type CommonClientOptions, createVendorClient, type HelperCallOptions, splitCallOptions, storePart } from './client.js';
import { requireCredential, sendAsIs } from './middleware.js';
import { checkImage, checkImageUrl, type ImageBytes, MiB } from './upload-guards.js';

export type { components, operations, paths } from '../generated/ecwid.js';

type Schemas = components['schemas'];
/** A product variation (Ecwid's "combination") as Ecwid returns it. */
export type EcwidVariation = Schemas['Variation'];
/** The body of `POST /products/{productId}/combinations`. */
export type EcwidVariationCreate = Schemas['VariationCreate'];
/** The body of `PUT /products/{productId}/combinations/{combinationId}`. */
export type EcwidVariationUpdate = Schemas['VariationUpdate'];
/** The body of Ecwid's error answers, when it sends one. */
export type EcwidError = Schemas['Error'];
/** The body of the async image uploads: the image's URL, its size and alt text. */
export type EcwidImageUploadAsync = Schemas['ImageUploadAsyncRequest'];
/** The image formats Ecwid's binary upload takes, as the spec documents them. */
export type EcwidImageMediaType = (typeof imageMediaTypes)[number];

export interface EcwidClientOptions extends CommonClientOptions {
  /** Ecwid store ID; part of every URL. */
  storeId: number | string;
  /** Secret or public access token. Sent as `Authorization: Bearer`; Ecwid no longer accepts `?token=`. */
  token: string;
  /** Replaces `https://app.ecwid.com/api/v3/{storeId}` entirely, e.g. with a Prism mock's URL. */
  baseUrl?: string;
}

// Every helper also takes the per-call options a raw call takes: signal, timeoutMs, headers.
type VariationPath = operations['uploadVariationImage']['parameters']['path'] & HelperCallOptions;
type ProductPath = operations['uploadProductImageAsync']['parameters']['path'] & HelperCallOptions;

export type UploadVariationImage = VariationPath & {
  /** At most 20 MB of GIF, JPEG or PNG bytes, sent unchanged. */
  image: ImageBytes;
  /** The image's media type; it must be the bytes' own. Left out, it is read from the bytes. */
  contentType?: EcwidImageMediaType | (typeof anyBytesMediaTypes)[number];
};

export type UploadVariationImageFromUrl = VariationPath & {
  /** Absolute http(s) URL Ecwid downloads the image from. */
  externalUrl: string;
};

export type UploadVariationImageAsync = VariationPath & EcwidImageUploadAsync;
export type UploadProductImageAsync = ProductPath & EcwidImageUploadAsync;

const imagePath = '/products/{productId}/combinations/{combinationId}/image';
const imageRules = {
  formats: imageMediaTypes,
  maxBytes: 20 * MiB,
  limit: 'Ecwid accepts images up to 20 MB',
  anyBytes: anyBytesMediaTypes,
};

/**
 * A typed client for Ecwid's product variations. Ecwid's variation list
 * (`GET /products/{productId}/combinations`) is not paged: one call returns every variation of the
 * product, so there is no helper to walk pages, unlike BigCommerce's `listAllVariants`.
 */
export function createEcwidClient(options: EcwidClientOptions) {
  const token = requireCredential('token', options.token);
  const client = createVendorClient<paths>(options, {
    baseUrl: options.baseUrl ?? `https://app.ecwid.com/api/v3/${storePart('storeId', options.storeId)}`,
    operations: operationTable,
    headers: { Authorization: `Bearer ${token}` },
  });

  return Object.assign(client, {
    /** Uploads raw image bytes as the variation's image (POST …/image with a binary body). */
    async uploadVariationImage(input: UploadVariationImage) {
      const [call, { productId, combinationId, image, contentType }] = splitCallOptions(input);
      const format = await checkImage(image, contentType, imageRules);
      return client.POST(imagePath, {
        ...call,
        params: { path: { productId, combinationId } },
        body: image,
        bodySerializer: sendAsIs,
        // The checked type wins over one in the call's headers.
        headers: mergeHeaders(call.headers, { 'Content-Type': contentType ?? format }),
      });
    },
    /** Makes Ecwid fetch the variation's image from a URL (POST …/image?externalUrl=…, no body). */
    async uploadVariationImageFromUrl(input: UploadVariationImageFromUrl) {
      const [call, { productId, combinationId, externalUrl }] = splitCallOptions(input);
      return client.POST(imagePath, {
        ...call,
        params: { path: { productId, combinationId }, query: { externalUrl: checkImageUrl(externalUrl, 'externalUrl') } },
      });
    },
    /**
     * Has Ecwid download the variation's image from `url` in the background (POST …/image/async).
     * The answer comes at once with the future image's ID; reading the variation back is the only
     * way to see that the image arrived.
     */
    async uploadVariationImageAsync(input: UploadVariationImageAsync) {
      const [call, { productId, combinationId, ...body }] = splitCallOptions(input);
      return client.POST('/products/{productId}/combinations/{combinationId}/image/async', {
        ...call,
        params: { path: { productId, combinationId } },
        body: { ...body, url: checkImageUrl(body.url, 'url') },
      });
    },
    /** Has Ecwid download the product's main image from `url` in the background (POST /products/{productId}/image/async). */
    async uploadProductImageAsync(input: UploadProductImageAsync) {
      const [call, { productId, ...body }] = splitCallOptions(input);
      return client.POST('/products/{productId}/image/async', {
        ...call,
        params: { path: { productId } },
        body: { ...body, url: checkImageUrl(body.url, 'url') },
      });
    },
  });
}

export type EcwidClient = ReturnType<typeof createEcwidClient>;
