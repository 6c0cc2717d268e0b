// What a call carries from the method it is made with (GET, POST, ...) to the fetch that sends it,
// outside openapi-fetch's middleware: a middleware of the client's own would cost every call
// openapi-fetch's middleware machinery (a random id, frozen options, awaited hooks), about 1.7 % of
// a loopback call. So the clients register none, and a user's middleware is the only one there is.
import type { Client, ParseAs } from 'openapi-fetch';
import { checkTimeout } from './deadlines.js';
import { findOperation, type OperationInfo, type OperationTable } from './operation.js';

/** A fetch as the clients call it: the request, and the attempt's signal. */
export type Fetch = (request: Request, init: { signal: AbortSignal }) => Promise<Response>;

export interface Call {
  operation: OperationInfo;
  parseAs: ParseAs;
  /** The call's own fetch, or undefined for the client's. */
  fetch: Fetch | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
  /** The Request built for the call, once it is; a user's middleware may send another in its place. */
  request: Request | undefined;
}

/** Sends a call's request, however many attempts that takes. */
export type CallSender = (call: Call, request: Request) => Promise<Response>;

/**
 * openapi-fetch hands a call's options on to the Request constructor (a spread keeps symbol keys,
 * and its `for…in` copy onto the request skips them), so the call rides there, out of sight.
 */
const callKey = Symbol('call');

/** A call's options as the clients' methods receive them: openapi-fetch's, plus `timeoutMs`. */
type CallInit = { parseAs?: ParseAs; fetch?: Fetch; signal?: AbortSignal | null; timeoutMs?: number } | undefined;

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * Makes every method of `client` send through `send`: each call gets its own fetch, which knows the
 * call even when a user's middleware replaces its Request.
 */
export function sendCallsWith<Paths extends {}>(client: Client<Paths>, operations: OperationTable, send: CallSender): void {
  function withCall(method: string, schemaPath: string, init: CallInit) {
    // Every field from the start, so that all calls share one object shape.
    const call: Call = {
      operation: findOperation(operations, method, schemaPath),
      parseAs: init?.parseAs ?? 'json',
      fetch: init?.fetch,
      signal: init?.signal ?? undefined,
      timeoutMs: init?.timeoutMs,
      request: undefined,
    };
    return { ...init, fetch: (request: Request) => send(call, request), [callKey]: call };
  }
  type Method = (url: string, init: CallInit) => Promise<unknown>;
  const methodsOf = client as unknown as Record<(typeof methods)[number], Method>;
  for (const method of methods) {
    const unwrapped = methodsOf[method];
    methodsOf[method] = (url, init) => unwrapped(url, withCall(method, url, init));
  }
  const request = client.request as unknown as (method: string, url: string, init: CallInit) => Promise<unknown>;
  (client as { request: typeof request }).request = (method, url, init) => request(method, url, withCall(method.toUpperCase(), url, init));
}

/**
 * The Request constructor the clients give openapi-fetch: an ordinary Request, with `headers` (the
 * credential) set after the call's own, so that a call cannot replace them and a user's middleware
 * sees them.
 */
export function callRequest(headers: Record<string, string>): typeof Request {
  const fixed = Object.entries(headers);
  const CallRequest = function CallRequest(input: RequestInfo | URL, init?: RequestInit & { [callKey]?: Call }) {
    const call = init?.[callKey];
    // Checked here, before any middleware runs, so that a bad value never gets as far as a request.
    if (call?.timeoutMs !== undefined) checkTimeout(call.timeoutMs);
    const request = new Request(input, init);
    for (const [name, value] of fixed) request.headers.set(name, value);
    if (call) call.request = request;
    return request;
  } as unknown as typeof Request;
  // openapi-fetch checks what middleware returns with `instanceof` this constructor.
  CallRequest.prototype = Request.prototype;
  return CallRequest;
}
