// Timeouts, retries and typed transport errors, as one openapi-fetch middleware. It must be the
// first middleware registered: its onRequest then runs first (to arm the timeout) and its
// onResponse/onError run last (to see the final request and answer).
import type { Middleware } from 'openapi-fetch';
import { NetworkError, RequestAbortedError, RequestTimeoutError, scrubUrl } from './errors.js';
import { findOperation, type OperationInfo, type OperationTable } from './operation.js';
import { rateLimitWait } from './rate-limit.js';

export interface RetryOptions {
  /** Most times one call is sent, the first included. Default 3. */
  attempts?: number;
  /** Longest wait before a retry; a 429 asking for longer is returned, not retried. Default 60 000. */
  maxDelayMs?: number;
  /** First backoff step for 5xx and network failures, doubled each attempt. Default 500. */
  baseDelayMs?: number;
}

export interface TransportOptions {
  /** `false` turns retries off. */
  retry?: false | RetryOptions | undefined;
  /** Per attempt, until the whole answer is read. Default 30 000. A call may pass its own `timeoutMs`. */
  timeoutMs?: number | undefined;
}

/** Per-call options; openapi-fetch copies unknown call options onto the Request. */
export interface CallOptions {
  timeoutMs?: number;
}

export const defaultTimeoutMs = 30_000;
const defaultRetry: Required<RetryOptions> = { attempts: 3, maxDelayMs: 60_000, baseDelayMs: 500 };

interface Call {
  operation: OperationInfo;
  timeoutMs: number;
  callerSignal: AbortSignal;
  /** Kept to resend: a Request's body can be read only once. */
  body: ArrayBuffer | null;
  attempts: number;
  timeout?: AbortSignal;
}

type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

const nullBodyStatuses = new Set([101, 204, 205, 304]);

export function transport(operations: OperationTable, options: TransportOptions = {}): Middleware {
  const retry = options.retry === false ? { ...defaultRetry, attempts: 1 } : { ...defaultRetry, ...options.retry };
  const calls = new Map<string, Call>();

  function attemptSignal(call: Call): AbortSignal {
    call.timeout = AbortSignal.timeout(call.timeoutMs);
    return AbortSignal.any([call.callerSignal, call.timeout]);
  }

  /** Reads the whole answer inside the attempt, so the timeout and a reset mid-body count too. */
  async function complete(pending: Promise<Response>): Promise<Outcome> {
    try {
      const response = await pending;
      const body = nullBodyStatuses.has(response.status) ? null : await response.arrayBuffer();
      const buffered = new Response(body, response);
      // The constructor cannot set these; callers still expect them.
      Object.defineProperties(buffered, { url: { value: response.url }, redirected: { value: response.redirected } });
      return { response: buffered };
    } catch (error) {
      return { error };
    }
  }

  function backoff(call: Call): number {
    return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (call.attempts - 1));
  }

  /** How long to wait before sending again, or undefined to stop here. */
  function retryDelay(call: Call, outcome: Outcome): number | undefined {
    if (call.attempts >= retry.attempts || call.callerSignal.aborted) return undefined;
    if (outcome.response) {
      const { status, headers } = outcome.response;
      // A 429 was not processed, so any operation may be sent again, but only after the wait asked.
      if (status === 429) {
        const wait = rateLimitWait(headers) ?? backoff(call);
        return wait <= retry.maxDelayMs ? wait : undefined;
      }
      if (status >= 500 && call.operation.safeToRetry) return rateLimitWait(headers) ?? backoff(call);
      return undefined;
    }
    // Refused: nothing reached the server, so even a create may be sent again.
    if (errorCode(outcome.error) === 'ECONNREFUSED' || call.operation.safeToRetry) return backoff(call);
    return undefined;
  }

  function failure(call: Call, request: Request, error: unknown): Error {
    const details = {
      operationId: call.operation.operationId,
      method: request.method,
      url: scrubUrl(request.url),
      attempts: call.attempts,
    };
    if (call.callerSignal.aborted) return new RequestAbortedError(details);
    if (call.timeout?.aborted) return new RequestTimeoutError({ ...details, timeoutMs: call.timeoutMs });
    return new NetworkError({ ...details, cause: error, code: errorCode(error) });
  }

  async function settle(call: Call, request: Request, first: Promise<Response>, fetch: typeof globalThis.fetch) {
    let outcome = await complete(first);
    for (;;) {
      const wait = retryDelay(call, outcome);
      if (wait === undefined) return outcome.response ?? failure(call, request, outcome.error);
      try {
        await sleep(wait, call.callerSignal);
      } catch (error) {
        return failure(call, request, error);
      }
      call.attempts += 1;
      outcome = await complete(fetch(new Request(request, { body: call.body, signal: attemptSignal(call) })));
    }
  }

  function take(id: string): Call | undefined {
    const call = calls.get(id);
    calls.delete(id);
    return call;
  }

  return {
    async onRequest({ request, schemaPath, id }) {
      const call: Call = {
        operation: findOperation(operations, request.method, schemaPath),
        timeoutMs: (request as Request & CallOptions).timeoutMs ?? options.timeoutMs ?? defaultTimeoutMs,
        callerSignal: request.signal,
        body: retry.attempts > 1 && request.body ? await request.clone().arrayBuffer() : null,
        attempts: 1,
      };
      calls.set(id, call);
      return new Request(request, { signal: attemptSignal(call) });
    },
    async onResponse({ request, response, id, options: { fetch } }) {
      const call = take(id);
      // openapi-fetch also runs onResponse on the answer onError recovered; that one is settled.
      if (!call) return undefined;
      const answer = await settle(call, request, Promise.resolve(response), fetch);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    onError({ request, error, id, options: { fetch } }) {
      return settle(take(id)!, request, Promise.reject(error), fetch);
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The system error code (ECONNREFUSED, ECONNRESET, ...) somewhere in fetch's cause chain. */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}
