// A consumer of the installed package's BigCommerce entry point, type-checked with strict settings.
import { createBigCommerceClient as fromRoot } from 'commerce-variants';
import { type components, createBigCommerceClient, type operations, type paths } from 'commerce-variants/bigcommerce';
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

type _sameFactory = Expect<typeof fromRoot extends typeof createBigCommerceClient ? true : false>;
type _paths = Expect<Not<IsAny<paths['/catalog/products/{product_id}/variants']>>>;
type _schemas = Expect<Not<IsAny<components['schemas']>>>;
type _operations = Expect<Not<IsAny<operations['getProductVariants']>>>;
