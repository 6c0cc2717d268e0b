// The one Prism launcher: `commerce-variants mock`, `startMock`, the contract suite and `npm start`
// all run `prism mock` through it. Prism is the package's optional peer dependency, so it is
// resolved from where this module is installed (the user's node_modules), never from a `.bin`
// path or `npx prism`, which in a project without it fetches an unrelated package of that name.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MockError } from './mock-error.js';
import { isPortFree, loopback } from './ports.js';

export const prismPackage = '@stoplight/prism-cli';
/** The release the package is tested with; 5.15 and later need Node 24. */
export const testedPrismVersion = '5.14.2';

/**
 * The path of Prism's CLI script as Node finds it from `from` (this module, so the user's install),
 * or a MockError saying how to install it.
 */
export function prismCli(from: string | URL = import.meta.url): string {
  let manifest: string;
  try {
    manifest = createRequire(from).resolve(`${prismPackage}/package.json`);
  } catch {
    throw new MockError('PRISM_MISSING', `Prism is not installed: npm install -D ${prismPackage}@${testedPrismVersion}`);
  }
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

/**
 * Loaded into Prism's process first: Prism exits when its stdin closes, which happens when the
 * process that started it ends, however it ends (a test runner killed mid-run included).
 */
const exitWithParent = 'data:text/javascript,process.stdin.on("end",()=>process.exit()).resume()';

/**
 * Loaded into Prism's process when the document declares `text/json` bodies (Ecwid's JSON calls read
 * `text/json` as well as `application/json`, with the same schema): Prism 5.14 parses only
 * `application/json` and `+json` bodies and checks any other as a string, so it would refuse every
 * `text/json` body. Relabelled, the body is parsed and checked against the same schema.
 */
const textJsonAsJson = `data:text/javascript,${encodeURIComponent(`
  import { Server } from 'node:http';
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (event, request, ...rest) {
    const type = request?.headers?.['content-type'];
    if (event === 'request' && type?.toLowerCase().startsWith('text/json')) {
      request.headers['content-type'] = 'application/json' + type.slice('text/json'.length);
    }
    return emit.call(this, event, request, ...rest);
  };
`)}`;

function declaresTextJson(document: string): boolean {
  try {
    // Only a regular file is read here: reading a pipe or a device could block this process.
    return statSync(document).isFile() && /["']?text\/json["']?\s*:/.test(readFileSync(document, 'utf8'));
  } catch {
    return false; // Prism reports a document it cannot read, in its own words.
  }
}

export interface PrismOptions {
  port: number;
  /** Prism's log once it listens (requests, validation results); dropped without it. */
  onOutput?: (text: string) => void;
  /** Called when Prism ends by itself, not through stop(). */
  onExit?: (code: number | null) => void;
  /** How long Prism may take to listen before it is killed and the start fails. Default 30 000. */
  startTimeoutMs?: number | undefined;
}

const defaultStartTimeoutMs = 30_000;

export interface RunningPrism {
  url: string;
  /** Stops Prism and resolves once its process has exited. */
  stop(): Promise<void>;
}

/** Serves an OpenAPI document with `prism mock` on loopback and resolves once Prism listens. */
export async function startPrism(document: string, options: PrismOptions): Promise<RunningPrism> {
  const cli = prismCli();
  const { port } = options;
  if (!(await isPortFree(port))) throw portInUse(port);
  // --no-multiprocess: one process to stop (Prism forks a worker when NODE_ENV=production).
  const preloads = [exitWithParent, ...(declaresTextJson(document) ? [textJsonAsJson] : [])];
  const child = spawn(
    process.execPath,
    [...preloads.flatMap((preload) => ['--import', preload]), cli, 'mock', document, '--host', loopback, '--port', String(port), '--no-multiprocess'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stopping = false;
  const exited = once(child, 'exit').then(([code]) => {
    if (!stopping) options.onExit?.(code as number | null);
  });
  // Killed for taking too long, it has not ended by itself: no onExit.
  const kill = () => {
    stopping = true;
    child.kill('SIGKILL');
  };
  await listening(child, port, options.startTimeoutMs ?? defaultStartTimeoutMs, kill);
  const forward = (chunk: Buffer) => options.onOutput?.(chunk.toString());
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  return {
    url: `http://${loopback}:${port}`,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const portInUse = (port: number) => new MockError('PORT_IN_USE', `port ${port} on ${loopback} is already in use`);

/**
 * Resolves when Prism says it listens; rejects with a one-line MockError when it exits first, or
 * when it does neither within `timeoutMs` (then it is killed first, so nothing is left running).
 */
function listening(child: ReturnType<typeof spawn>, port: number, timeoutMs: number, kill: () => void): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      child.once('exit', () =>
        reject(new MockError('PRISM_FAILED', `Prism did not start listening within ${timeoutMs / 1000} s, and was stopped`)),
      );
      kill();
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Prism is listening')) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      if (output.includes('EADDRINUSE')) return reject(portInUse(port));
      // Prism's own reason, its `fatal` log line, without colours.
      const reason = /fatal\s+(.+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]?.trim();
      reject(new MockError('PRISM_FAILED', `Prism exited with code ${code} before listening${reason ? `: ${reason}` : ''}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => reject(new MockError('PRISM_FAILED', `Prism could not start: ${error.message}`)));
  });
}
