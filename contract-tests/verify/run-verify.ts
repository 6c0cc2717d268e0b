// Runs `commerce-variants verify` in this process, as the CLI would, with the credentials in its own
// environment and its output captured; and the check every verify test ends with: the token is in
// nothing verify printed or wrote.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { run } from '../../src/cli/verify.js';
import type { Vendor } from './store-double.js';

/** The store's token in every test: distinctive, so that finding it anywhere is unambiguous. */
export const token = 'tok_verify_SECRET_4f9c2e71';

export const env = (vendor: Vendor, store = true) =>
  vendor === 'ecwid'
    ? { ECWID_TOKEN: token, ...(store ? { ECWID_STORE_ID: '1003' } : {}) }
    : { BIGCOMMERCE_ACCESS_TOKEN: token, ...(store ? { BIGCOMMERCE_STORE_HASH: 'abc123' } : {}) };

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The lines under each check, without their indent. */
  violations: string[];
  notes: string[];
  /** The check lines. */
  checks: string[];
}

export function parseOutput(code: number, stdout: string, stderr: string): Outcome {
  const lines = stdout.split('\n');
  const under = (label: string) => lines.filter((l) => l.startsWith(`     ${label}: `)).map((l) => l.slice(`     ${label}: `.length));
  return {
    code,
    stdout,
    stderr,
    violations: under('violation'),
    notes: under('note'),
    checks: lines.filter((l) => /^(ok {2}|FAIL) /.test(l)),
  };
}

export async function verify(args: string[], environment: Record<string, string>, signals = new EventEmitter()): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    env: environment,
    stdout: (line) => (stdout += `${line}\n`),
    stderr: (line) => (stderr += `${line}\n`),
    signals,
    exit: (exitCode) => {
      throw new Error(`verify exited with ${exitCode}`);
    },
  });
  return parseOutput(code, stdout, stderr);
}

/** The token appears in no output, report or error. */
export async function expectNoToken(outcome: { stdout: string; stderr: string }, ...files: string[]) {
  const reports = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  for (const text of [outcome.stdout, outcome.stderr, ...reports]) expect(text).not.toContain(token);
}
