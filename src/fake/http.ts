// The fake over HTTP on 127.0.0.1: each request handed to the same handler `fetch` uses, and a
// reset fault answered by destroying the socket, as a dropped connection is.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { MockError } from '../testing/mock-error.js';
import { isPortNumber, loopback } from '../testing/ports.js';

/** Thrown by a handler to drop the connection instead of answering. */
export class ConnectionReset extends Error {
  constructor() {
    super('connection reset');
  }
}

export type Handler = (request: Request) => Promise<Response>;

export interface Listening {
  /** The base URL, e.g. `http://127.0.0.1:4010`, as the Prism mocks give it. */
  url: string;
  /** Stops listening and closes every connection; resolves once closed. Safe to call twice. */
  stop(): Promise<void>;
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = message.method ?? 'GET';
  const body = chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(message.url ?? '/', origin), { method, headers, body });
}

async function send(response: Response, reply: ServerResponse) {
  const body = Buffer.from(await response.arrayBuffer());
  reply.writeHead(response.status, Object.fromEntries(response.headers));
  reply.end(body);
}

export async function listen(handler: Handler, port = 0): Promise<Listening> {
  if (!isPortNumber(port) && port !== 0) throw new MockError('BAD_PORT', `port ${port} is not a port number (1-65535)`);
  let origin = '';
  const server = createServer((message, reply) => {
    toRequest(message, origin)
      .then(handler)
      .then((response) => send(response, reply))
      .catch((error: unknown) => {
        if (error instanceof ConnectionReset) message.socket.destroy();
        else {
          reply.writeHead(500, { 'content-type': 'text/plain' });
          reply.end(`fake store failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
  });
  server.listen(port, loopback);
  try {
    await once(server, 'listening');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new MockError('PORT_IN_USE', `port ${port} on ${loopback} is already in use`);
    }
    throw error;
  }
  origin = `http://${loopback}:${(server.address() as { port: number }).port}`;
  let closed: Promise<void> | undefined;
  return {
    url: origin,
    stop() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
