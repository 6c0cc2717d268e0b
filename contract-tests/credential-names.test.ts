// One name per credential variable: what README.md's snippets and the examples read from the
// environment for a store or a token is what `commerce-variants verify` reads, so a user sets each once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../scripts/apis.js';
import { credentials } from '../src/cli/verify.js';

const verifyNames = Object.values(credentials).flatMap(({ store, token }) => [store, token]);
const sources = [
  'README.md',
  ...readdirSync(join(projectRoot, 'examples'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join('examples', file)),
];

test.each(sources)('%s names store and token variables as verify does', (source) => {
  const text = readFileSync(join(projectRoot, source), 'utf8');
  const names = [...text.matchAll(/process\.env\.(\w+)|\b(\w+)=\S/g)]
    .map(([, fromCode, fromShell]) => fromCode ?? fromShell!)
    .filter((name) => /TOKEN|STORE|HASH|SECRET/.test(name));
  for (const name of names) expect(verifyNames, `${source}: ${name}`).toContain(name);
});
