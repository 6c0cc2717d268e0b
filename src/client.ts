// What both vendors' clients are made of: openapi-fetch, a Request constructor that sets the
// credential, and a fetch per call that does the timeouts, safe retries and typed errors. None of
// it is openapi-fetch middleware: `client.use` is the user's alone.
import createClient, { type ClientOptions, type HeadersOptions } from 'openapi-fetch';
import { callRequest, sendCallsWith } from './call.js';
import type { OperationTable } from './operation.js';
import type { CallOptions, ReliabilityOptions } from './retry.js';
import { callSender } from './send.js';

/** What a user may set on either vendor's client, besides its credentials. */
export interface CommonClientOptions extends ReliabilityOptions {
  fetch?: typeof globalThis.fetch;
}

/** What every helper takes besides its own input, as a raw call does. */
export interface HelperCallOptions extends CallOptions {
  /** Cancels the call, and any retry wait. */
  signal?: AbortSignal | undefined;
  /** Sent with this call, e.g. `{ Prefer: 'code=404' }` to pick a mock's answer. */
  headers?: HeadersOptions | undefined;
}

/** A helper's input split in two: the per-call options, for the call, and the rest, for the API. */
export function splitCallOptions<Input extends HelperCallOptions>({ signal, timeoutMs, headers, ...rest }: Input) {
  return [{ signal, timeoutMs, headers }, rest] as const;
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
    baseUrl: checkBaseUrl(baseUrl),
    // No redirect is followed: a 3xx comes back as the answer. fetch drops `Authorization` on a
    // redirect to another origin but forwards other headers, BigCommerce's `X-Auth-Token` among
    // them. Neither vendor's API redirects. (openapi-fetch sets `redirect` on every Request anyway.)
    redirect: 'manual',
    Request: callRequest(vendor.headers),
    querySerializer,
  });
  sendCallsWith(client, operations, callSender(options, options.fetch));
  return client;
}

// The checks below name the option and never echo its value: a base URL may carry a password or a
// token in its query, and a mistyped store part is no secret but reads no better in a log.

/** Rejects a base URL no call could use, at construction rather than at the first call. */
export function checkBaseUrl(value: unknown): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new TypeError('baseUrl must be an absolute http(s) URL');
  if (url.username || url.password) throw new TypeError('baseUrl must not carry a user name or password');
  // Paths are appended to the base URL, so a query or fragment there would swallow them.
  if (url.search || url.hash) throw new TypeError('baseUrl must have no query or fragment');
  return value as string;
}

/** The store's part of the vendor's URL (Ecwid's store ID, BigCommerce's store hash), URL-encoded. */
export function storePart(name: string, value: unknown): string {
  const ok = typeof value === 'number' ? Number.isSafeInteger(value) && value > 0 : typeof value === 'string' && /^[^\s/?#]+$/.test(value);
  if (!ok) throw new TypeError(`${name} must be a non-empty string or a positive whole number (or pass baseUrl)`);
  return encodeURIComponent(value as string | number);
}
