// The package as a user installs it: packed with `npm pack`, installed into a fresh project (with
// Prism, its optional peer dependency), its entry points imported by Node, a strict TypeScript
// consumer per client and for the testing entry point type-checked against the shipped
// declarations with no `any` let through, and its `commerce-variants mock` and `verify` run through npx.
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { projectRoot, readApis } from '../scripts/apis.js';
import { vendorClient } from '../scripts/clients.js';
import { clientSnippet } from '../scripts/docs-index.js';
import { exampleRequest } from '../scripts/example-request.js';
import { firstLine, startCommand } from '../contract-tests/testing/cli.js';
import { prismProcesses, processes, processesForPort } from '../contract-tests/testing/processes.js';
import { env as verifyEnv, expectNoToken, parseOutput, token } from '../contract-tests/verify/run-verify.js';
import { expectedReport, productId, startStoreDouble, type Vendor } from '../contract-tests/verify/store-double.js';
import { freePort } from '../src/testing/ports.js';
import { png, seedFor, sku } from '../contract-tests/sync/stores.js';
import { type Consumer, consumersDir, installPackedPackage } from './support/consumer.js';

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};
/** The entry points with code (`types` and `default`); the others map plain files such as the specs. */
const entryPoints = Object.keys(pkg.exports).filter((entry) => typeof pkg.exports[entry] === 'object');
const apiNames = readApis().map((api) => api.name);
const installPrism = 'npm install -D @stoplight/prism-cli@5.14.2';
const run = promisify(execFile);
const specifier = (entry: string) => (entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`);
const clients = (await Promise.all(readApis().map(async (api) => ({ api, client: await vendorClient(api.name) })))).filter(
  (c) => c.client !== undefined,
);

const strict = {
  strict: true,
  noImplicitAny: true,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  // Nothing from @types: the package's declarations must stand on TypeScript's own libs.
  types: [],
  // Check the package's .d.ts files too, not only the consumer's code.
  skipLibCheck: false,
};
const resolutions = {
  nodenext: { module: 'NodeNext', moduleResolution: 'NodeNext' },
  bundler: { module: 'ESNext', moduleResolution: 'Bundler' },
};

const errorClasses = Object.entries(await import('../src/errors.js'))
  .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
  .map(([name]) => name);

let consumer: Consumer;

beforeAll(async () => {
  consumer = await installPackedPackage();
}, 300_000);

afterAll(async () => {
  await consumer?.remove();
});

test('the tarball holds dist/src, dist/generated, generated/, openapi/ and the project files, and nothing else', () => {
  expect(pkg.bin).toEqual({ 'commerce-variants': './dist/src/cli/main.js' });
  expect(consumer.packed.files).toContain('dist/src/cli/main.js');
  for (const api of apiNames) expect(consumer.packed.files).toContain(`generated/${api}.openapi.json`);
  const allowed = /^(dist\/src\/|dist\/generated\/|generated\/|openapi\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/;
  expect(consumer.packed.files.filter((file) => !allowed.test(file))).toEqual([]);
  expect(consumer.packed.files.filter((file) => file.startsWith('dist/docs'))).toEqual([]);
  for (const entry of entryPoints) {
    const target = pkg.exports[entry] as { types: string; default: string };
    expect(consumer.packed.files).toContain(target.types.slice(2));
    expect(consumer.packed.files).toContain(target.default.slice(2));
  }
});

test('the package ships its LICENSE (MIT) and CHANGELOG.md', async () => {
  expect(consumer.packed.files).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md']));
  const installed = join(consumer.dir, 'node_modules', pkg.name);
  expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 commerce-variants contributors/);
  expect(readFileSync(join(installed, 'CHANGELOG.md'), 'utf8')).toContain('## Versioning policy');
});

test('every API with a client in src/ has its own entry point and a consumer here', () => {
  for (const { api } of clients) {
    expect(entryPoints, `exports["./${api.name}"] in package.json`).toContain(`./${api.name}`);
    expect(existsSync(join(consumersDir, `${api.name}.ts`)), `package-tests/consumers/${api.name}.ts`).toBe(true);
  }
});

test.each(entryPoints)('Node imports %s', async (entry) => {
  const names = JSON.parse(
    await consumer.node(`console.log(JSON.stringify(Object.keys(await import('${specifier(entry)}'))))`),
  ) as string[];
  expect(names.length).toBeGreaterThan(0);
});

test('the root entry point exports every client factory (the same functions) and the error classes', async () => {
  const factories = clients.map(({ client }) => client!);
  const report = JSON.parse(
    await consumer.node(`
      const root = await import('${pkg.name}');
      const same = {};
      for (const { entry, factory } of ${JSON.stringify(factories)}) {
        const vendor = await import('${pkg.name}/' + entry.slice(2));
        same[factory] = typeof root[factory] === 'function' && root[factory] === vendor[factory];
      }
      const errors = ${JSON.stringify(errorClasses)}.filter((name) => root[name]?.prototype instanceof Error);
      console.log(JSON.stringify({ same, errors }));`),
  ) as { same: Record<string, boolean>; errors: string[] };
  expect(report.same).toEqual(Object.fromEntries(factories.map((f) => [f.factory, true])));
  expect(report.errors).toEqual(errorClasses);
});

test('the error classes keep their names in a minified bundle of the package', async () => {
  // Bundlers rename classes when they minify; error.name must still say which error it is.
  await build({
    stdin: { contents: `export * from '${pkg.name}';`, resolveDir: consumer.dir },
    bundle: true,
    minify: true,
    format: 'esm',
    outfile: join(consumer.dir, 'minified.mjs'),
    logLevel: 'silent',
  });
  const names = JSON.parse(
    await consumer.node(`
      const errors = await import('./minified.mjs');
      const details = { operationId: 'getVariation', method: 'GET', url: 'https://example.com/', attempts: 1 };
      console.log(JSON.stringify({
        RequestFailedError: new errors.RequestFailedError('failed', details).name,
        RequestTimeoutError: new errors.RequestTimeoutError({ ...details, timeoutMs: 5 }).name,
        RequestAbortedError: new errors.RequestAbortedError(details).name,
        NetworkError: new errors.NetworkError({ ...details, code: 'ECONNRESET' }).name,
        UploadRejectedError: new errors.UploadRejectedError('ERR_IMAGE_FORMAT', 'not an image').name,
        HttpError: new errors.HttpError('getProductVariants', new Response(null, { status: 404 }), {}).name,
        PagingError: new errors.PagingError('getProductVariants', 2, 1).name,
      }));`),
  ) as Record<string, string>;
  expect(Object.keys(names).sort()).toEqual([...errorClasses].sort());
  for (const [exported, name] of Object.entries(names)) expect(name, exported).toBe(exported);
});

describe.each(Object.entries(resolutions))('TypeScript, moduleResolution %s', (_, resolution) => {
  test.each([...clients.map(({ api }) => api.name), 'testing'])('the %s consumer type-checks strictly with no any', async (name) => {
    const { ok, output } = await consumer.tsc({ ...strict, ...resolution }, [`${name}.ts`]);
    expect(ok, output).toBe(true);
    // Only declarations from the package: its raw generated/*.ts must never enter a consumer's build.
    const fromPackage = output.split('\n').filter((file) => file.includes(`node_modules/${pkg.name}/`));
    expect(fromPackage.length).toBeGreaterThan(0);
    expect(fromPackage.filter((file) => !file.endsWith('.d.ts'))).toEqual([]);
  });
});

// Every ```ts block of README.md, whoever wrote it, and the docs index's client examples, compiled in
// one program of the fresh project: each block is a module with its own imports, so it stands alone.
describe('code users copy compiles under --strict with TypeScript 5.9', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```ts\n([^]*?)^```$/gm)].map((match) => ({
    line: readme.slice(0, match.index).split('\n').length,
    code: match[1]!,
  }));
  const snippets = [
    ...blocks.map(({ line, code }) => ({ name: `README.md line ${line}`, file: `readme-${line}.ts`, code })),
    ...clients.map(({ api, client }) => ({
      name: `docs index, ${api.name}`,
      file: `docs-index-${api.name}.ts`,
      code: clientSnippet(api.name, client!, pkg.name, 'http://127.0.0.1:4010'),
    })),
  ];
  // The README's `satisfies` snippet with its typo made: caught with `satisfies`, and (as the README
  // warns) not caught in an inline body without it.
  const guarded = blocks.find(({ code }) => code.includes('satisfies EcwidVariationUpdate'));
  const typos = guarded && {
    caught: { file: 'readme-typo-satisfies.ts', code: guarded.code.replace('quantity: 3', 'quantiy: 3') },
    missed: { file: 'readme-typo-inline.ts', code: guarded.code.replace('quantity: 3', 'quantiy: 3').replace(' satisfies EcwidVariationUpdate', '') },
  };
  let output = '';

  beforeAll(async () => {
    for (const { file, code } of [...snippets, ...Object.values(typos ?? {})]) await writeFile(join(consumer.dir, file), code);
    // What a Node project has: its own libs and @types/node, no DOM.
    const node = { ...strict, ...resolutions.nodenext, lib: ['ES2022'], types: ['node'] };
    output = (await consumer.tsc(node, [...snippets, ...Object.values(typos ?? {})].map(({ file }) => file))).output;
  }, 120_000);

  test('README.md has ts blocks, each with its own imports', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const { line, code } of blocks) expect(code, `README.md line ${line}`).toMatch(/^import /m);
  });

  test.each(snippets)('$name', ({ file }) => {
    expect(output.split('\n').filter((line) => line.startsWith(file))).toEqual([]);
  });

  test('a typo in the README\'s `satisfies` body fails to compile; the same typo in an inline body compiles', () => {
    expect(typos, 'a README block with `satisfies EcwidVariationUpdate`').toBeDefined();
    expect(typos!.caught.code).toContain('quantiy: 3');
    const errorsIn = (file: string) => output.split('\n').filter((line) => line.startsWith(file));
    expect(errorsIn(typos!.caught.file)).toEqual([expect.stringMatching(/error TS(2353|2561): .*'quantiy' does not exist in type/)]);
    expect(errorsIn(typos!.missed.file)).toEqual([]);
  });

  test('nothing else in the program fails', () => {
    const errors = output.split('\n').filter((line) => / error TS\d+/.test(line));
    expect(errors.filter((line) => !line.startsWith(typos?.caught.file ?? '\0'))).toEqual([]);
  });
});

test('the no-any check itself rejects an any', async () => {
  await writeFile(
    join(consumer.dir, 'leaky.ts'),
    `import type { Expect, IsAny, Not } from './checks.js';\ndeclare const data: any;\ntype _ = Expect<Not<IsAny<typeof data>>>;\n`,
  );
  const { ok, output } = await consumer.tsc({ ...strict, ...resolutions.nodenext }, ['leaky.ts']);
  expect(ok).toBe(false);
  expect(output).toContain('TS2344');
});

test('the bin is the compiled command, with its shebang, linked as commerce-variants', async () => {
  const installed = join(consumer.dir, 'node_modules', pkg.name);
  expect(await readFile(join(installed, pkg.bin['commerce-variants']!), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  expect(existsSync(join(consumer.dir, 'node_modules', '.bin', 'commerce-variants'))).toBe(true);
});

test('npx commerce-variants --version, -v and each command\'s --help, from the installed package', async () => {
  const npx = async (...args: string[]) => (await run('npx', ['commerce-variants', ...args], { cwd: consumer.dir })).stdout;
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  expect(await npx('--version')).toBe(`${version}\n`);
  expect(await npx('-v')).toBe(`${version}\n`);
  const commands = [...(await npx('--help')).matchAll(/^ {2}(\w+) {2,}\S/gm)].map((match) => match[1]!);
  expect(commands).toEqual(expect.arrayContaining(['mock', 'verify']));
  for (const command of commands) {
    const help = await npx(command, '--help');
    expect(help, command).toMatch(new RegExp(`^usage: commerce-variants ${command} [^]*\nOptions:\n[^]*\nEnvironment variables:\n[^]*\nExit codes:\n {2}0 `));
  }
  expect(await npx('verify', '--help')).toMatch(/ECWID_STORE_ID[^]*ECWID_TOKEN[^]*BIGCOMMERCE_STORE_HASH[^]*BIGCOMMERCE_ACCESS_TOKEN/);
});

test('installed from the checkout\'s path (npm install --install-links), as the README says before the package is published', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'commerce-variants-from-path-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer-from-path', private: true, type: 'module' }));
  // dist/ is the one `npm pack` built for the consumer above, as `npm run build` in a checkout leaves it.
  await run('npm', ['install', '--no-audit', '--no-fund', '--install-links', projectRoot], { cwd: dir });
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  expect((await run('npx', ['commerce-variants', '--version'], { cwd: dir })).stdout).toBe(`${version}\n`);
  const script = `const { createEcwidClient } = await import('${pkg.name}'); console.log(typeof createEcwidClient);`;
  expect((await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir })).stdout).toBe('function\n');
  // A copy, not a link into the checkout: the checkout can change without changing the project.
  expect(lstatSync(join(dir, 'node_modules', pkg.name)).isSymbolicLink()).toBe(false);
});

test.each(apiNames)('npx commerce-variants mock %s serves the bundled spec and stops Prism on SIGTERM', async (api) => {
  const port = await freePort();
  const cli = startCommand('npx', ['commerce-variants', 'mock', api, '--port', String(port)], consumer.dir, port);
  const url = `http://127.0.0.1:${port}`;
  expect(await firstLine(cli)).toBe(`${api} mock: ${url}`);
  // The Prism running is the one installed next to the package.
  const prism = processesForPort(port).filter(({ args }) => args.some((arg) => arg.includes('prism-cli')));
  expect(prism).toHaveLength(1);
  expect(prism[0]!.args.join(' ')).toContain(join(consumer.dir, 'node_modules', '@stoplight', 'prism-cli'));

  const request = exampleRequest(api, url);
  const response = await fetch(request.url, { headers: request.headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('sl-violations')).toBeNull();

  // As `kill $!` after `npx commerce-variants mock … &` in a CI script: npx passes the signal to the
  // shell it runs the command in, and ends by it itself. Its output closes once the command has ended.
  cli.child.kill('SIGTERM');
  await cli.exited;
  expect(processesForPort(port)).toEqual([]);
});

test('startMock from commerce-variants/testing serves each vendor until stop()', async () => {
  const requests = Object.fromEntries(apiNames.map((api) => [api, exampleRequest(api, '')]));
  const report = JSON.parse(
    await consumer.node(`
      import { startMock } from '${pkg.name}/testing';
      const report = {};
      for (const [api, { url: path, headers }] of Object.entries(${JSON.stringify(requests)})) {
        const mock = await startMock(api);
        const response = await fetch(mock.url + path, { headers });
        await mock.stop();
        const afterStop = await fetch(mock.url + path, { headers }).then(() => 'answered', () => 'refused');
        report[api] = { port: Number(new URL(mock.url).port), status: response.status, violations: response.headers.get('sl-violations'), afterStop };
      }
      console.log(JSON.stringify(report));`),
  ) as Record<string, { port: number; status: number; violations: string | null; afterStop: string }>;
  for (const api of apiNames) {
    expect(report[api]).toMatchObject({ status: 200, violations: null, afterStop: 'refused' });
    expect(prismProcesses(report[api]!.port)).toEqual([]);
  }
});

test('the bundled specs resolve through exports, for import and for one\'s own tooling', async () => {
  const report = JSON.parse(
    await consumer.node(`
      import { fileURLToPath } from 'node:url';
      import { specPath } from '${pkg.name}/testing';
      const report = {};
      for (const api of ${JSON.stringify(apiNames)}) {
        const specifier = '${pkg.name}/specs/' + api + '.openapi.json';
        const { default: spec } = await import(specifier, { with: { type: 'json' } });
        report[api] = { path: fileURLToPath(import.meta.resolve(specifier)), specPath: specPath(api), spec };
      }
      console.log(JSON.stringify(report));`),
  ) as Record<string, { path: string; specPath: string; spec: unknown }>;
  for (const api of apiNames) {
    const shipped = join(consumer.dir, 'node_modules', pkg.name, 'generated', `${api}.openapi.json`);
    expect(report[api]!.path).toBe(shipped);
    expect(report[api]!.specPath).toBe(shipped);
    expect(report[api]!.spec).toEqual(JSON.parse(readFileSync(join(projectRoot, 'generated', `${api}.openapi.json`), 'utf8')));
  }
});

test('the client entry points load neither the testing entry point, the command nor Prism', async () => {
  // A resolve hook that refuses those modules: the client entry points import fine under it (even
  // with Prism uninstalled), and the testing entry point, as a check on the hook, does not.
  const hooks = `export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context);
    if (/\\/dist\\/src\\/(testing|cli)\\/|prism-cli/.test(resolved.url)) throw new Error('loaded ' + resolved.url);
    return resolved;
  }`;
  const clientEntries = entryPoints.filter((entry) => entry !== './testing').map(specifier);
  const report = await consumer.withoutPrism(async () =>
    JSON.parse(
      await consumer.node(`
        import { register } from 'node:module';
        register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));
        const imported = [];
        for (const entry of ${JSON.stringify(clientEntries)}) imported.push(Object.keys(await import(entry)).length > 0);
        const testing = await import('${pkg.name}/testing').then(() => 'loaded', (error) => error.message);
        console.log(JSON.stringify({ imported, testing }));`),
    ),
  ) as { imported: boolean[]; testing: string };
  expect(clientEntries).toEqual(expect.arrayContaining([pkg.name, `${pkg.name}/ecwid`, `${pkg.name}/bigcommerce`]));
  expect(report.imported).toEqual(clientEntries.map(() => true));
  expect(report.testing).toMatch(/^loaded file:.*\/dist\/src\/testing\/index\.js$/);
});

test('without Prism, the command and startMock fail at once with one line saying what to install', async () => {
  await consumer.withoutPrism(async () => {
    const port = await freePort();
    const cli = startCommand('npx', ['commerce-variants', 'mock', 'ecwid', '--port', String(port)], consumer.dir, port);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toBe(`commerce-variants mock: Prism is not installed: ${installPrism}\n`);
    const thrown = await consumer.node(`
      import { startMock } from '${pkg.name}/testing';
      await startMock('ecwid').then(() => console.log('started'), (error) => console.log(error.name + ': ' + error.message));`);
    expect(thrown).toBe(`MockError: Prism is not installed: ${installPrism}\n`);
  });
});

test.each(apiNames)('without Prism, npx commerce-variants mock %s --stateful serves a fake store and stops on SIGTERM', async (api) => {
  await consumer.withoutPrism(async () => {
    const port = await freePort();
    const cli = startCommand('npx', ['commerce-variants', 'mock', api, '--stateful', '--port', String(port)], consumer.dir, port);
    const url = `http://127.0.0.1:${port}`;
    expect(await firstLine(cli)).toBe(`${api} mock: ${url}`);
    const request = exampleRequest(api, url);
    const response = await fetch(request.url, { headers: request.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
    cli.child.kill('SIGTERM');
    await cli.exited;
    expect(cli.stderr()).toContain(`GET ${new URL(request.url).pathname} 200\n`);
    expect(processesForPort(port)).toEqual([]);
  });
});

test('without Prism, createFakeStore answers through its fetch, and the seed schemas resolve through exports', async () => {
  const report = await consumer.withoutPrism(async () =>
    JSON.parse(
      await consumer.node(`
        import { createFakeStore } from '${pkg.name}/testing';
        const report = {};
        for (const api of ${JSON.stringify(apiNames)}) {
          const fake = createFakeStore(api);
          const { default: schema } = await import('${pkg.name}/fake/' + api + '.seed.schema.json', { with: { type: 'json' } });
          report[api] = { snapshot: fake.snapshot(), schemaTitle: schema.title };
        }
        console.log(JSON.stringify(report));`),
    ),
  ) as Record<string, { snapshot: { products: unknown[] }; schemaTitle: string }>;
  for (const api of apiNames) {
    expect(report[api]!.snapshot.products.length).toBeGreaterThan(0);
    expect(report[api]!.schemaTitle).toMatch(/fake store seed/);
  }
});

test('the README\'s vitest example for the mocks runs as written, and leaves no Prism behind', async () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Mocks in your own tests'));
  const files = [...section.slice(0, section.indexOf('\n## ', 1)).matchAll(/^```ts\n\/\/ (\S+)\n([^]*?)^```$/gm)];
  expect(files.map(([, name]) => name)).toEqual(['vitest.global-setup.ts', 'vitest.config.ts', 'variations.test.ts']);
  for (const [, name, code] of files) await writeFile(join(consumer.dir, name!), code!);

  // The consumer's own vitest, without the variables of the vitest running this test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_OPTIONS$)/.test(name)));
  const vitest = join('node_modules', 'vitest', 'vitest.mjs');
  const { stdout } = await run(process.execPath, [vitest, 'run', '--reporter=json'], { cwd: consumer.dir, env });
  expect(JSON.parse(stdout)).toMatchObject({ numPassedTests: 2, numTotalTests: 2, success: true });
  const prismOfConsumer = join(consumer.dir, 'node_modules', '@stoplight', 'prism-cli');
  expect(processes().filter(({ args }) => args.some((arg) => arg.startsWith(prismOfConsumer)))).toEqual([]);
});

// `commerce-variants verify` as a user's CI step runs it, through npx from the installed package:
// against the mock it serves, and against a stand-in store that drifts from the spec.
describe.each(apiNames as Vendor[])('npx commerce-variants verify %s', (api) => {
  const verifyArgs = (baseUrl: string, ...more: string[]) =>
    ['commerce-variants', 'verify', api, '--product', String(productId), '--base-url', baseUrl, ...more];
  const runVerify = async (args: string[]) => {
    const cli = startCommand('npx', args, consumer.dir, undefined, { ...process.env, ...verifyEnv(api, false) });
    const outcome = parseOutput((await cli.exited) ?? -1, cli.stdout(), cli.stderr());
    await expectNoToken(outcome);
    return outcome;
  };

  test('against `npx commerce-variants mock`: exit 0', async () => {
    const port = await freePort();
    const mock = startCommand('npx', ['commerce-variants', 'mock', api, '--port', String(port)], consumer.dir, port);
    await firstLine(mock);
    const outcome = await runVerify(verifyArgs(`http://127.0.0.1:${port}`));
    mock.child.kill('SIGTERM');
    await mock.exited;
    expect(outcome.stdout).toMatch(/\nverify: [1-9]\d* passed, 0 failed, 0 notes\n$/);
    expect(outcome.code).toBe(0);
  });

  test('against a drifted store: exit 1, each drifted field named, GETs only, a JUnit testcase per check', async () => {
    const store = await startStoreDouble({ vendor: api, token, productId, drift: true });
    onTestFinished(() => store.close());
    const junit = join(consumer.dir, `verify-${api}.xml`);
    const outcome = await runVerify(verifyArgs(store.url, '--junit', junit));
    expect(outcome.violations).toEqual(expectedReport[api].drift);
    expect(outcome.notes).toEqual(expectedReport[api].notes);
    expect(outcome.code).toBe(1);
    expect(new Set(store.seen.map((request) => request.method))).toEqual(new Set(['GET']));
    const xml = await readFile(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(outcome.checks.length);
    expect(xml.match(/<failure /g)).toHaveLength(expectedReport[api].drift.length);
    expect(xml).not.toContain(token);
  });

  test('against a store that cannot be reached: exit 2, and a JUnit file with an <error> naming the reason', async () => {
    const junit = join(consumer.dir, `verify-${api}-unreachable.xml`);
    const outcome = await runVerify(verifyArgs(`http://127.0.0.1:${await freePort()}`, '--junit', junit));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^verify: store unreachable: /);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/ tests="1" failures="0" errors="1" /);
    expect(xml).toMatch(/<error type="cannot-run" message="store unreachable: [^"]+">/);
  });

  test('against the same store without drift: exit 0, the undeclared field as a note', async () => {
    const store = await startStoreDouble({ vendor: api, token, productId });
    onTestFinished(() => store.close());
    const outcome = await runVerify(verifyArgs(store.url));
    expect(outcome.violations).toEqual([]);
    expect(outcome.notes).toEqual(expectedReport[api].notes);
    expect(outcome.code).toBe(0);
  });
});

// `commerce-variants sync` from the installed package, against the fake store its own `mock
// --stateful` serves with a quota: the good rows applied and the bad one named (exit 1) with no 429,
// then a second run that writes nothing.
describe.each(apiNames as Vendor[])('npx commerce-variants sync %s', (api) => {
  test('against `npx commerce-variants mock --stateful --rate-limit 20/1`: exit 1, every upload once, no 429; a rerun writes nothing', async () => {
    const dir = await mkdtemp(join(consumer.dir, `sync-${api}-`));
    const lines = ['product_id,sku,image,price'];
    for (let n = 0; n < 30; n++) {
      await writeFile(join(dir, `img${n}.png`), png(n));
      lines.push(`${1000 + (n % 3)},${sku(1000 + (n % 3), Math.floor(n / 3))},img${n}.png,${20 + n}`);
    }
    lines.push('1000,NO-SUCH-SKU,,1');
    await writeFile(join(dir, 'rows.csv'), `${lines.join('\n')}\n`);
    await writeFile(join(dir, 'seed.json'), JSON.stringify(seedFor(api, 3, 10)));
    const port = await freePort();
    const mock = startCommand('npx', ['commerce-variants', 'mock', api, '--stateful', '--port', String(port), '--seed', join(dir, 'seed.json'), '--rate-limit', '20/1'], consumer.dir, port);
    await firstLine(mock);
    const env = { ...process.env, [api === 'ecwid' ? 'ECWID_TOKEN' : 'BIGCOMMERCE_ACCESS_TOKEN']: 'sync-package-token' };
    // Ecwid sends no quota headers: the sync is told the fake's pace, as for an Ecwid plan.
    const args = ['commerce-variants', 'sync', api, join(dir, 'rows.csv'), '--base-url', `http://127.0.0.1:${port}`, ...(api === 'ecwid' ? ['--rate-limit', '20/1'] : [])];
    const first = startCommand('npx', args, consumer.dir, undefined, env);
    expect(await first.exited, first.stderr()).toBe(1);
    expect(first.stdout()).toMatch(/^sync: 30 uploaded, 0 updated, 0 unchanged, 1 not found, 0 failed$/m);
    const answered = () => mock.stderr().split('\n').filter(Boolean);
    expect(answered().filter((line) => line.endsWith(' 429'))).toEqual([]);
    expect(answered().filter((line) => /^POST \S+\/image 200$/.test(line))).toHaveLength(30);

    const before = answered().length;
    const second = startCommand('npx', args, consumer.dir, undefined, env);
    expect(await second.exited, second.stderr()).toBe(1);
    expect(second.stdout()).toMatch(/^sync: 0 uploaded, 0 updated, 30 unchanged, 1 not found, 0 failed$/m);
    expect(answered().slice(before).filter((line) => !line.startsWith('GET '))).toEqual([]);
    mock.child.kill('SIGTERM');
    await mock.exited;
  });
});
