// Client settings for a mock, and clients already pointed at one. A mock answers in milliseconds
// and answers the same way every time, so waiting on it only slows a test down: a `429` example
// asks for a 60 s wait (Ecwid's `Retry-After: 60`), which the clients' defaults honour, twice.
import { type BigCommerceClient, type BigCommerceClientOptions, createBigCommerceClient } from '../bigcommerce.js';
import type { CommonClientOptions } from '../client.js';
import { createEcwidClient, type EcwidClient, type EcwidClientOptions } from '../ecwid.js';

/**
 * Options for a client that calls a mock: a `429` (or a `5xx` with a `Retry-After`) asking for more
 * than 100 ms comes back at once instead of being waited for; other retries back off at most
 * 100 ms; an attempt that gets no whole answer in 5 s fails with a RequestTimeoutError.
 */
export const mockClientOptions = Object.freeze({
  retry: Object.freeze({ maxDelayMs: 100 }),
  timeoutMs: 5_000,
}) satisfies CommonClientOptions;

/** An Ecwid client for a mock at `url`, with mockClientOptions and a placeholder token; `options` override both. */
export const createEcwidMockClient = (url: string, options: Partial<EcwidClientOptions> = {}): EcwidClient =>
  createEcwidClient({ storeId: 'mock', token: 'mock-token', baseUrl: url, ...mockClientOptions, ...options });

/** A BigCommerce client for a mock at `url`, with mockClientOptions and a placeholder token; `options` override both. */
export const createBigCommerceMockClient = (url: string, options: Partial<BigCommerceClientOptions> = {}): BigCommerceClient =>
  createBigCommerceClient({ storeHash: 'mock', accessToken: 'mock-token', baseUrl: url, ...mockClientOptions, ...options });
