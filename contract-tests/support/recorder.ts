// A loopback proxy that records each request exactly as it arrived on the wire, then forwards it to
// the mock. It lets a test prove what the client sent (bytes, headers) while Prism still validates it.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type Listening, listenOnLoopback } from './loopback.js';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RecordedAnswer {
  status: number;
  /** The mock's headers, `sl-violations` among them when Prism found the request wrong. */
  headers: Headers;
}

export interface Recorder extends Listening {
  requests: RecordedRequest[];
  /** The mock's answer to each request, in the same order. */
  answers: RecordedAnswer[];
}

export async function startRecorder(target: string): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const answers: RecordedAnswer[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
    requests.push(recorded);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'host' && name !== 'connection' && value !== undefined) headers.set(name, String(value));
    }
    const answer = await fetch(new URL(recorded.url, target), {
      method: recorded.method,
      headers,
      ...(recorded.body.length > 0 && { body: recorded.body }),
    }).catch((error: unknown) => new Response(`recorder could not reach the mock: ${error}`, { status: 502 }));
    answers[requests.indexOf(recorded)] = { status: answer.status, headers: answer.headers };
    const forwarded: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection') forwarded[name] = value;
    });
    const body = Buffer.from(await answer.arrayBuffer());
    forwarded['content-length'] = String(body.length);
    res.writeHead(answer.status, forwarded).end(body);
  });
  return { ...(await listenOnLoopback(server)), requests, answers };
}
