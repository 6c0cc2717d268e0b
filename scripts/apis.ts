// The APIs this project describes, read from redocly.yaml so that adding a vendor is one entry there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export interface Api {
  /** Redocly's name for it, e.g. `ecwid@v3`. */
  id: string;
  /** File stem used under generated/, e.g. `ecwid`. */
  name: string;
  /** Root document, relative to the project. */
  root: string;
}

export function readApis(): Api[] {
  const config = parse(readFileSync(new URL('../redocly.yaml', import.meta.url), 'utf8')) as {
    apis: Record<string, { root: string }>;
  };
  return Object.entries(config.apis).map(([id, { root }]) => ({ id, name: id.split('@')[0]!, root }));
}

/** Environment for Redocly CLI runs: no telemetry, no update banner. */
export const redoclyEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
};
