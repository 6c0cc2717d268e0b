// `commerce-variants mock <api> [--port N]`: serves the API's bundled spec with Prism on 127.0.0.1
// until SIGINT or SIGTERM, which stop Prism before the command exits. Prints the URL on stdout
// (one line, for scripts to read) and Prism's request log on stderr.
// With --stateful it serves the fake store instead (src/fake): no Prism, state kept between
// requests, one stderr line per answered request. Each way is loaded only when asked for.
import { readFile } from 'node:fs/promises';
import { MockError } from '../testing/mock-error.js';
import { parsePort } from '../testing/ports.js';
import { bundledApis, isBundledApi } from '../testing/specs.js';
import type { CommandHelp } from './help.js';
import { watchLauncher } from './launcher.js';

const defaultPorts = Object.entries(bundledApis)
  .map(([api, { defaultPort }]) => `${defaultPort} for ${api}`)
  .join(', ');

export const help: CommandHelp = {
  usage: 'mock <api> [--port N] [--stateful [--seed FILE] [--rate-limit N/SECONDS|off] [--faults RATE[:SEED]] [--async-delay MS]]',
  description:
    "Serves the API's bundled spec with Prism on 127.0.0.1 until Ctrl-C or SIGTERM: the contract mock. The URL goes to stdout;\n" +
    "Prism's request log, with the reason for each request it refuses, to stderr. With --stateful it serves a fake store\n" +
    'instead: it keeps state and behaves like the vendor, needs no Prism, and logs "METHOD /path STATUS" per answer.',
  options: [
    ['<api>', Object.keys(bundledApis).join(' or ')],
    ['--port N', `loopback port to listen on (default: ${defaultPorts})`],
    ['--stateful', 'serve the fake store (state, vendor errors, rate limits, faults) instead of the Prism contract mock'],
    ['--seed FILE', "JSON file of the fake store's starting state, in the seed format (default: the default catalogue)"],
    ['--rate-limit N/SECONDS|off', "the fake's quota, e.g. 20/0.2 (default: the vendor's, ecwid 600/60, bigcommerce 150/30)"],
    ['--faults RATE[:SEED]', 'share of requests (0-1) answered with an injected fault, and its seed, e.g. 0.1:42 (default: none)'],
    ['--async-delay MS', 'milliseconds before an async image upload lands in the fake (default 200)'],
  ],
  environment: [],
  exitCodes: [
    [0, "stopped by Ctrl-C or SIGTERM (or, under npx and npm run, npm's shell ending)"],
    [1, 'the mock ended by itself (Prism exited)'],
    [2, 'could not start: usage, unknown api, bad or busy port, unreadable seed, Prism not installed'],
  ],
};

interface MockArgs {
  api: string;
  port: number | undefined;
  stateful: boolean;
  seed?: string;
  rateLimit?: { requests: number; windowMs: number } | false;
  faults?: { rate: number; seed?: number };
  asyncDelayMs?: number;
}

const statefulOptions = ['--seed', '--rate-limit', '--faults', '--async-delay'];
const number = (text: string) => (/^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined);

/** The arguments, or the one line that says what is wrong with them. */
function parse(args: string[]): MockArgs | string {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let stateful = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const name = arg.split('=')[0]!;
    if (arg === '--stateful') stateful = true;
    else if (name === '--port' || statefulOptions.includes(name)) {
      values.set(name, arg.includes('=') ? arg.slice(name.length + 1) : (args[++index] ?? ''));
    } else if (arg.startsWith('-')) return `unknown option '${arg}' (see --help)`;
    else positional.push(arg);
  }
  if (positional.length !== 1) return `expected one api, got ${positional.length} (see --help)`;
  const port = values.get('--port');
  const portNumber = port === undefined ? undefined : parsePort(port);
  if (port !== undefined && portNumber === undefined) return `--port ${port || '(missing)'} is not a port number (1-65535)`;
  const parsed: MockArgs = { api: positional[0]!, port: portNumber, stateful };
  const onlyStateful = statefulOptions.find((option) => values.has(option));
  if (onlyStateful && !stateful) return `${onlyStateful} needs --stateful (the Prism mock keeps no state)`;

  const seed = values.get('--seed');
  if (seed !== undefined) {
    if (seed === '') return '--seed needs a file';
    parsed.seed = seed;
  }
  const rateLimit = values.get('--rate-limit');
  if (rateLimit === 'off') parsed.rateLimit = false;
  else if (rateLimit !== undefined) {
    const [requests, seconds] = rateLimit.split('/').map(number);
    if (!requests || !Number.isInteger(requests) || !seconds || rateLimit.split('/').length !== 2) {
      return `--rate-limit ${rateLimit || '(missing)'} is not N/SECONDS (e.g. 150/30 or 20/0.2) or off`;
    }
    parsed.rateLimit = { requests, windowMs: seconds * 1000 };
  }
  const faults = values.get('--faults');
  if (faults !== undefined) {
    const [rate, seed, ...rest] = faults.split(':');
    const rateNumber = number(rate ?? '');
    const seedNumber = seed === undefined ? undefined : /^\d+$/.test(seed) ? Number(seed) : Number.NaN;
    if (rateNumber === undefined || rateNumber > 1 || Number.isNaN(seedNumber) || rest.length > 0) {
      return `--faults ${faults || '(missing)'} is not RATE[:SEED] (a share from 0 to 1, e.g. 0.1:42)`;
    }
    parsed.faults = { rate: rateNumber, ...(seedNumber !== undefined && { seed: seedNumber }) };
  }
  const delay = values.get('--async-delay');
  if (delay !== undefined) {
    const ms = number(delay);
    if (ms === undefined) return `--async-delay ${delay || '(missing)'} is not a number of milliseconds`;
    parsed.asyncDelayMs = ms;
  }
  return parsed;
}

interface Serving {
  url: string;
  stop(): Promise<void>;
}

/** The Prism contract mock. */
async function servePrism(api: string, port: number | undefined, onExit: (exitCode: number) => void): Promise<Serving> {
  const { launchMock } = await import('../testing/mock.js');
  return launchMock(api, {
    port,
    onOutput: (text) => process.stderr.write(text),
    onExit: (code) => {
      console.error(`commerce-variants mock: Prism exited with code ${code}`);
      onExit(1);
    },
  });
}

/** The stateful fake store; a one-line reason (exit 2) when the API, the seed or an option is wrong. */
async function serveFake(args: MockArgs, port: number | undefined): Promise<Serving | string> {
  const { createFakeStore } = await import('../fake/create.js');
  const { FakeStoreError } = await import('../fake/errors.js');
  if (!isBundledApi(args.api)) return `unknown api '${args.api}': choose one of ${Object.keys(bundledApis).join(', ')}`;
  let seed: unknown;
  if (args.seed !== undefined) {
    try {
      seed = JSON.parse(await readFile(args.seed, 'utf8'));
    } catch (error) {
      return `cannot read the seed ${args.seed}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  try {
    const fake = createFakeStore(args.api, {
      ...(seed !== undefined && { seed: seed as never }),
      ...(args.rateLimit !== undefined && { rateLimit: args.rateLimit }),
      ...(args.faults && { faults: args.faults }),
      ...(args.asyncDelayMs !== undefined && { asyncDelayMs: args.asyncDelayMs }),
      onRequest: ({ method, path, status, fault }) =>
        process.stderr.write(`${method} ${path} ${status === 0 ? 'reset' : status}${fault ? ` (fault ${fault})` : ''}\n`),
    });
    return await fake.listen({ ...(port !== undefined && { port }) });
  } catch (error) {
    if (error instanceof FakeStoreError) return error.message;
    throw error;
  }
}

export async function run(args: string[]): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    console.error(`commerce-variants mock: ${parsed}`);
    return 2;
  }
  const { api } = parsed;
  const port = parsed.port ?? (isBundledApi(api) ? bundledApis[api].defaultPort : undefined);

  // Listening from the start, so that a signal during start-up still stops the mock.
  let stopRequested!: (exitCode: number) => void;
  const stopped = new Promise<number>((resolve) => (stopRequested = resolve));
  const onSignal = () => stopRequested(0);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const unwatch = watchLauncher(() => stopRequested(0));
  try {
    const mock = parsed.stateful ? await serveFake(parsed, port) : await servePrism(api, port, stopRequested);
    if (typeof mock === 'string') {
      console.error(`commerce-variants mock: ${mock}`);
      return 2;
    }
    console.log(`${api} mock: ${mock.url}`);
    const exitCode = await stopped;
    await mock.stop();
    return exitCode;
  } catch (error) {
    if (!(error instanceof MockError)) throw error;
    console.error(`commerce-variants mock: ${error.message}${error.code === 'PORT_IN_USE' ? ': pick another with --port N' : ''}`);
    return 2;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    unwatch();
  }
}
