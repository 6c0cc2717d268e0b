// A consumer of the installed package's Ecwid entry point, type-checked with strict settings.
import { createEcwidClient as fromRoot } from 'commerce-variants';
import { type components, createEcwidClient, type operations, type paths } from 'commerce-variants/ecwid';
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

// The root entry point re-exports the same factory; the spec types are exported, not `any`.
type _sameFactory = Expect<typeof fromRoot extends typeof createEcwidClient ? true : false>;
type _paths = Expect<Not<IsAny<paths['/products/{productId}/combinations']>>>;
type _schemas = Expect<Not<IsAny<components['schemas']>>>;
type _operations = Expect<Not<IsAny<operations['listVariations']>>>;
