// `commerce-variants sync <api> <FILE.csv|FILE.json> [--base-url URL] [--journal FILE] [--dry-run]
// [--concurrency N] [--rate-limit N/SECONDS] [--timeout SECONDS] [--report FILE.json]`, parsed into
// options or a one-line usage error.
import { checkBaseUrl } from '../client.js';
import { type BundledApi, bundledApis, isBundledApi } from '../testing/specs.js';
import { checkUrl, UsageError } from '../verify/args.js';
import { parseRateLimit, type RateLimit } from './pacing.js';

const apis = Object.keys(bundledApis) as BundledApi[];

export const synopsis = `sync <${apis.join('|')}> <FILE.csv|FILE.json> [--base-url URL] [--journal FILE] [--dry-run] [--concurrency N] [--rate-limit N/SECONDS] [--timeout SECONDS] [--report FILE.json]`;

export interface SyncArgs {
  api: BundledApi;
  input: string;
  baseUrl: string | undefined;
  journal: string | undefined;
  dryRun: boolean;
  concurrency: number;
  rateLimit: RateLimit | undefined;
  timeoutMs: number | undefined;
  report: string | undefined;
}

const valued = ['--base-url', '--journal', '--concurrency', '--rate-limit', '--timeout', '--report'] as const;
type Valued = (typeof valued)[number];

export function parseSyncArgs(args: string[]): SyncArgs {
  const [api, ...rest] = args;
  if (api === undefined || !isBundledApi(api)) {
    throw new UsageError(api === undefined ? 'no API named' : `unknown API '${api}' (one of: ${apis.join(', ')})`);
  }
  const found: Partial<Record<Valued, string>> = {};
  let input: string | undefined;
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--dry-run') {
      dryRun = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (input !== undefined) throw new UsageError(`one input file only, not '${input}' and '${arg}'`);
      input = arg;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(valued as readonly string[]).includes(flag)) throw new UsageError(`unknown argument '${arg}'`);
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    if (found[flag as Valued] !== undefined) throw new UsageError(`${flag} given twice`);
    found[flag as Valued] = value;
  }
  if (input === undefined) throw new UsageError('no input file named (a .csv or .json file of rows)');
  const baseUrl = found['--base-url'];
  if (baseUrl !== undefined) checkUrl('--base-url', () => checkBaseUrl(baseUrl));
  const concurrency = found['--concurrency'] === undefined ? 8 : Number(found['--concurrency']);
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not '${found['--concurrency']}'`);
  const rateLimit = found['--rate-limit'] === undefined ? undefined : parseRateLimit(found['--rate-limit']);
  if (found['--rate-limit'] !== undefined && rateLimit === undefined) throw new UsageError(`--rate-limit takes N/SECONDS, e.g. 150/30, not '${found['--rate-limit']}'`);
  const timeout = found['--timeout'] === undefined ? undefined : Number(found['--timeout']);
  if (timeout !== undefined && !(timeout > 0 && Number.isFinite(timeout))) throw new UsageError(`--timeout must be a number of seconds > 0, not '${found['--timeout']}'`);
  return {
    api,
    input,
    baseUrl,
    journal: found['--journal'],
    dryRun,
    concurrency,
    rateLimit,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    report: found['--report'],
  };
}
