// A store that echoes the credential back (in a long value, an undeclared field, an error message):
// no part of the token reaches stdout, stderr or the JUnit file, whatever its length or characters.
// Values are redacted before verify cuts them short, so not even the token's first characters survive.
import { createServer } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { junitXml } from '../../src/verify/junit.js';
import { redactor } from '../../src/verify/redact.js';
import { type Listening, listenOnLoopback } from '../support/loopback.js';
import { verify } from './run-verify.js';
import type { Vendor } from './store-double.js';

/** Lists one variation whose values carry the credential, and answers its get with a 500 that does too. */
async function echoingStore(vendor: Vendor): Promise<Listening> {
  const server = createServer((request, response) => {
    const echo = String(vendor === 'ecwid' ? request.headers.authorization : request.headers['x-auth-token']);
    // The cut falls inside the echo: a value shown as JSON is cut after 57 characters.
    const long = `the store logged this credential for you: ${echo}`;
    const listing = /\/(combinations|variants)$/.test(new URL(request.url!, 'http://x').pathname);
    const [status, body] = listing
      ? [200, vendor === 'ecwid' ? [{ id: 1, price: `tok ${echo}`, debugEcho: long }] : { data: [{ id: 1, price: `tok ${echo}`, debugEcho: long }], meta: { pagination: { total: 1, count: 1, per_page: 250, current_page: 1, total_pages: 1 } } }]
      : [500, vendor === 'ecwid' ? { errorMessage: `upstream failure while authorising with ${echo}`, errorCode: 'X' } : { status: 500, title: `upstream failure while authorising with ${echo}` }];
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  return listenOnLoopback(server);
}

const tokens = {
  long: 'zz-SECRET-0123456789abcdef',
  short: 'Qx7',
  'with characters JSON and XML escape': 'k"9<&>\'\\Zs',
};
const escapedForms = (secret: string) => {
  const json = JSON.stringify(secret).slice(1, -1);
  const xml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
  return [secret, json, xml(secret), xml(json), secret.slice(0, Math.max(3, secret.length - 2))];
};

// Concurrent: each case mostly waits out the client's retries of the store's 500.
describe.concurrent.each(['ecwid', 'bigcommerce'] as const)('%s: a store that echoes the token', (vendor) => {
  test.for(Object.entries(tokens))('%s token: in no output and no report', async ([, secret], { expect, onTestFinished }) => {
    const store = await echoingStore(vendor);
    onTestFinished(() => store.close());
    const junit = join(await mkdtemp(join(tmpdir(), 'verify-secret-')), 'report.xml');
    const environment: Record<string, string> = vendor === 'ecwid' ? { ECWID_TOKEN: secret } : { BIGCOMMERCE_ACCESS_TOKEN: secret };
    const outcome = await verify([vendor, '--product', '1', '--base-url', store.url, '--junit', junit], environment);

    // The echoes were checked and reported, with the token replaced before any was cut short.
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/\/price: must be number( or null)?, got "tok (Bearer )?\[token\]"/);
    expect(outcome.stdout).toMatch(/did not succeed: "upstream failure while authorising with (Bearer )?\[token\]/);
    expect(outcome.stdout).toMatch(/\/debugEcho: not declared in the spec, got "the store logged this credential for you: (Bearer )?\[to/);
    const xml = await readFile(junit, 'utf8');
    for (const text of [outcome.stdout, outcome.stderr, xml]) {
      for (const form of escapedForms(secret)) expect(text).not.toContain(form);
    }
  });
});

// Redaction looks for the token as the JUnit file writes it, so the two must escape alike, down to
// the characters XML cannot carry at all (a header cannot carry them either: this is the unit).
test('the token as the JUnit file escapes it is redacted too', () => {
  const secret = 'k<\u0001Zs-0123456789';
  const xml = redactor(secret)(junitXml('suite', [{ name: 'getVariation 200', description: 'get', violations: [`got ${secret}`], notes: [], durationMs: 0 }]));
  expect(xml).toContain('got [token]');
  expect(xml).not.toContain('0123456789');
});
