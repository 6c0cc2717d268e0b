// `commerce-variants verify <api> --product ID …`: checks a store (or any base URL) against the
// bundled spec through this package's own clients. Read-only unless --write; exit 0 when every check
// passed (notes allowed), 1 when one found a violation, 2 when verify could not run.
import { writeFileSync } from 'node:fs';
import { credentialHelp, credentials, readCredentials } from './credentials.js';
import type { CommandHelp } from './help.js';
import { watchLauncher } from './launcher.js';
import { createBigCommerceClient } from '../bigcommerce.js';
import { createEcwidClient } from '../ecwid.js';
import { type ApiName, parseArgs, synopsis, usage, UsageError, type VerifyOptions } from '../verify/args.js';
import { bigCommercePlan } from '../verify/bigcommerce.js';
import { ecwidPlan } from '../verify/ecwid.js';
import { junitXml } from '../verify/junit.js';
import { type Ledger, newLedger, type VendorPlan, wrongToken } from '../verify/plan.js';
import { redactor } from '../verify/redact.js';
import { Report } from '../verify/report.js';
import { CannotRun, createSession, type Session, StepFailed } from '../verify/session.js';
import { loadSpec } from '../verify/spec.js';

export interface VerifyIo {
  env: Record<string, string | undefined>;
  stdout(line: string): void;
  stderr(line: string): void;
  /** Where SIGINT and SIGTERM come from while --write runs. */
  signals: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  /** Calls back once when npm's shell around the command is gone, which counts as a signal (see launcher.ts). */
  watchLauncher?(onGone: () => void): () => void;
  exit(code: number): void;
}

const processIo: VerifyIo = {
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  signals: process,
  watchLauncher,
  exit: (code) => process.exit(code),
};

export { credentials };

export const help: CommandHelp = {
  usage: synopsis,
  description:
    'Checks a store (or any base URL) against the bundled spec, through this package\'s clients: read-only (GET requests)\n' +
    'unless --write. One line per check, then `verify: N passed, N failed, N notes`. The token is never printed.',
  options: [
    ['<api>', Object.keys(credentials).join(' or ')],
    ['--product ID', 'the product whose variations are checked (required)'],
    ['--base-url URL', "replaces the vendor's URL, store part included (then the store ID or hash is not needed)"],
    ['--junit FILE', 'also writes a JUnit XML report: a testcase per check, an <error> when verify could not run'],
    ['--write', 'also creates, updates, sets the image of and deletes one variation; cleanup always runs'],
    ['--option NAME=VALUE', 'with --write, once per option: the new variation\'s value (BigCommerce: OPTION_ID=VALUE_ID)'],
    ['--image-url URL', 'with --write: the image URL to set (default: the URL the store gave the uploaded image)'],
  ],
  environment: credentialHelp,
  exitCodes: [
    [0, 'every check passed (notes allowed)'],
    [1, 'at least one violation, or a --write step that failed'],
    [2, 'could not run (usage, credentials, store unreachable or refusing them, interrupted): a one-line reason on stderr'],
  ],
};

function createPlan(session: Session, options: VerifyOptions, store: string, token: string): VendorPlan {
  const { productId, baseUrl, options: optionValues, imageUrl } = options;
  // The wrong-token probe goes through a client of its own, built the same way.
  if (options.api === 'ecwid') {
    const [client, wrongTokenClient] = [token, wrongToken].map((t) => observed(session, createEcwidClient({ storeId: store, token: t, baseUrl })));
    return ecwidPlan(session, { client: client!, wrongTokenClient: wrongTokenClient!, productId, options: optionValues, imageUrl });
  }
  const [client, wrongTokenClient] = [token, wrongToken].map((t) =>
    observed(session, createBigCommerceClient({ storeHash: store, accessToken: t, baseUrl })),
  );
  return bigCommercePlan(session, { client: client!, wrongTokenClient: wrongTokenClient!, productId, options: optionValues, imageUrl });
}

/** The client, with the session's middleware seeing every final answer. */
function observed<Client extends { use(middleware: Session['middleware']): void }>(session: Session, client: Client): Client {
  client.use(session.middleware);
  return client;
}

/**
 * The write steps, then cleanup whatever happened; SIGINT/SIGTERM stop the steps, never the cleanup.
 * A second signal stops at once: `finishNow` still writes the summary and the JUnit file, then exits.
 */
async function writeAndCleanUp(session: Session, plan: VendorPlan, ledger: Ledger, io: VerifyIo, say: (line: string) => void, finishNow: (reason: string) => number) {
  const onSignal = (signal: string) => {
    if (session.interruptedBy === undefined) {
      session.interruptedBy = signal;
      say(`verify: ${signal}: stopping after the current request, then deleting what this run created`);
      return;
    }
    io.exit(finishNow(`${signal} again: stopped before cleanup finished; ${leftoverText(ledger)}`));
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) io.signals.on(signal, handler);
  const unwatch = io.watchLauncher?.(() => onSignal("npm's signal")) ?? (() => {});
  try {
    const started = performance.now();
    const stepsRan = (violations: string[]) =>
      session.report.add({ name: '--write', description: 'every write step ran', violations, notes: [], durationMs: performance.now() - started });
    try {
      await plan.write(ledger);
      stepsRan([]);
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
      // An interrupted run exits 2 and says so; a step that failed is a failed check.
      if (session.interruptedBy === undefined) stepsRan([`--write stopped: ${error.message}; cleanup ran`]);
    } finally {
      await plan.cleanup(ledger);
    }
  } finally {
    for (const [signal, handler] of handlers) io.signals.off(signal, handler);
    unwatch();
  }
}

function leftoverText(ledger: Ledger): string {
  const ids = [...new Set([...ledger.created, ...ledger.leftovers])].filter((id) => id !== ledger.deleting);
  const parts = [
    ...(ids.length > 0 ? [`created and not deleted: ${ids.join(', ')}`] : []),
    ...(ledger.deleting !== undefined ? [`may remain: ${ledger.deleting} (its delete was under way when verify stopped)`] : []),
    ...(ledger.unconfirmed ? [`anything with SKU ${ledger.sku}`] : []),
  ];
  return parts.length > 0 ? `delete by hand: ${parts.join('; ')}` : 'nothing it created is left';
}

export async function run(args: string[], io: VerifyIo = processIo): Promise<number> {
  let options: VerifyOptions;
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`verify: ${error.message}\n${usage}`);
    return 2;
  }
  const found = readCredentials(options.api, io.env, options.baseUrl);
  if ('missing' in found) {
    io.stderr(`verify: ${found.missing}`);
    return 2;
  }
  const { token, store } = found;
  // Nothing verify prints or writes may carry the token, whatever a store or an error message
  // echoes: values are redacted before they are cut short, and every line again as it goes out.
  const redact = redactor(token);
  const out = (line: string) => io.stdout(redact(line));
  const say = (line: string) => io.stderr(redact(line));

  const report = new Report(out, redact);
  const ledger = newLedger();
  let session: Session | undefined;
  let reason: string | undefined;
  /** Failed checks that are the reason the run stopped, not findings. */
  let stopFailures = 0;
  try {
    session = createSession(loadSpec(options.api), report, redact);
    const plan = createPlan(session, options, store, token);
    await plan.read();
    if (options.write) await writeAndCleanUp(session, plan, ledger, io, say, finish);
  } catch (error) {
    reason = error instanceof CannotRun ? error.message : `stopped: ${error instanceof Error ? error.message : String(error)}`;
    if (error instanceof CannotRun && error.reportedAsFailed) stopFailures = 1;
  }
  if (session?.interruptedBy) reason = `interrupted by ${session.interruptedBy}; ${leftoverText(ledger)}`;
  else if (options.write && (ledger.leftovers.length > 0 || ledger.unconfirmed)) say(`verify: ${leftoverText(ledger)}`);
  return finish(reason);

  /** The summary line, the JUnit file and the reason verify could not run, if any; synchronous, so a second signal can end with it. */
  function finish(cannotRun: string | undefined): number {
    let why = cannotRun;
    out(report.summary());
    if (options.junit !== undefined) {
      try {
        writeFileSync(options.junit, redact(junitXml(`verify ${options.api} product ${options.productId}`, report.checks, cannotRun)));
      } catch (error) {
        why ??= `cannot write the JUnit file: ${(error as Error).message}`;
      }
    }
    if (why !== undefined) say(`verify: ${why}`);
    // Violations found before verify had to stop stand: they decide the exit code over the stop.
    if (report.failed - stopFailures > 0) return 1;
    return why === undefined ? 0 : 2;
  }
}
