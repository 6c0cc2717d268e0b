// How the Ecwid client behaves when the network or the server misbehaves, driven by a scripted
// fault server on loopback. Every test counts the requests that reached the server: a write that
// may have been applied is never sent twice.
import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import {
  createBigCommerceClient,
  createEcwidClient,
  NetworkError,
  RequestAbortedError,
  RequestTimeoutError,
} from '../../src/index.js';
import { ecwidServerError, jpeg, variation, variationPath } from '../fixtures/index.js';
import { createVariation, ecwidClient, getVariation } from '../support/ecwid-client.js';
import { facingFaults } from '../support/facing-faults.js';
import { freePort } from '../../src/testing/ports.js';

const path = variationPath;
const serverError = ecwidServerError;

const clientFacing = facingFaults(ecwidClient);

describe('rate limits (429): honoured, then retried for any operation', () => {
  test('waits the Retry-After seconds, then the create goes through once', async () => {
    const { client, server } = await clientFacing([
      { status: 429, headers: { 'Retry-After': '1' }, body: { errorCode: 'RATE_LIMITED' } },
      { status: 200, body: { id: 42 } },
    ]);
    const { data } = await createVariation(client);
    expect(data).toEqual({ id: 42 });
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  test('Retry-After as an HTTP date', async () => {
    const retryAt = new Date(Date.now() + 2000).toUTCString();
    const { client, server } = await clientFacing([
      { status: 429, headers: { 'Retry-After': retryAt } },
      { status: 200, body: variation },
    ]);
    const { data } = await getVariation(client);
    expect(data).toEqual(variation);
    expect(server.seen).toHaveLength(2);
    // Not before the date the server named (measured from it, not from the first request, which a
    // loaded machine may send late).
    expect(server.seen[1]!.at).toBeGreaterThanOrEqual(Date.parse(retryAt));
  });

  test('a wait longer than maxDelayMs is not sat out: the 429 comes back at once', async () => {
    const { client, server } = await clientFacing([{ status: 429, headers: { 'Retry-After': '600' }, body: { errorCode: 'RATE_LIMITED' } }], {
      retry: { maxDelayMs: 5_000 },
    });
    const { error, response } = await getVariation(client);
    expect(response.status).toBe(429);
    expect(error).toEqual({ errorCode: 'RATE_LIMITED' });
    expect(server.seen).toHaveLength(1);
  });
});

describe('server errors (5xx): retried only where the spec says it is safe', () => {
  test('a get is retried after a 503', async () => {
    const { client, server } = await clientFacing([serverError, { status: 200, body: variation }]);
    const { data } = await getVariation(client);
    expect(data).toEqual(variation);
    expect(server.seen).toHaveLength(2);
  });

  test('gives up after the configured attempts and returns the last answer', async () => {
    const { client, server } = await clientFacing([serverError], { retry: { attempts: 4, baseDelayMs: 1 } });
    const { error, response } = await getVariation(client);
    expect(response.status).toBe(503);
    expect(error).toEqual(serverError.body);
    expect(server.seen).toHaveLength(4);
  });

  test.each([
    ['createVariation', createVariation],
    [
      'adjustVariationInventory (a PUT, but a delta)',
      (client: ReturnType<typeof createEcwidClient>) =>
        client.PUT('/products/{productId}/combinations/{combinationId}/inventory', {
          params: { path },
          body: { quantityDelta: -1 },
        }),
    ],
    [
      'uploadVariationImage',
      (client: ReturnType<typeof createEcwidClient>) =>
        client.uploadVariationImage({ ...path, image: jpeg, contentType: 'image/jpeg' }),
    ],
  ])('%s is sent once, and the caller gets the 503', async (_, call) => {
    const { client, server } = await clientFacing([serverError, { status: 200, body: { id: 1 } }]);
    const { error, response } = await call(client);
    expect(response.status).toBe(503);
    expect(error).toEqual(serverError.body);
    expect(server.seen).toHaveLength(1);
  });

  test('retry: false sends every call once', async () => {
    const { client, server } = await clientFacing([serverError, { status: 200, body: variation }], { retry: false });
    const { response } = await getVariation(client);
    expect(response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });
});

describe('connection failures', () => {
  test('a reset mid-response is retried for a get', async () => {
    const { client, server } = await clientFacing(['reset-mid-response', { status: 200, body: variation }]);
    const { data } = await getVariation(client);
    expect(data).toEqual(variation);
    expect(server.seen).toHaveLength(2);
  });

  test('a reset mid-response on a create rejects with NetworkError after one request', async () => {
    const { client, server } = await clientFacing(['reset-mid-response', { status: 200, body: { id: 1 } }]);
    const call = createVariation(client);
    await expect(call).rejects.toBeInstanceOf(NetworkError);
    await expect(call).rejects.toMatchObject({ operationId: 'createVariation', method: 'POST', attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  test('a refused connection is retried even for a create: nothing was sent', async () => {
    const port = await freePort();
    const client = createEcwidClient({
      storeId: 1003,
      token: 'secret_faults',
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { attempts: 3, baseDelayMs: 1 },
    });
    const call = createVariation(client);
    await expect(call).rejects.toBeInstanceOf(NetworkError);
    await expect(call).rejects.toMatchObject({ code: 'ECONNREFUSED', attempts: 3 });
  });
});

describe("fetch's own refusals: said in the message, never retried", () => {
  test.each([
    ['a bad port', 'http://127.0.0.1:6000', 'bad port'],
    // An unknown scheme (ftp://) no longer gets this far: the factory refuses such a baseUrl.
  ])('%s', async (_, baseUrl, refusal) => {
    const client = createEcwidClient({ storeId: 1003, token: 'secret_refused', baseUrl, retry: { attempts: 3, baseDelayMs: 1 } });
    const call = client.GET('/products/{productId}/combinations/{combinationId}', {
      params: { path, query: { responseFields: 'id' } },
    });
    await expect(call).rejects.toBeInstanceOf(NetworkError);
    await expect(call).rejects.toMatchObject({ refusal, attempts: 1, code: undefined });
    const { message } = (await call.catch((error: Error) => error)) as Error;
    expect(message).toBe(`getVariation (GET ${baseUrl}/products/${path.productId}/combinations/${path.combinationId}) was refused by fetch (${refusal}) after 1 attempt`);
    expect(message).not.toContain('secret_refused');
  });

  test("the reason is fetch's own words, whatever the token: nothing in it is rewritten", async () => {
    const client = createBigCommerceClient({ storeHash: 'abc', accessToken: 'a', baseUrl: 'http://127.0.0.1:6000', retry: false });
    const call = client.GET('/catalog/products/{product_id}/variants', { params: { path: { product_id: 1 } } });
    await expect(call).rejects.toMatchObject({ refusal: 'bad port' });
  });

  test('a failure without a system error code that is not a known refusal is a network failure, retried when safe', async () => {
    // e.g. a custom fetch, or a fetch version failing in a way this client does not know.
    let sent = 0;
    const failing: typeof fetch = async () => {
      sent += 1;
      throw new TypeError('fetch failed', { cause: new Error('something after the request went out') });
    };
    const client = createEcwidClient({ storeId: 1003, token: 'secret_x', baseUrl: 'http://127.0.0.1:9', fetch: failing, retry: { attempts: 2, baseDelayMs: 1 } });
    const error = (await getVariation(client).catch((thrown: unknown) => thrown)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.refusal).toBeUndefined();
    expect(error.message).toMatch(/failed on the network after 2 attempts$/);
    expect(sent).toBe(2);
  });
});

describe('timeouts and cancellation', () => {
  test('a server that never answers: the timeout fires and nothing hangs', async () => {
    const { client, server } = await clientFacing(['hang'], { timeoutMs: 200, retry: false });
    const started = Date.now();
    await expect(getVariation(client)).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.seen).toHaveLength(1);
  });

  test('each attempt of a safe call gets its own timeout', async () => {
    const { client, server } = await clientFacing(['hang', { status: 200, body: variation }], { timeoutMs: 200 });
    const { data } = await getVariation(client);
    expect(data).toEqual(variation);
    expect(server.seen).toHaveLength(2);
  });

  test('a timed-out create is not sent again', async () => {
    const { client, server } = await clientFacing(['hang'], { timeoutMs: 200 });
    const call = createVariation(client);
    await expect(call).rejects.toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 200, attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  test('a per-call timeoutMs overrides the client default', async () => {
    const { client, server } = await clientFacing(['hang'], { timeoutMs: 60_000, retry: false });
    const call = client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, timeoutMs: 150 });
    await expect(call).rejects.toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 150 });
  });

  test("the caller's AbortSignal cancels a pending retry wait at once", async () => {
    const controller = new AbortController();
    // Aborts once the 429 has arrived, so the abort falls in the wait, however slow the machine.
    const abortAfterAnswer: typeof fetch = async (...args) => {
      const answer = await fetch(...args);
      setTimeout(() => controller.abort(), 100);
      return answer;
    };
    const { client, server } = await clientFacing([{ status: 429, headers: { 'Retry-After': '30' } }], { fetch: abortAfterAnswer });
    const started = Date.now();
    await expect(getVariation(client, { signal: controller.signal })).rejects.toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.seen).toHaveLength(1);
  });

  test('one long-lived signal across many calls keeps no listener of the client once they settle', async () => {
    const { client, server } = await clientFacing([serverError, { status: 200, body: variation }, 'hang'], { timeoutMs: 150 });
    const shutdown = new AbortController();
    const { signal } = shutdown;
    expect((await getVariation(client, { signal })).data).toEqual(variation);
    await expect(getVariation(client, { signal })).rejects.toBeInstanceOf(RequestTimeoutError);
    const failing = { onRequest: () => Promise.reject(new Error('per-call middleware failed')) };
    await expect(
      client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, signal, middleware: [failing] }),
    ).rejects.toThrow('per-call middleware failed');
    expect(server.seen.length).toBeGreaterThanOrEqual(3);
    // undici's own Request for each of the 3 calls follows the signal until it is collected; the
    // client adds nothing that outlives a call (joining the signal to 5 attempts would leave 5 more).
    expect(getEventListeners(signal, 'abort').length).toBeLessThanOrEqual(3);
  });

  test('a signal aborted before the call sends nothing', async () => {
    const { client, server } = await clientFacing([{ status: 200, body: variation }]);
    const call = getVariation(client, { signal: AbortSignal.abort() });
    await expect(call).rejects.toMatchObject({ name: 'RequestAbortedError', attempts: 0 });
    expect(server.seen).toHaveLength(0);
  });

  test("the caller's AbortSignal cancels a request in flight", async () => {
    const { client, server } = await clientFacing(['hang']);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(getVariation(client, { signal: controller.signal })).rejects.toMatchObject({
      name: 'RequestAbortedError',
      attempts: 1,
    });
  });
});

test('answers keep their URL after the client reads their body', async () => {
  const { client, server } = await clientFacing([{ status: 200, body: variation }]);
  const { response } = await getVariation(client);
  expect(response.url).toBe(`${server.url}/products/${path.productId}/combinations/${path.combinationId}`);
});
