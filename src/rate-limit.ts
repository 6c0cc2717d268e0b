// How long an answer asks the caller to wait before trying again, from whichever header the vendor sends.

/** A header holding a non-negative number, in milliseconds (`scale` ms per unit), or undefined. */
function number(headers: Headers, name: string, scale: number): number | undefined {
  const value = headers.get(name)?.trim();
  const parsed = value ? Number(value) : NaN;
  return parsed >= 0 && parsed < Infinity ? parsed * scale : undefined;
}

/** Milliseconds a 5xx or Ecwid's 429 asks to wait: `Retry-After` in seconds or as an HTTP date. */
export function retryAfterWait(headers: Headers, now = Date.now()): number | undefined {
  const date = Date.parse(headers.get('retry-after') ?? '');
  return number(headers, 'retry-after', 1000) ?? (isNaN(date) ? undefined : Math.max(0, date - now));
}

/**
 * Milliseconds a 429 asks to wait, or undefined when no header says. BigCommerce sends
 * `X-Rate-Limit-Time-Reset-Ms` and, on a 429, `X-Retry-After` (seconds); when both come the longer
 * wait wins. Headers objects match names case-insensitively, so lower-case names work too.
 */
export function rateLimitWait(headers: Headers, now = Date.now()): number | undefined {
  const waits = [
    retryAfterWait(headers, now),
    number(headers, 'x-retry-after', 1000),
    number(headers, 'x-rate-limit-time-reset-ms', 1),
  ].filter((wait) => wait !== undefined);
  return waits.length ? Math.max(...waits) : undefined;
}
