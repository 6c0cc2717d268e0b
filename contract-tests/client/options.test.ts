// The reliability options: what they default to, what they refuse, and the edges of timeoutMs.
import { afterEach, expect, test } from 'vitest';
import { createEcwidClient, type EcwidClientOptions } from '../../src/index.js';
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
