// The package as a user installs it: packed with `npm pack`, installed into a fresh project, its
// entry points imported by Node, and a strict TypeScript consumer per client type-checked against
// the shipped declarations, with no `any` let through.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, readApis } from '../scripts/apis.js';
import { vendorClient } from '../scripts/clients.js';
import { clientSnippet } from '../scripts/docs-index.js';
import { type Consumer, consumersDir, installPackedPackage } from './support/consumer.js';

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { types: string; default: string }>;
};
const entryPoints = Object.keys(pkg.exports).filter((entry) => entry !== './package.json');
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
      }));`),
  ) as Record<string, string>;
  expect(Object.keys(names).sort()).toEqual([...errorClasses].sort());
  for (const [exported, name] of Object.entries(names)) expect(name, exported).toBe(exported);
});

describe.each(Object.entries(resolutions))('TypeScript, moduleResolution %s', (_, resolution) => {
  test.each(clients.map(({ api }) => api.name))('the %s consumer type-checks strictly with no any', async (name) => {
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
  let output = '';

  beforeAll(async () => {
    for (const { file, code } of snippets) await writeFile(join(consumer.dir, file), code);
    // What a Node project has: its own libs and @types/node, no DOM.
    const node = { ...strict, ...resolutions.nodenext, lib: ['ES2022'], types: ['node'] };
    output = (await consumer.tsc(node, snippets.map(({ file }) => file))).output;
  }, 120_000);

  test('README.md has ts blocks, each with its own imports', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const { line, code } of blocks) expect(code, `README.md line ${line}`).toMatch(/^import /m);
  });

  test.each(snippets)('$name', ({ file }) => {
    expect(output.split('\n').filter((line) => line.startsWith(file))).toEqual([]);
  });

  test('nothing else in the program fails', () => {
    expect(output.split('\n').filter((line) => / error TS\d+/.test(line))).toEqual([]);
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
