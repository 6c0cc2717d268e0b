// The sync bench's big run (issue 17): 10 000 rows against the in-process fake with the quota off,
// in a process of its own so that its peak RSS is this run's alone. bench/sync.ts builds this file
// with esbuild (dependencies left to node_modules, as a user's install loads them) and runs it with
// plain node, as `commerce-variants sync` runs from the built package: tsx's loader would add about
// 35 MB of RSS that no user's sync has. Prints its figures as JSON.
import { rm } from 'node:fs/promises';
import { syncVariants } from '../src/sync/sync.js';
import { type BundledApi, createFakeStore } from '../src/testing/index.js';
import { credentials, workload } from './sync-workload.js';

export interface BigFigures {
  rows: number;
  concurrency: number;
  rowsPerSecond: number;
  /** Rows per second of CPU time (user + system, every thread of the process): what a busy machine does not change. */
  rowsPerCpuSecond: number;
  rssMb: number;
}

/** Ecwid sends no quota headers, so the sync paces it at 600 a minute unless told another pace: here one no run reaches. */
const unpaced = { requests: Number.MAX_SAFE_INTEGER, windowMs: 1000 };
const concurrency = 8;

/** The fake store and the input; the seed is left behind once the store holds its own copy. */
async function storeAndInput(api: BundledApi) {
  const { dir, csv, seed } = await workload(api, 100, 100);
  return { dir, csv, fake: createFakeStore(api, { seed, rateLimit: false }) };
}

const api = process.argv[2] as BundledApi;
const { dir, csv, fake } = await storeAndInput(api);
const cpu = process.cpuUsage();
const started = performance.now();
const result = await syncVariants({
  ...credentials[api],
  fetch: fake.fetch,
  input: csv,
  concurrency,
  rateLimit: api === 'ecwid' ? unpaced : undefined,
});
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const rows = result.counts.uploaded;
const figures: BigFigures = {
  rows,
  concurrency,
  rowsPerSecond: rows / seconds,
  rowsPerCpuSecond: rows / ((used.user + used.system) / 1e6),
  rssMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
await rm(dir, { recursive: true, force: true });
