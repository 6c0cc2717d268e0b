// What the BigCommerce fake-store tests share: a fresh store, and requests sent to it as a user's
// code sends them (BigCommerce's real base URL, an X-Auth-Token).
import { type BigCommerceSeed, bigCommerceFake } from '../../src/fake/bigcommerce.js';
import { createFakeStoreOf, type FakeStoreOptions } from '../../src/fake/store.js';

export const productId = 192;
export const base = 'https://api.bigcommerce.com/stores/abc123/v3';

export const freshStore = (options: FakeStoreOptions<BigCommerceSeed> = {}) => createFakeStoreOf(bigCommerceFake, options);

/** A JSON body, or a multipart form whose parts are text or files. */
export type Body = { json: unknown } | { form: Record<string, string | Blob> };

/** A request as a client sends it: the token in X-Auth-Token, the body encoded. */
export function requestInit(method: string, body?: Body, headers: Record<string, string> = {}): RequestInit {
  const init = { method, headers: { 'x-auth-token': 'fake-token', accept: 'application/json', ...headers } };
  if (!body) return init;
  if ('json' in body) return { ...init, body: JSON.stringify(body.json), headers: { ...init.headers, 'content-type': 'application/json' } };
  const form = new FormData();
  for (const [name, value] of Object.entries(body.form)) form.append(name, value);
  return { ...init, body: form };
}

/** The answer's status, parsed JSON body and headers. */
export async function send(store: { fetch: typeof fetch }, method: string, path: string, body?: Body, headers?: Record<string, string>) {
  const response = await store.fetch(`${base}${path}`, requestInit(method, body, headers));
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as any), headers: response.headers };
}

/** An 8×8 PNG (74 bytes). */
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPQqnqEFTEMLQkA6vNhgffDdFYAAAAASUVORK5CYII=',
  'base64',
);
