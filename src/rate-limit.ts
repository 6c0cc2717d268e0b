// How long a 429 asks the caller to wait, from whichever header the vendor sends.

/** A non-negative number of `scale` milliseconds, or undefined. */
function number(value: string | null, scale: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed * scale : undefined;
}

/** Ecwid: `Retry-After` in seconds or as an HTTP date. */
function retryAfter(value: string | null, now: number): number | undefined {
  const date = value === null ? NaN : Date.parse(value);
  return number(value, 1000) ?? (Number.isNaN(date) ? undefined : Math.max(0, date - now));
}

/**
 * Milliseconds to wait before retrying, or undefined when no header says. BigCommerce sends
 * `X-Rate-Limit-Time-Reset-Ms` and, on a 429, `X-Retry-After` (seconds); when both come the longer
 * wait wins. Headers objects match names case-insensitively, so lower-case names work too.
 */
export function rateLimitWait(headers: Headers, now = Date.now()): number | undefined {
  const waits = [
    retryAfterWait(headers, now),
    number(headers.get('x-retry-after'), 1000),
    number(headers.get('x-rate-limit-time-reset-ms'), 1),
  ].filter((wait): wait is number => wait !== undefined);
  return waits.length ? Math.max(...waits) : undefined;
}

/** Milliseconds a 5xx asks to wait, from the standard `Retry-After` only, or undefined. */
export function retryAfterWait(headers: Headers, now = Date.now()): number | undefined {
  return retryAfter(headers.get('retry-after'), now);
}
