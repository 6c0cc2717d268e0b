// What both vendors' clients are made of: openapi-fetch, fixed headers carrying the credential
// (middleware), and timeouts, safe retries and typed errors around every call (transport.ts).
import createClient, { type ClientOptions } from 'openapi-fetch';
import { setHeaders } from './middleware.js';
import type { OperationTable } from './operation.js';
import { fetchWithAttemptSignal, type TransportOptions, withTransport } from './transport.js';

export interface VendorClientOptions extends TransportOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch | undefined;
  querySerializer?: ClientOptions['querySerializer'];
  operations: OperationTable;
  /** Sent on every request; the credential goes here, never in the URL. */
  headers: Record<string, string>;
}

export function createVendorClient<Paths extends {}>(options: VendorClientOptions) {
  const { baseUrl, querySerializer, operations } = options;
  const client = createClient<Paths>({
    baseUrl,
    fetch: fetchWithAttemptSignal(options.fetch),
    ...(querySerializer && { querySerializer }),
  });
  client.use(setHeaders(options.headers));
  return withTransport(client, { operations, baseUrl, ...(querySerializer && { querySerializer }) }, options);
}
