// What both vendors' clients are made of: openapi-fetch, fixed headers carrying the credential
// (middleware), and timeouts, safe retries and typed errors around every call (transport.ts).
import createClient, { type ClientOptions } from 'openapi-fetch';
import { setHeaders } from './middleware.js';
import type { OperationTable } from './operation.js';
import { fetchWithAttemptSignal, type TransportOptions, withTransport } from './transport.js';

/** What a user may set on either vendor's client, besides its credentials. */
export interface CommonClientOptions extends TransportOptions {
  fetch?: typeof globalThis.fetch;
}

/** What each vendor's module fixes. */
export interface Vendor {
  baseUrl: string;
  querySerializer?: ClientOptions['querySerializer'];
  operations: OperationTable;
  /** Sent on every request; the credential goes here, never in the URL. */
  headers: Record<string, string>;
}

export function createVendorClient<Paths extends {}>(options: CommonClientOptions, vendor: Vendor) {
  const { baseUrl, querySerializer, operations } = vendor;
  const client = createClient<Paths>({
    baseUrl,
    fetch: fetchWithAttemptSignal(options.fetch),
    ...(querySerializer && { querySerializer }),
  });
  client.use(setHeaders(vendor.headers));
  return withTransport(client, { operations, baseUrl, ...(querySerializer && { querySerializer }) }, options);
}
