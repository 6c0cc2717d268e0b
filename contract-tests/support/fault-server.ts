// A loopback HTTP server that answers each request with the next scripted fault, for the client
// reliability tests. It counts what reached it, and closes every connection when stopped.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type Listening, listenOnLoopback } from './loopback.js';

export type Fault =
  /** An answer; with `cut`, only its headers and half its body come before the connection is cut. */
  | { status: number; headers?: Record<string, string>; body?: unknown; cut?: boolean }
  /** Send headers and half a body, then cut the connection. */
  | 'reset-mid-response'
  /** Send headers and half a body, then nothing more. */
  | 'stall-mid-response'
  /** Read the request and never answer. */
  | 'hang';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

export interface FaultServer extends Listening {
  seen: SeenRequest[];
}

/** Answers request n with faults[n]; once the script runs out, repeats its last entry. */
export async function startFaultServer(faults: Fault[]): Promise<FaultServer> {
  const seen: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks), at: Date.now() });
    const fault = faults[Math.min(seen.length, faults.length) - 1]!;
    if (fault === 'hang') return;
    if (fault === 'reset-mid-response' || fault === 'stall-mid-response') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '64' });
      res.write('{"id": 1, "sku": "trunc');
      if (fault === 'reset-mid-response') setTimeout(() => res.destroy(), 10);
      return;
    }
    const body = fault.body === undefined ? '' : JSON.stringify(fault.body);
    const length = fault.cut ? { 'Content-Length': String(Buffer.byteLength(body)) } : {};
    res.writeHead(fault.status, { 'Content-Type': 'application/json', ...length, ...fault.headers });
    if (!fault.cut) return res.end(body);
    res.write(body.slice(0, body.length >> 1));
    setTimeout(() => res.destroy(), 10);
  });
  return { ...(await listenOnLoopback(server)), seen };
}
