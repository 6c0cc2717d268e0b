// The fake store's part of `npm run bench` (issue 16): how soon a store is ready in-process and from
// the CLI, and what a request through fake.fetch costs with its validation, beside a Prism start
// measured in the same run. The fake's code is built with esbuild into build/bench (its dependencies
// left to node_modules, as a user's install loads them) and each start is timed in a fresh process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { startMock } from '../src/testing/mock.js';
import { freePort } from '../src/testing/ports.js';

export const fakeBudgets = { readyMs: 50, cliMs: 500, requestMs: 1 };

const outdir = new URL('../build/bench/fake/', import.meta.url).pathname;

/** The fake store and the CLI as modules a fresh `node` can load. */
async function buildFake(): Promise<{ store: string; cli: string }> {
  await build({
    entryPoints: { store: new URL('../src/fake/create.ts', import.meta.url).pathname, cli: new URL('../src/cli/main.ts', import.meta.url).pathname },
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    outdir,
    outExtension: { '.js': '.mjs' },
  });
  return { store: `${outdir}store.mjs`, cli: `${outdir}cli.mjs` };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** In a fresh process: the module's import, createFakeStore, and the first answer, in ms. */
async function readyInProcess(store: string): Promise<{ importMs: number; createMs: number; firstMs: number }> {
  const script = `
    const t0 = performance.now();
    const { createFakeStore } = await import(${JSON.stringify(store)});
    const t1 = performance.now();
    const fake = createFakeStore('ecwid');
    const t2 = performance.now();
    await fake.fetch('https://app.ecwid.com/api/v3/1003/products/692730761/combinations', { headers: { authorization: 'Bearer x' } });
    const t3 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, firstMs: t3 - t2 }));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await once(child, 'close');
  return JSON.parse(out) as { importMs: number; createMs: number; firstMs: number };
}

/** From spawning `node <cli> mock ecwid --stateful` to its URL line, in ms. */
async function cliStart(cli: string): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, [cli, 'mock', 'ecwid', '--stateful', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  const elapsed = performance.now() - start;
  child.kill('SIGTERM');
  await once(child, 'close');
  return elapsed;
}

async function prismStart(): Promise<number> {
  const start = performance.now();
  const mock = await startMock('ecwid');
  const elapsed = performance.now() - start;
  await mock.stop();
  return elapsed;
}

/** The median time of a GET through fake.fetch, request validation and answer check included. */
async function perRequest(store: string, rounds: number): Promise<number> {
  const { createFakeStore } = (await import(store)) as typeof import('../src/fake/create.js');
  const fake = createFakeStore('ecwid', { rateLimit: false });
  const url = 'https://app.ecwid.com/api/v3/1003/products/692730761/combinations/422488528?responseFields=id,sku,price';
  const init = { headers: { authorization: 'Bearer secret_bench' } };
  const times: number[] = [];
  for (let round = 0; round < 200 + rounds; round++) {
    const start = performance.now();
    await (await fake.fetch(url, init)).json();
    if (round >= 200) times.push(performance.now() - start);
  }
  return median(times);
}

/** Runs the fake's measurements; prints them; returns the lines over their goals. */
export async function benchFake(rounds = 5_000): Promise<string[]> {
  const { store, cli } = await buildFake();
  const ready = await readyInProcess(store);
  const cliMs = await cliStart(cli);
  const prismMs = await prismStart();
  const requestMs = await perRequest(store, rounds);
  const readyMs = ready.importMs + ready.createMs;
  console.log(
    `fake store in-process: ready ${readyMs.toFixed(1)} ms (import ${ready.importMs.toFixed(1)} + create ${ready.createMs.toFixed(1)}), first answer +${ready.firstMs.toFixed(1)} ms (the validators compile)`,
  );
  console.log(
    `fake store from the CLI: node start to listening ${cliMs.toFixed(0)} ms; Prism mock start ${prismMs.toFixed(0)} ms in the same run (${(prismMs / cliMs).toFixed(1)}x the fake's)`,
  );
  console.log(`fake.fetch: median ${(requestMs * 1000).toFixed(0)} µs per GET, validation included (${rounds} requests)`);
  return [
    ...(readyMs > fakeBudgets.readyMs ? [`fake store ready in ${readyMs.toFixed(1)} ms, over ${fakeBudgets.readyMs} ms`] : []),
    ...(cliMs > fakeBudgets.cliMs ? [`fake CLI start ${cliMs.toFixed(0)} ms, over ${fakeBudgets.cliMs} ms`] : []),
    ...(requestMs > fakeBudgets.requestMs ? [`fake.fetch median ${requestMs.toFixed(3)} ms, over ${fakeBudgets.requestMs} ms`] : []),
  ];
}
