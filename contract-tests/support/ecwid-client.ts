// The Ecwid client and the two calls the reliability tests drive it with: a get, which is safe to
// send again, and a create, which is not.
import { createEcwidClient, type EcwidClient, type EcwidClientOptions } from '../../src/index.js';
import { variationPath } from '../fixtures/index.js';

/** A client for a fault server's URL, with short backoff so that retrying tests stay quick. */
export const ecwidClient = (baseUrl: string, options: Partial<EcwidClientOptions> = {}) =>
  createEcwidClient({ storeId: 1003, token: 'secret_faults', baseUrl, retry: { baseDelayMs: 5 }, ...options });

export const getVariation = (client: EcwidClient, init: { signal?: AbortSignal } = {}) =>
  client.GET('/products/{productId}/combinations/{combinationId}', { params: { path: variationPath }, ...init });

export const createVariation = (client: EcwidClient) =>
  client.POST('/products/{productId}/combinations', {
    params: { path: { productId: variationPath.productId } },
    body: { options: [{ name: 'Size', value: 'L' }] },
  });
