// startMock: a Prism mock of one bundled API, for a test runner's global setup or the CLI.
import { MockError } from './mock-error.js';
import { freePort, isPortNumber } from './ports.js';
import { startPrism } from './prism.js';
import { bundledApis, isBundledApi, specPath, type BundledApi } from './specs.js';

export interface MockOptions {
  /** Listen on this loopback port; without it, on a free one. */
  port?: number | undefined;
  /** How long Prism may take to start listening before it is stopped and the start rejects. Default 30 000. */
  startTimeoutMs?: number | undefined;
}

export interface RunningMock {
  /** The mock's base URL, e.g. `http://127.0.0.1:4010`: a client's `baseUrl`. */
  url: string;
  /** Stops Prism; resolves once its process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** What the CLI adds: Prism's log, and word when Prism ends by itself. */
export interface LaunchOptions extends MockOptions {
  onOutput?: (text: string) => void;
  onExit?: (code: number | null) => void;
}

/**
 * Starts a Prism mock serving the API's bundled spec on 127.0.0.1 and resolves once it listens.
 * Rejects with a MockError (one line) when Prism is not installed, the API is unknown or the port
 * is taken.
 */
export const startMock: (api: BundledApi, options?: MockOptions) => Promise<RunningMock> = (api, options) =>
  launchMock(api, options);

/** startMock for any name (the CLI's argument) and with the CLI's extra options. */
export async function launchMock(api: string, options: LaunchOptions = {}): Promise<RunningMock> {
  if (!isBundledApi(api)) {
    throw new MockError('UNKNOWN_API', `unknown api '${api}': choose one of ${Object.keys(bundledApis).join(', ')}`);
  }
  const { port, onOutput, onExit, startTimeoutMs } = options;
  if (port !== undefined && !isPortNumber(port)) {
    throw new MockError('BAD_PORT', `port ${port} is not a port number (1-65535)`);
  }
  return startPrism(specPath(api), { port: port ?? (await freePort()), onOutput, onExit, startTimeoutMs });
}
