// Your own openapi-fetch middleware on a client (logging, tracing, metrics): the client's timeouts and
// retries happen inside the fetch openapi-fetch calls, so `client.use()` middleware sees each call
// once — one request, and the final answer or the typed error — however many attempts the call
// took. Bodies are read by then, and still readable.
import type { Middleware } from 'openapi-fetch';
import { describe, expect, test } from 'vitest';
import { createBigCommerceClient, RequestTimeoutError } from '../../src/index.js';
import { ecwidServerError, variation, variationPath } from '../fixtures/index.js';
import { createVariation, ecwidClient, getVariation } from '../support/ecwid-client.js';
import { facingFaults } from '../support/facing-faults.js';

const path = variationPath;
const serverError = ecwidServerError;

const clientFacing = facingFaults(ecwidClient);

const bigCommerceFacing = facingFaults((baseUrl) =>
  createBigCommerceClient({ storeHash: 'abc123', accessToken: 'secret_mw', baseUrl }),
);

/** A middleware that writes down what it sees. */
function recorder() {
  const seen = { requests: 0, statuses: [] as number[], bodies: [] as unknown[], errors: [] as unknown[] };
  const middleware: Middleware = {
    onRequest({ request }) {
      seen.requests += 1;
      request.headers.set('X-Trace-Id', 'trace-42');
    },
    async onResponse({ response }) {
      seen.statuses.push(response.status);
      seen.bodies.push(await response.clone().json());
    },
    onError({ error }) {
      seen.errors.push(error);
    },
  };
  return { seen, middleware };
}

describe('middleware added with client.use()', () => {
  test('sees one request and the final answer of a retried call', async () => {
    const { client, server } = await clientFacing([serverError, { status: 200, body: variation }]);
    const { seen, middleware } = recorder();
    client.use(middleware);

    const { data } = await getVariation(client);

    expect(data).toEqual(variation);
    expect(server.seen).toHaveLength(2);
    expect(seen).toMatchObject({ requests: 1, statuses: [200], bodies: [variation], errors: [] });
  });

  test('its request changes reach every attempt, and a retried body is sent byte for byte', async () => {
    const { client, server } = await clientFacing([{ status: 429, headers: { 'Retry-After': '0' } }, { status: 200, body: { id: 7 } }]);
    client.use(recorder().middleware);

    const body = { options: [{ name: 'Size', value: 'L' }], sku: 'TSHIRT-L' };
    const { data } = await client.POST('/products/{productId}/combinations', { params: { path: { productId: path.productId } }, body });

    expect(data).toEqual({ id: 7 });
    expect(server.seen.map((request) => request.headers['x-trace-id'])).toEqual(['trace-42', 'trace-42']);
    expect(server.seen.map((request) => JSON.parse(request.body.toString()))).toEqual([body, body]);
  });

  test('sees the credential on the request, and a call cannot replace it', async () => {
    const { client, server } = await clientFacing([{ status: 200, body: variation }]);
    const authorizations: (string | null)[] = [];
    client.use({
      onRequest({ request }) {
        authorizations.push(request.headers.get('Authorization'));
      },
    });

    await client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, headers: { Authorization: 'Bearer other' } });

    expect(authorizations).toEqual(['Bearer secret_faults']);
    expect(server.seen.map((request) => request.headers.authorization)).toEqual(authorizations);
  });

  test('sees the typed error when an answer began but its body never finished', async () => {
    const { client, server } = await clientFacing(['stall-mid-response'], { timeoutMs: 150 });
    const { seen, middleware } = recorder();
    client.use(middleware);

    await expect(createVariation(client)).rejects.toMatchObject({ name: 'RequestTimeoutError', attempts: 1 });
    expect(server.seen).toHaveLength(1);
    expect(seen.errors).toEqual([expect.any(RequestTimeoutError)]);
    expect(seen.statuses).toEqual([]);
  });

  test('client.eject() takes it off again', async () => {
    const { client } = await clientFacing([{ status: 200, body: variation }]);
    const { seen, middleware } = recorder();
    client.use(middleware);
    await getVariation(client);
    client.eject(middleware);
    await getVariation(client);
    expect(seen.requests).toBe(1);
  });

  test('sees the typed error when no answer comes', async () => {
    const { client, server } = await clientFacing(['hang'], { timeoutMs: 150, retry: false });
    const { seen, middleware } = recorder();
    client.use(middleware);

    await expect(getVariation(client)).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toBeInstanceOf(RequestTimeoutError);
    expect(seen.statuses).toEqual([]);
  });
});

describe('the answer body is read under the timeout', () => {
  test('a body that stops halfway times out, and a get is sent again', async () => {
    const { client, server } = await clientFacing(['stall-mid-response', { status: 200, body: variation }], { timeoutMs: 200 });
    const { data } = await getVariation(client);
    expect(data).toEqual(variation);
    expect(server.seen).toHaveLength(2);
  });

  test('a create whose body stops halfway rejects with RequestTimeoutError after one request', async () => {
    const { client, server } = await clientFacing(['stall-mid-response', { status: 200, body: { id: 1 } }], { timeoutMs: 200 });
    const call = createVariation(client);
    await expect(call).rejects.toMatchObject({ name: 'RequestTimeoutError', operationId: 'createVariation', attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });
});

describe("openapi-fetch's parseAs works as without the middleware", () => {
  test('a stream call whose error answer is cut off rejects with NetworkError', async () => {
    const { client, server } = await clientFacing([{ ...serverError, cut: true }]);
    const call = client.POST('/products/{productId}/combinations', {
      params: { path: { productId: path.productId } },
      body: { options: [{ name: 'Size', value: 'L' }] },
      parseAs: 'stream',
    });
    await expect(call).rejects.toMatchObject({ name: 'NetworkError', operationId: 'createVariation', attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  test.each([
    ['text', async (data: unknown) => JSON.parse(data as string)],
    [
      'blob',
      async (data: unknown) => {
        expect((data as Blob).type).toMatch(/^application\/json/);
        return JSON.parse(await (data as Blob).text());
      },
    ],
    ['arrayBuffer', async (data: unknown) => JSON.parse(new TextDecoder().decode(data as ArrayBuffer))],
    ['stream', async (data: unknown) => JSON.parse(await new Response(data as ReadableStream).text())],
  ] as const)('parseAs: %s', async (parseAs, decode) => {
    const { client, server } = await clientFacing([{ status: 200, body: variation }]);
    const { data, response } = await client.GET('/products/{productId}/combinations/{combinationId}', {
      params: { path },
      parseAs,
    });
    expect(response.status).toBe(200);
    expect(await decode(data)).toEqual(variation);
  });
});

test.each(['json', 'text', 'blob', 'arrayBuffer', 'stream'] as const)(
  'an answer without a body (a 204 on delete) reads as without the middleware, parseAs: %s',
  async (parseAs) => {
    const { client } = await bigCommerceFacing([{ status: 204 }]);
    const bodies: string[] = [];
    client.use({
      async onResponse({ response }) {
        bodies.push(await response.clone().text());
      },
    });
    const { data, error, response } = await client.DELETE('/catalog/products/{product_id}/variants/{variant_id}', {
      params: { path: { product_id: 174, variant_id: 382 } },
      parseAs,
    });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
    expect(bodies).toEqual(['']);
  },
);

describe('middleware that changes the request', () => {
  test('may return the request it changed, as in openapi-fetch’s docs', async () => {
    const { client, server } = await clientFacing([{ status: 200, body: variation }]);
    client.use({
      onRequest({ request }) {
        request.headers.set('X-Trace-Id', 'trace-7');
        return request;
      },
    });
    const { data } = await getVariation(client);
    expect(data).toEqual(variation);
    expect(server.seen[0]!.headers['x-trace-id']).toBe('trace-7');
  });

  test('may return a new Request: the call keeps its own timeoutMs and operation', async () => {
    const { client, server } = await clientFacing(['hang', { status: 200, body: variation }], { timeoutMs: 60_000 });
    client.use({ onRequest: ({ request }) => new Request(request) });
    const { data } = await client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, timeoutMs: 150 });
    // The first attempt timed out after the call's 150 ms, and a get is safe to send again.
    expect(data).toEqual(variation);
    expect(server.seen).toHaveLength(2);
  });

  test("may return a new Request: the caller's signal still cancels the call", async () => {
    const { client, server } = await clientFacing(['hang']);
    client.use({ onRequest: ({ request }) => new Request(request, { headers: { 'X-Trace-Id': 'trace-8' } }) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const call = client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, signal: controller.signal });
    await expect(call).rejects.toMatchObject({ name: 'RequestAbortedError', attempts: 1 });
    expect(server.seen[0]!.headers['x-trace-id']).toBe('trace-8');
  });
});

describe('per-call middleware and fetch', () => {
  test('middleware passed with a call sees one request and the final answer, as client.use() middleware does', async () => {
    const { client, server } = await clientFacing([serverError, { status: 200, body: variation }]);
    const { seen, middleware } = recorder();
    const { data } = await client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, middleware: [middleware] });
    expect(data).toEqual(variation);
    expect(server.seen.map((request) => request.headers['x-trace-id'])).toEqual(['trace-42', 'trace-42']);
    expect(seen).toMatchObject({ requests: 1, statuses: [200], bodies: [variation], errors: [] });
  });

  test("a call's own fetch sends every attempt, each under the timeout", async () => {
    const { client, server } = await clientFacing(['hang', { status: 200, body: variation }], { timeoutMs: 150 });
    let sent = 0;
    const counting: typeof fetch = (request, init) => {
      sent += 1;
      return fetch(request, init);
    };
    const { data } = await client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, fetch: counting });
    expect(data).toEqual(variation);
    expect(sent).toBe(2);
    expect(server.seen).toHaveLength(2);
  });
});
