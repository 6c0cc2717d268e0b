// The credentials `verify` and `sync` read, from the environment only (never from the command line,
// where a shell history or a process list would keep them); the store part is not needed with
// --base-url, whose URL already names the store.
import type { BundledApi } from '../testing/specs.js';

/** Each vendor's environment variables. */
export const credentials: Record<BundledApi, { store: string; token: string }> = {
  ecwid: { store: 'ECWID_STORE_ID', token: 'ECWID_TOKEN' },
  bigcommerce: { store: 'BIGCOMMERCE_STORE_HASH', token: 'BIGCOMMERCE_ACCESS_TOKEN' },
};

/** The variables as rows of a command's help (help.ts), for each command that reads them. */
export const credentialHelp = Object.entries(credentials).flatMap(([api, { store, token }]): [string, string][] => [
  [store, `${api}: the store (not needed with --base-url)`],
  [token, `${api}: the API token (required; sent in a header, never printed)`],
]);

/** The token and the store part, or the one-line reason they cannot be had. */
export function readCredentials(api: BundledApi, env: Record<string, string | undefined>, baseUrl: string | undefined): { token: string; store: string } | { missing: string } {
  const names = credentials[api];
  const token = env[names.token] ?? '';
  const store = env[names.store] ?? '';
  if (!token.trim()) return { missing: `${names.token} is not set: the token comes from the environment only` };
  if (!store.trim() && baseUrl === undefined) return { missing: `${names.store} is not set (or pass --base-url)` };
  return { token, store };
}
