// A small static file server for dist/docs on loopback: enough for the sandbox and the docs tests,
// without adding a web server dependency.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Resolves a URL path inside `root`, or undefined when it would leave it. */
function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded);
  const file = join(root, relative);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/** Serves `root` on 127.0.0.1; port 0 picks a free one. Rejects with EADDRINUSE when it is taken. */
export async function serveDirectory(root: string, port: number): Promise<RunningServer> {
  const server = createServer(async (req, res) => {
    const file = fileFor(root, new URL(req.url ?? '/', 'http://localhost').pathname);
    const body = file && (await readFile(file).catch(() => undefined));
    if (!body || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(body ? 405 : 404, { 'Content-Type': 'text/plain' }).end(body ? 'Method Not Allowed' : 'Not Found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      // The site is rebuilt in place by `npm run docs`; a reload must show the new pages.
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    async stop() {
      server.close();
      server.closeAllConnections();
      await once(server, 'close');
    },
  };
}
