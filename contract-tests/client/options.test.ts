// The reliability options: what they default to, what they refuse, and the edges of timeoutMs.
import { afterEach, expect, test } from 'vitest';
import {
  type BigCommerceClientOptions,
  createBigCommerceClient,
  createEcwidClient,
  type EcwidClientOptions,
} from '../../src/index.js';
import { ecwidServerError as serverError, variation, variationPath as path } from '../fixtures/index.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

let server: FaultServer | undefined;
afterEach(() => server?.close());

const clientWith = (options: Partial<EcwidClientOptions>, baseUrl = server?.url) =>
  createEcwidClient({ storeId: 1003, token: 'secret_options', baseUrl, ...options });

test.each([
  [{ retry: { attempts: 0 } }, /retry.attempts must be a whole number >= 1, not 0/],
  [{ retry: { attempts: 2.5 } }, /retry.attempts must be a whole number >= 1/],
  [{ retry: { maxDelayMs: -1 } }, /retry.maxDelayMs and baseDelayMs must be numbers >= 0, not -1 and 500/],
  [{ retry: { baseDelayMs: Number.NaN } }, /retry.maxDelayMs and baseDelayMs must be numbers >= 0, not 60000 and NaN/],
  [{ timeoutMs: 0 }, /timeoutMs must be a number > 0/],
  [{ timeoutMs: -5 }, /timeoutMs must be a number > 0/],
  // From plain JavaScript a string would slip past the types.
  [{ timeoutMs: '50' }, /timeoutMs must be a number > 0 \(Infinity for none\), not 50/],
  [{ retry: { maxDelayMs: '100' } }, /retry.maxDelayMs and baseDelayMs must be numbers >= 0/],
])('%o is refused with a TypeError naming the option', (options, message) => {
  const create = () => clientWith(options as Partial<EcwidClientOptions>, 'http://127.0.0.1:9');
  expect(create).toThrow(TypeError);
  expect(create).toThrow(message);
});

test('a per-call timeoutMs that cannot work rejects the call with a TypeError, sending nothing', async () => {
  server = await startFaultServer([{ status: 200, body: variation }]);
  const call = clientWith({}).GET('/products/{productId}/combinations/{combinationId}', { params: { path }, timeoutMs: -1 });
  await expect(call).rejects.toBeInstanceOf(TypeError);
  await expect(call).rejects.toThrow(/timeoutMs must be a number > 0 \(Infinity for none\), not -1/);
  expect(server.seen).toHaveLength(0);
});

test.each([null, 0, '50'])(
  'a per-call timeoutMs of %o is refused before any middleware, even one that replaces the request',
  async (timeoutMs) => {
    server = await startFaultServer([{ status: 200, body: variation }]);
    const client = clientWith({});
    client.use({ onRequest: ({ request }) => new Request(request) });
    const call = client.GET('/products/{productId}/combinations/{combinationId}', {
      params: { path },
      timeoutMs: timeoutMs as number,
    });
    await expect(call).rejects.toBeInstanceOf(TypeError);
    expect(server.seen).toHaveLength(0);
  },
);

test('options left undefined take their defaults: three attempts for a safe call', async () => {
  server = await startFaultServer([serverError]);
  const client = clientWith({ retry: { attempts: undefined, baseDelayMs: 1 }, timeoutMs: undefined });
  const { response } = await client.GET('/products/{productId}/combinations/{combinationId}', { params: { path } });
  expect(response.status).toBe(503);
  expect(server.seen).toHaveLength(3);
});

test.each([Number.POSITIVE_INFINITY, 2 ** 31])('timeoutMs %d never fires: a slow answer still arrives', async (timeoutMs) => {
  server = await startFaultServer([{ status: 200, body: variation, headers: {} }]);
  const slowFetch: typeof fetch = async (request, init) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return fetch(request, init);
  };
  const { data } = await clientWith({ timeoutMs, fetch: slowFetch, retry: false }).GET(
    '/products/{productId}/combinations/{combinationId}',
    { params: { path } },
  );
  expect(data).toEqual(variation);
});

// What the factories check before any call, with a TypeError that names the option and never
// echoes its value: a base URL can carry a password or a token, and a token is a secret.
const secret = 'CANARY5ecret';
test.each([
  ['token', 'ecwid', { token: `tok\n${secret}` }],
  ['token', 'ecwid', { token: `${secret}\r\n` }],
  ['token', 'ecwid', { token: `${secret}😀` }],
  ['accessToken', 'bigcommerce', { accessToken: `tök\n${secret}` }],
  ['accessToken', 'bigcommerce', { accessToken: `${secret}€` }],
  ['baseUrl', 'ecwid', { baseUrl: `ftp://user:${secret}@example.org/x?token=${secret}` }],
  ['baseUrl', 'ecwid', { baseUrl: `http://user:${secret}@example.org/x` }],
  ['baseUrl', 'bigcommerce', { baseUrl: `https://example.org/stores/x/v3?token=${secret}` }],
  ['baseUrl', 'bigcommerce', { baseUrl: `not a url ${secret}` }],
  ['baseUrl', 'bigcommerce', { baseUrl: 42 }],
  ['storeId', 'ecwid', { storeId: undefined }],
  ['storeId', 'ecwid', { storeId: '' }],
  ['storeId', 'ecwid', { storeId: 1.5 }],
  ['storeId', 'ecwid', { storeId: `../${secret}` }],
  ['storeHash', 'bigcommerce', { storeHash: undefined }],
  ['storeHash', 'bigcommerce', { storeHash: ' ' }],
])('%s is checked by the %s factory: %o', (name, vendor, options) => {
  const create =
    vendor === 'ecwid'
      ? () => createEcwidClient({ storeId: 1003, token: 'secret_options', ...(options as object) } as EcwidClientOptions)
      : () => createBigCommerceClient({ storeHash: 'abc', accessToken: 'token', ...(options as object) } as BigCommerceClientOptions);
  let error: unknown;
  try {
    create();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(TypeError);
  expect((error as Error).message).toMatch(new RegExp(`^${name} `));
  expect((error as Error).message).not.toContain(secret);
});

test.each([
  ['a mock URL, with a path', { storeId: 1003, baseUrl: 'http://127.0.0.1:4010/api/v3/1003' }],
  ['a store ID given as a string', { storeId: '1003' }],
  ['no store ID, when baseUrl replaces the URL it would be part of', { storeId: '', baseUrl: 'http://127.0.0.1:4010' }],
  ['a Latin-1 token a header can carry', { storeId: 1003, token: 'secret_é' }],
])('the factory accepts %s', (_, options) => {
  expect(() => createEcwidClient({ token: 'secret_options', ...options })).not.toThrow();
});
