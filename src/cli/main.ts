#!/usr/bin/env node
// The `commerce-variants` command: one subcommand per job, each in its own module, loaded only when
// asked for, so that `mock` loads the validator only with --stateful and `verify` never looks for Prism.
const usage = `usage: commerce-variants <command> ...
  mock <api> [--port N]         serve the API's bundled spec with Prism on 127.0.0.1
  mock <api> --stateful ...     serve a fake store that keeps state, without Prism
  verify <api> --product ID ... check a store (or any base URL) against the bundled spec
  sync <api> FILE ...           apply a sheet of variant images, prices and stock to a store
commerce-variants <command> --help shows a command's options`;

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  mock: () => import('./mock.js'),
  verify: () => import('./verify.js'),
  sync: () => import('./sync.js'),
};

const [name, ...args] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (name === '--help' || name === '-h') {
  console.log(usage);
} else if (command === undefined) {
  console.error(name === undefined ? usage : `unknown command '${name}'\n${usage}`);
  process.exitCode = 2;
} else {
  process.exitCode = await (await command()).run(args);
}
