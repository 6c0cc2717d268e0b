// Chooses the sandbox's ports from the environment and checks them before anything starts, so a
// clash is one clear line naming the variable to set, not a stack trace from a half-started sandbox.
import { isPortFree, parsePort } from '../src/testing/ports.js';

export { isPortFree };

export interface PortChoice {
  /** What listens there, e.g. `docs` or `ecwid mock`. */
  label: string;
  /** The environment variable that overrides it. */
  variable: string;
  port: number;
}

/** A problem the user fixes by setting a variable; its message is the whole explanation. */
export class PortError extends Error {
  override name = 'PortError';
}

export function choosePort(
  label: string,
  variable: string,
  fallback: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): PortChoice {
  const raw = env[variable];
  if (raw === undefined || raw === '') {
    if (fallback === undefined) throw new PortError(`${label} has no default port: set ${variable}`);
    return { label, variable, port: fallback };
  }
  const port = parsePort(raw);
  if (port === undefined) throw new PortError(`${variable}=${raw} is not a port number (1-65535)`);
  return { label, variable, port };
}

/** Throws a PortError for the first port that is taken or asked for twice. */
export async function assertPortsFree(choices: PortChoice[]): Promise<void> {
  for (const [index, choice] of choices.entries()) {
    const twin = choices.slice(0, index).find((other) => other.port === choice.port);
    if (twin) {
      throw new PortError(`${twin.label} and ${choice.label} both use port ${choice.port}: set ${choice.variable} to another port`);
    }
    if (!(await isPortFree(choice.port))) {
      throw new PortError(`port ${choice.port} (${choice.label}) is already in use: set ${choice.variable} to a free port`);
    }
  }
}
