// Every helper takes the per-call options a raw call takes: a `signal` that cancels it, a
// `timeoutMs` of its own (a 20 MB upload may need longer than the client's), and `headers` (e.g.
// `Prefer: code=404` to have a mock answer with an error).
import { expect, test } from 'vitest';
import {
  createBigCommerceClient,
  createEcwidClient,
  type HelperCallOptions,
  RequestAbortedError,
  RequestTimeoutError,
} from '../../src/index.js';
import { jpeg } from '../fixtures/index.js';
import { facingFaults } from '../support/facing-faults.js';

const clientsFacing = facingFaults((baseUrl) => ({
  ecwid: createEcwidClient({ storeId: 1003, token: 'secret_helpers', baseUrl, timeoutMs: 60_000, retry: false }),
  bigcommerce: createBigCommerceClient({ storeHash: 'abc', accessToken: 'helpers', baseUrl, timeoutMs: 60_000, retry: false }),
}));
type Clients = Awaited<ReturnType<typeof clientsFacing>>['client'];

const variation = { productId: 1, combinationId: 2 };
const variant = { product_id: 1, variant_id: 2 };
const image = { url: 'https://example.org/red.jpg', width: 800, height: 600 };

const helpers: [string, (clients: Clients, call: HelperCallOptions) => Promise<unknown>][] = [
  ['uploadVariationImage', ({ ecwid }, call) => ecwid.uploadVariationImage({ ...variation, image: jpeg, ...call })],
  ['uploadVariationImageFromUrl', ({ ecwid }, call) => ecwid.uploadVariationImageFromUrl({ ...variation, externalUrl: image.url, ...call })],
  ['uploadVariationImageAsync', ({ ecwid }, call) => ecwid.uploadVariationImageAsync({ ...variation, ...image, ...call })],
  ['uploadProductImageAsync', ({ ecwid }, call) => ecwid.uploadProductImageAsync({ productId: 1, ...image, ...call })],
  ['uploadVariantImageFile', ({ bigcommerce }, call) => bigcommerce.uploadVariantImageFile({ ...variant, image_file: jpeg, ...call })],
  ['createVariantImageFromUrl', ({ bigcommerce }, call) => bigcommerce.createVariantImageFromUrl({ ...variant, image_url: image.url, ...call })],
  [
    'listAllVariants',
    async ({ bigcommerce }, call) => {
      for await (const found of bigcommerce.listAllVariants({ product_id: 1, ...call })) void found;
    },
  ],
];

test.each(helpers)('%s sends the call\'s headers, and keeps the API\'s fields out of them', async (_, helper) => {
  const { client, server } = await clientsFacing([{ status: 200, body: { id: 1, data: [], meta: {} } }]);
  await helper(client, { headers: { Prefer: 'code=404', 'X-Trace': 'helper' } });
  const [sent] = server.seen;
  expect(sent!.headers.prefer).toBe('code=404');
  expect(sent!.headers['x-trace']).toBe('helper');
  expect(sent!.url).not.toMatch(/signal|timeoutMs|headers/);
  expect(sent!.body.toString('latin1')).not.toMatch(/"(signal|timeoutMs|headers|Prefer)"/);
});

test.each(helpers)('%s takes a timeoutMs of its own', async (_, helper) => {
  const { client } = await clientsFacing(['hang']);
  const outcome = helper(client, { timeoutMs: 100 });
  await expect(outcome).rejects.toBeInstanceOf(RequestTimeoutError);
  await expect(outcome).rejects.toMatchObject({ timeoutMs: 100 });
});

test.each(helpers)('%s is cancelled by its signal', async (_, helper) => {
  const { client } = await clientsFacing(['hang']);
  const controller = new AbortController();
  const outcome = helper(client, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await expect(outcome).rejects.toBeInstanceOf(RequestAbortedError);
});

test("a Content-Type in the call's headers does not replace the checked one of a binary upload", async () => {
  const { client, server } = await clientsFacing([{ status: 200, body: { id: 1 } }]);
  await client.ecwid.uploadVariationImage({ ...variation, image: jpeg, headers: { 'Content-Type': 'text/plain' } });
  expect(server.seen[0]!.headers['content-type']).toBe('image/jpeg');
});
