// `commerce-variants mock <api> [--port N]`: serves the API's bundled spec with Prism on 127.0.0.1
// until SIGINT or SIGTERM, which stop Prism before the command exits. Prints the URL on stdout
// (one line, for scripts to read) and Prism's request log on stderr.
import { MockError } from '../testing/mock-error.js';
import { launchMock } from '../testing/mock.js';
import { parsePort } from '../testing/ports.js';
import { bundledApis, isBundledApi } from '../testing/specs.js';
import { type CommandHelp, formatHelp, wantsHelp } from './help.js';
import { watchLauncher } from './launcher.js';

const defaultPorts = Object.entries(bundledApis)
  .map(([api, { defaultPort }]) => `${defaultPort} for ${api}`)
  .join(', ');

export const help: CommandHelp = {
  usage: 'mock <api> [--port N]',
  description: "Serves the API's bundled spec with Prism on 127.0.0.1 until Ctrl-C or SIGTERM. The URL goes to stdout;\nPrism's request log, with the reason for each request it refuses, to stderr.",
  options: [
    ['<api>', Object.keys(bundledApis).join(' or ')],
    ['--port N', `loopback port to listen on (default: ${defaultPorts})`],
  ],
  environment: [],
  exitCodes: [
    [0, 'stopped by Ctrl-C or SIGTERM (or, under npx and npm run, npm\'s shell ending)'],
    [1, 'Prism exited by itself'],
    [2, 'could not start: usage, unknown api, bad or busy port, Prism not installed'],
  ],
};

interface MockArgs {
  api: string;
  port: number | undefined;
}

/** The arguments, or the one line that says what is wrong with them. */
function parse(args: string[]): MockArgs | string {
  const positional: string[] = [];
  let port: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--port') port = args[++index] ?? '';
    else if (arg.startsWith('--port=')) port = arg.slice('--port='.length);
    else if (arg.startsWith('-')) return `unknown option '${arg}' (see --help)`;
    else positional.push(arg);
  }
  if (positional.length !== 1) return `expected one api, got ${positional.length} (see --help)`;
  const number = port === undefined ? undefined : parsePort(port);
  if (port !== undefined && number === undefined) return `--port ${port || '(missing)'} is not a port number (1-65535)`;
  return { api: positional[0]!, port: number };
}

export async function run(args: string[]): Promise<number> {
  if (wantsHelp(args)) {
    console.log(formatHelp(help));
    return 0;
  }
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    console.error(`commerce-variants mock: ${parsed}`);
    return 2;
  }
  const { api } = parsed;
  const port = parsed.port ?? (isBundledApi(api) ? bundledApis[api].defaultPort : undefined);

  // Listening from the start, so that a signal during Prism's start-up still stops it.
  let stopRequested!: (exitCode: number) => void;
  const stopped = new Promise<number>((resolve) => (stopRequested = resolve));
  const onSignal = () => stopRequested(0);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const unwatch = watchLauncher(() => stopRequested(0));
  try {
    const mock = await launchMock(api, {
      port,
      onOutput: (text) => process.stderr.write(text),
      onExit: (code) => {
        console.error(`commerce-variants mock: Prism exited with code ${code}`);
        stopRequested(1);
      },
    });
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
