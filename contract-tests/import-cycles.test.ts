// src/ has no import cycles (the guide's rule for its rooms): every relative import, type-only and
// dynamic ones included, is followed from every module, and a module reached again on the path
// that led to it is a cycle, named file by file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../scripts/apis.js';

const srcDir = join(projectRoot, 'src');

/** Every static, re-exported and dynamic import specifier of a module's source. */
const importSpecifiers = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);

/** The modules under `dir`, each with the src/ modules it imports. */
function importGraph(dir: string): Map<string, string[]> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const path = join(dir, file);
    const imported = importSpecifiers(readFileSync(path, 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolve(dirname(path), specifier).replace(/\.js$/, '.ts'))
      .filter((target) => target.startsWith(`${dir}/`));
    graph.set(path, imported);
  }
  return graph;
}

/** Each cycle once, as the files on it, starting and ending with the same one. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const done = new Set<string>();
  const visit = (module: string, path: string[]) => {
    const at = path.indexOf(module);
    if (at >= 0) {
      const cycle = path.slice(at);
      found.set([...cycle].sort().join(' '), [...cycle, module]);
      return;
    }
    if (done.has(module)) return;
    for (const next of graph.get(module) ?? []) visit(next, [...path, module]);
    done.add(module);
  };
  for (const module of graph.keys()) visit(module, []);
  return [...found.values()].map((cycle) => cycle.map((file) => relative(projectRoot, file)));
}

test('the import reader sees static, type-only, re-exported and dynamic imports', () => {
  const source = `import { a } from './a.js';\nimport type { B } from "./b.js";\nexport { c } from './c.js';\nconst d = () => import('./d.js');\nimport './e.js';`;
  expect(importSpecifiers(source)).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js']);
});

test('the cycle finder names a cycle', () => {
  const graph = new Map([
    ['/src/junit.ts', ['/src/report.ts']],
    ['/src/report.ts', ['/src/redact.ts']],
    ['/src/redact.ts', ['/src/junit.ts']],
    ['/src/cli.ts', ['/src/junit.ts']],
  ]);
  expect(cycles(graph)).toHaveLength(1);
  expect(cycles(graph)[0]!.map((file) => file.split('/').pop())).toEqual(['junit.ts', 'report.ts', 'redact.ts', 'junit.ts']);
});

test('src/ has no import cycles', () => {
  const graph = importGraph(srcDir);
  expect(graph.size).toBeGreaterThan(20);
  expect(cycles(graph)).toEqual([]);
});
