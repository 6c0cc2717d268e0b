// listAllVariants walks every page of a product's variants; each page is an ordinary call, with the
// client's timeout and retries.
import { expect, test } from 'vitest';
import {
  type BigCommerceClientOptions,
  createBigCommerceClient,
  HttpError,
  isListAllVariantsError,
  PagingError,
  RequestAbortedError,
} from '../../src/index.js';
import { facingFaults } from '../support/facing-faults.js';
import type { Fault } from '../support/fault-server.js';

const clientFacing = facingFaults((baseUrl, options: Partial<BigCommerceClientOptions> = {}) =>
  createBigCommerceClient({ storeHash: 'abc123', accessToken: 'variants-token', baseUrl, retry: { baseDelayMs: 5 }, ...options }),
);

/** Page `current` of `total`, holding the given variant IDs. */
function page(current: number, total: number, ids: number[]): Fault {
  const variants = ids.map((id) => ({ id, product_id: 174, sku: `SKU-${id}` }));
  const pagination = { total: 5, count: ids.length, per_page: 2, current_page: current, total_pages: total, links: {} };
  return { status: 200, body: { data: variants, meta: { pagination } } };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

test('every variant of every page, in order, asking for page after page with the page size', async () => {
  const { client, server } = await clientFacing([page(1, 3, [1, 2]), page(2, 3, [3, 4]), page(3, 3, [5])]);

  const variants = await collect(client.listAllVariants({ product_id: 174, pageSize: 2, query: { include_fields: ['sku'] } }));

  expect(variants.map((variant) => variant.id)).toEqual([1, 2, 3, 4, 5]);
  expect(server.seen.map((request) => request.url)).toEqual([
    '/catalog/products/174/variants?include_fields=sku&page=1&limit=2',
    '/catalog/products/174/variants?include_fields=sku&page=2&limit=2',
    '/catalog/products/174/variants?include_fields=sku&page=3&limit=2',
  ]);
});

test('a page that fails with a 503 is retried like any read', async () => {
  const { client, server } = await clientFacing([page(1, 2, [1, 2]), { status: 503 }, page(2, 2, [3])]);
  const variants = await collect(client.listAllVariants({ product_id: 174 }));
  expect(variants.map((variant) => variant.id)).toEqual([1, 2, 3]);
  expect(server.seen).toHaveLength(3);
});

test('an error answer ends the walk with HttpError holding the typed body', async () => {
  const notFound = { status: 404, title: 'The requested product was not found.', type: 'about:blank' };
  const { client } = await clientFacing([page(1, 2, [1, 2]), { status: 404, body: notFound }]);
  const seen: number[] = [];
  const walk = (async () => {
    for await (const variant of client.listAllVariants({ product_id: 174 })) seen.push(variant.id!);
  })();
  await expect(walk).rejects.toBeInstanceOf(HttpError);
  await expect(walk).rejects.toMatchObject({ status: 404, error: notFound, operationId: 'getProductVariants' });
  expect(seen).toEqual([1, 2]);
  // The guard narrows the body to the spec's error type.
  const error = await walk.catch((thrown: unknown) => thrown);
  if (!isListAllVariantsError(error)) throw new Error('not the walk\'s HttpError');
  expect(error.error.title).toBe(notFound.title);
});

test('isListAllVariantsError tells the walk\'s HttpError from any other error', () => {
  const answer = new Response(null, { status: 404 });
  expect(isListAllVariantsError(new HttpError('getProductVariants', answer, {}))).toBe(true);
  expect(isListAllVariantsError(new HttpError('getVariant', answer, {}))).toBe(false);
  expect(isListAllVariantsError(Object.assign(new Error('x'), { operationId: 'getProductVariants' }))).toBe(false);
  expect(isListAllVariantsError(undefined)).toBe(false);
});

test('a page without pagination, or an empty page, is the last one', async () => {
  const { client, server } = await clientFacing([
    { status: 200, body: { data: [{ id: 1 }], meta: {} } },
    page(2, 9, []),
  ]);
  expect(await collect(client.listAllVariants({ product_id: 174 }))).toHaveLength(1);
  expect(server.seen).toHaveLength(1);
});

// verify stops on the same rule (src/pagination.ts): following such a page would loop over the
// same pages or hand out the same variants twice.
test('a page that answers as another page ends the walk with PagingError, its variants not handed out', async () => {
  const { client, server } = await clientFacing([page(1, 3, [1, 2]), page(1, 3, [1, 2]), page(3, 3, [5])]);
  const seen: number[] = [];
  const walk = (async () => {
    for await (const variant of client.listAllVariants({ product_id: 174, pageSize: 2 })) seen.push(variant.id!);
  })();
  await expect(walk).rejects.toBeInstanceOf(PagingError);
  await expect(walk).rejects.toMatchObject({ operationId: 'getProductVariants', page: 2, answeredAs: 1 });
  await expect(walk).rejects.toThrow('getProductVariants: page 2 was answered as page 1 (meta.pagination.current_page)');
  expect(seen).toEqual([1, 2]);
  expect(server.seen).toHaveLength(2);
});

test('the caller signal stops the walk', async () => {
  const { client, server } = await clientFacing([page(1, 3, [1, 2]), 'hang']);
  const controller = new AbortController();
  const walk = (async () => {
    for await (const variant of client.listAllVariants({ product_id: 174, signal: controller.signal })) {
      if (variant.id === 2) controller.abort();
    }
  })();
  await expect(walk).rejects.toBeInstanceOf(RequestAbortedError);
  expect(server.seen.length).toBeLessThanOrEqual(2);
});

test('a page that times out is retried, then fails with the timeout', async () => {
  const { client, server } = await clientFacing(['hang'], { timeoutMs: 50, retry: { attempts: 2, baseDelayMs: 1 } });
  await expect(collect(client.listAllVariants({ product_id: 174 }))).rejects.toMatchObject({ name: 'RequestTimeoutError', attempts: 2 });
  expect(server.seen).toHaveLength(2);
});

// The spec's limit is an integer (openapi/bigcommerce/components/parameters/Limit.yaml) and sets no
// maximum: too large a page is BigCommerce's to refuse, with 413.
test.each([0, -1, 2.5, Number.NaN, '50'])('pageSize %o is refused with a TypeError naming it, sending nothing', async (pageSize) => {
  const { client, server } = await clientFacing([page(1, 1, [1])]);
  const walk = collect(client.listAllVariants({ product_id: 174, pageSize: pageSize as number }));
  await expect(walk).rejects.toBeInstanceOf(TypeError);
  await expect(walk).rejects.toThrow(/^pageSize must be a whole number >= 1$/);
  expect(server.seen).toHaveLength(0);
});

test('a pageSize over what BigCommerce allows is sent, and its 413 ends the walk with HttpError', async () => {
  const tooMany = { status: 413, title: 'Too many objects requested', type: 'about:blank' };
  const { client, server } = await clientFacing([{ status: 413, body: tooMany }]);
  const walk = collect(client.listAllVariants({ product_id: 174, pageSize: 1000 }));
  await expect(walk).rejects.toMatchObject({ status: 413, error: tooMany });
  expect(server.seen[0]!.url).toBe('/catalog/products/174/variants?page=1&limit=1000');
});
