// `commerce-variants --version`, and `<command> --help` for every command the top-level help lists:
// each shows its options, the environment variables it reads and, under "Exit codes", what each
// exit code means, in the one shape src/cli/help.ts gives them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { projectRoot } from '../scripts/apis.js';
import { credentials } from '../src/cli/verify.js';
import { cliArgs } from './testing/cli.js';

const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };

/** What the command prints on stdout; it must exit 0 and print nothing on stderr. */
async function output(args: string[]): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, cliArgs(args), { cwd: projectRoot });
  expect(stderr).toBe('');
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

// Each a node process with tsx, so all are started at once, up front.
const versions = { '--version': output(['--version']), '-v': output(['-v']) };
const shortHelp = output(['mock', '-h']);
const topLevel = await output(['--help']);
const commands = [...topLevel.matchAll(/^ {2}(\w+) {2,}\S/gm)].map((match) => match[1]!);

test('the top-level help lists the commands and says where each one\'s help is', () => {
  expect(commands).toEqual(expect.arrayContaining(['mock', 'verify']));
  expect(topLevel).toContain('commerce-variants <command> --help');
  expect(topLevel).toContain('--version');
});

const helps = new Map(commands.map((command) => [command, output([command, '--help'])]));
const helpOf = (command: string) => helps.get(command)!;

test.each(Object.keys(versions))('%s prints the version', async (flag) => {
  expect(await versions[flag as keyof typeof versions]).toBe(`${version}\n`);
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
  expect(await shortHelp).toBe(await helpOf('mock'));
});
