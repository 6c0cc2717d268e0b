// When a call is sent again, and after how long: never a write that may have been applied.
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

/** What one attempt ended with: an HTTP answer, or a thrown error. */
export type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

export interface RetryRules {
  /** Most times one call is sent. */
  attempts: number;
  /**
   * How long to wait before sending again after attempt number `attempt` ended with `outcome`, or
   * undefined to stop with it. `safe`: the operation is x-safe-to-retry.
   */
  delay(outcome: Outcome, safe: boolean, attempt: number): number | undefined;
}

/** The client's retry rules: defaults for what it leaves out, a TypeError for what cannot work. */
export function retryRules(retry: ReliabilityOptions['retry']): RetryRules {
  // `false`: one attempt, so the delays never apply.
  const { attempts = 3, maxDelayMs = 60_000, baseDelayMs = 500 } = retry === false ? { attempts: 1 } : (retry ?? {});
  if (!(Number.isInteger(attempts) && attempts >= 1)) {
    throw new TypeError(`retry.attempts must be a whole number >= 1, not ${attempts}`);
  }
  if (!(typeof maxDelayMs === 'number' && maxDelayMs >= 0 && typeof baseDelayMs === 'number' && baseDelayMs >= 0)) {
    throw new TypeError(`retry.maxDelayMs and baseDelayMs must be numbers >= 0, not ${maxDelayMs} and ${baseDelayMs}`);
  }

  const backoff = (attempt: number) => Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));

  return {
    attempts,
    delay(outcome, safe, attempt) {
      if (attempt >= attempts) return undefined;
      if (outcome.response) {
        const { status, headers } = outcome.response;
        let wait: number;
        // A 429 was not processed, so any operation may be sent again; a 5xx only a safe one.
        if (status === 429) wait = rateLimitWait(headers) ?? backoff(attempt);
        // BigCommerce's rate-limit headers come on every answer; only Retry-After speaks to a 5xx.
        else if (status >= 500 && safe) wait = retryAfterWait(headers) ?? backoff(attempt);
        else return undefined;
        return wait <= maxDelayMs ? wait : undefined;
      }
      // Fetch itself refused (a bad port, an unknown scheme): no attempt can do better.
      if (fetchRefusal(outcome.error) !== undefined) return undefined;
      // Refused: nothing reached the server, so even a create may be sent again.
      if (errorCode(outcome.error) === 'ECONNREFUSED' || safe) return backoff(attempt);
      return undefined;
    },
  };
}

/**
 * Fetch's own refusals to send a request, by the message of the error it gives as the cause (Node's
 * fetch rejects with `TypeError('fetch failed')` and that cause). Only these are known to have sent
 * nothing; any other failure may have reached the server. They carry no URL or header value, so
 * the reason can be shown as it is.
 */
const refusals = /^(bad port|unknown scheme|[a-z][\w+.-]* scheme is not supported)$/;

/** Why fetch refused to send a request, or undefined for any other failure. */
export function fetchRefusal(error: unknown): string | undefined {
  const { cause } = error as { cause?: unknown };
  if (error instanceof TypeError && cause instanceof Error && refusals.test(cause.message)) return cause.message;
  return undefined;
}

/** The system error code (ECONNREFUSED, ECONNRESET, ...) somewhere in fetch's cause chain. */
export function errorCode(error: unknown, depth = 5): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return typeof code === 'string' ? code : depth ? errorCode(cause, depth - 1) : undefined;
}
