// What the BigCommerce fake-store tests share: a fresh store, and requests sent to it as a user's
// code sends them (BigCommerce's real base URL, an X-Auth-Token).
import { createFakeStore, type FakeSeeds, type FakeStoreOptions } from '../../src/testing/index.js';
import { sender } from './support/spec-examples.js';

export type { Body } from './support/spec-examples.js';

export const productId = 192;
export const base = 'https://api.bigcommerce.com/stores/abc123/v3';

export const freshStore = (options: FakeStoreOptions<FakeSeeds['bigcommerce']> = {}) => createFakeStore('bigcommerce', options);

/** Sends a request with BigCommerce's credential; the answer's status, parsed JSON body and headers. */
export const send = sender(base, { 'x-auth-token': 'fake-token', accept: 'application/json' });

/** An 8×8 PNG (74 bytes). */
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPQqnqEFTEMLQkA6vNhgffDdFYAAAAASUVORK5CYII=',
  'base64',
);
