// Reads the process table with `ps`, the way a person checks for orphans after stopping a program.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface ProcessRow {
  pid: number;
  ppid: number;
  /** `ps` state; Z is a zombie: exited, waiting to be reaped, holding nothing. */
  state: string;
  command: string;
}

async function processTable(): Promise<ProcessRow[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=,stat=,args=']);
  return stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [pid, ppid, state, ...command] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), state: state!, command: command.join(' ') };
    });
}

/** Every process below `root`, at any depth. */
export async function descendants(root: number): Promise<ProcessRow[]> {
  const table = await processTable();
  const found: ProcessRow[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const row of table.filter((r) => r.ppid === parent)) {
      found.push(row);
      queue.push(row.pid);
    }
  }
  return found;
}

/** The processes among `pids` that are still running (zombies do not count). */
export async function stillRunning(pids: number[]): Promise<ProcessRow[]> {
  return (await processTable()).filter((row) => pids.includes(row.pid) && !row.state.startsWith('Z'));
}

/** Running processes whose command line contains any of `texts`. */
export async function processesMentioning(texts: string[]): Promise<ProcessRow[]> {
  return (await processTable()).filter((row) => !row.state.startsWith('Z') && texts.some((t) => row.command.includes(t)));
}
