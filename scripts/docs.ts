// Builds one self-contained Redoc page per API into dist/docs/. --inlineBundle embeds Redoc itself,
// so the pages work with no network.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot, readApis, redoclyEnv } from './apis.js';

const run = promisify(execFile);
export const docsDir = join(projectRoot, 'dist', 'docs');

await mkdir(docsDir, { recursive: true });
for (const api of readApis()) {
  const output = join(docsDir, `${api.name}.html`);
  await run('npx', ['redocly', 'build-docs', api.id, '--inlineBundle', '--output', output], {
    cwd: projectRoot,
    env: redoclyEnv,
  });
  console.log(`wrote ${output}`);
}
