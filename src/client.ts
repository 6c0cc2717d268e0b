// What both vendors' clients are made of: openapi-fetch, the transport middleware (timeouts,
// retries, typed errors) and fixed headers carrying the credential.
import createClient, { type ClientOptions } from 'openapi-fetch';
import type { OperationTable } from './operation.js';
import { setHeaders } from './middleware.js';
import { type TransportOptions, transport } from './transport.js';

export interface VendorClientOptions extends TransportOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch | undefined;
  querySerializer?: ClientOptions['querySerializer'];
  operations: OperationTable;
  /** Sent on every request; the credential goes here, never in the URL. */
  headers: Record<string, string>;
}

export function createVendorClient<Paths extends {}>(options: VendorClientOptions) {
  const client = createClient<Paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.querySerializer && { querySerializer: options.querySerializer }),
  });
  // Transport first: it must see every request last and every answer first (see transport.ts).
  client.use(transport(options.operations, options));
  client.use(setHeaders(options.headers));
  return client;
}
