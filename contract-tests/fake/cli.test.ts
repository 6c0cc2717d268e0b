// `commerce-variants mock <api> --stateful`: the fake store from the command line, without Prism.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test, vi } from 'vitest';
import { run } from '../../src/cli/mock.js';
import { freePort } from '../../src/testing/ports.js';
import { firstLine, startCli } from '../testing/cli.js';
import { prismProcesses } from '../testing/processes.js';

const variations = '/products/692730761/combinations';
const auth = { Authorization: 'Bearer secret_example' };

test('serves a store that keeps state, logs one line per answer, and stops on SIGTERM without Prism', async () => {
  const port = await freePort();
  const cli = startCli(['mock', 'ecwid', '--stateful', '--port', String(port), '--rate-limit', 'off'], port);
  const url = `http://127.0.0.1:${port}`;
  expect(await firstLine(cli)).toBe(`ecwid mock: ${url}`);
  expect(prismProcesses(port)).toEqual([]);

  const before = (await (await fetch(`${url}${variations}`, { headers: auth })).json()) as unknown[];
  const created = await fetch(`${url}${variations}`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ sku: 'CLI-1', options: [{ name: 'Mark', value: 'IV' }] }),
  });
  expect(created.headers.get('sl-violations')).toBeNull();
  expect(created.status).toBe(200);
  const after = (await (await fetch(`${url}${variations}?lang=en`, { headers: auth })).json()) as unknown[];
  expect(after.length).toBe(before.length + 1);

  cli.child.kill('SIGTERM');
  expect(await cli.exited).toBe(0);
  expect(cli.stderr().split('\n').filter(Boolean)).toEqual([
    `GET ${variations} 200`,
    `POST ${variations} 200`,
    `GET ${variations} 200`,
  ]);
  await expect(fetch(url)).rejects.toThrow();
});

test('--rate-limit N/SECONDS and --seed: the quota and the state given', async () => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fake-seed-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify({ products: [{ id: 5, options: [], combinations: [] }] }));
  const cli = startCli(['mock', 'ecwid', '--stateful', '--port', String(port), '--seed', seedFile, '--rate-limit', '2/60'], port);
  const url = `http://127.0.0.1:${port}`;
  await firstLine(cli);
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/products/5/combinations`, { headers: auth })).status);
  expect(statuses).toEqual([200, 200, 429]);
  expect((await fetch(`${url}${variations}`, { headers: { Authorization: 'Bearer another' } })).status).toBe(404);
  cli.child.kill('SIGINT');
  expect(await cli.exited).toBe(0);
});

// In-process: the arguments are refused before anything starts, so no child process is needed.
test.for([
  [['--rate-limit', '20/0.2'], 'needs --stateful'],
  [['--stateful', '--rate-limit', 'fast'], 'is not N/SECONDS'],
  [['--stateful', '--faults', '2'], 'is not RATE[:SEED]'],
  [['--stateful', '--async-delay', 'soon'], 'is not a number of milliseconds'],
  [['--stateful', '--seed', '/nonexistent/seed.json'], 'cannot read the seed'],
] as const)('mock ecwid %j exits 2 naming the problem', async ([args, reason]) => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  onTestFinished(() => errors.mockRestore());
  expect(await run(['ecwid', ...args])).toBe(2);
  expect(errors.mock.calls.flat().join('\n')).toContain(reason);
});

test('a seed that breaks the seed schema exits 2 with the schema\'s complaint', async () => {
  const seedFile = join(mkdtempSync(join(tmpdir(), 'fake-seed-')), 'seed.json');
  writeFileSync(seedFile, JSON.stringify({ products: [{ id: 'five' }] }));
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  onTestFinished(() => errors.mockRestore());
  expect(await run(['ecwid', '--stateful', '--seed', seedFile])).toBe(2);
  expect(errors.mock.calls.flat().join('\n')).toMatch(/seed does not match its schema: \/products\/0\/id/);
});
