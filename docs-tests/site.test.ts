// The docs site as a reader sees it, in headless Chromium with every off-loopback request aborted:
// the index links every API page; each page renders, lists every operation of its spec in the
// sidebar, shows a request sample for each, and needs nothing from outside the machine.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, readApis } from '../scripts/apis.js';
import { listOperations, readBundledSpec } from '../scripts/bundled-spec.js';
import { type RunningServer, serveDirectory } from '../scripts/static-server.js';
import { type Browser, launchBrowser } from './support/browser.js';
import { openOperation, sampleText, sidebarOperations, waitForRedoc } from './support/redoc.js';

const docsDir = join(projectRoot, 'dist', 'docs');
const screenshotsDir = join(docsDir, 'screenshots');
// Redoc's sidebar attribution logo: the only load the pages' policy refuses. Redoc hides the logo
// when it fails to load; the tests below show that nothing else on the page depends on it.
const redoclyLogo = /^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg$/;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDirectory(docsDir, 0);
  browser = await launchBrowser();
  await mkdir(screenshotsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens a page, collecting its uncaught errors for the tests to check. */
async function open(path: string): Promise<{ page: Page; errors: Error[] }> {
  const page = await browser.context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${server.url}/${path}`);
  return { page, errors };
}

test('the index links every API page', async () => {
  const { page, errors } = await open('');
  const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const api of readApis()) {
    expect(links, `link to ${api.name}.html`).toContain(`${api.name}.html`);
    expect((await page.request.get(new URL(`${api.name}.html`, page.url()).href)).status()).toBe(200);
    // Each API's section says how to authenticate and how to reach its mock.
    const section = await page.locator(`section#${api.name}`).innerText();
    expect(section).toContain('curl ');
    expect(section).toContain('127.0.0.1');
    expect(section).toContain('The mock accepts any credential value and answers 401 when it is missing');
  }
  // Ecwid answers a bad token with 403, which the mock never does: its section says so.
  expect(await page.locator('section#ecwid').innerText()).toContain('with 403, as documented');
  expect(errors).toEqual([]);
  await page.screenshot({ path: join(screenshotsDir, 'index.png'), fullPage: true });
  await page.close();
});

describe.each(readApis())('$name page', (api) => {
  const spec = readBundledSpec(api.name);
  const operations = listOperations(spec);
  let page: Page;
  let errors: Error[];

  beforeAll(async () => {
    ({ page, errors } = await open(`${api.name}.html`));
    await waitForRedoc(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  test('renders the spec', async () => {
    expect(await page.locator('h1').first().textContent()).toContain(spec.info.title);
  });

  test('the sidebar lists every operation of the spec', async () => {
    expect((await sidebarOperations(page)).sort()).toEqual(operations.map((op) => op.summary).sort());
  });

  test.each(operations.map((op) => [op.operationId, op] as const))('clicking %s shows its request sample', async (_, operation) => {
    const panel = await openOperation(page, operation);
    await expect.poll(() => sampleText(panel)).toMatch(/\S/);
    const example = operation.jsonBodyExample;
    if (example && typeof example === 'object' && !Array.isArray(example)) {
      // The panel shows the spec's own request example, not merely some code block.
      for (const field of Object.keys(example)) await expect.poll(() => sampleText(panel)).toContain(`"${field}"`);
    }
    if (operation === (operations.find((op) => op.jsonBodyExample) ?? operations[0])) {
      await page.screenshot({ path: join(screenshotsDir, `${api.name}.png`) });
    }
  });

  test('no uncaught errors on the page', () => {
    expect(errors).toEqual([]);
  });
});

// Last, so it covers everything the pages above loaded and every click made on them.
test('no request left loopback: none reached the network, and the policy refused only the Redocly logo', () => {
  expect(browser.offLoopback.aborted).toEqual([]);
  for (const url of browser.offLoopback.refusedByPolicy) expect(url).toMatch(redoclyLogo);
});
