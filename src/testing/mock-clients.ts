// Client settings for a mock, and clients already pointed at one. A mock answers in milliseconds
// and answers the same way every time, so waiting on it only slows a test down: a `429` example
// asks for a 60 s wait (Ecwid's `Retry-After: 60`), which the clients' defaults honour, twice.
// The mock clients also carry the reason Prism refused a request into its error (mock-refusals.ts).
import { type BigCommerceClient, type BigCommerceClientOptions, createBigCommerceClient } from '../bigcommerce.js';
import type { CommonClientOptions } from '../client.js';
import { createEcwidClient, type EcwidClient, type EcwidClientOptions } from '../ecwid.js';
import { explainMockRefusals } from './mock-refusals.js';

/**
 * Options for a client that calls a mock: a `429` (or a `5xx` with a `Retry-After`) asking for more
 * than 100 ms comes back at once instead of being waited for; other retries back off at most
 * 100 ms; an attempt that gets no whole answer in 5 s fails with a RequestTimeoutError.
 */
export const mockClientOptions = Object.freeze({
  retry: Object.freeze({ maxDelayMs: 100 }),
  timeoutMs: 5_000,
}) satisfies CommonClientOptions;

/** The client, with the mock's reasons for a refusal in its errors. */
function explained<Client extends { use(middleware: typeof explainMockRefusals): void }>(client: Client): Client {
  client.use(explainMockRefusals);
  return client;
}

/**
 * An Ecwid client for a mock at `url`, with mockClientOptions and a placeholder token; `options`
 * override both. An error answer Prism gives a refused request says why (explainMockRefusals).
 */
export const createEcwidMockClient = (url: string, options: Partial<EcwidClientOptions> = {}): EcwidClient =>
  explained(createEcwidClient({ storeId: 'mock', token: 'mock-token', baseUrl: url, ...mockClientOptions, ...options }));

/**
 * A BigCommerce client for a mock at `url`, with mockClientOptions and a placeholder token; `options`
 * override both. An error answer Prism gives a refused request says why (explainMockRefusals).
 */
export const createBigCommerceMockClient = (url: string, options: Partial<BigCommerceClientOptions> = {}): BigCommerceClient =>
  explained(createBigCommerceClient({ storeHash: 'mock', accessToken: 'mock-token', baseUrl: url, ...mockClientOptions, ...options }));
