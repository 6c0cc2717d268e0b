// The retry middleware both clients share: a timeout on every attempt, retries that never repeat a
// write which may have been applied, and typed errors for failures that are not HTTP answers.
//
// It is the innermost middleware (the clients keep it last). openapi-fetch sends the first attempt;
// the middleware's onResponse / onError sends any further ones and hands back the final answer, with
// its body already read under the attempt's timeout. Middleware around it sees one request and one
// answer per call, however many attempts it took.
import type { Middleware, ParseAs } from 'openapi-fetch';
import { timeoutSignal } from './deadlines.js';
import { NetworkError, RequestAbortedError, RequestTimeoutError, errorUrl } from './errors.js';
import { keepBody } from './kept-body.js';
import { findOperation, type OperationInfo, type OperationTable } from './operation.js';
import { rateLimitWait, retryAfterWait } from './rate-limit.js';

export interface RetryOptions {
  /** Most times one call is sent, the first included. Default 3. */
  attempts?: number | undefined;
  /** Longest wait before a retry; an answer asking for longer is returned, not retried. Default 60 000. */
  maxDelayMs?: number | undefined;
  /** First backoff step for 5xx and network failures, doubled each attempt. Default 500. */
  baseDelayMs?: number | undefined;
}

export interface ReliabilityOptions {
  /** `false` turns retries off. */
  retry?: false | RetryOptions | undefined;
  /** Per attempt, until the whole answer is read; `Infinity` for none. Default 30 000. A call may pass its own. */
  timeoutMs?: number | undefined;
}

/** Per-call options, next to openapi-fetch's own (`params`, `body`, `signal`, ...). */
export interface CallOptions {
  timeoutMs?: number | undefined;
}

const defaultTimeoutMs = 30_000;

/** The client's retry settings: defaults for what it leaves out, a TypeError for what cannot work. */
function retrySettings(retry: ReliabilityOptions['retry']): Required<RetryOptions> {
  // `false`: one attempt, so the delays never apply.
  const { attempts = 3, maxDelayMs = 60_000, baseDelayMs = 500 } = retry === false ? { attempts: 1 } : (retry ?? {});
  if (!(Number.isInteger(attempts) && attempts >= 1)) {
    throw new TypeError(`retry.attempts must be a whole number >= 1, not ${attempts}`);
  }
  if (!(typeof maxDelayMs === 'number' && maxDelayMs >= 0 && typeof baseDelayMs === 'number' && baseDelayMs >= 0)) {
    throw new TypeError(`retry.maxDelayMs and baseDelayMs must be numbers >= 0, not ${maxDelayMs} and ${baseDelayMs}`);
  }
  return { attempts, maxDelayMs, baseDelayMs };
}

/** A timeout in milliseconds: more than 0, `Infinity` for none. */
function checkTimeout(value: number): number {
  if (!(typeof value === 'number' && value > 0)) throw new TypeError(`timeoutMs must be a number > 0 (Infinity for none), not ${value}`);
  return value;
}

interface Call {
  operation: OperationInfo;
  timeoutMs: number;
  /** The caller's own signal, or the request's when the request is not the one the call built. */
  callerSignal: AbortSignal | undefined;
  fetch: typeof globalThis.fetch;
  parseAs: ParseAs;
  /** The request openapi-fetch sends first; sent again as is when it has no body. */
  request: Request;
  /** An unsent copy of a request with a body, for the next attempt. */
  spare: Request | undefined;
  attempts: number;
  /** The current attempt's timeout, and how to unhook the signal fetch follows from the caller's. */
  timeout: AbortSignal;
  release: (() => void) | undefined;
  settled: boolean;
}

/**
 * The call each request belongs to, from the moment openapi-fetch builds it, kept on the request
 * under a private symbol: a WeakMap cost about 0.5 % of a loopback call in an interleaved benchmark.
 */
const callKey = Symbol('call');
type CallCarrier = Request & { [callKey]?: Call };

/** A call as its Request is built; the retry middleware fills in the rest (`!`) when it sees it. */
function newCall(request: Request, callerSignal: AbortSignal | undefined, timeoutMs: number | undefined): Call {
  // Every field from the start, so that all calls share one object shape.
  return {
    operation: undefined!,
    timeoutMs: timeoutMs!,
    callerSignal,
    fetch: undefined!,
    parseAs: undefined!,
    request,
    spare: undefined,
    attempts: 0,
    timeout: undefined!,
    release: undefined,
    settled: false,
  };
}

/**
 * How the clients have openapi-fetch build each call's Request: an ordinary Request, whose call
 * starts here, with the call's own `signal` and `timeoutMs`. (The request's signal follows the
 * caller's, but listening to it on every call would cost as much as the rest of the middleware, and
 * a Request subclass measured slower than this.)
 */
export const CallRequest = function CallRequest(input: RequestInfo | URL, init?: RequestInit & CallOptions) {
  // Checked here, before any middleware runs, so that a bad value never gets as far as a request.
  const timeoutMs = init?.timeoutMs === undefined ? undefined : checkTimeout(init.timeoutMs);
  const request = new Request(input, init);
  (request as CallCarrier)[callKey] = newCall(request, init?.signal ?? undefined, timeoutMs);
  return request;
} as unknown as typeof Request;
// openapi-fetch checks what middleware returns with `instanceof` this constructor.
CallRequest.prototype = Request.prototype;

/** What one attempt ended with: an HTTP answer, or a thrown error. */
type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

/**
 * The fetch the clients give openapi-fetch: the real one, told the current attempt's signal. The
 * caller's signal is joined in only here, when the request is really sent, and unhooked when the
 * attempt ends.
 */
export function fetchWithAttemptSignal(fetch: typeof globalThis.fetch = globalThis.fetch) {
  return (request: Request) => {
    const call = (request as CallCarrier)[callKey];
    if (!call?.timeout) return fetch(request);
    let signal = call.timeout;
    if (call.callerSignal) ({ signal, release: call.release } = joined(call.callerSignal, call.timeout));
    return fetch(request, { signal });
  };
}

/** Calls `onAbort` once `signal` aborts (at once if it has); the returned function stops listening. */
function listen(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return () => signal?.removeEventListener('abort', onAbort);
}

/**
 * The caller's signal and the attempt's timeout as one signal, unhooked again when the attempt ends:
 * AbortSignal.any would leave an entry on a long-lived caller signal for every attempt (Node 20).
 */
function joined(callerSignal: AbortSignal, timeout: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const unhooks = [callerSignal, timeout].map((signal) => listen(signal, () => controller.abort(signal.reason)));
  return { signal: controller.signal, release: () => unhooks.forEach((unhook) => unhook()) };
}

export function retryMiddleware(operations: OperationTable, options: ReliabilityOptions): Middleware {
  const retry = retrySettings(options.retry);
  const clientTimeoutMs = checkTimeout(options.timeoutMs ?? defaultTimeoutMs);

  function backoff(attempts: number): number {
    return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempts - 1));
  }

  /** How long to wait before sending again, or undefined to stop with this outcome. */
  function retryDelay(call: Call, outcome: Outcome): number | undefined {
    if (call.attempts >= retry.attempts || call.callerSignal?.aborted) return undefined;
    if (outcome.response) {
      const { status, headers } = outcome.response;
      let wait: number;
      // A 429 was not processed, so any operation may be sent again; a 5xx only a safe one.
      if (status === 429) wait = rateLimitWait(headers) ?? backoff(call.attempts);
      // BigCommerce's rate-limit headers come on every answer; only Retry-After speaks to a 5xx.
      else if (status >= 500 && call.operation[1]) wait = retryAfterWait(headers) ?? backoff(call.attempts);
      else return undefined;
      return wait <= retry.maxDelayMs ? wait : undefined;
    }
    // Fetch itself refused (a bad port, an unknown scheme): no attempt can do better.
    if (fetchRefusal(outcome.error) !== undefined) return undefined;
    // Refused: nothing reached the server, so even a create may be sent again.
    if (errorCode(outcome.error) === 'ECONNREFUSED' || call.operation[1]) return backoff(call.attempts);
    return undefined;
  }

  function send(call: Call, request: Request): void {
    // fetch sends nothing for a caller who has already given up.
    if (!call.callerSignal?.aborted) call.attempts += 1;
    call.timeout = timeoutSignal(call.timeoutMs);
    // fetch consumes a body, so a request that may be sent again keeps an unsent copy.
    call.spare = call.attempts < retry.attempts && request.body !== null ? request.clone() : undefined;
  }

  async function sendAgain(call: Call): Promise<Outcome> {
    const request = call.spare ?? call.request;
    send(call, request);
    (request as CallCarrier)[callKey] = call;
    try {
      return { response: await call.fetch(request) };
    } catch (error) {
      return { error };
    }
  }

  function failure(call: Call, error: unknown): Error {
    const details = {
      operationId: call.operation[0],
      method: call.request.method,
      url: errorUrl(call.request.url),
      attempts: call.attempts,
    };
    if (call.callerSignal?.aborted) return new RequestAbortedError(details);
    if (call.timeout.aborted) return new RequestTimeoutError({ ...details, timeoutMs: call.timeoutMs });
    return new NetworkError({ ...details, cause: error, code: errorCode(error), refusal: fetchRefusal(error) });
  }

  /** Follows one call from its first outcome to the answer it returns, or the error it throws. */
  async function settle(call: Call, outcome: Outcome): Promise<Response> {
    for (;;) {
      let wait = retryDelay(call, outcome);
      if (outcome.response && wait === undefined) {
        try {
          await keepBody(outcome.response, call.parseAs);
        } catch (error) {
          // Cut off or timed out while the body came: as good as no answer.
          outcome = { error };
          wait = retryDelay(call, outcome);
        }
      }
      // The attempt is over: unhook its signal from the caller's.
      call.release?.();
      call.release = undefined;
      if (outcome.response && wait === undefined) {
        call.settled = true;
        return outcome.response;
      }
      // Release the connection of an answer that is being replaced.
      outcome.response?.body?.cancel().catch(() => {});
      try {
        if (wait === undefined) throw outcome.error;
        await sleep(wait, call.callerSignal);
      } catch (error) {
        call.settled = true;
        throw failure(call, error);
      }
      outcome = await sendAgain(call);
    }
  }

  const callFor = (request: Request) => {
    const call = (request as CallCarrier)[callKey];
    return call && !call.settled ? call : undefined;
  };

  return {
    onRequest({ request, schemaPath, options: { fetch, parseAs } }) {
      let call = (request as CallCarrier)[callKey];
      if (call === undefined) {
        // Another middleware built this request: its signal follows the call's, so listen to it.
        call = newCall(request, request.signal, undefined);
        (request as CallCarrier)[callKey] = call;
      }
      call.operation = findOperation(operations, request.method, schemaPath);
      call.timeoutMs ??= clientTimeoutMs;
      call.fetch = fetch;
      call.parseAs = parseAs;
      send(call, request);
    },
    onResponse({ request, response }) {
      const call = callFor(request);
      return call && settle(call, { response });
    },
    async onError({ request, error }) {
      const call = callFor(request);
      if (!call) return undefined;
      // An Error returned here goes on to other middleware's onError, then to the caller.
      return settle(call, { error }).catch((failed: Error) => failed);
    },
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unhook();
      resolve();
    }, ms);
    const unhook = listen(signal, () => {
      clearTimeout(timer);
      reject(signal!.reason);
    });
  });
}

/**
 * Fetch's own refusals to send a request, by the message of the error it gives as the cause (Node's
 * fetch rejects with `TypeError('fetch failed')` and that cause). Only these are known to have sent
 * nothing; any other failure may have reached the server. They carry no URL or header value, so
 * the reason can be shown as it is.
 */
const refusals = /^(bad port|unknown scheme|[a-z][\w+.-]* scheme is not supported)$/;

/** Why fetch refused to send a request, or undefined for any other failure. */
function fetchRefusal(error: unknown): string | undefined {
  const { cause } = error as { cause?: unknown };
  if (error instanceof TypeError && cause instanceof Error && refusals.test(cause.message)) return cause.message;
  return undefined;
}

/** The system error code (ECONNREFUSED, ECONNRESET, ...) somewhere in fetch's cause chain. */
function errorCode(error: unknown, depth = 5): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return typeof code === 'string' ? code : depth ? errorCode(cause, depth - 1) : undefined;
}
