// createFakeStore: the fake store of a bundled API, by name. Each vendor's model lives in its own
// module; this one only knows which model serves which API.
import type { BundledApi } from '../testing/specs.js';
import { type BigCommerceSeed, bigCommerceFake } from './bigcommerce.js';
import { type EcwidSeed, ecwidFake } from './ecwid.js';
import { FakeStoreError } from './errors.js';
import { createFakeStoreOf, type FakeStore, type FakeStoreOptions } from './store.js';
import type { VendorFake } from './vendor.js';

/** Every bundled API's model; a contract test checks that each covers its spec's operations. */
export const vendorFakes: Record<BundledApi, VendorFake<any, any>> = { ecwid: ecwidFake, bigcommerce: bigCommerceFake };

/** The seed (and snapshot) format of each API's fake store. */
export interface FakeSeeds {
  ecwid: EcwidSeed;
  bigcommerce: BigCommerceSeed;
}

/**
 * An in-memory fake store of one API (`'ecwid'` or `'bigcommerce'`), ready at once: pass its `fetch`
 * to a client, or listen() for HTTP. Throws a FakeStoreError for an unknown API, a bad option or a
 * seed that does not match the API's seed schema.
 */
export function createFakeStore<A extends BundledApi>(api: A, options: FakeStoreOptions<FakeSeeds[A]> = {}): FakeStore<FakeSeeds[A]> {
  const vendor = Object.hasOwn(vendorFakes, api) ? vendorFakes[api] : undefined;
  if (!vendor) {
    throw new FakeStoreError('UNKNOWN_API', `no fake store for '${String(api)}': choose one of ${Object.keys(vendorFakes).join(', ')}`);
  }
  return createFakeStoreOf(vendor, options) as FakeStore<FakeSeeds[A]>;
}
