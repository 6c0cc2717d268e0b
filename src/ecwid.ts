import createClient from 'openapi-fetch';
import type { operations, paths } from '../generated/ecwid.js';
import { requireCredential, sendAsIs, setHeaders } from './middleware.js';

export type { components, operations, paths } from '../generated/ecwid.js';

export interface EcwidClientOptions {
  /** Ecwid store ID; part of every URL. */
  storeId: number | string;
  /** Secret or public access token. Sent as `Authorization: Bearer`; Ecwid no longer accepts `?token=`. */
  token: string;
  /** Replaces `https://app.ecwid.com/api/v3/{storeId}` entirely, e.g. with a Prism mock's URL. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

type VariationPath = operations['uploadVariationImage']['parameters']['path'];

/** Raw image bytes; sent unchanged. */
export type ImageBytes = Blob | ArrayBuffer | Uint8Array;

export interface UploadVariationImage extends VariationPath {
  image: ImageBytes;
  /** The image's media type, e.g. `image/jpeg`. */
  contentType: string;
}

export interface UploadVariationImageFromUrl extends VariationPath {
  /** Where Ecwid downloads the image from. */
  externalUrl: string;
}

const imagePath = '/products/{productId}/combinations/{combinationId}/image';

export function createEcwidClient(options: EcwidClientOptions) {
  const token = requireCredential('token', options.token);
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? `https://app.ecwid.com/api/v3/${encodeURIComponent(options.storeId)}`,
    ...(options.fetch && { fetch: options.fetch }),
  });
  client.use(setHeaders({ Authorization: `Bearer ${token}` }));

  return Object.assign(client, {
    /** Uploads raw image bytes as the variation's image (POST …/image with a binary body). */
    uploadVariationImage({ productId, combinationId, image, contentType }: UploadVariationImage) {
      return client.POST(imagePath, {
        params: { path: { productId, combinationId } },
        body: image as never,
        bodySerializer: sendAsIs,
        headers: { 'Content-Type': contentType },
      });
    },
    /** Makes Ecwid fetch the variation's image from a URL (POST …/image?externalUrl=…, no body). */
    uploadVariationImageFromUrl({ productId, combinationId, externalUrl }: UploadVariationImageFromUrl) {
      return client.POST(imagePath, {
        params: { path: { productId, combinationId }, query: { externalUrl } },
      });
    },
  });
}

export type EcwidClient = ReturnType<typeof createEcwidClient>;
