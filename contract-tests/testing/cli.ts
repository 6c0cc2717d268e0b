// Runs `commerce-variants` as a child process, the way a user's shell or CI step would: from src/
// here (built moments before, by the suite's global setup: support/build-children.ts), through `npx`
// in the package tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { projectRoot } from '../../scripts/apis.js';
import { prismProcesses } from './processes.js';

export interface Cli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

/** Node's arguments for `commerce-variants <args>` from src/, for the current test (see startCommand). */
export const cliArgs = (args: string[]) => [join(inject('childrenBuild'), 'src', 'cli', 'main.js'), ...args];

export const startCli = (args: string[], port?: number): Cli => startCommand(process.execPath, cliArgs(args), projectRoot, port);

/**
 * Starts a command for the current test. When the test ends, however it ends (a timeout too), the
 * command and any Prism on `port` are killed, so that a failing test leaves nothing running. A
 * concurrent test passes its context's `onTestFinished`: vitest's own knows only the test that
 * started last.
 */
export function startCommand(command: string, args: string[], cwd: string, port?: number, env = process.env, onFinished = onTestFinished): Cli {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': every line the command wrote has been read by then.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  onFinished(() => {
    child.kill('SIGKILL');
    for (const pid of port === undefined ? [] : prismProcesses(port)) process.kill(pid, 'SIGKILL');
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves with the first stdout line, the mock's URL line; rejects if the command ends first. */
export async function firstLine(cli: Cli): Promise<string> {
  while (!cli.stdout().includes('\n')) {
    const ended = await Promise.race([once(cli.child.stdout!, 'data').then(() => false), cli.exited.then(() => true)]);
    if (ended && !cli.stdout().includes('\n')) throw new Error(`the command ended: ${cli.stderr()}`);
  }
  return cli.stdout().split('\n')[0]!;
}
