// Builds the docs site into dist/docs/: one self-contained Redoc page per API (--inlineBundle embeds
// Redoc itself) and an index page linking them. Every page carries a Content-Security-Policy that
// keeps it from loading anything off its own origin, so the site works with no network, and its
// Redoc attribution badge inline (offline-page.ts).
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot, readApis, redoclyEnv } from './apis.js';
import { vendorClient } from './clients.js';
import { renderIndex } from './docs-index.js';
import { withInlineAttribution, withOfflinePolicy } from './offline-page.js';

const run = promisify(execFile);
const docsDir = join(projectRoot, 'dist', 'docs');

// Start empty so a page of an API removed from redocly.yaml does not linger.
await rm(docsDir, { recursive: true, force: true });
await mkdir(docsDir, { recursive: true });

const indexed = [];
for (const api of readApis()) {
  const page = `${api.name}.html`;
  const output = join(docsDir, page);
  await run('npx', ['redocly', 'build-docs', api.id, '--inlineBundle', '--output', output], {
    cwd: projectRoot,
    env: redoclyEnv,
  });
  await writeFile(output, withOfflinePolicy(withInlineAttribution(await readFile(output, 'utf8'))));
  console.log(`wrote ${output}`);
  indexed.push({ api, page, client: await vendorClient(api.name) });
}

const index = join(docsDir, 'index.html');
await writeFile(index, withOfflinePolicy(renderIndex(indexed)));
console.log(`wrote ${index}`);
