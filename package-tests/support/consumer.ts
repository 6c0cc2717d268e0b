// A fresh project outside the repository with the packed tarball installed, as a user would have
// it: `npm pack` (its prepack builds dist/), then `npm install <tarball>` from the registry's view.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../scripts/apis.js';

const run = promisify(execFile);
export const consumersDir = join(projectRoot, 'package-tests', 'consumers');
const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const { devDependencies } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const prismPackage = '@stoplight/prism-cli';

export interface Consumer {
  dir: string;
  /** Paths inside the tarball. */
  packed: { files: string[] };
  /** Runs an ES module snippet in the consumer project and returns what it printed. */
  node(source: string): Promise<string>;
  /** Runs the project's TypeScript on the consumer with the given tsconfig compilerOptions. */
  tsc(compilerOptions: Record<string, unknown>, files: string[]): Promise<{ ok: boolean; output: string }>;
  /** Runs `body` with Prism moved out of the project's node_modules, as if never installed. */
  withoutPrism<T>(body: () => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

export async function installPackedPackage(): Promise<Consumer> {
  const dir = await mkdtemp(join(tmpdir(), 'commerce-variants-consumer-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: projectRoot, maxBuffer: 1 << 26 });
  const [pack] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // One install, as a user's project has it: the package, Prism (its optional peer dependency, for
  // the mocks), vitest (the README's mock example is a vitest suite) and @types/node (README
  // snippets use `process` and `node:fs`), at the versions pinned here.
  const companions = [prismPackage, 'vitest', '@types/node'].map((name) => `${name}@${devDependencies[name]}`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', join(dir, pack.filename), ...companions], {
    cwd: dir,
  });
  for (const file of await readdir(consumersDir)) await copyFile(join(consumersDir, file), join(dir, file));

  return {
    dir,
    packed: { files: pack.files.map((f) => f.path) },
    async node(source) {
      return (await run(process.execPath, ['--input-type=module', '-e', source], { cwd: dir })).stdout;
    },
    async tsc(compilerOptions, files) {
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
      try {
        const { stdout } = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFiles'], { cwd: dir });
        return { ok: true, output: stdout };
      } catch (error) {
        return { ok: false, output: (error as { stdout: string }).stdout };
      }
    },
    async withoutPrism(body) {
      const installed = join(dir, 'node_modules', prismPackage);
      await rename(installed, `${installed}.hidden`);
      try {
        return await body();
      } finally {
        await rename(`${installed}.hidden`, installed);
      }
    },
    async remove() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
