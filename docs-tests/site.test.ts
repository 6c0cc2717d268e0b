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

/**
 * Opens a page, collecting what a reader with the console open would see go wrong: uncaught errors
 * and every console error (a Content-Security-Policy refusal is one), for the tests to check.
 */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${server.url}/${path}`);
  return { page, errors };
}

/** Images on the page that did not load: a broken picture where the reader expects something. */
const brokenImages = (page: Page) =>
  page.locator('img').evaluateAll((images) =>
    (images as HTMLImageElement[]).filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.src),
  );

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
  // What the reader of the package is told to run exists outside this repository.
  for (const api of readApis()) expect(await page.locator(`section#${api.name}`).innerText()).toContain(`npx commerce-variants mock ${api.name}`);
  expect(await brokenImages(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.screenshot({ path: join(screenshotsDir, 'index.png'), fullPage: true });
  await page.close();
});

describe.each(readApis())('$name page', (api) => {
  const spec = readBundledSpec(api.name);
  const operations = listOperations(spec);
  let page: Page;
  let errors: string[];

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

  test('the sidebar\'s attribution badge names Redocly, from the page itself', async () => {
    const badge = page.locator('a[href="https://redocly.com/redoc/"]');
    await expect.poll(() => badge.innerText()).toContain('API docs by');
    const logo = badge.locator('img');
    await logo.waitFor();
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    expect(await logo.getAttribute('src')).toMatch(/^data:image\/svg\+xml,.*Redocly/);
  });

  test('no broken image, no uncaught error and no console error on the page', async () => {
    expect(await brokenImages(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

// Last, so it covers everything the pages above loaded and every click made on them.
test('no request left loopback: none reached the network, and none was left for the policy to refuse', () => {
  expect(browser.offLoopback.aborted).toEqual([]);
  expect(browser.offLoopback.refusedByPolicy).toEqual([]);
});
