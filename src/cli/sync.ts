// `commerce-variants sync <api> <FILE>`: a thin shell over syncVariants. Rows in, events out, one
// summary line: a progress bar on a terminal, one line per row otherwise. Exit 0 when every row was
// applied or unchanged, 1 when some failed or were not found (the others applied), 2 when the sync
// could not run (a rerun resumes).
import { writeFile } from 'node:fs/promises';
import { credentialHelp, credentials, readCredentials } from './credentials.js';
import type { CommandHelp } from './help.js';
import { watchLauncher } from './launcher.js';
import { parseSyncArgs, synopsis, type SyncArgs } from '../sync/args.js';
import { InputError } from '../sync/input.js';
import { type Counts, rowLine, summaryLine } from '../sync/report.js';
import { SyncError, type SyncEvent, type SyncResult, syncVariants } from '../sync/sync.js';
import { UsageError } from '../verify/args.js';
import { redactor } from '../verify/redact.js';

export const help: CommandHelp = {
  usage: synopsis,
  description:
    'Applies a sheet of variants (product_id, sku, and any of image, price, quantity) to a store, at the store\'s rate limit.\n' +
    'Only what differs from the store is written; a rerun after a crash or Ctrl-C resumes from the journal without sending\n' +
    'an image twice.',
  options: [
    ['<api>', Object.keys(credentials).join(' or ')],
    ['<FILE.csv|FILE.json>', 'the rows; image paths are relative to the file'],
    ['--base-url URL', "the API's base URL instead of the vendor's (a fake store, a proxy); then the store part is not needed"],
    ['--journal FILE', 'the journal (default: FILE.journal.jsonl beside the input)'],
    ['--dry-run', 'only read: print each row\'s plan and what the run would cost'],
    ['--concurrency N', 'requests in flight, and images in memory, at most (default 8)'],
    ['--rate-limit N/SECONDS', "the store's pace where it is not the vendor's (default: BigCommerce's X-Rate-Limit headers; Ecwid 600/60)"],
    ['--timeout SECONDS', 'per request (default 30); a write left without an answer is resent no sooner than this, once a read shows it did not land'],
    ['--report FILE.json', "every row's outcome (row, sku, variant id, what was written, error)"],
  ],
  environment: credentialHelp,
  exitCodes: [
    [0, 'every row applied or unchanged'],
    [1, 'some rows failed or were not found; the others were applied'],
    [2, 'could not run (usage, unreadable input, credentials, store unreachable, interrupted): a rerun resumes'],
  ],
};

export interface SyncIo {
  env: Record<string, string | undefined>;
  stdout(line: string): void;
  stderr(line: string): void;
  /** A terminal gets a progress bar instead of a line per row. */
  isTty: boolean;
  /** Redraws the progress bar in place. */
  progress(line: string): void;
  signals: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  watchLauncher?(onGone: () => void): () => void;
}

const processIo: SyncIo = {
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  isTty: process.stdout.isTTY === true,
  progress: (line) => process.stdout.write(`\r${line}\x1b[K`),
  signals: process,
  watchLauncher,
};

export async function run(args: string[], io: SyncIo = processIo): Promise<number> {
  let options: SyncArgs;
  try {
    options = parseSyncArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`sync: ${error.message}\nusage: commerce-variants ${synopsis}`);
    return 2;
  }
  const found = readCredentials(options.api, io.env, options.baseUrl);
  if ('missing' in found) {
    io.stderr(`sync: ${found.missing}`);
    return 2;
  }
  const redact = redactor(found.token);
  const out = (line: string) => io.stdout(redact(line));
  const say = (line: string) => io.stderr(redact(line));

  const controller = new AbortController();
  let stoppedBy: string | undefined;
  const stop = (why: string) => {
    stoppedBy ??= why;
    controller.abort(new Error(why));
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, () => stop(signal)] as const);
  for (const [signal, handler] of handlers) io.signals.on(signal, handler);
  const unwatch = io.watchLauncher?.(() => stop("npm's signal")) ?? (() => {});

  const bar = progressBar(io, redact);
  let result: SyncResult | undefined;
  let reason: string | undefined;
  try {
    const store = options.api === 'ecwid' ? { api: 'ecwid' as const, storeId: found.store, token: found.token } : { api: 'bigcommerce' as const, storeHash: found.store, accessToken: found.token };
    result = await syncVariants({
      ...store,
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      input: options.input,
      journal: options.journal,
      dryRun: options.dryRun,
      concurrency: options.concurrency,
      rateLimit: options.rateLimit,
      signal: controller.signal,
      onEvent: (event) => (options.dryRun || !io.isTty ? lineFor(event, out, say) : bar.update(event, say)),
    });
  } catch (error) {
    if (error instanceof SyncError) {
      result = error.result;
      reason = error.code === 'ERR_INTERRUPTED' ? `interrupted by ${stoppedBy ?? 'a signal'}; a rerun resumes` : `${error.message}; a rerun resumes`;
    } else if (error instanceof InputError || (error instanceof Error && 'syscall' in error)) {
      // The input, or the journal, cannot be read or written.
      reason = (error as Error).message;
    } else {
      throw error;
    }
  } finally {
    for (const [signal, handler] of handlers) io.signals.off(signal, handler);
    unwatch();
    bar.done();
  }
  if (result) {
    out(summaryLine(result.counts));
    if (result.cost) {
      const { requests, writes, quota, quotaFrom, ms } = result.cost;
      out(`dry run: ${requests} requests (${requests - writes} reads, ${writes} writes), about ${seconds(ms)} at ${quota.requests} per ${quota.windowMs / 1000} s (${quotaFrom})`);
    }
    if (options.report !== undefined) {
      try {
        await writeFile(options.report, redact(`${JSON.stringify({ counts: result.counts, stats: result.stats, rows: result.rows }, null, 2)}\n`));
      } catch (error) {
        reason ??= `cannot write the report: ${(error as Error).message}`;
      }
    }
  }
  if (reason !== undefined) {
    say(`sync: ${reason}`);
    return 2;
  }
  return failedOrMissing(result!.counts) ? 1 : 0;
}

const failedOrMissing = (counts: Counts) => counts.failed + counts['not found'] > 0;

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.ceil(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
}

function lineFor(event: SyncEvent, out: (line: string) => void, say: (line: string) => void): void {
  if (event.type === 'note') say(`sync: ${event.message}`);
  if (event.type === 'row') out(rowLine(event.outcome));
}

/** Rows done of total, requests per second, 429s waited, time left; redrawn at most ten times a second. */
function progressBar(io: SyncIo, redact: (text: string) => string) {
  const started = performance.now();
  let total = 0;
  let done = 0;
  let drawnAt = 0;
  let drawn = false;
  return {
    update(event: SyncEvent, say: (line: string) => void) {
      if (event.type === 'note') return say(`sync: ${event.message}`);
      if (event.type === 'start') total = event.rows;
      if (event.type !== 'row') return;
      done += 1;
      const now = performance.now();
      if (now - drawnAt < 100 && done < total) return;
      drawnAt = now;
      drawn = true;
      const elapsed = (now - started) / 1000;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const left = done === 0 ? 0 : ((total - done) * elapsed) / done;
      const { requests, rateLimited } = event.stats;
      io.progress(
        redact(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows  ${(requests / Math.max(elapsed, 0.001)).toFixed(1)} req/s  ${rateLimited} 429s waited  ${seconds(left * 1000)} left`),
      );
    },
    done() {
      if (drawn) io.stdout('');
    },
  };
}
