// Pacing: a fixed quota counted here (Ecwid, --rate-limit) or the quota BigCommerce's headers say,
// held without a 429, and a 429 waited out by every request, not just the one that met it.
import { expect, test } from 'vitest';
import { createPacer, parseRateLimit } from '../../src/sync/pacing.js';

/**
 * A store's counter, as the vendors keep it: a fixed window from the first request it counts, 429
 * past the quota. `headers` adds BigCommerce's X-Rate-Limit-* headers to every answer.
 */
function quotaCounter(quota: number, windowMs: number, { headers = false } = {}) {
  let windowStart = 0;
  let used = 0;
  const seen = { ok: 0, refused: 0 };
  const fetch = async () => {
    const now = Date.now();
    if (now >= windowStart + windowMs) [windowStart, used] = [now, 0];
    const resetMs = windowStart + windowMs - now;
    const limitHeaders: Record<string, string> = headers
      ? { 'X-Rate-Limit-Requests-Quota': `${quota}`, 'X-Rate-Limit-Requests-Left': `${Math.max(0, quota - used - 1)}`, 'X-Rate-Limit-Time-Reset-Ms': `${resetMs}`, 'X-Rate-Limit-Time-Window-Ms': `${windowMs}` }
      : {};
    if (used >= quota) {
      seen.refused += 1;
      return new Response(null, { status: 429, headers: { ...limitHeaders, 'Retry-After': `${Math.ceil(resetMs / 1000)}` } });
    }
    used += 1;
    seen.ok += 1;
    // An answer takes a moment, so that requests overlap.
    await new Promise((resolve) => setTimeout(resolve, 2));
    return new Response('{}', { status: 200, headers: limitHeaders });
  };
  return { fetch, seen };
}

const send = (fetch: typeof globalThis.fetch, count: number) => Promise.all(Array.from({ length: count }, () => fetch('http://127.0.0.1/x')));

test('a fixed quota (Ecwid, --rate-limit) is held with no 429, four in flight', async () => {
  const store = quotaCounter(10, 100);
  const pacer = createPacer({ fixed: { requests: 10, windowMs: 100 }, concurrency: 4 });
  await send(pacer.wrap(store.fetch), 45);
  expect(store.seen).toEqual({ ok: 45, refused: 0 });
  expect(pacer.stats).toMatchObject({ requests: 45, rateLimited: 0 });
});

test("BigCommerce's headers lead: the quota they say is held with no 429, four in flight", async () => {
  const store = quotaCounter(10, 100, { headers: true });
  const pacer = createPacer({ concurrency: 4 });
  await send(pacer.wrap(store.fetch), 45);
  expect(store.seen).toEqual({ ok: 45, refused: 0 });
  expect(pacer.quota()).toEqual({ requests: 10, windowMs: 100 });
});

test('a store whose answers carry no quota headers is bounded by the concurrency alone', async () => {
  let inFlight = 0;
  let most = 0;
  const pacer = createPacer({ concurrency: 4 });
  const fetch = pacer.wrap(async () => {
    most = Math.max(most, ++inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    return new Response('{}');
  });
  await send(fetch, 12);
  expect(most).toBe(4);
});

test('a 429 from another app on the same quota holds back every request until the wait it names is over', async () => {
  let refuseNext = true;
  const sentAt: number[] = [];
  const pacer = createPacer({ concurrency: 4 });
  const fetch = pacer.wrap(async () => {
    sentAt.push(Date.now());
    if (refuseNext) {
      refuseNext = false;
      return new Response(null, { status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '150', 'X-Rate-Limit-Requests-Left': '0', 'X-Rate-Limit-Requests-Quota': '10' } });
    }
    return new Response('{}', { headers: { 'X-Rate-Limit-Time-Reset-Ms': '1000', 'X-Rate-Limit-Requests-Left': '9', 'X-Rate-Limit-Requests-Quota': '10' } });
  });
  const first = await fetch('http://127.0.0.1/x');
  expect(first.status).toBe(429);
  await send(fetch, 3);
  expect(sentAt.slice(1).every((at) => at - sentAt[0]! >= 150)).toBe(true);
  expect(pacer.stats).toMatchObject({ requests: 4, rateLimited: 1 });
  expect(pacer.stats.waitedMs).toBeGreaterThanOrEqual(150);
});

test('the hook before each request runs once it has its slot, just before it goes', async () => {
  const order: string[] = [];
  const pacer = createPacer({ fixed: { requests: 5, windowMs: 1000 }, concurrency: 1 });
  const fetch = pacer.wrap(
    async (input) => {
      order.push(`send ${new URL((input as Request).url).pathname}`);
      return new Response('{}');
    },
    async (request) => void order.push(`hook ${new URL(request.url).pathname}`),
  );
  await Promise.all([fetch(new Request('http://127.0.0.1/a')), fetch(new Request('http://127.0.0.1/b'))]);
  expect(order).toEqual(['hook /a', 'send /a', 'hook /b', 'send /b']);
});

test.each([
  ['150/30', { requests: 150, windowMs: 30_000 }],
  ['20/0.2', { requests: 20, windowMs: 200 }],
  ['0/1', undefined],
  ['20', undefined],
  ['20/s', undefined],
])('--rate-limit %s', (text, expected) => {
  expect(parseRateLimit(text)).toEqual(expected);
});
