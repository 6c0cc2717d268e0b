import type { operations, paths } from '../generated/ecwid.js';
import { operationTable } from '../generated/ecwid.operations.js';
import { type CommonClientOptions, createVendorClient } from './client.js';
import { requireCredential, sendAsIs } from './middleware.js';
import { checkImage, checkImageUrl, type ImageBytes, MiB } from './upload-guards.js';

export type { components, operations, paths } from '../generated/ecwid.js';

export interface EcwidClientOptions extends CommonClientOptions {
  /** Ecwid store ID; part of every URL. */
  storeId: number | string;
  /** Secret or public access token. Sent as `Authorization: Bearer`; Ecwid no longer accepts `?token=`. */
  token: string;
  /** Replaces `https://app.ecwid.com/api/v3/{storeId}` entirely, e.g. with a Prism mock's URL. */
  baseUrl?: string;
}

type VariationPath = operations['uploadVariationImage']['parameters']['path'];

export interface UploadVariationImage extends VariationPath {
  /** At most 20 MB of GIF, JPEG, PNG or WebP bytes, sent unchanged. */
  image: ImageBytes;
  /** The image's media type, e.g. `image/jpeg`. */
  contentType: string;
}

export interface UploadVariationImageFromUrl extends VariationPath {
  /** Absolute http(s) URL Ecwid downloads the image from. */
  externalUrl: string;
}

const imagePath = '/products/{productId}/combinations/{combinationId}/image';
const maxImageBytes = 20 * MiB;

export function createEcwidClient(options: EcwidClientOptions) {
  const token = requireCredential('token', options.token);
  const client = createVendorClient<paths>(options, {
    baseUrl: options.baseUrl ?? `https://app.ecwid.com/api/v3/${encodeURIComponent(options.storeId)}`,
    operations: operationTable,
    headers: { Authorization: `Bearer ${token}` },
  });

  return Object.assign(client, {
    /** Uploads raw image bytes as the variation's image (POST …/image with a binary body). */
    async uploadVariationImage({ productId, combinationId, image, contentType }: UploadVariationImage) {
      await checkImage(image, maxImageBytes, 'Ecwid accepts images up to 20 MB');
      return client.POST(imagePath, {
        params: { path: { productId, combinationId } },
        body: image as never,
        bodySerializer: sendAsIs,
        headers: { 'Content-Type': contentType },
      });
    },
    /** Makes Ecwid fetch the variation's image from a URL (POST …/image?externalUrl=…, no body). */
    async uploadVariationImageFromUrl({ productId, combinationId, externalUrl }: UploadVariationImageFromUrl) {
      return client.POST(imagePath, {
        params: { path: { productId, combinationId }, query: { externalUrl: checkImageUrl(externalUrl, 'externalUrl') } },
      });
    },
  });
}

export type EcwidClient = ReturnType<typeof createEcwidClient>;
