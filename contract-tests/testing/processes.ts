// Which processes are running, read from /proc: how the tests see that nothing is left running.
// A process counts for a port when its arguments hold `--port <port>`: the command, Prism, and the
// npx and shell around the command.
import { readFileSync, readdirSync } from 'node:fs';

function processArgs(pid: string): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return []; // it ended while we looked
  }
}

/** Every process with its arguments. */
export const processes = (): { pid: number; args: string[] }[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => ({ pid: Number(pid), args: processArgs(pid) }));

export function processesForPort(port: number): { pid: number; args: string[] }[] {
  return processes().filter(({ args }) => {
    const at = args.indexOf('--port');
    return at >= 0 && args[at + 1] === String(port);
  });
}

export const prismProcesses = (port: number): number[] =>
  processesForPort(port)
    .filter(({ args }) => args.some((arg) => arg.includes('prism-cli')))
    .map(({ pid }) => pid);
