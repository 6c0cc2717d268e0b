// The sync's guarantees, each against the stateful fake: lost answers settled by reading the store
// (never a blind resend), two syncs sharing one quota both finishing, the quota held without a 429.
import { describe, expect, test } from 'vitest';
import { syncVariants, type SyncVariantsOptions } from '../../src/sync/sync.js';
import { createFakeStore } from '../../src/testing/index.js';
import { imageWrites, inputDir, png, seedFor, sku, uploadsPerVariant, writesIn } from './stores.js';

const credentials = {
  ecwid: { api: 'ecwid', storeId: 1, token: 'secret_sync' },
  bigcommerce: { api: 'bigcommerce', storeHash: 'abc123', accessToken: 'sync-token' },
} as const;

/** `products` × `variants` rows, each a new image and a new price; image n is png(n). */
async function imageRows(products: number, variants: number, firstProduct = 1000) {
  const lines: string[] = [];
  const images: Record<string, Buffer> = {};
  for (let p = 0; p < products; p++) {
    for (let v = 0; v < variants; v++) {
      const n = (firstProduct - 1000 + p) * variants + v;
      images[`img${n}.png`] = png(n);
      lines.push(`${firstProduct + p},${sku(firstProduct + p, v)},img${n}.png,${30 + n}`);
    }
  }
  return inputDir('product_id,sku,image,price', lines, images);
}

describe.each(['bigcommerce', 'ecwid'] as const)('%s', (api) => {
  test('lost answers (resets after the write, 5xx, resets before it) are settled by reading back: every image lands once', async () => {
    const fake = createFakeStore(api, { seed: seedFor(api, 3, 8), rateLimit: false, faults: { rate: 0.25, seed: 7 } });
    const { csv } = await imageRows(3, 8);
    const options: SyncVariantsOptions = { ...credentials[api], fetch: fake.fetch, input: csv, timeoutMs: 200, retry: { attempts: 8, baseDelayMs: 1 } };
    const result = await syncVariants(options);

    expect(result.counts).toEqual({ uploaded: 24, updated: 0, unchanged: 0, 'not found': 0, failed: 0 });
    // The faults did strike the uploads, answers lost after the write among them.
    const lost = fake.requests.filter((entry) => entry.path.endsWith('/image') && entry.fault === 'reset-after-write');
    expect(lost.length).toBeGreaterThan(0);
    const counts = uploadsPerVariant(fake.requests);
    expect(counts.size).toBe(24);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);

    // What the store shows is what the rows say; a second run (faults still on) writes nothing.
    const before = fake.requests.length;
    const again = await syncVariants(options);
    expect(again.counts.unchanged).toBe(24);
    expect(writesIn(fake.requests.slice(before))).toEqual([]);
  });

  test('two syncs sharing one quota both finish: a 429 is waited out, never a failed row', async () => {
    // BigCommerce's quota is the store's, Ecwid's the token's: both syncs here use the same one.
    const fake = createFakeStore(api, { seed: seedFor(api, 4, 6), rateLimit: { requests: 20, windowMs: 200 } });
    const [a, b] = await Promise.all([imageRows(2, 6, 1000), imageRows(2, 6, 1002)]);
    const rateLimit = api === 'ecwid' ? { requests: 20, windowMs: 200 } : undefined;
    const results = await Promise.all([a!, b!].map(({ csv }) => syncVariants({ ...credentials[api], fetch: fake.fetch, input: csv, rateLimit })));
    for (const result of results) expect(result.counts).toEqual({ uploaded: 12, updated: 0, unchanged: 0, 'not found': 0, failed: 0 });
    expect(imageWrites(fake.requests)).toHaveLength(24);
    // Ecwid's two paces add up to twice the token's quota: 429s came, and were waited out.
    if (api === 'ecwid') expect(results[0]!.stats.rateLimited + results[1]!.stats.rateLimited).toBeGreaterThan(0);
  });

  test('alone on a store it never goes over the quota: no 429', async () => {
    // A quota this machine can fill while other tests run: the test is of the pacing, not the CPU.
    const quota = { requests: 10, windowMs: 200 };
    const fake = createFakeStore(api, { seed: seedFor(api, 4, 15), rateLimit: quota });
    const { csv } = await imageRows(4, 15);
    const result = await syncVariants({ ...credentials[api], fetch: fake.fetch, input: csv, rateLimit: api === 'ecwid' ? quota : undefined });
    expect(result.counts.uploaded).toBe(60);
    expect(fake.requests.filter((entry) => entry.status === 429)).toEqual([]);
    expect(result.stats.rateLimited).toBe(0);
    // The share of the quota held depends on how fast this machine makes the requests too: npm run
    // bench measures it (goal 95 %) with quotaShare; here the pacing must only never overrun.
  });
});
