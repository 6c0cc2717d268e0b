// A consumer of the installed package's BigCommerce entry point, type-checked with strict settings.
import { createBigCommerceClient as fromRoot, HttpError, isListAllVariantsError } from 'commerce-variants';
import {
  type BigCommerceError,
  type BigCommerceVariant,
  type BigCommerceVariantCreate,
  type BigCommerceVariantUpdate,
  type components,
  createBigCommerceClient,
  type operations,
  type paths,
} from 'commerce-variants/bigcommerce';
import type { Expect, IsAny, Not } from './checks.js';

const bigcommerce = createBigCommerceClient({ storeHash: 'abc123', accessToken: 'token', baseUrl: 'http://127.0.0.1:4011' });

export async function variantSkus(productId: number): Promise<string[]> {
  const { data, error } = await bigcommerce.GET('/catalog/products/{product_id}/variants', {
    params: { path: { product_id: productId } },
  });
  type _data = Expect<Not<IsAny<typeof data>>>;
  type _error = Expect<Not<IsAny<typeof error>>>;
  if (error) return [];
  return data.data.map((variant) => variant.sku ?? '');
}

// A raw multipart upload: image_file is typed as bytes, so the body needs no cast.
export async function rawUpload(file: Blob) {
  const { data } = await bigcommerce.POST('/catalog/products/{product_id}/variants/{variant_id}/image', {
    params: { path: { product_id: 174, variant_id: 382 } },
    body: { image_file: file },
    bodySerializer() {
      const form = new FormData();
      form.append('image_file', file, 'shirt-red-l.png');
      return form;
    },
  });
  type _data = Expect<Not<IsAny<typeof data>>>;
  return data?.data.image_url;
}

// Every variant, page after page, typed as the spec's variant.
export async function allSkus(product_id: number): Promise<string[]> {
  const skus: string[] = [];
  for await (const variant of bigcommerce.listAllVariants({ product_id, pageSize: 250 })) {
    type _variant = Expect<typeof variant extends BigCommerceVariant ? true : false>;
    skus.push(variant.sku ?? '');
  }
  return skus;
}

// A failed walk: instanceof gives an unknown body, never any; the helper's guard gives the spec's type.
export async function countOrStatus(product_id: number): Promise<number | string> {
  let count = 0;
  try {
    for await (const variant of bigcommerce.listAllVariants({ product_id })) count += variant.id ? 1 : 0;
  } catch (error) {
    if (error instanceof HttpError) {
      type _body = Expect<Not<IsAny<typeof error.error>>>;
      type _unknown = Expect<unknown extends typeof error.error ? true : false>;
    }
    if (isListAllVariantsError(error)) {
      type _typed = Expect<Not<IsAny<typeof error.error>>>;
      type _spec = Expect<typeof error.error extends BigCommerceError ? true : false>;
      return `${error.status} ${error.error.title ?? ''}`;
    }
    throw error;
  }
  return count;
}

type _variant = Expect<BigCommerceVariant extends components['schemas']['ProductVariant'] ? true : false>;
type _create = Expect<BigCommerceVariantCreate extends components['schemas']['ProductVariantCreate'] ? true : false>;
type _update = Expect<BigCommerceVariantUpdate extends components['schemas']['ProductVariantUpdate'] ? true : false>;
type _errorBody = Expect<BigCommerceError extends components['schemas']['Error'] ? true : false>;
type _sameFactory = Expect<typeof fromRoot extends typeof createBigCommerceClient ? true : false>;
type _paths = Expect<Not<IsAny<paths['/catalog/products/{product_id}/variants']>>>;
type _schemas = Expect<Not<IsAny<components['schemas']>>>;
type _operations = Expect<Not<IsAny<operations['getProductVariants']>>>;
