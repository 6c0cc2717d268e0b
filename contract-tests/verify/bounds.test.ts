// The request bound README states, proved against stores that push on it: a product with more
// variations than verify gets one by one, a BigCommerce store that claims a billion pages, one whose
// pages do not advance, and one that lists the same variants on every page. Each is reported, and
// the run stays within 28 requests (Ecwid) or 37 (BigCommerce).
import { createServer } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { maxGets, maxPages } from '../../src/verify/plan.js';
import { type Listening, listenOnLoopback } from '../support/loopback.js';
import { env, expectNoToken, token, verify } from './run-verify.js';
import { existing, productId } from './store-double.js';

let store: (Listening & { seen: string[] }) | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const variant = (id: number) => ({ ...existing('bigcommerce')[0]!, id });
const variation = (id: number) => ({ ...existing('ecwid')[0]!, id });

type Paging = 'billion pages' | 'stuck on page 1' | 'same variants on every page';

/** A BigCommerce store of three variants a page, paging as `paging` says; or an Ecwid store of 40 variations. */
async function pagingStore(vendor: 'ecwid' | 'bigcommerce', paging?: Paging) {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    seen.push(`${request.method} ${url.pathname}`);
    const send = (status: number, body: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const authorised = vendor === 'ecwid' ? request.headers.authorization === `Bearer ${token}` : request.headers['x-auth-token'] === token;
    if (!authorised) return vendor === 'ecwid' ? send(403, { errorMessage: 'bad token' }) : send(401, { status: 401, title: 'bad token' });
    const id = Number(url.pathname.split('/').at(-1));
    if (vendor === 'ecwid') {
      if (url.pathname.endsWith('/combinations')) return send(200, Array.from({ length: 40 }, (_, i) => variation(i + 1)));
      return id <= 40 ? send(200, variation(id)) : send(404, { errorMessage: 'not found' });
    }
    if (url.pathname.endsWith('/variants')) {
      const page = Number(url.searchParams.get('page'));
      const first = paging === 'billion pages' ? (page - 1) * 3 : 0;
      const pagination = {
        total: 9,
        count: 3,
        per_page: 3,
        current_page: paging === 'stuck on page 1' ? 1 : page,
        total_pages: paging === 'billion pages' ? 1e9 : 3,
        links: { current: `?page=${page}` },
      };
      return send(200, { data: [1, 2, 3].map((n) => variant(first + n)), meta: { pagination } });
    }
    return id <= 30 ? send(200, { data: variant(id), meta: {} }) : send(404, { status: 404, title: 'not found' });
  });
  store = { ...(await listenOnLoopback(server)), seen };
  return store;
}

const run = (vendor: 'ecwid' | 'bigcommerce', url: string) => verify([vendor, '--product', String(productId), '--base-url', url], env(vendor, false));
const gets = (seen: string[]) => seen.filter((r) => /\/(combinations|variants)\/\d+$/.test(r));

test('Ecwid: 40 variations, 28 requests (1 list, 25 gets, 2 probes), and a note that only 25 were fetched', async () => {
  const { url, seen } = await pagingStore('ecwid');
  const outcome = await run('ecwid', url);

  expect(seen).toHaveLength(28);
  expect(gets(seen)).toHaveLength(maxGets + 1);
  expect(outcome.notes).toContain(`getVariation: only the first ${maxGets} of 40 variations listed are fetched one by one`);
  expect(outcome.code).toBe(0);
  await expectNoToken(outcome);
});

describe('BigCommerce: the page walk', () => {
  test('a billion pages claimed: 37 requests (10 pages, 25 gets, 2 probes), and a note that the listing was cut short', async () => {
    const { url, seen } = await pagingStore('bigcommerce', 'billion pages');
    const outcome = await run('bigcommerce', url);

    expect(seen).toHaveLength(37);
    expect(seen.filter((r) => r.endsWith('/variants'))).toHaveLength(maxPages + 1);
    expect(outcome.notes).toEqual(expect.arrayContaining([
      `getProductVariants: only ${maxPages} of the 1000000000 pages the store counts were listed (verify reads at most ${maxPages})`,
      `getProductVariant: only the first ${maxGets} of 30 variants listed are fetched one by one`,
    ]));
    expect(outcome.code).toBe(0);
  });

  test('page 2 answered as page 1: a violation, the walk stops, each variant is fetched once', async () => {
    const { url, seen } = await pagingStore('bigcommerce', 'stuck on page 1');
    const outcome = await run('bigcommerce', url);

    expect(outcome.violations).toEqual(['getProductVariants 200 /meta/pagination/current_page: must be 2, the page asked for, got 1; the listing stopped there']);
    expect(outcome.checks).toContain('FAIL getProductVariants: list the variants of product 1000: the pages advance');
    expect(seen.filter((r) => r.endsWith('/variants'))).toHaveLength(3);
    expect(gets(seen)).toEqual([1, 2, 3, 999_999_999].map((id) => `GET /catalog/products/${productId}/variants/${id}`));
    expect(outcome.code).toBe(1);
  });

  test('the same variants on every page: each is fetched once', async () => {
    const { url, seen } = await pagingStore('bigcommerce', 'same variants on every page');
    const outcome = await run('bigcommerce', url);

    expect(seen.filter((r) => r.endsWith('/variants'))).toHaveLength(4);
    expect(gets(seen)).toEqual([1, 2, 3, 999_999_999].map((id) => `GET /catalog/products/${productId}/variants/${id}`));
    expect(outcome.code).toBe(0);
  });
});
