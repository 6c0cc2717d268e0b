// npm run bench: what the clients cost over openapi-fetch. Three ways of making the same GET against
// the same local server, interleaved request by request so that drift hits all three alike:
// raw fetch, a bare openapi-fetch client, and createEcwidClient with all it adds (credential,
// timeout, retries). Prints median per-round ratios and the clients' runtime size.
//
// The client is measured as shipped: the minified bundle whose size is printed, not src/ run
// through tsx (which wraps every closure in a naming helper that a build does not have).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import createClient from 'openapi-fetch';
import type { paths } from '../generated/ecwid.js';
import type * as Clients from '../src/index.js';
import { overBudget } from './budgets.js';
import { benchSync } from './sync.js';
import { benchFake } from './fake.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 10_000);
const warmup = 300;
const token = 'secret_bench';
const path = { productId: 692730761, combinationId: 422488528 };

async function startServer(): Promise<{ url: string; stop(): void }> {
  const child = fork(new URL('server.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations(items.filter((_, j) => j !== i)).map((rest) => [item, ...rest]));
}

async function timed(request: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await request();
  return performance.now() - start;
}

/** The clients plus openapi-fetch, bundled and minified: the runtime a user ships. */
async function runtimeBundle(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  return result.outputFiles[0]!.contents;
}

const bundle = await runtimeBundle();
const bundleFile = new URL('../build/bench/clients.mjs', import.meta.url);
await mkdir(new URL('.', bundleFile), { recursive: true });
await writeFile(bundleFile, bundle);
const { createEcwidClient } = (await import(bundleFile.href)) as typeof Clients;

const server = await startServer();
try {
  const url = `${server.url}/products/${path.productId}/combinations/${path.combinationId}`;
  const bare = createClient<paths>({ baseUrl: server.url, headers: { Authorization: `Bearer ${token}` } });
  const ours = createEcwidClient({ storeId: 1003, token, baseUrl: server.url });

  const contenders = {
    raw: () => fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json()),
    bare: () => bare.GET('/products/{productId}/combinations/{combinationId}', { params: { path } }),
    ours: () => ours.GET('/products/{productId}/combinations/{combinationId}', { params: { path } }),
  };
  const names = Object.keys(contenders) as (keyof typeof contenders)[];
  const times = { raw: [] as number[], bare: [] as number[], ours: [] as number[] };

  // Every order in turn, so that each contender follows each other one equally often: whoever runs
  // just before finds the shared fetch code warm or cold.
  const orders = permutations(names);
  for (let round = 0; round < warmup + rounds; round += 1) {
    for (const name of orders[round % orders.length]!) {
      const elapsed = await timed(contenders[name]);
      if (round >= warmup) times[name].push(elapsed);
    }
  }

  const ratio = (a: number[], b: number[]) => median(a.map((t, i) => t / b[i]!));
  const overhead = ratio(times.ours, times.bare);
  const size = gzipSync(bundle).length;
  console.log(`${rounds} requests each, interleaved; medians: raw ${median(times.raw).toFixed(3)} ms, bare ${median(times.bare).toFixed(3)} ms, client ${median(times.ours).toFixed(3)} ms`);
  // The same comparison in time per request: each median, and the median per-round difference.
  const microseconds = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  const difference = median(times.ours.map((t, i) => t - times.bare[i]!));
  console.log(
    `client vs bare openapi-fetch: median ratio ${overhead.toFixed(3)} (client ${microseconds(median(times.ours))}, bare ${microseconds(median(times.bare))}, difference ${microseconds(difference)})`,
  );
  console.log(`client vs raw fetch: median ratio ${ratio(times.ours, times.raw).toFixed(3)}`);
  console.log(`bare openapi-fetch vs raw fetch: median ratio ${ratio(times.bare, times.raw).toFixed(3)}`);
  console.log(`runtime size: ${(size / 1000).toFixed(1)} kB min+gzip (${size} bytes)`);
  // Exceeding a budget fails the run, so that CI or a script can tell.
  const over = overBudget(overhead, size);
  for (const line of over) console.error(`over budget: ${line}`);
  if (over.length > 0) process.exitCode = 1;
} finally {
  server.stop();
}

// BENCH_CLIENT_ONLY=1 stops here: the client's figures in seconds, for timing a change to it.
if (!process.env.BENCH_CLIENT_ONLY) {
  // The fake store's start and per-request figures (issue 16), printed against their goals.
  for (const line of await benchFake()) console.error(`over the fake's goal: ${line}`);

  // The sync's quota share, 429s, rows per second and peak RSS (issue 17), printed against their goals.
  for (const line of await benchSync()) console.error(`over the sync's goal: ${line}`);
}
