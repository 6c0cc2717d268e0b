// Every script in examples/ runs to the end against fresh fake stores, as a user would run it with
// tsx (built here with esbuild, as tsx does, but once per run: support/build-children.ts): the
// examples stop with an error on any error answer, and the fakes answer every request the spec does
// not allow with one (their answers are checked against the spec too), so a green run means each
// request was valid and each answer handled. The fakes keep state, so a test can read
// back what an example changed. Each run goes through recorders in front of the fakes, so a test
// can see what the example sent.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, inject, test, vi } from 'vitest';
import { projectRoot } from '../scripts/apis.js';
import { createFakeStore } from '../src/testing/index.js';
import { type Recorder, startRecorder } from './support/recorder.js';
import type { Listening } from './support/loopback.js';

const run = promisify(execFile);
const examples = readdirSync(join(projectRoot, 'examples')).filter((file) => file.endsWith('.ts'));

let running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.map((server) => server.close()));
  running = [];
});

// Below each test's own 30 s: a hung example is ended by the test that started it.
const exampleTimeoutMs = 20_000;

/**
 * Runs examples/`example` against a fresh fake store of each vendor (their default catalogue, the
 * one the examples' IDs name); its output, the requests it sent to each, and the stores. Its
 * environment is the fakes' URLs, `env` and what Node needs to start: never the developer's own
 * store credentials or IDs, which would otherwise override the examples' defaults.
 */
async function runExample(example: string, env: Record<string, string> = {}) {
  const stores = { ecwid: createFakeStore('ecwid'), bigcommerce: createFakeStore('bigcommerce') };
  const fakes = await Promise.all([stores.ecwid.listen(), stores.bigcommerce.listen()]);
  const recorders = await Promise.all(fakes.map((fake) => startRecorder(fake.url)));
  running.push(...recorders, ...fakes.map((fake) => ({ url: fake.url, close: () => fake.stop() })));
  const [toEcwid, toBigCommerce] = recorders as [Recorder, Recorder];
  const { PATH, TMPDIR } = process.env;
  const { stdout, stderr } = await run(process.execPath, [join(inject('childrenBuild'), 'examples', example.replace(/\.ts$/, '.js'))], {
    cwd: projectRoot,
    timeout: exampleTimeoutMs,
    killSignal: 'SIGKILL',
    env: { ...(PATH && { PATH }), ...(TMPDIR && { TMPDIR }), ECWID_BASE_URL: toEcwid.url, BIGCOMMERCE_BASE_URL: toBigCommerce.url, ...env },
  });
  return { stdout, stderr, ecwid: toEcwid, bigcommerce: toBigCommerce, stores };
}

test('there are examples', () => {
  expect(examples.length).toBeGreaterThanOrEqual(4);
});

// What each example must print: every task it shows, each on its own line.
const expectedOutput: Record<string, RegExp[]> = {
  'ecwid-variations.ts': [/^\d+ \S+ \S+$/m, /^not changing variation \d+/m],
  'ecwid-image.ts': [/^image from bytes: \d+$/m, /^image from URL: \d+$/m, /^image on its way: \d+$/m, /^refused: ERR_IMAGE_FORMAT$/m],
  'bigcommerce-image.ts': [/^stored at https?:\/\/\S+(\n|.)*^stored at https:\/\/\S+$/m],
  'bigcommerce-all-variants.ts': [/^[1-9]\d* variants$/m],
};

test('every example has its expected output', () => {
  expect(Object.keys(expectedOutput).sort()).toEqual([...examples].sort());
});

type ExampleRun = Awaited<ReturnType<typeof runExample>>;

// What a developer running the suite may have in their own environment: a real store's credentials
// and IDs. Every example runs with these set, and none may reach the example's requests.
const developersOwn = {
  ECWID_TOKEN: 'developer-real-ecwid-token',
  ECWID_STORE_ID: '999001',
  BIGCOMMERCE_ACCESS_TOKEN: 'developer-real-bigcommerce-token',
  BIGCOMMERCE_STORE_HASH: 'devstore',
};

// What one run of an example also shows, beyond its output.
const alsoShown: Record<string, (run: ExampleRun) => Promise<void>> = {
  // It changes nothing in a store unless asked to (ECWID_NEW_PRICE, below).
  'ecwid-variations.ts': async ({ ecwid, stdout }) => {
    expect(ecwid.requests.map(({ method }) => method)).toEqual(['GET']);
    expect(stdout).toMatch(/^not changing variation \d+: set ECWID_NEW_PRICE to set its price$/m);
  },
  // The store keeps the file it uploads, byte for byte.
  'bigcommerce-image.ts': async ({ stdout }) => {
    const [, stored] = /^stored at (\S+)$/m.exec(stdout)!;
    const served = Buffer.from(await (await fetch(stored!)).arrayBuffer());
    expect(served.equals(readFileSync(join(projectRoot, 'examples', 'shirt-red-l.jpg')))).toBe(true);
  },
};

test.each(examples)('examples/%s runs against the fake stores, every request valid, no credential of the developer in it', async (example) => {
  for (const [name, value] of Object.entries(developersOwn)) vi.stubEnv(name, value);
  try {
    const run = await runExample(example);
    expect(run.stderr).toBe('');
    for (const line of expectedOutput[example] ?? []) expect(run.stdout).toMatch(line);
    const answers = [...run.ecwid.answers, ...run.bigcommerce.answers];
    expect(answers.length).toBeGreaterThan(0);
    // A fake names what it found wrong with a request in sl-violations, as Prism does: no example
    // expects an error.
    for (const answer of answers) {
      expect(answer.headers.get('sl-violations')).toBeNull();
      expect(answer.status).toBeLessThan(300);
    }
    for (const { url, headers } of [...run.ecwid.requests, ...run.bigcommerce.requests]) {
      expect(JSON.stringify({ url, headers })).not.toMatch(/developer-real|999001|devstore/);
    }
    await alsoShown[example]?.(run);
  } finally {
    vi.unstubAllEnvs();
  }
}, 30_000);

test('ecwid-variations.ts sets the price when asked to, and the store holds it', async () => {
  const changed = await runExample('ecwid-variations.ts', { ECWID_NEW_PRICE: '24.99' });
  const put = changed.ecwid.requests.find(({ method }) => method === 'PUT');
  expect(JSON.parse(put!.body.toString())).toEqual({ price: 24.99 });
  expect(changed.stdout).toMatch(/^set the price of variation \d+ to 24.99: updated 1 variation$/m);
  const [, id] = /^set the price of variation (\d+)/m.exec(changed.stdout)!;
  const read = await changed.stores.ecwid.fetch(`http://fake/products/692730761/combinations/${id}`, { headers: { Authorization: 'Bearer any' } });
  expect(((await read.json()) as { price: number }).price).toBe(24.99);
}, 30_000);
