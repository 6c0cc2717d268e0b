// A consumer of the installed package's Ecwid entry point, type-checked with strict settings.
import { createEcwidClient as fromRoot } from 'commerce-variants';
import {
  type components,
  createEcwidClient,
  type EcwidError,
  type EcwidVariation,
  type EcwidVariationCreate,
  type EcwidVariationUpdate,
  type operations,
  type paths,
} from 'commerce-variants/ecwid';
import type { UploadVariationImage } from 'commerce-variants';
import type { Expect, IsAny, Not } from './checks.js';

const ecwid = createEcwidClient({ storeId: 1003, token: 'secret_token', baseUrl: 'http://127.0.0.1:4010' });

export async function firstVariationSku(productId: number): Promise<string | undefined> {
  const { data, error } = await ecwid.GET('/products/{productId}/combinations', {
    params: { path: { productId } },
  });
  type _data = Expect<Not<IsAny<typeof data>>>;
  type _error = Expect<Not<IsAny<typeof error>>>;
  if (error) return undefined;
  const sku: string | undefined = data[0]?.sku;
  return sku;
}

export async function uploadImage(bytes: Uint8Array) {
  const { data } = await ecwid.uploadVariationImage({
    productId: 692730761,
    combinationId: 422488528,
    image: bytes,
    contentType: 'image/jpeg',
  });
  type _upload = Expect<Not<IsAny<typeof data>>>;
  return data;
}

// A raw binary upload: the body is typed as bytes, so neither it nor the serializer needs a cast.
export async function rawUpload(bytes: Uint8Array, blob: Blob) {
  for (const body of [bytes, blob, bytes.slice().buffer]) {
    const { data, error } = await ecwid.POST('/products/{productId}/combinations/{combinationId}/image', {
      params: { path: { productId: 692730761, combinationId: 422488528 } },
      body,
      bodySerializer: (image) => image,
      headers: { 'Content-Type': 'image/png' },
    });
    type _data = Expect<Not<IsAny<typeof data>>>;
    if (error) return undefined;
  }
  return true;
}

// The resource types under vendor names are the spec's schemas.
export const label = (variation: EcwidVariation): string => variation.sku ?? String(variation.id);
type _variation = Expect<EcwidVariation extends components['schemas']['Variation'] ? true : false>;
type _create = Expect<EcwidVariationCreate extends components['schemas']['VariationCreate'] ? true : false>;
type _update = Expect<EcwidVariationUpdate extends components['schemas']['VariationUpdate'] ? true : false>;
type _error = Expect<EcwidError extends components['schemas']['Error'] ? true : false>;
// contentType takes the spec's media types only.
// @ts-expect-error text/plain is not an image type Ecwid's spec lists
export const wrongType: UploadVariationImage['contentType'] = 'text/plain';

// The root entry point re-exports the same factory; the spec types are exported, not `any`.
type _sameFactory = Expect<typeof fromRoot extends typeof createEcwidClient ? true : false>;
type _paths = Expect<Not<IsAny<paths['/products/{productId}/combinations']>>>;
type _schemas = Expect<Not<IsAny<components['schemas']>>>;
type _operations = Expect<Not<IsAny<operations['listVariations']>>>;
