import type { operations, paths } from '../generated/bigcommerce.js';
import { operationTable } from '../generated/bigcommerce.operations.js';
import { type CommonClientOptions, createVendorClient } from './client.js';
import { requireCredential } from './middleware.js';
import { checkImage, checkImageUrl, type ImageBytes, MiB } from './upload-guards.js';

export type { components, operations, paths } from '../generated/bigcommerce.js';

export interface BigCommerceClientOptions extends CommonClientOptions {
  /** The store's permanent hash, as in `https://api.bigcommerce.com/stores/{store_hash}/v3`. */
  storeHash: string;
  /** API account access token. Sent as `X-Auth-Token`. */
  accessToken: string;
  /** Replaces `https://api.bigcommerce.com/stores/{store_hash}/v3` entirely, e.g. with a Prism mock's URL. */
  baseUrl?: string;
}

interface VariantRef {
  productId: operations['createProductVariantImage']['parameters']['path']['product_id'];
  variantId: operations['createProductVariantImage']['parameters']['path']['variant_id'];
}

export interface CreateVariantImageFromUrl extends VariantRef {
  /** Public http(s) URL of a GIF, JPEG or PNG of at most 8 MB; BigCommerce downloads it. */
  imageUrl: string;
}

export interface UploadVariantImageFile extends VariantRef {
  /** At most 1 MB of GIF, JPEG or PNG bytes, sent unchanged as the `image_file` part. */
  file: ImageBytes;
  filename: string;
  /** The image's media type, e.g. `image/png`. */
  contentType: string;
}

const imagePath = '/catalog/products/{product_id}/variants/{variant_id}/image';

export function createBigCommerceClient(options: BigCommerceClientOptions) {
  const accessToken = requireCredential('accessToken', options.accessToken);
  const client = createVendorClient<paths>(options, {
    baseUrl: options.baseUrl ?? `https://api.bigcommerce.com/stores/${encodeURIComponent(options.storeHash)}/v3`,
    // include_fields=sku,price: BigCommerce takes lists comma-separated, not repeated.
    querySerializer: { array: { style: 'form', explode: false } },
    operations: operationTable,
    // BigCommerce requires Accept on every request; callers never have to pass it.
    headers: { 'X-Auth-Token': accessToken, Accept: 'application/json' },
  });

  return Object.assign(client, {
    /** Sets the variant's image from a public URL (JSON `{image_url}`), replacing any it has. */
    async createVariantImageFromUrl({ productId, variantId, imageUrl }: CreateVariantImageFromUrl) {
      return client.POST(imagePath, {
        params: { path: { product_id: productId, variant_id: variantId } },
        body: { image_url: checkImageUrl(imageUrl, 'imageUrl') },
      });
    },
    /** Uploads an image file as the variant's image (multipart `image_file`), replacing any it has. */
    async uploadVariantImageFile({ productId, variantId, file, filename, contentType }: UploadVariantImageFile) {
      await checkImage(file, MiB, 'BigCommerce accepts image files up to 1 MB');
      const form = new FormData();
      form.append('image_file', new Blob([file as BlobPart], { type: contentType }), filename);
      return client.POST(imagePath, {
        params: { path: { product_id: productId, variant_id: variantId } },
        body: form as never,
      });
    },
  });
}

export type BigCommerceClient = ReturnType<typeof createBigCommerceClient>;
