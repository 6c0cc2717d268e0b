#!/usr/bin/env node
// The `commerce-variants` command: one subcommand per job, each in its own module, loaded only when
// asked for, so that `mock` loads the validator only with --stateful and `verify` never looks for Prism. Each
// module exports `run` and its `help` (help.ts); a new command is one row in `commands`.
import { createRequire } from 'node:module';

interface Command {
  /** One line for the command list. */
  summary: string;
  load(): Promise<{ run(args: string[]): Promise<number> }>;
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

const [name, ...args] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (name === '--help' || name === '-h') {
  console.log(usage);
} else if (name === '--version' || name === '-v') {
  console.log(version());
} else if (command === undefined) {
  console.error(name === undefined ? usage : `unknown command '${name}'\n${usage}`);
  process.exitCode = 2;
} else {
  process.exitCode = await (await command.load()).run(args);
}
