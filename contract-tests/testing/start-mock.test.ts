// startMock from `commerce-variants/testing`, as a user's global setup calls it, and what it needs:
// the bundled specs through the package's exports, and Prism from the user's own install.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { projectRoot, readApis } from '../../scripts/apis.js';
import { bundledApis, createEcwidMockClient, MockError, specPath, startMock } from '../../src/testing/index.js';
import { freePort } from '../../src/testing/ports.js';
import { prismCli, prismPackage, startPrism, testedPrismVersion } from '../../src/testing/prism.js';
import { prismProcesses } from './processes.js';

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

// The three Prism start-ups run side by side: most of their time is Prism loading its modules.
test.concurrent('startMock serves the API on a free loopback port until stop(), which ends Prism', async ({ expect }) => {
  const mock = await startMock('ecwid');
  const port = Number(new URL(mock.url).port);
  expect(mock.url).toBe(`http://127.0.0.1:${port}`);
  expect(prismProcesses(port)).toHaveLength(1);

  const ecwid = createEcwidMockClient(mock.url);
  const { data, response } = await ecwid.GET('/products/{productId}/combinations', {
    params: { path: { productId: 692730761 } },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('sl-violations')).toBeNull();
  expect(data?.[0]?.id).toEqual(expect.any(Number));

  await mock.stop();
  expect(prismProcesses(port)).toEqual([]);
  await mock.stop(); // a second stop is harmless
});

test.concurrent('a Prism that exits before it listens is reported with its own reason, on one line', async ({ expect }) => {
  await expect(startPrism(join(tmpdir(), 'no-such-spec.json'), { port: await freePort() })).rejects.toMatchObject({
    code: 'PRISM_FAILED',
    message: expect.stringMatching(/^Prism exited with code 1 before listening: Error opening file ".*no-such-spec\.json"$/),
  });
});

test.concurrent('a Prism that neither listens nor exits is stopped after the start timeout, with one line', async ({ expect }) => {
  // A spec file that is a FIFO no one writes to: Prism waits to read it forever, printing nothing.
  // A short timeout is as good as a long one here (it cannot listen), and stops it before it has
  // spent a second of CPU loading its modules.
  const dir = await mkdtemp(join(tmpdir(), 'prism-hang-'));
  const spec = join(dir, 'spec.json');
  execFileSync('mkfifo', [spec]);
  const port = await freePort();
  try {
    await expect(startPrism(spec, { port, startTimeoutMs: 200 })).rejects.toMatchObject({
      code: 'PRISM_FAILED',
      message: 'Prism did not start listening within 0.2 s, and was stopped',
    });
    expect(prismProcesses(port)).toEqual([]);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('startMock refuses a port in use at once, with a one-line MockError', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const { port } = taken.address() as { port: number };
  try {
    const error = await startMock('bigcommerce', { port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockError);
    expect(error).toMatchObject({ code: 'PORT_IN_USE', message: `port ${port} on 127.0.0.1 is already in use` });
    expect(prismProcesses(port)).toEqual([]);
  } finally {
    taken.close();
  }
});

test.each([
  ['an unknown api', () => startMock('shopify' as never), 'UNKNOWN_API', "unknown api 'shopify': choose one of ecwid, bigcommerce"],
  ['a port out of range', () => startMock('ecwid', { port: 0 }), 'BAD_PORT', 'port 0 is not a port number (1-65535)'],
])('startMock rejects %s', async (_, start, code, message) => {
  await expect(start()).rejects.toMatchObject({ name: 'MockError', code, message });
});

test('without Prism where the package is installed, the error is one line saying what to install', async () => {
  const elsewhere = await mkdtemp(join(tmpdir(), 'no-prism-'));
  try {
    let error: unknown;
    try {
      prismCli(pathToFileURL(join(elsewhere, 'index.js')));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MockError);
    expect(error).toMatchObject({
      code: 'PRISM_MISSING',
      message: 'Prism is not installed: npm install -D @stoplight/prism-cli@5.14.2',
    });
  } finally {
    await rm(elsewhere, { recursive: true });
  }
  // Found from this module, Prism is the repository's own pinned install.
  expect(prismCli()).toBe(join(projectRoot, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
});

test('Prism is an optional peer dependency whose range holds the pinned, tested release', () => {
  expect(pkg.devDependencies[prismPackage]).toBe(testedPrismVersion);
  expect(pkg.peerDependencies[prismPackage]).toBe(`~${testedPrismVersion}`);
  expect(pkg.peerDependenciesMeta[prismPackage]?.optional).toBe(true);
});

test('every API in redocly.yaml has a bundled spec, found through the package exports', () => {
  expect(Object.keys(bundledApis).sort()).toEqual(readApis().map((api) => api.name).sort());
  expect(pkg.exports['./specs/*.openapi.json']).toBe('./generated/*.openapi.json');
  for (const api of readApis()) {
    expect(specPath(api.name as keyof typeof bundledApis)).toBe(join(projectRoot, 'generated', `${api.name}.openapi.json`));
  }
});
