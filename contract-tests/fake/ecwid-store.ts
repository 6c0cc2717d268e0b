// What the Ecwid fake-store tests share: a fresh store, and requests sent to it as a user's code sends
// them (the vendor's real base URL, a Bearer token).
import { createFakeStore, type FakeSeeds, type FakeStoreOptions } from '../../src/testing/index.js';

export const productId = 692730761;
export const base = 'https://app.ecwid.com/api/v3/1003';

export const freshStore = (options: FakeStoreOptions<FakeSeeds['ecwid']> = {}) => createFakeStore('ecwid', options);

export type Body = { json: unknown } | { form: Record<string, string> } | { bytes: Uint8Array<ArrayBuffer>; type: string };

/** A request as a client sends it: the token in the Authorization header, the body encoded. */
export function requestInit(method: string, body?: Body, headers: Record<string, string> = {}): RequestInit {
  const init: RequestInit = { method, headers: { authorization: 'Bearer secret_example', ...headers } };
  if (!body) return init;
  if ('json' in body) return { ...init, body: JSON.stringify(body.json), headers: { ...init.headers, 'content-type': 'application/json' } };
  if ('form' in body) return { ...init, body: new URLSearchParams(body.form) };
  return { ...init, body: body.bytes, headers: { ...init.headers, 'content-type': body.type } };
}

/** The answer's status, parsed JSON body and headers. */
export async function send(store: { fetch: typeof fetch }, method: string, path: string, body?: Body, headers?: Record<string, string>) {
  const response = await store.fetch(`${base}${path}`, requestInit(method, body, headers));
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as any), headers: response.headers };
}
