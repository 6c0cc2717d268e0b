// verify --write against a stand-in store that keeps state: what the run creates is deleted, when
// every step passes, when a step in the middle fails, and when the process is interrupted; the
// variations that were there before are untouched and delete-all is never sent.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/apis.js';
import { run } from '../../src/cli/verify.js';
import { cliArgs, startCommand } from '../testing/cli.js';
import { env, expectNoToken, parseOutput, token, verify } from './run-verify.js';
import { existing, productId, type StoreDouble, startStoreDouble, type Vendor } from './store-double.js';

const writeArgs: Record<Vendor, string[]> = {
  ecwid: ['--write', '--option', 'Size=XL'],
  bigcommerce: ['--write', '--option', '7=63'],
};
/** A step in the middle of each vendor's plan, answered with a documented 500 when asked to fail. */
const middleStep: Record<Vendor, string> = { ecwid: 'PUT inventory', bigcommerce: 'POST image' };
/** The path of the update step on the variation the run creates (the double numbers new ones from 500). */
const updatePath: Record<Vendor, string> = {
  ecwid: `/products/${productId}/combinations/500`,
  bigcommerce: `/catalog/products/${productId}/variants/500`,
};

let store: StoreDouble | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const args = (vendor: Vendor, url: string) => [vendor, '--product', String(productId), '--base-url', url, ...writeArgs[vendor]];

/** The store holds exactly what it held before; every change went to what the run created (ID 500). */
function expectLeftAsFound(vendor: Vendor, double: StoreDouble) {
  expect([...double.variations.values()]).toEqual(existing(vendor));
  const collection = vendor === 'ecwid' ? `/products/${productId}/combinations` : `/catalog/products/${productId}/variants`;
  const changes = double.seen.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.url === collection));
  for (const { url } of changes) expect(url).toMatch(new RegExp(`^${collection}/500(/|$)`));
  expect(changes.filter((r) => r.method === 'DELETE').at(-1)?.url).toBe(`${collection}/500`);
}

describe.each(['ecwid', 'bigcommerce'] as const)('%s: verify --write', (vendor) => {
  test('every step passes; what was created is deleted', async () => {
    store = await startStoreDouble({ vendor, token, productId });
    const outcome = await verify(args(vendor, store.url), env(vendor, false));

    expect(outcome.violations).toEqual([]);
    expect(outcome.code).toBe(0);
    // Create, update, (Ecwid: stock), image from bytes, image from a URL, (Ecwid: delete the image), delete.
    expect(store.seen.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(
      vendor === 'ecwid' ? ['POST', 'PUT', 'PUT', 'POST', 'POST', 'DELETE', 'DELETE'] : ['POST', 'PUT', 'POST', 'POST', 'DELETE'],
    );
    expectLeftAsFound(vendor, store);
    await expectNoToken(outcome);
  });

  test('a step in the middle fails: cleanup still deletes what was created, exit 1', async () => {
    store = await startStoreDouble({ vendor, token, productId, failOn: [middleStep[vendor]] });
    const outcome = await verify(args(vendor, store.url), env(vendor, false));

    expect(outcome.violations.some((v) => v.includes(' 500: ') && v.includes('did not succeed'))).toBe(true);
    expect(outcome.violations.at(-1)).toMatch(/^--write stopped: .* did not succeed; cleanup ran$/);
    expect(outcome.checks.at(-1)).toMatch(/^ok {3}delete(Variation 200|ProductVariant 204): delete (variation|variant) 500, which this run created$/);
    expect(outcome.code).toBe(1);
    expectLeftAsFound(vendor, store);
    await expectNoToken(outcome);
  });

  test('the answer to the create is lost: the run finds what it created by its SKU and deletes it, exit 2', async () => {
    store = await startStoreDouble({ vendor, token, productId, cutAnswerTo: [vendor === 'ecwid' ? 'POST combinations' : 'POST variants'] });
    const outcome = await verify(args(vendor, store.url), env(vendor, false));

    expect(outcome.checks.at(-1)).toMatch(/^ok {3}delete(Variation 200|ProductVariant 204): delete (variation|variant) 500, which this run created$/);
    expect(outcome.stderr).toMatch(/^verify: store unreachable: .*create(Variation|ProductVariant).*\n$/);
    expect(outcome.code).toBe(2);
    expectLeftAsFound(vendor, store);
    await expectNoToken(outcome);
  });

  test('the create is applied but answered 500: the run finds what it created by its SKU and deletes it, exit 1', async () => {
    store = await startStoreDouble({ vendor, token, productId, failAfterApplying: [vendor === 'ecwid' ? 'POST combinations' : 'POST variants'] });
    const outcome = await verify(args(vendor, store.url), env(vendor, false));

    expect(outcome.violations.some((v) => v.includes(' 500: ') && v.includes('did not succeed'))).toBe(true);
    expect(outcome.checks.at(-1)).toMatch(/^ok {3}delete(Variation 200|ProductVariant 204): delete (variation|variant) 500, which this run created$/);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    expectLeftAsFound(vendor, store);
    await expectNoToken(outcome);
  });

  test('the create is refused with a documented 4xx: nothing was created, nothing is looked for', async () => {
    store = await startStoreDouble({ vendor, token, productId, drift: false, refuseCreate: true });
    const outcome = await verify(args(vendor, store.url), env(vendor, false));

    expect(outcome.violations.some((v) => /create(Variation|ProductVariant) 4\d\d: .*did not succeed/.test(v))).toBe(true);
    expect(store.seen.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST']);
    // The read-only listing (and its pages) only: no search by SKU after the refusal.
    expect(outcome.checks.filter((c) => c.includes('look for'))).toEqual([]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('');
  });

  test('interrupted while a step is under way: that step ends, cleanup runs, exit 2', async () => {
    const signals = new EventEmitter();
    store = await startStoreDouble({
      vendor,
      token,
      productId,
      beforeAnswer: ({ method, path }) => {
        if (method === 'PUT' && path === updatePath[vendor]) signals.emit('SIGTERM');
      },
    });
    const outcome = await verify(args(vendor, store.url), env(vendor, false), signals);

    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/verify: interrupted by SIGTERM; nothing it created is left\n$/);
    expect(store.seen.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST', 'PUT', 'DELETE']);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
    expectLeftAsFound(vendor, store);
    await expectNoToken(outcome);
  });
});

test('a second signal while the delete is under way: summary and JUnit file still written, the variation "may remain", exit 2', async () => {
  const signals = new EventEmitter();
  const junit = join(await mkdtemp(join(tmpdir(), 'verify-')), 'report.xml');
  let stdout = '';
  let stderr = '';
  let exited: { code: number; stdout: string; stderr: string; junit: string } | undefined;
  store = await startStoreDouble({
    vendor: 'ecwid',
    token,
    productId,
    beforeAnswer: ({ method, path }) => {
      if (method === 'PUT' && path === updatePath.ecwid) signals.emit('SIGINT');
      if (method === 'DELETE' && path === updatePath.ecwid) signals.emit('SIGINT');
    },
  });
  await run([...args('ecwid', store.url), '--junit', junit], {
    env: env('ecwid', false),
    stdout: (line) => (stdout += `${line}\n`),
    stderr: (line) => (stderr += `${line}\n`),
    signals,
    // What the process would leave behind, read at the moment it exits.
    exit: (code) => (exited = { code, stdout, stderr, junit: readFileSync(junit, 'utf8') }),
  });

  expect(exited?.code).toBe(2);
  const outcome = parseOutput(exited!.code, exited!.stdout, exited!.stderr);
  expect(outcome.stdout).toMatch(/\nverify: \d+ passed, 0 failed, \d+ notes\n$/);
  // One testcase per check, and one whose <error> says why the run did not end.
  expect(exited!.junit.match(/<testcase /g)).toHaveLength(outcome.checks.length + 1);
  expect(exited!.junit).toMatch(/<error type="cannot-run" message="SIGINT again: stopped before cleanup finished; [^"]*">/);
  expect(outcome.stderr).toMatch(/verify: SIGINT again: stopped before cleanup finished; delete by hand: may remain: 500 \(its delete was under way when verify stopped\)\n$/);
  expect(outcome.stderr).not.toContain('created and not deleted');
  await expectNoToken(outcome, junit);
});

/**
 * An Ecwid double that calls `interrupt` when the update step arrives and answers it once that
 * resolves: when the command says it has seen the signal, so the step under way ends after the
 * signal however slowly the command notices it (no fixed hold to outlast under load).
 */
const interruptAtUpdate = (interrupt: () => Promise<void>) =>
  startStoreDouble({
    vendor: 'ecwid',
    token,
    productId,
    beforeAnswer: async ({ method, path }) => {
      if (method === 'PUT' && path === updatePath.ecwid) await interrupt();
    },
  });

/** Resolves once the command's stderr (read so far by `text`) includes `line`. */
const printed = (stderr: Readable, text: () => string, line: string) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (!text().includes(line)) return;
      stderr.off('data', check);
      resolve();
    };
    stderr.on('data', check);
    check();
  });

const stopping = 'stopping after the current request, then deleting what this run created';

test('the command, sent SIGINT mid-run, deletes what it created before it exits', async () => {
  let interrupt: () => Promise<void> = async () => {};
  store = await interruptAtUpdate(() => interrupt());
  // Node itself, one process: `npx` would put npm and its shell between the signal and the command.
  const child = spawn(process.execPath, cliArgs(['verify', ...args('ecwid', store.url)]), {
    env: { ...process.env, ...env('ecwid', false) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  interrupt = () => {
    child.kill('SIGINT');
    return printed(child.stderr, () => stderr, stopping);
  };
  const [code] = (await once(child, 'exit')) as [number];
  const outcome = parseOutput(code, stdout, stderr);

  expect(outcome.stderr).toContain('verify: SIGINT: stopping after the current request, then deleting what this run created');
  expect(outcome.stderr).toMatch(/verify: interrupted by SIGINT; nothing it created is left\n$/);
  expect(outcome.code).toBe(2);
  expectLeftAsFound('ecwid', store);
  await expectNoToken(outcome);
}, 30_000);

test("run by npm, the end of npm's shell around it counts as the signal: the step under way ends, cleanup runs", async () => {
  // npx passes SIGINT/SIGTERM only to its `sh -c`, which ends without passing it on: the command
  // notices the shell is gone, as `commerce-variants mock` does (src/cli/launcher.ts).
  let shell: ReturnType<typeof startCommand> | undefined;
  store = await interruptAtUpdate(() => {
    shell!.child.kill('SIGTERM');
    // The command keeps the shell's stderr pipe open after the shell ends.
    return printed(shell!.child.stderr!, shell!.stderr, stopping);
  });
  const command = [process.execPath, ...cliArgs(['verify', ...args('ecwid', store.url)])].map((arg) => `'${arg}'`).join(' ');
  shell = startCommand('sh', ['-c', command], projectRoot, undefined, { ...process.env, ...env('ecwid', false), npm_command: 'exec' });
  // The shell's exit code is the signal's; the command's own ends with its output.
  const outcome = parseOutput((await shell.exited) ?? -1, shell.stdout(), shell.stderr());

  expect(outcome.stderr).toContain("verify: npm's signal: stopping after the current request, then deleting what this run created");
  expect(outcome.stderr).toMatch(/verify: interrupted by npm's signal; nothing it created is left\n$/);
  expect(store.seen.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST', 'PUT', 'DELETE']);
  expectLeftAsFound('ecwid', store);
  await expectNoToken(outcome);
}, 30_000);
