// Which Prism processes serve a port, read from /proc: how the tests see that nothing is left running.
import { readFileSync, readdirSync } from 'node:fs';

export function prismProcesses(port: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      let args: string[];
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        return false; // it ended while we looked
      }
      const portAt = args.indexOf('--port');
      return args.some((arg) => arg.includes('prism-cli')) && portAt > 0 && args[portAt + 1] === String(port);
    })
    .map(Number);
}
