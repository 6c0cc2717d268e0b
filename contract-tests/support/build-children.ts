// Vitest global setup: what the tests start as child processes (the `commerce-variants` command and
// the scripts in examples/), built once per run with esbuild, so that each start is plain Node on
// JavaScript (about 0.2 CPU-s) instead of Node with tsx's loader (about 0.6 CPU-s, every start).
// tsx is esbuild too: this is the same transpile, done once. src/ and generated/ are transpiled file
// for file, keeping their layout, into a directory of build/ of this run's own (named by its
// process), removed at the end: inside the project, so that the package's own name, its
// dependencies and Prism resolve from there as they do from src/. Tests read the directory with
// inject('childrenBuild').
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../scripts/apis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    childrenBuild: string;
  }
}

const typescriptIn = (dir: string) =>
  readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(projectRoot, dir, file));

/** An example imports the package by name, which tsconfig.json (and so tsx) maps to src/: here, the built src/. */
const packageFromSource = (outdir: string): Plugin => ({
  name: 'commerce-variants from the built src',
  setup(build) {
    build.onResolve({ filter: /^commerce-variants$/ }, () => ({ path: relative(join(outdir, 'examples'), join(outdir, 'src', 'index.js')), external: true }));
  },
});

/** Whether the process is still running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function setup(project: TestProject) {
  const builds = join(projectRoot, 'build');
  await mkdir(builds, { recursive: true });
  // Left by runs stopped before their teardown (Ctrl-C): their process is gone.
  for (const entry of readdirSync(builds)) {
    const pid = /^children-(\d+)$/.exec(entry)?.[1];
    if (pid !== undefined && !running(Number(pid))) rmSync(join(builds, entry), { recursive: true, force: true });
  }
  const outdir = join(builds, `children-${process.pid}`);
  const common = { outdir, outbase: projectRoot, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' } as const;
  const buildAll = async () => {
    await Promise.all([
      build({ ...common, entryPoints: [...typescriptIn('src'), ...typescriptIn('generated')] }),
      // Bundled only to point the package's name at the built src/; every other import stays as written.
      build({ ...common, entryPoints: typescriptIn('examples'), bundle: true, packages: 'external', plugins: [packageFromSource(outdir)] }),
    ]);
    // The files an example reads beside itself (its image).
    cpSync(join(projectRoot, 'examples'), join(outdir, 'examples'), { recursive: true, filter: (source) => !source.endsWith('.ts') });
  };
  await buildAll();
  // In watch mode, each rerun builds again: the children run the source as it is then.
  project.onTestsRerun(buildAll);
  project.provide('childrenBuild', outdir);
  return () => rm(outdir, { recursive: true, force: true });
}
