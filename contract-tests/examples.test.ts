// Every script in examples/ runs to the end against the mocks, as a user would run it with tsx:
// the examples stop with an error on any error answer, and Prism answers every request the spec
// does not allow with one, so a green run means each request was valid and each answer handled.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, inject, test } from 'vitest';
import { projectRoot } from '../scripts/apis.js';

const run = promisify(execFile);
const examples = readdirSync(join(projectRoot, 'examples')).filter((file) => file.endsWith('.ts'));

test('there are examples', () => {
  expect(examples.length).toBeGreaterThanOrEqual(4);
});

test.each(examples)('examples/%s runs against the mocks', async (example) => {
  const { ecwid, bigcommerce } = inject('prismUrls');
  const env = { ...process.env, ECWID_BASE_URL: ecwid, BIGCOMMERCE_BASE_URL: bigcommerce };
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join('examples', example)], {
    cwd: projectRoot,
    env,
  });
  expect(stderr).toBe('');
  expect(stdout).not.toBe('');
}, 30_000);
