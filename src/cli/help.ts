// What `commerce-variants <command> --help` prints, in one shape for every command: its usage, what
// it does, its options, the environment variables it reads and what each exit code means. A command
// describes itself as a CommandHelp; a new option, variable or exit code is one more row.

export interface CommandHelp {
  /** The synopsis after `commerce-variants `, e.g. `mock <api> [--port N]`. */
  usage: string;
  /** What the command does, in a sentence or two. */
  description: string;
  /** Each argument or option (as written on the command line) and what it does. */
  options: [string, string][];
  /** Each environment variable the command reads and what for; empty when it reads none. */
  environment: [string, string][];
  /** Each exit code and what it means. */
  exitCodes: [number, string][];
}

/** `rows` as two aligned columns, indented. */
function table(rows: [string | number, string][]): string[] {
  const width = Math.max(...rows.map(([name]) => String(name).length));
  return rows.map(([name, text]) => `  ${String(name).padEnd(width)}  ${text}`);
}

export function formatHelp(help: CommandHelp): string {
  return [
    `usage: commerce-variants ${help.usage}`,
    '',
    help.description,
    '',
    'Options:',
    ...table([...help.options, ['-h, --help', 'show this help']]),
    '',
    'Environment variables:',
    ...(help.environment.length > 0 ? table(help.environment) : ['  none']),
    '',
    'Exit codes:',
    ...table(help.exitCodes),
  ].join('\n');
}

/** Whether the arguments ask for help rather than a run. */
export const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');
