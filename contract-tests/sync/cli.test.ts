// `commerce-variants sync` as a user runs it, against a fake store over HTTP: exit codes, the lines
// it prints, the report, and a run killed with SIGKILL part-way then resumed, after which each
// image was uploaded exactly once.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run, type SyncIo } from '../../src/cli/sync.js';
import { createFakeStore } from '../../src/testing/index.js';
import { projectRoot } from '../../scripts/apis.js';
import { cliArgs, startCommand } from '../testing/cli.js';
import { inputDir, png, seedFor, sku, uploadsPerVariant, writesIn } from './stores.js';

const env = {
  ecwid: { ECWID_TOKEN: 'secret_cli_token' },
  bigcommerce: { BIGCOMMERCE_ACCESS_TOKEN: 'cli-token-secret' },
} as const;

function io(environment: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const handlers = new Map<string, () => void>();
  const value: SyncIo = {
    env: environment,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    isTty: false,
    progress: () => {},
    signals: { on: (signal: string, handler: () => void) => handlers.set(signal, handler), off: (signal: string) => handlers.delete(signal) } as never,
  };
  return { io: value, out, err, handlers };
}

async function rows(count: number, extra: string[] = []) {
  const images: Record<string, Buffer> = {};
  const lines = Array.from({ length: count }, (_, n) => {
    images[`img${n}.png`] = png(n);
    return `${1000 + (n % 2)},${sku(1000 + (n % 2), n >> 1)},img${n}.png,${40 + n}`;
  });
  return inputDir('product_id,sku,image,price', [...lines, ...extra], images);
}

describe.each(['bigcommerce', 'ecwid'] as const)('%s', (api) => {
  test('exit 1 with bad rows beside good ones, a line per row, the summary and the report; the token never printed; exit 0 on the rerun', async () => {
    const fake = createFakeStore(api, { seed: seedFor(api, 2, 4), rateLimit: false });
    const { url, stop } = await fake.listen();
    try {
      const { csv, dir } = await rows(6, [`1000,NOPE,,1`, `1000,,,1`]);
      const report = join(dir, 'report.json');
      const first = io(env[api]);
      expect(await run([api, csv, '--base-url', url, '--report', report], first.io)).toBe(1);
      expect(first.out.at(-1)).toBe('sync: 6 uploaded, 0 updated, 0 unchanged, 1 not found, 1 failed');
      expect(first.out).toContain(`row 8 NOPE: not found: product 1000 has no variant with SKU NOPE`);
      expect(first.out.filter((line) => / uploaded image, price$/.test(line))).toHaveLength(6);
      const written = JSON.parse(await readFile(report, 'utf8'));
      expect(written.rows).toHaveLength(8);
      expect(written.rows[8 - 2]).toMatchObject({ row: 8, sku: 'NOPE', outcome: 'not found' });
      expect(written.rows[9 - 2]).toMatchObject({ row: 9, outcome: 'failed', code: 'ERR_MISSING_FIELD' });
      expect([...first.out, ...first.err, JSON.stringify(written)].join('\n')).not.toContain(Object.values(env[api])[0]);

      const before = fake.requests.length;
      const again = io(env[api]);
      const good = join(dir, 'good.csv');
      // The same good rows, in a file of their own, with the first run's journal.
      await writeFile(good, (await readFile(csv, 'utf8')).split('\n').slice(0, 7).join('\n'));
      expect(await run([api, good, '--base-url', url, '--journal', `${csv}.journal.jsonl`], again.io)).toBe(0);
      expect(again.out.at(-1)).toBe('sync: 0 uploaded, 0 updated, 6 unchanged, 0 not found, 0 failed');
      expect(writesIn(fake.requests.slice(before))).toEqual([]);
    } finally {
      await stop();
    }
  });

  test('--dry-run prints the plan and its cost and writes nothing', async () => {
    const fake = createFakeStore(api, { seed: seedFor(api, 2, 4), rateLimit: false });
    const { url, stop } = await fake.listen();
    try {
      const { csv } = await rows(2);
      const dry = io(env[api]);
      expect(await run([api, csv, '--base-url', url, '--dry-run', '--rate-limit', '10/1'], dry.io)).toBe(0);
      // A row's line comes when its product's variants have been read: the two products in either order.
      expect(dry.out).toContainEqual(expect.stringMatching(/^row 2 P1000-V0 \(variant \d+\): upload image, price$/));
      expect(dry.out.at(-1)).toMatch(/^dry run: \d+ requests \(2 reads, \d+ writes\), about 1 s at 10 per 1 s \(rate limit\)$/);
      expect(writesIn(fake.requests)).toEqual([]);
    } finally {
      await stop();
    }
  });

  test('exit 2 when the sync cannot run: no token, an unreadable file, a store that cannot be reached', async () => {
    const none = io({});
    expect(await run([api, 'rows.csv'], none.io)).toBe(2);
    expect(none.err[0]).toMatch(/_TOKEN is not set/);
    const missing = io(env[api]);
    expect(await run([api, '/nonexistent/rows.csv', '--base-url', 'http://127.0.0.1:9'], missing.io)).toBe(2);
    expect(missing.err[0]).toBe('sync: cannot read /nonexistent/rows.csv: ENOENT');
    const { csv } = await rows(2);
    const unreachable = io(env[api]);
    expect(await run([api, csv, '--base-url', 'http://127.0.0.1:9'], unreachable.io)).toBe(2);
    expect(unreachable.err.at(-1)).toMatch(/^sync: the store cannot be reached: .*; a rerun resumes$/);
  });

  test('Ctrl-C stops the run with exit 2 and the summary so far; the rerun finishes, each image once', async () => {
    const fake = createFakeStore(api, { seed: seedFor(api, 2, 4), rateLimit: false });
    const { url, stop } = await fake.listen();
    try {
      // Images only, so that each row is done as its upload is.
      const images = Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`img${n}.png`, png(n)]));
      const lines = Array.from({ length: 8 }, (_, n) => `${1000 + (n % 2)},${sku(1000 + (n % 2), n >> 1)},img${n}.png`);
      const { csv } = await inputDir('product_id,sku,image', lines, images);
      const args = [api, csv, '--base-url', url, '--rate-limit', '4/0.5', '--concurrency', '1'];
      const first = io(env[api]);
      // The first row line is the moment to press Ctrl-C.
      const print = first.io.stdout;
      first.io.stdout = (line) => {
        print(line);
        if (line.startsWith('row ')) first.handlers.get('SIGINT')?.();
      };
      expect(await run(args, first.io)).toBe(2);
      expect(first.err.at(-1)).toBe('sync: interrupted by SIGINT; a rerun resumes');
      expect(first.out.at(-1)).toMatch(/^sync: [1-7] uploaded, 0 updated, 0 unchanged, 0 not found, 0 failed$/);

      const again = io(env[api]);
      expect(await run(args, again.io)).toBe(0);
      const counts = uploadsPerVariant(fake.requests);
      expect(counts.size).toBe(8);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stop();
    }
  });

  // Both vendors at once: most of the time is the two commands starting.
  test.concurrent('killed with SIGKILL part-way, then rerun: every image lands exactly once', async ({ onTestFinished }) => {
    const count = 16;
    // The kill comes as the store answers a random request of the first run's.
    const killAt = 3 + Math.floor(Math.random() * (count - 2));
    let answered = 0;
    let killed: (() => void) | undefined;
    const fake = createFakeStore(api, {
      seed: seedFor(api, 2, count / 2),
      rateLimit: false,
      onRequest: () => {
        if (++answered === killAt) killed?.();
      },
    });
    const { url, stop } = await fake.listen();
    try {
      const { csv } = await rows(count);
      const args = cliArgs(['sync', api, csv, '--base-url', url, '--timeout', '1', '--concurrency', '2']);
      const start = () => startCommand(process.execPath, args, projectRoot, undefined, { ...process.env, ...env[api] }, onTestFinished);
      const first = start();
      killed = () => first.child.kill('SIGKILL');
      const firstExit = await first.exited;
      killed = undefined;
      expect(firstExit, `killed at request ${killAt}: ${first.stderr()}`).toBe(null);

      const second = start();
      expect(await second.exited, second.stderr()).toBe(0);
      // Rows whose image landed before the kill are updated or unchanged now; none fails.
      expect(second.stdout()).toMatch(/^sync: \d+ uploaded, \d+ updated, \d+ unchanged, 0 not found, 0 failed$/m);
      const counts = uploadsPerVariant(fake.requests);
      expect(counts.size, `killed at request ${killAt}`).toBe(count);
      expect([...counts.entries()].filter(([, n]) => n !== 1), `killed at request ${killAt}`).toEqual([]);
    } finally {
      await stop();
    }
  });
});
