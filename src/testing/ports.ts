// Loopback ports for mocks: a free one when the caller does not care, and a check that a chosen one
// is free, so that a clash is reported before Prism starts rather than read from its log.
import { once } from 'node:events';
import { createServer } from 'node:net';

export const loopback = '127.0.0.1';

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, loopback);
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export async function isPortFree(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, loopback);
  try {
    await once(server, 'listening');
  } catch {
    return false;
  }
  server.close();
  await once(server, 'close');
  return true;
}

/** A TCP port number a server can be asked to listen on. */
export const isPortNumber = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65535;

/** The port a command-line or environment value names: decimal digits only, in range; else undefined. */
export function parsePort(text: string): number | undefined {
  const port = Number(text);
  return /^\d+$/.test(text) && isPortNumber(port) ? port : undefined;
}
