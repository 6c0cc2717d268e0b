// No token anywhere: every failure path is driven with a recognisable token, and the token must not
// appear in what the caller or a log could see — the URL sent, the error, its cause chain, its stack.
import { inspect } from 'node:util';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createBigCommerceClient, createEcwidClient } from '../../src/index.js';
import { type Fault, type FaultServer, startFaultServer } from '../support/fault-server.js';
import { freePort } from '../../src/testing/ports.js';

const token = 'secret_CANARY-7f3a9c-do-not-leak';
const path = { productId: 1, combinationId: 2 };

let server: FaultServer | undefined;
const logged: unknown[] = [];
beforeEach(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args));
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** Everything an error exposes, its cause chain included. */
function exposed(error: unknown): string {
  return [String(error), (error as Error)?.stack, inspect(error, { depth: 10, showHidden: true })].join('\n');
}

async function failureOf(faults: Fault[] | 'refused', call: (client: ReturnType<typeof createEcwidClient>) => Promise<unknown>) {
  let baseUrl: string;
  if (faults === 'refused') {
    baseUrl = `http://127.0.0.1:${await freePort()}`;
  } else {
    server = await startFaultServer(faults);
    baseUrl = server.url;
  }
  const client = createEcwidClient({ storeId: 1003, token, baseUrl, timeoutMs: 150, retry: { attempts: 2, baseDelayMs: 1 } });
  return call(client).then(
    (result) => result,
    (error: unknown) => error,
  );
}

const get = (client: ReturnType<typeof createEcwidClient>) =>
  client.GET('/products/{productId}/combinations/{combinationId}', { params: { path } });

test.each([
  ['a timeout', ['hang'] as Fault[]],
  ['a reset mid-response', ['reset-mid-response'] as Fault[]],
  ['an HTTP error answer', [{ status: 403, body: { errorCode: 'INVALID_API_TOKEN' } }] as Fault[]],
  ['a refused connection', 'refused' as const],
])('%s exposes no token', async (_, faults) => {
  const outcome = await failureOf(faults, get);
  expect(exposed(outcome)).not.toContain(token);
  expect(inspect(logged)).not.toContain(token);
  for (const request of server?.seen ?? []) {
    expect(request.url).not.toContain(token);
    expect(request.headers.authorization).toBe(`Bearer ${token}`);
  }
});

test('an aborted call exposes no token', async () => {
  const controller = new AbortController();
  controller.abort();
  const outcome = await failureOf(['hang'], (client) =>
    client.GET('/products/{productId}/combinations/{combinationId}', { params: { path }, signal: controller.signal }),
  );
  expect((outcome as Error).name).toBe('RequestAbortedError');
  expect(exposed(outcome)).not.toContain(token);
});

test('a rejected upload exposes no token', async () => {
  const outcome = await failureOf([{ status: 200, body: {} }], (client) =>
    client.uploadVariationImage({ ...path, image: new Uint8Array([1, 2, 3]), contentType: 'image/jpeg' }),
  );
  expect((outcome as Error).name).toBe('UploadRejectedError');
  expect(exposed(outcome)).not.toContain(token);
});

test('error URLs carry no query, so a token given in one by mistake goes no further', async () => {
  server = await startFaultServer(['hang']);
  // Long enough for the request to reach the server on a loaded machine: the test reads what it got.
  const client = createEcwidClient({ storeId: 1003, token, baseUrl: server.url, timeoutMs: 1_000, retry: false });
  const outcome = await client
    .GET('/products/{productId}/combinations/{combinationId}', {
      params: { path, query: { token } as never },
    })
    .catch((error: unknown) => error);
  expect(server.seen[0]!.url).toContain(token);
  expect((outcome as { url: string }).url).toBe(`${server.url}/products/1/combinations/2`);
  expect(exposed(outcome)).not.toContain(token);
});

test.each([
  ['AWS', 'https://bucket.s3.amazonaws.com/red.jpg?X-Amz-Credential=AKIA&X-Amz-Signature=SIGNATURE'],
  ['Azure', 'https://acct.blob.core.windows.net/c/red.jpg?sv=2024-01-01&sig=SIGNATURE'],
])("a presigned image URL's signature (%s) stays out of the error", async (_, template) => {
  server = await startFaultServer(['hang']);
  // Long enough for the request to reach the server on a loaded machine: the test reads what it got.
  const client = createEcwidClient({ storeId: 1003, token, baseUrl: server.url, timeoutMs: 1_000, retry: false });
  const signature = 'f00dfeedCANARYsignature';
  const outcome = await client
    .uploadVariationImageFromUrl({ ...path, externalUrl: template.replace('SIGNATURE', signature) })
    .catch((error: unknown) => error);
  expect((outcome as Error).name).toBe('RequestTimeoutError');
  expect(server.seen[0]!.url).toContain(signature);
  expect(exposed(outcome)).not.toContain(signature);
});

// fetch drops Authorization on a redirect to another origin but forwards X-Auth-Token: the clients
// follow no redirect at all, and hand the 3xx back as the answer.
test.each([
  ['BigCommerce', (baseUrl: string) =>
    createBigCommerceClient({ storeHash: 'abc', accessToken: token, baseUrl }).GET('/catalog/products/{product_id}/variants', {
      params: { path: { product_id: 1 } },
    })],
  ['Ecwid', (baseUrl: string) =>
    createEcwidClient({ storeId: 1003, token, baseUrl }).GET('/products/{productId}/combinations/{combinationId}', { params: { path } })],
])('%s: a redirect to another origin is not followed, so the token never reaches it', async (_, call) => {
  const elsewhere = await startFaultServer([{ status: 200, body: {} }]);
  try {
    // The same server under another host name is another origin.
    const location = elsewhere.url.replace('127.0.0.1', 'localhost');
    server = await startFaultServer([{ status: 302, headers: { Location: `${location}/stolen` } }]);
    const { response } = await call(server.url);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${location}/stolen`);
    expect(server.seen).toHaveLength(1);
    expect(elsewhere.seen).toHaveLength(0);
  } finally {
    await elsewhere.close();
  }
});
