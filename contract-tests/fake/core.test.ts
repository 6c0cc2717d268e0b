// The fake store's core, on a tiny model (support/tiny-vendor.ts) so that each rule of the core is
// seen alone: routing by the spec, refusals as Prism gives them, the answer check, the image CDN,
// seeds, the rate limit's window, faults, and HTTP.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FakeStoreError } from '../../src/fake/errors.js';
import { createFakeStoreOf } from '../../src/fake/store.js';
import { violations } from '../support/prism-headers.js';
import { tinyVendor } from './support/tiny-vendor.js';

const real = 'https://api.bigcommerce.com/stores/abc123/v3';
const auth = { 'X-Auth-Token': 'any-token', Accept: 'application/json' };
const json = { ...auth, 'Content-Type': 'application/json' };

afterEach(() => vi.useRealTimers());

describe('routing and state', () => {
  test('answers the real base URL with any store hash, and a bare origin, from the same state', async () => {
    const fake = createFakeStoreOf(tinyVendor());
    const created = await fake.fetch(`${real}/catalog/products/192/variants`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ sku: 'NEW-1', option_values: [] }),
    });
    expect(created.status).toBe(200);
    expect(violations(created)).toEqual([]);
    const { data } = (await created.json()) as { data: { id: number } };

    const listed = await fake.fetch('http://127.0.0.1:4011/catalog/products/192/variants', { headers: auth });
    expect(((await listed.json()) as { data: { sku: string }[] }).data.map((v) => v.sku)).toEqual(['SMGREEN', 'NEW-1']);

    const deleted = await fake.fetch(`https://api.bigcommerce.com/stores/other/v3/catalog/products/192/variants/${data.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(fake.requests).toEqual([
      { method: 'POST', path: '/catalog/products/192/variants', status: 200 },
      { method: 'GET', path: '/catalog/products/192/variants', status: 200 },
      { method: 'DELETE', path: `/catalog/products/192/variants/${data.id}`, status: 204 },
    ]);
  });

  test('an unknown path is 404 and a known path with another method 405, as Prism answers them', async () => {
    const fake = createFakeStoreOf(tinyVendor());
    expect((await fake.fetch(`${real}/catalog/brands`, { headers: auth })).status).toBe(404);
    expect((await fake.fetch(`${real}/catalog/products/192/variants`, { method: 'PATCH', headers: auth })).status).toBe(405);
  });

  test('a request without a credential gets the vendor answer', async () => {
    const fake = createFakeStoreOf(tinyVendor());
    const response = await fake.fetch(`${real}/catalog/products/192/variants`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: 401, title: 'Missing token' });
  });
});

describe('requests the spec refuses', () => {
  const fake = createFakeStoreOf(tinyVendor());
  const refusedCases = [
    { name: 'a path id that is no integer', url: `${real}/catalog/products/abc/variants`, init: { headers: auth }, where: ['request', 'path', 'product_id'] },
    { name: 'a misspelt query name', url: `${real}/catalog/products/192/variants?pgae=2`, init: { headers: auth }, where: ['request', 'query', 'pgae'] },
    { name: 'a query value of the wrong type', url: `${real}/catalog/products/192/variants?page=two`, init: { headers: auth }, where: ['request', 'query', 'page'] },
    { name: 'an unknown field in the include list', url: `${real}/catalog/products/192/variants?include_fields=sku,prise`, init: { headers: auth }, where: ['request', 'query', 'include_fields', '1'] },
    {
      name: 'an unknown body field',
      url: `${real}/catalog/products/192/variants`,
      init: { method: 'POST', headers: json, body: JSON.stringify({ sku: 'X', option_values: [], prise: 1 }) },
      where: ['request', 'body'],
    },
    {
      name: 'a missing required body field',
      url: `${real}/catalog/products/192/variants`,
      init: { method: 'POST', headers: json, body: JSON.stringify({ option_values: [] }) },
      where: ['request', 'body'],
    },
    {
      name: 'a body in an undeclared media type',
      url: `${real}/catalog/products/192/variants`,
      init: { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: 'sku=X' },
      where: ['request'],
    },
  ];

  test.for(refusedCases)('$name: refused with the violation named, and no handler runs', async ({ url, init, where }) => {
    const before = fake.snapshot();
    const response = await fake.fetch(url, init);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(violations(response).map((v) => v.location)).toContainEqual(where);
    expect(fake.snapshot()).toEqual(before);
  });

  test('the status is the first of 415, 422, 400 that the operation documents, with its example body', async () => {
    // createProductVariant documents 422 (with an example); getProductVariants documents none of them.
    const create = await fake.fetch(`${real}/catalog/products/192/variants`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(create.status).toBe(422);
    expect(create.headers.get('content-type')).toBe('application/json');
    const list = await fake.fetch(`${real}/catalog/products/192/variants?pgae=2`, { headers: auth });
    expect(list.status).toBe(422);
    expect(list.headers.get('content-type')).toBe('application/problem+json');
    expect(((await list.json()) as { validation: unknown[] }).validation).toHaveLength(1);
  });
});

test('an answer of the model that breaks the spec becomes a 502 naming the violation', async () => {
  const fake = createFakeStoreOf(tinyVendor({ breaksSpec: true }));
  const response = await fake.fetch(`${real}/catalog/products/192/variants`, { headers: auth });
  expect(response.status).toBe(502);
  const body = (await response.json()) as { detail: string };
  expect(body.detail).toContain('getProductVariants 200 /data: must be array');
});

describe('seed, reset and snapshot', () => {
  test('a snapshot seeds a new store with the same state; reset goes back to the seed', async () => {
    const first = createFakeStoreOf(tinyVendor(), { seed: { products: [{ id: 7, variants: [{ sku: 'A' }] }] } });
    await first.fetch(`${real}/catalog/products/7/variants`, { method: 'POST', headers: json, body: JSON.stringify({ sku: 'B', option_values: [] }) });
    const saved = JSON.parse(JSON.stringify(first.snapshot()));
    expect(saved.products[0].variants.map((v: { sku: string }) => v.sku)).toEqual(['A', 'B']);

    const second = createFakeStoreOf(tinyVendor(), { seed: saved });
    expect(second.snapshot()).toEqual(saved);
    first.reset();
    expect(first.snapshot().products[0]!.variants.map((v) => v.sku)).toEqual(['A']);
    expect(first.requests).toEqual([]);
  });

  test('a seed that breaks the seed schema is refused with a FakeStoreError naming the place', () => {
    const fake = createFakeStoreOf(tinyVendor());
    const bad = { products: [{ id: '7', variants: [] }] } as never;
    expect(() => fake.seed(bad)).toThrow(FakeStoreError);
    expect(() => fake.seed(bad)).toThrow(/\/products\/0\/id: must be integer/);
  });

  test('options are checked up front', () => {
    expect(() => createFakeStoreOf(tinyVendor(), { rateLimit: { requests: 0, windowMs: 10 } })).toThrow(/rateLimit.requests/);
    expect(() => createFakeStoreOf(tinyVendor(), { faults: { rate: 2 } })).toThrow(/faults.rate/);
  });
});

test('an uploaded image is served back byte-exact at a new URL per upload, without credentials, outside the quota', async () => {
  const fake = createFakeStoreOf(tinyVendor(), { rateLimit: { requests: 2, windowMs: 60_000 } });
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  const upload = () => {
    const form = new FormData();
    form.set('image_file', new File([bytes], 'v.jpg', { type: 'image/jpeg' }));
    return fake.fetch(`${real}/catalog/products/192/variants/384/image`, { method: 'POST', headers: auth, body: form });
  };
  const first = (await (await upload()).json()) as { data: { image_url: string } };
  const second = (await (await upload()).json()) as { data: { image_url: string } };
  expect(second.data.image_url).not.toBe(first.data.image_url);
  // The quota (2) is spent; the image bytes still come, without a token.
  const image = await fake.fetch(first.data.image_url);
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/jpeg');
  expect(new Uint8Array(await image.arrayBuffer())).toEqual(bytes);
  expect((await fake.fetch(`${real}/catalog/products/192/variants`, { headers: auth })).status).toBe(429);
});

describe('rate limit', () => {
  const list = (fake: ReturnType<typeof createFakeStoreOf>) => fake.fetch(`${real}/catalog/products/192/variants`, { headers: auth });

  test('a fixed window from the first counted request; refused requests do not extend it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    const fake = createFakeStoreOf(tinyVendor(), { rateLimit: { requests: 3, windowMs: 1_000 } });
    // Neither a request without a token, nor an unknown path, nor an image counts.
    await fake.fetch(`${real}/catalog/products/192/variants`);
    await fake.fetch(`${real}/nowhere`, { headers: auth });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await list(fake)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect((await list(fake)).headers.get('X-Rate-Limit-Requests-Left')).toBe('0');

    vi.setSystemTime(1_000_999);
    const refused = await list(fake);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('X-Retry-After')).toBe('1');
    expect(refused.headers.get('X-Rate-Limit-Time-Reset-Ms')).toBe('1');

    vi.setSystemTime(1_001_000);
    const next = await list(fake);
    expect(next.status).toBe(200);
    expect(next.headers.get('X-Rate-Limit-Requests-Left')).toBe('2');
    expect(next.headers.get('X-Rate-Limit-Time-Reset-Ms')).toBe('1000');
  });

  test('off with rateLimit: false', async () => {
    const fake = createFakeStoreOf(tinyVendor(), { rateLimit: false });
    for (let i = 0; i < 200; i++) expect((await list(fake)).status).toBe(200);
  });
});

describe('faults', () => {
  const create = (fake: ReturnType<typeof createFakeStoreOf>, sku: string) =>
    fake.fetch(`${real}/catalog/products/192/variants`, { method: 'POST', headers: json, body: JSON.stringify({ sku, option_values: [] }) });
  const outcomes = async (seed: number) => {
    const fake = createFakeStoreOf(tinyVendor(), { rateLimit: false, faults: { rate: 0.5, seed } });
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) seen.push(await create(fake, `S${i}`).then((r) => String(r.status), (e: TypeError) => e.message));
    return { seen, log: fake.requests.map((r) => r.fault ?? '-') };
  };

  test('the same seed gives the same faults; another seed others', async () => {
    const a = await outcomes(42);
    expect(await outcomes(42)).toEqual(a);
    expect((await outcomes(43)).log).not.toEqual(a.log);
    expect(new Set(a.log)).toEqual(new Set(['-', '500', '503', 'reset-before-write', 'reset-after-write', '429-no-headers']));
  });

  test('a reset after the write rejects like undici, and the write is in the store', async () => {
    const fake = createFakeStoreOf(tinyVendor(), { rateLimit: false, faults: { rate: 1, kinds: ['reset-after-write'] } });
    const error = await create(fake, 'LOST').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect(((error as TypeError).cause as { code: string }).code).toBe('ECONNRESET');
    expect(fake.snapshot().products[0]!.variants.map((v) => v.sku)).toContain('LOST');
    expect(fake.requests.at(-1)).toEqual({ method: 'POST', path: '/catalog/products/192/variants', status: 0, fault: 'reset-after-write' });
  });

  test('a reset before the write leaves the store unchanged', async () => {
    const fake = createFakeStoreOf(tinyVendor(), { rateLimit: false, faults: { rate: 1, kinds: ['reset-before-write'] } });
    await expect(create(fake, 'NEVER')).rejects.toThrow('fetch failed');
    expect(fake.snapshot().products[0]!.variants.map((v) => v.sku)).not.toContain('NEVER');
  });
});

describe('over HTTP', () => {
  test('listen() serves the same store on 127.0.0.1; a reset destroys the socket', async () => {
    const fake = createFakeStoreOf(tinyVendor(), { rateLimit: false, faults: { rate: 0 } });
    const server = await fake.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/catalog/products/192/variants`, { headers: auth });
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Rate-Limit-Requests-Quota')).toBeNull();
      expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(1);
    } finally {
      await server.stop();
    }
    const resetting = createFakeStoreOf(tinyVendor(), { faults: { rate: 1, kinds: ['reset-after-write'] } });
    const other = await resetting.listen();
    try {
      const error = await fetch(`${other.url}/catalog/products/192/variants/384`, { headers: auth }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
    } finally {
      await other.stop();
    }
  });
});

test('the controls over HTTP set, read and reset the state of a store run elsewhere (the CLI)', async () => {
  const fake = createFakeStoreOf(tinyVendor());
  const server = await fake.listen();
  try {
    const seed = { products: [{ id: 9, variants: [{ id: 1, sku: 'ONE' }] }] };
    expect((await fetch(`${server.url}/_fake/seed`, { method: 'PUT', body: JSON.stringify(seed) })).status).toBe(204);
    await fetch(`${server.url}/catalog/products/9/variants/1`, { method: 'DELETE', headers: auth });
    expect(await (await fetch(`${server.url}/_fake/snapshot`)).json()).toEqual({ products: [{ id: 9, variants: [] }] });
    expect(await (await fetch(`${server.url}/_fake/requests`)).json()).toEqual([{ method: 'DELETE', path: '/catalog/products/9/variants/1', status: 204 }]);
    expect((await fetch(`${server.url}/_fake/reset`, { method: 'POST' })).status).toBe(204);
    expect(fake.snapshot()).toEqual(seed);
    const refused = await fetch(`${server.url}/_fake/seed`, { method: 'PUT', body: JSON.stringify({ products: 'none' }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toContain('/products: must be array');
  } finally {
    await server.stop();
  }
});
