// A consumer of the installed package's testing entry point, type-checked with strict settings and
// without @types/node: a global setup and a test helper as a user writes them.
import { createEcwidClient } from 'commerce-variants';
import {
  type BundledApi,
  createBigCommerceMockClient,
  createFakeStore,
  FakeStoreError,
  type FakeStoreErrorCode,
  createEcwidMockClient,
  MockError,
  type MockErrorCode,
  mockClientOptions,
  type RunningMock,
  specPath,
  startMock,
} from 'commerce-variants/testing';
import type { Expect, IsAny, Not } from './checks.js';

export async function setup(): Promise<() => Promise<void>> {
  const mocks: RunningMock[] = await Promise.all((['ecwid', 'bigcommerce'] as const).map((api) => startMock(api)));
  const [ecwidMock] = mocks;
  const ecwid = createEcwidMockClient(ecwidMock!.url);
  const { data } = await ecwid.GET('/products/{productId}/combinations', { params: { path: { productId: 1 } } });
  type _data = Expect<Not<IsAny<typeof data>>>;
  return async () => {
    await Promise.all(mocks.map((mock) => mock.stop()));
  };
}

export async function onAPort(port: number): Promise<string | MockErrorCode> {
  try {
    const mock = await startMock('bigcommerce', { port });
    const bc = createBigCommerceMockClient(mock.url, { retry: false });
    const { data } = await bc.GET('/catalog/products/{product_id}/variants', { params: { path: { product_id: 174 } } });
    type _variants = Expect<Not<IsAny<typeof data>>>;
    await mock.stop();
    return mock.url;
  } catch (error) {
    if (error instanceof MockError) return error.code;
    throw error;
  }
}

// The options spread into a client of one's own; the spec path is a string for one's own tooling.
export const ecwid = createEcwidClient({ storeId: 1003, token: 'any', baseUrl: 'http://127.0.0.1:4010', ...mockClientOptions });
export const ecwidSpec: string = specPath('ecwid' satisfies BundledApi);
// @ts-expect-error only the bundled APIs can be mocked
startMock('shopify');

// A fake store behind a client's fetch; its seed and snapshot are typed in the vendor's field names.
export async function fakeStore(): Promise<number | FakeStoreErrorCode> {
  try {
    const fake = createFakeStore('ecwid', { rateLimit: { requests: 20, windowMs: 200 }, faults: { rate: 0.1, seed: 42 } });
    const seed = fake.snapshot();
    type _seed = Expect<Not<IsAny<typeof seed.products>>>;
    fake.seed(seed);
    const client = createEcwidClient({ storeId: 1003, token: 'any', fetch: fake.fetch, ...mockClientOptions });
    await client.GET('/products/{productId}/combinations', { params: { path: { productId: 692730761 } } });
    const server = await fake.listen({ port: 0 });
    await server.stop();
    return fake.requests.length;
  } catch (error) {
    if (error instanceof FakeStoreError) return error.code;
    throw error;
  }
}
// @ts-expect-error only the bundled APIs have a fake store
createFakeStore('shopify');
