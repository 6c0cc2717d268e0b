// What the Ecwid fake-store tests share: a fresh store, and requests sent to it as a user's code sends
// them (the vendor's real base URL, a Bearer token).
import { createFakeStore, type FakeSeeds, type FakeStoreOptions } from '../../src/testing/index.js';
import { sender } from './support/spec-examples.js';

export type { Body } from './support/spec-examples.js';

export const productId = 692730761;
export const base = 'https://app.ecwid.com/api/v3/1003';

export const freshStore = (options: FakeStoreOptions<FakeSeeds['ecwid']> = {}) => createFakeStore('ecwid', options);

/** Sends a request with Ecwid's credential; the answer's status, parsed JSON body and headers. */
export const send = sender(base, { authorization: 'Bearer secret_example' });
