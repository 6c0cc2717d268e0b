// What both vendors' clients are made of: openapi-fetch, fixed headers carrying the credential,
// and the retry middleware (timeouts, safe retries, typed errors) innermost.
import createClient, { type ClientOptions, type Middleware } from 'openapi-fetch';
import { setHeaders } from './middleware.js';
import type { OperationTable } from './operation.js';
import { CallRequest, fetchWithAttemptSignal, type ReliabilityOptions, retryMiddleware } from './retry.js';

/** What a user may set on either vendor's client, besides its credentials. */
export interface CommonClientOptions extends ReliabilityOptions {
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
    Request: CallRequest,
    fetch: fetchWithAttemptSignal(options.fetch),
    querySerializer,
  });
  const retry = retryMiddleware(operations, options);
  client.use(setHeaders(vendor.headers), retry);
  // Middleware added later goes before the retry middleware, so that it sees each call once.
  const use = client.use;
  client.use = (...middleware: Middleware[]) => {
    client.eject(retry);
    use(...middleware, retry);
  };
  return client;
}
