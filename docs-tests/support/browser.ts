// Headless Chromium (Debian's /usr/bin/chromium) with a fresh profile, and a record of every request
// a page tried to send off loopback: the ones that reached the network layer (aborted here) and the
// ones the page's Content-Security-Policy refused before sending.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// No sync, updates, QUIC or background fetches: Chromium's own traffic must not blur the record.
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface OffLoopback {
  /** Requests that got as far as the network layer; each was aborted. */
  aborted: string[];
  /** Requests the page's Content-Security-Policy refused, so they were never sent. */
  refusedByPolicy: string[];
}

export interface Browser {
  context: BrowserContext;
  offLoopback: OffLoopback;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args,
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
  const offLoopback: OffLoopback = { aborted: [], refusedByPolicy: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || loopbackHosts.has(hostname)) return route.continue();
    offLoopback.aborted.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'csp') offLoopback.refusedByPolicy.push(request.url());
  });
  return {
    context,
    offLoopback,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
