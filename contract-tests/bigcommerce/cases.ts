// BigCommerce's contract cases: the statuses BigCommerce documents per operation, and one valid call each.
import type { operations } from '../../generated/bigcommerce.js';
import type { BigCommerceClient } from '../../src/bigcommerce.js';
import { jpeg } from '../fixtures/index.js';
import { defineVendorCases } from '../support/cases.js';
import { bigCommerceClient } from './client.js';

// From BigCommerce's status-code reference, for every request: a missing or invalid X-Auth-Token
// (401), a token without the scope (403), and the per-store rate limit (429).
const everywhere = [401, 403, 429] as const;

// The default catalogue's product and its first variant (the spec's examples name them).
const product_id = 192;
const variant_id = 382;

export const bigcommerce = defineVendorCases<BigCommerceClient, operations>({
  client: bigCommerceClient,

  documentedStatuses: {
    // Its own description: 200 and 404. 413: asking for more objects than a page may hold.
    getProductVariants: [200, 404, ...everywhere, 413],
    // Its own description: 200 (not 201), 207 (saved, with a partial failure) and 404; the status
    // reference adds 409 (duplicate SKU or option values) and 422 (invalid fields).
    createProductVariant: [200, 207, 404, ...everywhere, 409, 422],
    getProductVariant: [200, 404, ...everywhere],
    updateProductVariant: [200, 207, 404, ...everywhere, 409, 422],
    // Its own description: 204 only, with no body.
    deleteProductVariant: [204, 404, ...everywhere],
    // Its own description: 400 (URL not downloadable), 404, 422 (not a valid image or no image_file),
    // 500 (an image_file over 1 MB — a 500, not a 413).
    createProductVariantImage: [200, 400, 404, 422, 500, ...everywhere],
    // Its own description: 200, 413 (more than 50 variants, before the items are read) and 422
    // (batch_errors).
    updateVariantsBatch: [200, 413, 422, ...everywhere],
  },

  validCalls: {
    getProductVariants: (client) =>
      client.GET('/catalog/products/{product_id}/variants', {
        params: { path: { product_id }, query: { page: 1, limit: 50, include_fields: ['sku', 'price'] } },
      }),
    createProductVariant: (client) =>
      client.POST('/catalog/products/{product_id}/variants', {
        params: { path: { product_id } },
        body: { sku: 'SMIT-3', price: 24.5, option_values: [{ id: 189, option_id: 220 }] },
      }),
    getProductVariant: (client) =>
      client.GET('/catalog/products/{product_id}/variants/{variant_id}', { params: { path: { product_id, variant_id } } }),
    updateProductVariant: (client) =>
      client.PUT('/catalog/products/{product_id}/variants/{variant_id}', {
        params: { path: { product_id, variant_id } },
        body: { inventory_level: 12, sale_price: null },
      }),
    deleteProductVariant: (client) =>
      client.DELETE('/catalog/products/{product_id}/variants/{variant_id}', { params: { path: { product_id, variant_id } } }),
    createProductVariantImage: (client) =>
      client.uploadVariantImageFile({
        product_id,
        variant_id,
        image_file: jpeg,
        filename: 'shirt-red-l.jpg',
        contentType: 'image/jpeg',
      }),
    updateVariantsBatch: (client) =>
      client.updateVariantsBatch({ variants: [{ id: variant_id, inventory_level: 40 }, { id: 383, price: 27 }] }),
  },
});
