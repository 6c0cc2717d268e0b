// syncVariants against the stateful fake stores: images and fields applied, bad rows beside good
// ones, a second run that writes nothing, a dry run that only reads.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { syncVariants } from '../../src/sync/sync.js';
import { createFakeStore } from '../../src/testing/index.js';
import { imageWrites, inputDir, png, seedFor, sku, writesIn } from './stores.js';

const credentials = {
  ecwid: { api: 'ecwid', storeId: 1, token: 'secret_sync' },
  bigcommerce: { api: 'bigcommerce', storeHash: 'abc123', accessToken: 'sync-token' },
} as const;

describe.each(['bigcommerce', 'ecwid'] as const)('%s', (api) => {
  test('images, prices and stock land; bad rows fail beside them; a second run writes nothing', async () => {
    const fake = createFakeStore(api, { seed: seedFor(api, 3, 4), rateLimit: false });
    const images = Object.fromEntries(Array.from({ length: 6 }, (_, n) => [`img${n}.png`, png(n)]));
    const { csv } = await inputDir('product_id,sku,image,price,quantity', [
      ...Array.from({ length: 6 }, (_, n) => `${1000 + (n % 3)},${sku(1000 + (n % 3), n >> 1)},img${n}.png,${20 + n},${n}`),
      `1001,${sku(1001, 3)},,10,0`, // already so: unchanged
      `1002,${sku(1002, 3)},,,9`, // stock only: updated
      `1000,NOPE,,5,`, // not found
      `4242,${sku(4242, 0)},,5,`, // no such product
      `1000,${sku(1000, 3)},missing.png,,`, // failed: no such file
      `1000,,,5,`, // invalid: no SKU
    ], images);

    const events: string[] = [];
    const first = await syncVariants({ ...credentials[api], fetch: fake.fetch, input: csv, onEvent: (event) => event.type === 'row' && events.push(event.outcome.outcome) });
    expect(first.counts).toEqual({ uploaded: 6, updated: 1, unchanged: 1, 'not found': 2, failed: 2 });
    expect(events).toHaveLength(12);
    expect(first.rows.find((row) => row.row === 12)).toMatchObject({ outcome: 'failed', code: 'ERR_IMAGE_FILE' });
    expect(first.rows.find((row) => row.row === 13)).toMatchObject({ outcome: 'failed', code: 'ERR_MISSING_FIELD' });
    expect(first.stats.rateLimited).toBe(0);
    expect(imageWrites(fake.requests)).toHaveLength(6);

    // The store holds every image byte for byte, and every price and stock level.
    const snapshot = JSON.stringify(fake.snapshot());
    for (let n = 0; n < 6; n++) {
      const url = imageUrlOf(fake.snapshot(), api, 1000 + (n % 3), sku(1000 + (n % 3), n >> 1));
      expect(Buffer.from(await (await fake.fetch(url!)).arrayBuffer())).toEqual(png(n));
    }
    expect(snapshot).toContain(sku(1002, 3));
    expect(fieldsOf(fake.snapshot(), api, 1002, sku(1002, 3))).toEqual({ price: 10, quantity: 9 });
    expect(fieldsOf(fake.snapshot(), api, 1001, sku(1001, 0))).toEqual({ price: 21, quantity: 1 });

    const before = fake.requests.length;
    const second = await syncVariants({ ...credentials[api], fetch: fake.fetch, input: csv });
    expect(second.counts).toEqual({ uploaded: 0, updated: 0, unchanged: 8, 'not found': 2, failed: 2 });
    expect(writesIn(fake.requests.slice(before))).toEqual([]);

    // A dry run reads, plans nothing to do, and writes nothing, not even to the journal.
    const journal = await readFile(`${csv}.journal.jsonl`, 'utf8');
    const dry = await syncVariants({ ...credentials[api], fetch: fake.fetch, input: csv, dryRun: true });
    expect(dry.counts).toEqual(second.counts);
    expect(dry.cost?.writes).toBe(0);
    expect(writesIn(fake.requests.slice(before))).toEqual([]);
    expect(await readFile(`${csv}.journal.jsonl`, 'utf8')).toBe(journal);
  });

  test('a dry run says what it would do and what that costs, and writes nothing', async () => {
    const fake = createFakeStore(api, { seed: seedFor(api, 2, 3), rateLimit: false });
    const { csv } = await inputDir('product_id,sku,image,price', [`1000,${sku(1000, 0)},a.png,`, `1000,${sku(1000, 1)},,99`, `1001,${sku(1001, 0)},,10`, `1001,X,,1`], { 'a.png': png(1) });
    const dry = await syncVariants({ ...credentials[api], fetch: fake.fetch, input: csv, dryRun: true, rateLimit: { requests: 60, windowMs: 60_000 } });
    expect(dry.rows.map((row) => row.outcome)).toEqual(['upload', 'update', 'unchanged', 'not found']);
    expect(writesIn(fake.requests)).toEqual([]);
    // Two lists, an upload, a price write (and Ecwid's read of the new image URL), at one a second.
    const writes = api === 'ecwid' ? 3 : 2;
    expect(dry.cost).toMatchObject({ writes, requests: 2 + writes, ms: (2 + writes) * 1000, quotaFrom: 'rate limit' });
  });
});

type Snapshot = { products: { id?: number; variants?: Record<string, unknown>[]; combinations?: Record<string, unknown>[] }[] };

function variantOf(snapshot: unknown, api: string, product: number, variantSku: string): Record<string, unknown> {
  const found = (snapshot as Snapshot).products.find((p) => p.id === product);
  return (api === 'ecwid' ? found?.combinations : found?.variants)!.find((v) => v.sku === variantSku)!;
}

function imageUrlOf(snapshot: unknown, api: string, product: number, variantSku: string): string | undefined {
  const variant = variantOf(snapshot, api, product, variantSku);
  return (api === 'ecwid' ? variant.originalImageUrl : variant.image_url) as string | undefined;
}

function fieldsOf(snapshot: unknown, api: string, product: number, variantSku: string) {
  const variant = variantOf(snapshot, api, product, variantSku);
  return { price: variant.price, quantity: api === 'ecwid' ? variant.quantity : variant.inventory_level };
}
