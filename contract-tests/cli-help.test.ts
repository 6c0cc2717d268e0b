// `commerce-variants --version`, and `<command> --help` for every command the top-level help lists:
// each shows its options, the environment variables it reads and, under "Exit codes", what each
// exit code means, in the one shape src/cli/help.ts gives them. The command runs in this process
// (its `main`), and once as a process, to see that the executable prints what `main` gives it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { projectRoot } from '../scripts/apis.js';
import { main } from '../src/cli/commands.js';
import { credentials } from '../src/cli/verify.js';
import { cliArgs } from './testing/cli.js';

const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };

/** What `commerce-variants <args>` prints on stdout; it must exit 0 and print nothing on stderr. */
async function output(args: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (line) => (stdout += `${line}\n`), stderr: (line) => (stderr += `${line}\n`) });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

/** The lines of a help section, without their indent, up to the blank line that ends it. */
function section(help: string, heading: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${heading}:`);
  expect(start, `a "${heading}:" heading`).toBeGreaterThan(0);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end).map((line) => line.trim());
}

const topLevel = await output(['--help']);
const commands = [...topLevel.matchAll(/^ {2}(\w+) {2,}\S/gm)].map((match) => match[1]!);

test('the top-level help lists the commands and says where each one\'s help is', () => {
  expect(commands).toEqual(expect.arrayContaining(['mock', 'verify']));
  expect(topLevel).toContain('commerce-variants <command> --help');
  expect(topLevel).toContain('--version');
});

const helpOf = (command: string) => output([command, '--help']);

test.each(['--version', '-v'])('%s prints the version', async (flag) => {
  expect(await output([flag])).toBe(`${version}\n`);
});

test('the executable prints the version and exits 0', async () => {
  // execFile rejects on any other exit code.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, cliArgs(['--version']), { cwd: projectRoot });
  expect(stderr).toBe('');
  expect(stdout).toBe(`${version}\n`);
});

test.each(commands)('%s --help: usage, options, environment variables and exit codes', async (command) => {
  const help = await helpOf(command);
  expect(help).toMatch(new RegExp(`^usage: commerce-variants ${command} `));
  const options = section(help, 'Options');
  expect(options.length).toBeGreaterThan(1);
  expect(options.at(-1)).toMatch(/^-h, --help +show this help$/);
  expect(section(help, 'Environment variables').length).toBeGreaterThan(0);
  const exitCodes = section(help, 'Exit codes').map((line) => Number(/^(\d+) {2}\S/.exec(line)?.[1]));
  expect(exitCodes).toEqual(expect.arrayContaining([0, 2]));
  expect(exitCodes.every(Number.isInteger)).toBe(true);
});

test('verify --help names the credentials it reads from the environment, and mock reads none', async () => {
  const variables = section(await helpOf('verify'), 'Environment variables').map((line) => line.split(/\s+/)[0]);
  expect(variables).toEqual(Object.values(credentials).flatMap(({ store, token }) => [store, token]));
  expect(variables).toEqual(['ECWID_STORE_ID', 'ECWID_TOKEN', 'BIGCOMMERCE_STORE_HASH', 'BIGCOMMERCE_ACCESS_TOKEN']);
  expect(section(await helpOf('mock'), 'Environment variables')).toEqual(['none']);
});

test('-h is --help', async () => {
  expect(await output(['mock', '-h'])).toBe(await helpOf('mock'));
});
