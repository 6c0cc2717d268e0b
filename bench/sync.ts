// The sync's figures (issue 17), printed against their goals: the share of a store's quota held
// and the 429s met, on a few hundred rows against a fake store with a small quota; and, with the
// quota off, rows per second (of wall and of CPU time) and peak RSS for 10 000 rows against the
// in-process fake, measured in a child process of its own (bench/sync-child.ts) so that its RSS is
// the sync's alone. `npx tsx bench/sync.ts` prints these alone.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { syncVariants } from '../src/sync/sync.js';
import { createFakeStore, type BundledApi } from '../src/testing/index.js';
import type { BigFigures } from './sync-child.js';
import { credentials, workload } from './sync-workload.js';

const goals = { share: 0.95, rowsPerSecond: 500, rssMb: 250 };

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
  const { dir, csv, seed } = await workload(api, 6, 50);
  try {
    // Each operation's schemas compile on first use: a first run on another store takes that cost.
    await syncVariants({ ...credentials[api], fetch: createFakeStore(api, { seed, rateLimit: false }).fetch, input: csv, journal: `${csv}.warm.jsonl` });
    const fake = createFakeStore(api, { seed, rateLimit: quota });
    const sent: number[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      sent.push(Date.now());
      return fake.fetch(input, init);
    };
    await syncVariants({ ...credentials[api], fetch, input: csv, rateLimit: api === 'ecwid' ? quota : undefined });
    return { share: quotaShare(sent, quota), rateLimited: fake.requests.filter((entry) => entry.status === 429).length, requests: sent.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const childFile = new URL('../build/bench/sync/child.mjs', import.meta.url).pathname;

/** The big run's module, as a fresh `node` loads it: built code, not src/ through tsx. */
async function buildChild(): Promise<void> {
  await build({
    entryPoints: [new URL('sync-child.ts', import.meta.url).pathname],
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    outfile: childFile,
  });
}

async function inChild(api: BundledApi): Promise<BigFigures> {
  const child = fork(childFile, [api], { execArgv: [], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await once(child, 'close');
  return JSON.parse(out);
}

/** Prints the figures; returns what misses its goal, one line each. */
export async function benchSync(): Promise<string[]> {
  const misses: string[] = [];
  await buildChild();
  for (const api of ['bigcommerce', 'ecwid'] as const) {
    const { share, rateLimited, requests } = await quotaRun(api);
    console.log(`sync ${api}: ${requests} requests at 20 per 200 ms, ${(share * 100).toFixed(1)} % of the quota held, ${rateLimited} answers 429`);
    if (share < goals.share) misses.push(`${api} held ${(share * 100).toFixed(1)} % of the quota (goal ${goals.share * 100} %)`);
    if (rateLimited > 0) misses.push(`${api} met ${rateLimited} 429s alone on the store (goal 0)`);
    const big = await inChild(api);
    console.log(
      `sync ${api}: ${big.rows} rows with the quota off at concurrency ${big.concurrency}, ${big.rowsPerSecond.toFixed(0)} rows/s (${big.rowsPerCpuSecond.toFixed(0)} per CPU-second), peak RSS ${big.rssMb.toFixed(0)} MB`,
    );
    if (big.rowsPerSecond < goals.rowsPerSecond) misses.push(`${api} synced ${big.rowsPerSecond.toFixed(0)} rows/s (goal ${goals.rowsPerSecond})`);
    if (big.rssMb > goals.rssMb) misses.push(`${api} peaked at ${big.rssMb.toFixed(0)} MB RSS (goal under ${goals.rssMb})`);
  }
  return misses;
}

// `npx tsx bench/sync.ts`: the sync's figures alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) for (const line of await benchSync()) console.error(`over the sync's goal: ${line}`);
