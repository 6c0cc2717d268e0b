// The `commerce-variants` command: one subcommand per job, each in its own module, loaded only when
// asked for, so that `mock` loads the validator only with --stateful and `verify` never looks for Prism. Each
// module exports `run` and its `help` (help.ts), which is printed here, in one shape for every command;
// a new command is one row in `commands`. main.ts runs `main` as the process; tests run it in theirs.
import { createRequire } from 'node:module';
import { type CommandHelp, formatHelp, wantsHelp } from './help.js';

interface Command {
  /** One line for the command list. */
  summary: string;
  load(): Promise<{ run(args: string[]): Promise<number>; help: CommandHelp }>;
}

const commands: Record<string, Command> = {
  mock: { summary: "serve the API's bundled spec with Prism on 127.0.0.1, or a stateful fake store (--stateful)", load: () => import('./mock.js') },
  verify: { summary: 'check a store (or any base URL) against the bundled spec', load: () => import('./verify.js') },
  sync: { summary: "apply a sheet of variant images, prices and stock to a store at its rate limit", load: () => import('./sync.js') },
};

const width = Math.max(...Object.keys(commands).map((name) => name.length));
const usage = `usage: commerce-variants <command> [options]
${Object.entries(commands)
  .map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`)
  .join('\n')}
commerce-variants <command> --help shows a command's options, environment variables and exit codes;
commerce-variants --version (or -v) prints the version`;

/** The package's own manifest, found by its name from wherever this module runs (src/ or dist/src/). */
const version = () => (createRequire(import.meta.url)('commerce-variants/package.json') as { version: string }).version;

/** Where the command's own lines (usage, version, help) go; a command's run writes to the process. */
export interface MainIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

const processIo: MainIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** Runs `commerce-variants <args>`; resolves with the exit code. */
export async function main(args: string[], io: MainIo = processIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h') {
    io.stdout(usage);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(version());
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    io.stderr(name === undefined ? usage : `unknown command '${name}'\n${usage}`);
    return 2;
  }
  const { run, help } = await command.load();
  if (wantsHelp(rest)) {
    io.stdout(formatHelp(help));
    return 0;
  }
  return run(rest);
}
