// The sync's figures (issue 17), printed against their goals: the share of a store's quota held
// and the 429s met, on a few hundred rows against a fake store with a small quota; and, with the
// quota off, rows per second and peak RSS for 10 000 rows against the in-process fake, measured in
// a child process of its own so that its RSS is the sync's alone.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncVariants } from '../src/sync/sync.js';
import { createFakeStore, type BundledApi, type FakeSeeds } from '../src/testing/index.js';

const goals = { share: 0.95, rowsPerSecond: 500, rssMb: 250 };
const credentials = {
  ecwid: { api: 'ecwid', storeId: 1, token: 'bench' },
  bigcommerce: { api: 'bigcommerce', storeHash: 'bench', accessToken: 'bench' },
} as const;

/** `products` × `variants` variants with numbered SKUs, and a CSV setting each one's image and price. */
async function workload<A extends BundledApi>(api: A, products: number, variants: number) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-sync-'));
  const lines = ['product_id,sku,image,price'];
  const seed = { products: [] as unknown[] };
  for (let p = 0; p < products; p++) {
    const id = 1000 + p;
    const skus = Array.from({ length: variants }, (_, v) => `P${id}-V${v}`);
    seed.products.push(
      api === 'ecwid'
        ? { id, options: [{ name: 'Size', choices: skus.map((_, v) => ({ text: `S${v}` })) }], combinations: skus.map((sku, v) => ({ sku, options: [{ name: 'Size', value: `S${v}` }], price: 10 })) }
        : {
            id,
            options: [{ id: id * 10, display_name: 'Size', option_values: skus.map((_, v) => ({ id: id * 1000 + v, label: `S${v}` })) }],
            variants: skus.map((sku, v) => ({ product_id: id, sku, price: 10, option_values: [{ id: id * 1000 + v, option_id: id * 10, label: `S${v}`, option_display_name: 'Size' }] })),
          },
    );
    for (const [v, sku] of skus.entries()) {
      const name = `${id}-${v}.png`;
      await writeFile(join(dir, name), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(`${name} `.repeat(30))]));
      lines.push(`${id},${sku},${name},${20 + v}`);
    }
  }
  const csv = join(dir, 'rows.csv');
  await writeFile(csv, `${lines.join('\n')}\n`);
  return { csv, seed: seed as FakeSeeds[A] };
}

/**
 * The requests sent before the last window began, over what the quota allowed in that time. Windows
 * as the fake counts them: each starts with the first request after the last one ended.
 */
function quotaShare(sent: number[], { requests, windowMs }: { requests: number; windowMs: number }): number {
  let start = sent[0]!;
  for (const at of sent) if (at >= start + windowMs) start = at;
  const before = sent.filter((at) => at < start).length;
  return before / ((requests * (start - sent[0]!)) / windowMs);
}

async function quotaRun(api: BundledApi): Promise<{ share: number; rateLimited: number; requests: number }> {
  const quota = { requests: 20, windowMs: 200 };
  const { csv, seed } = await workload(api, 6, 50);
  // Each operation's schemas compile on first use: a first run on another store takes that cost.
  await syncVariants({ ...credentials[api], fetch: createFakeStore(api, { seed, rateLimit: false }).fetch, input: csv, journal: `${csv}.warm.jsonl` });
  const fake = createFakeStore(api, { seed, rateLimit: quota });
  const sent: number[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    sent.push(Date.now());
    return fake.fetch(input, init);
  };
  const result = await syncVariants({ ...credentials[api], fetch, input: csv, rateLimit: api === 'ecwid' ? quota : undefined });
  return { share: quotaShare(sent, quota), rateLimited: fake.requests.filter((entry) => entry.status === 429).length, requests: sent.length };
}

/** In the child: 10 000 rows with the quota off; prints rows per second and peak RSS as JSON. */
async function bigRun(api: BundledApi): Promise<void> {
  const { csv, seed } = await workload(api, 100, 100);
  const fake = createFakeStore(api, { seed, rateLimit: false });
  const started = performance.now();
  const result = await syncVariants({ ...credentials[api], fetch: fake.fetch, input: csv, concurrency: 8 });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ rows: result.counts.uploaded, rowsPerSecond: result.counts.uploaded / seconds, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

async function inChild(api: BundledApi): Promise<{ rows: number; rowsPerSecond: number; rssMb: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--big', api], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await once(child, 'close');
  return JSON.parse(out);
}

/** Prints the figures; returns what misses its goal, one line each. */
export async function benchSync(): Promise<string[]> {
  const misses: string[] = [];
  for (const api of ['bigcommerce', 'ecwid'] as const) {
    const { share, rateLimited, requests } = await quotaRun(api);
    console.log(`sync ${api}: ${requests} requests at 20 per 200 ms, ${(share * 100).toFixed(1)} % of the quota held, ${rateLimited} answers 429`);
    if (share < goals.share) misses.push(`${api} held ${(share * 100).toFixed(1)} % of the quota (goal ${goals.share * 100} %)`);
    if (rateLimited > 0) misses.push(`${api} met ${rateLimited} 429s alone on the store (goal 0)`);
    const big = await inChild(api);
    console.log(`sync ${api}: ${big.rows} rows with the quota off, ${big.rowsPerSecond.toFixed(0)} rows/s, peak RSS ${big.rssMb.toFixed(0)} MB`);
    if (big.rowsPerSecond < goals.rowsPerSecond) misses.push(`${api} synced ${big.rowsPerSecond.toFixed(0)} rows/s (goal ${goals.rowsPerSecond})`);
    if (big.rssMb > goals.rssMb) misses.push(`${api} peaked at ${big.rssMb.toFixed(0)} MB RSS (goal under ${goals.rssMb})`);
  }
  return misses;
}

if (process.argv[2] === '--big') await bigRun(process.argv[3] as BundledApi);
