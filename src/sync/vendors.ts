// What the sync asks of each vendor, said with the package's own clients and their helpers (upload
// guards included): list a product's variants, read one back, set its image, write fields. No
// request is made here that a user of the clients could not make the same way.
import { type BigCommerceClient, type BigCommerceClientOptions, type BigCommerceVariant, createBigCommerceClient, variantsBatchLimit } from '../bigcommerce.js';
import { createEcwidClient, type EcwidClient, type EcwidClientOptions, type EcwidVariation } from '../ecwid.js';
import { HttpError } from '../errors.js';
import type { RateLimit } from './pacing.js';

/** A variant as the sync compares it, in either vendor's terms. */
export interface StoreVariant {
  id: number;
  sku: string | undefined;
  /** The variant's own image, or null when it has none. */
  imageUrl: string | null;
  price: number | undefined;
  quantity: number | undefined;
}

/** The fields a row may set. */
export interface FieldChange {
  product_id: number;
  variant_id: number;
  price?: number | undefined;
  quantity?: number | undefined;
}

export type ImageToSend = { bytes: Uint8Array; url?: undefined } | { url: string; bytes?: undefined };

/** A write's answer, as openapi-fetch hands it back; `imageUrl` where the answer says it. */
export interface WriteAnswer {
  response: Response;
  error?: unknown;
  imageUrl?: string | null | undefined;
}

export interface SyncVendor {
  /** Every variant of the product, or undefined when the store has no such product (404). Throws HttpError for any other error answer. */
  listVariants(productId: number): Promise<StoreVariant[] | undefined>;
  /** One variant, or undefined when it is gone (404). */
  readVariant(productId: number, variantId: number): Promise<StoreVariant | undefined>;
  /** Sets the variant's image: bytes uploaded, a URL by URL (synchronously: the answer says the image is set). */
  setImage(productId: number, variantId: number, image: ImageToSend): Promise<WriteAnswer>;
  /** Writes up to `fieldsPerRequest` changes in one request. */
  writeFields(changes: FieldChange[]): Promise<WriteAnswer>;
  fieldsPerRequest: number;
  /** Whether an upload's answer says the new image URL (BigCommerce); Ecwid's says only an image ID. */
  answersImageUrl: boolean;
}

type Call = { signal: AbortSignal | undefined };

export type VendorClientOptions = ({ api: 'ecwid' } & EcwidClientOptions) | ({ api: 'bigcommerce' } & BigCommerceClientOptions);

/** Throws HttpError for an error answer to a read, as the clients' page walk does. */
function read<T>(operationId: string, { data, error, response }: { data?: T; error?: unknown; response: Response }): T | undefined {
  if (response.status === 404) return undefined;
  if (error !== undefined || data === undefined) throw new HttpError(operationId, response, error);
  return data;
}

/** The pace when neither the store's headers nor the user say it: Ecwid's 600 per minute per token. BigCommerce's headers say it. */
export const defaultRates: Record<VendorClientOptions['api'], RateLimit | undefined> = {
  ecwid: { requests: 600, windowMs: 60_000 },
  bigcommerce: undefined,
};

/**
 * The vendor's client, every call of it stopped by `signal`, and started only once `ready()` says
 * the quota has room (the pacer's reserve), so that no call waits for its slot inside its timeout.
 */
export function createSyncVendor(options: VendorClientOptions, { signal, ready }: { signal?: AbortSignal | undefined; ready(): Promise<void> }): SyncVendor {
  const vendor = options.api === 'ecwid' ? ecwidVendor(createEcwidClient(options), { signal }) : bigCommerceVendor(createBigCommerceClient(options), { signal });
  const paced = <A extends unknown[], R>(method: (...args: A) => Promise<R>) => async (...args: A) => {
    await ready();
    return method(...args);
  };
  return {
    fieldsPerRequest: vendor.fieldsPerRequest,
    answersImageUrl: vendor.answersImageUrl,
    listVariants: paced(vendor.listVariants),
    readVariant: paced(vendor.readVariant),
    setImage: paced(vendor.setImage),
    writeFields: paced(vendor.writeFields),
  };
}

/** Ecwid: one list answers every variation of a product; one PUT per variation; 600 per minute per token. */
function ecwidVendor(client: EcwidClient, call: Call): SyncVendor {
  // The image as uploaded; the resized copies are derived from it.
  const variant = (variation: Pick<EcwidVariation, 'id' | 'sku' | 'originalImageUrl' | 'imageUrl' | 'price' | 'quantity' | 'unlimited'>): StoreVariant => ({
    id: variation.id!,
    sku: variation.sku,
    imageUrl: variation.originalImageUrl ?? variation.imageUrl ?? null,
    price: variation.price,
    quantity: variation.unlimited ? undefined : variation.quantity,
  });
  return {
    fieldsPerRequest: 1,
    answersImageUrl: false,
    async listVariants(productId) {
      const list = read('listVariations', await client.GET('/products/{productId}/combinations', { ...call, params: { path: { productId } } }));
      return list?.map(variant);
    },
    async readVariant(productId, combinationId) {
      const one = read('getVariation', await client.GET('/products/{productId}/combinations/{combinationId}', { ...call, params: { path: { productId, combinationId } } }));
      return one && variant(one);
    },
    setImage(productId, combinationId, image) {
      return image.bytes
        ? client.uploadVariationImage({ ...call, productId, combinationId, image: image.bytes })
        : client.uploadVariationImageFromUrl({ ...call, productId, combinationId, externalUrl: image.url });
    },
    writeFields([change]) {
      const { product_id: productId, variant_id: combinationId, price, quantity } = change!;
      // A stock level means the stock is counted: `unlimited` would make Ecwid ignore it.
      const stock = quantity === undefined ? {} : { quantity, unlimited: false };
      return client.PUT('/products/{productId}/combinations/{combinationId}', { ...call, params: { path: { productId, combinationId } }, body: { price, ...stock } });
    },
  };
}

/** BigCommerce: a paged list, the batch update for fields (50 a request), the quota from each answer's headers. */
function bigCommerceVendor(client: BigCommerceClient, call: Call): SyncVendor {
  const fields = ['sku', 'price', 'inventory_level', 'image_url'] as const;
  const variant = (v: Pick<BigCommerceVariant, 'id' | 'sku' | 'image_url' | 'price' | 'inventory_level'>): StoreVariant => ({
    id: v.id!,
    sku: v.sku,
    imageUrl: v.image_url || null,
    price: v.price ?? undefined,
    quantity: v.inventory_level ?? undefined,
  });
  return {
    fieldsPerRequest: variantsBatchLimit,
    answersImageUrl: true,
    async listVariants(product_id) {
      const variants: StoreVariant[] = [];
      try {
        for await (const v of client.listAllVariants({ ...call, product_id, pageSize: 250, query: { include_fields: [...fields] } })) variants.push(variant(v));
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return undefined;
        throw error;
      }
      return variants;
    },
    async readVariant(product_id, variant_id) {
      const one = read(
        'getProductVariant',
        await client.GET('/catalog/products/{product_id}/variants/{variant_id}', { ...call, params: { path: { product_id, variant_id }, query: { include_fields: [...fields] } } }),
      );
      return one && variant(one.data);
    },
    async setImage(product_id, variant_id, image) {
      const answer = image.bytes
        ? await client.uploadVariantImageFile({ ...call, product_id, variant_id, image_file: image.bytes })
        : await client.createVariantImageFromUrl({ ...call, product_id, variant_id, image_url: image.url });
      return { ...answer, imageUrl: answer.data?.data.image_url };
    },
    writeFields(changes) {
      return client.updateVariantsBatch({
        ...call,
        variants: changes.map(({ variant_id, price, quantity }) => ({ id: variant_id, price, inventory_level: quantity })),
      });
    },
  };
}
