// Ecwid's contract cases: the statuses Ecwid documents per operation, and one valid call each.
import type { EcwidClient } from '../../src/ecwid.js';
import type { operations } from '../../generated/ecwid.js';
import { defineVendorCases } from '../support/cases.js';
import { jpeg } from '../fixtures/index.js';
import { ecwidClient } from './client.js';

// Statuses every operation can answer, per Ecwid's current error-code table: an invalid token or a
// missing scope (403), the rate limit (429), a server error (500), and malformed parameters (400).
// The legacy per-endpoint tables add 402 (feature not on the plan) to all of them.
const everywhere = [400, 402, 403, 429, 500] as const;

const productId = 8392837;
const combinationId = 463737373;
const path = { productId, combinationId };

export const ecwid = defineVendorCases<EcwidClient, operations>({
  client: ecwidClient,

  documentedStatuses: {
    // Legacy tables: 415 where Ecwid expects a JSON request; 404 where a product or variation is named.
    listVariations: [200, ...everywhere, 404, 415],
    getVariation: [200, ...everywhere, 404, 415],
    createVariation: [200, ...everywhere, 404, 409, 415],
    updateVariation: [200, ...everywhere, 404, 409, 415],
    deleteVariation: [200, ...everywhere, 404],
    deleteAllVariations: [200, ...everywhere, 404],
    adjustVariationInventory: [200, ...everywhere, 404, 415],
    // Binary upload: 413 (legacy, over 20 MB), 415 (not a binary body), 422 (not an image).
    uploadVariationImage: [200, ...everywhere, 404, 413, 415, 422],
    deleteVariationImage: [200, ...everywhere, 404],
    // Async uploads: the current error table's WRONG_URL is a 422.
    uploadVariationImageAsync: [200, ...everywhere, 404, 422],
    uploadProductImageAsync: [200, ...everywhere, 404, 422],
  },

  validCalls: {
    listVariations: (client) =>
      client.GET('/products/{productId}/combinations', { params: { path: { productId } } }),
    createVariation: (client) =>
      client.POST('/products/{productId}/combinations', {
        params: { path: { productId } },
        body: { options: [{ name: 'Size', value: 'L' }], sku: 'TSHIRT-L', price: 19.99, quantity: 10 },
      }),
    deleteAllVariations: (client) =>
      client.DELETE('/products/{productId}/combinations', { params: { path: { productId } } }),
    getVariation: (client) =>
      client.GET('/products/{productId}/combinations/{combinationId}', { params: { path } }),
    updateVariation: (client) =>
      client.PUT('/products/{productId}/combinations/{combinationId}', {
        params: { path, query: { checkLowStockNotification: true } },
        body: { price: 21.5, quantity: 4 },
      }),
    deleteVariation: (client) =>
      client.DELETE('/products/{productId}/combinations/{combinationId}', { params: { path } }),
    adjustVariationInventory: (client) =>
      client.PUT('/products/{productId}/combinations/{combinationId}/inventory', {
        params: { path },
        body: { quantityDelta: -3 },
      }),
    uploadVariationImage: (client) =>
      client.uploadVariationImage({ ...path, image: jpeg, contentType: 'image/jpeg' }),
    deleteVariationImage: (client) =>
      client.DELETE('/products/{productId}/combinations/{combinationId}/image', { params: { path } }),
    uploadVariationImageAsync: (client) =>
      client.POST('/products/{productId}/combinations/{combinationId}/image/async', {
        params: { path },
        body: { url: 'https://example.org/images/shirt-l.jpg', width: '800', height: '600' },
      }),
    uploadProductImageAsync: (client) =>
      client.POST('/products/{productId}/image/async', {
        params: { path: { productId } },
        body: { url: 'https://example.org/images/shirt.jpg', width: '1200', height: '900' },
      }),
  },
});
