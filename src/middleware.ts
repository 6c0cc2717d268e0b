import type { Middleware } from 'openapi-fetch';

/**
 * Sets fixed headers on every request. Credentials travel this way, never in the URL, so they
 * cannot end up in logs or error messages that print URLs.
 */
export function setHeaders(headers: Record<string, string>): Middleware {
  const entries = Object.entries(headers);
  return {
    onRequest({ request }) {
      for (const [name, value] of entries) request.headers.set(name, value);
    },
  };
}

/** Rejects an empty credential up front: a request without it can only fail, and later. */
export function requireCredential(name: string, value: unknown): string {
  if (!(typeof value === 'string' && value.trim())) {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  return value;
}

/** Sends the body exactly as given: openapi-fetch's default would JSON-encode a Blob as `{}`. */
export const sendAsIs = <T>(body: T): T => body;
