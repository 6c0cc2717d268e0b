// Pacing: every request the sync sends (retries included) goes through one paced fetch per store,
// which holds the store's quota without going over it. BigCommerce says its quota in the
// X-Rate-Limit-* headers of each answer; Ecwid says nothing, so its 600 per minute per token (or the
// user's --rate-limit) is counted here, window by window. A 429 (another app on the same quota, a
// load balancer) stops every request until the wait the answer asks for is over.
import { rateLimitWait } from '../rate-limit.js';

/** A fixed quota: `requests` per `windowMs`. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

export interface PacingStats {
  /** Requests sent, retries included. */
  requests: number;
  /** Answers 429. */
  rateLimited: number;
  /** Milliseconds spent waiting because of 429s. */
  waitedMs: number;
}

export interface Pacer {
  /**
   * Waits for a slot and keeps it for the next request. The clients time each attempt from the
   * moment they start it; a call that waits here first waits outside its timeout.
   */
  reserve(): Promise<void>;
  /** `fetch`, paced (a reserved slot is used first). `beforeSend` runs once the request has its slot, just before it goes. */
  wrap(fetch: typeof globalThis.fetch, beforeSend?: (request: Request) => Promise<void>): typeof globalThis.fetch;
  readonly stats: PacingStats;
  /** The quota as last known: the fixed one, or the one BigCommerce's headers said. */
  quota(): RateLimit | undefined;
}

/** Parses `N/SECONDS`, e.g. `150/30` or `20/0.2`; undefined when it is not that. */
export function parseRateLimit(text: string): RateLimit | undefined {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return undefined;
  const requests = Number(match[1]);
  const windowMs = Number(match[2]) * 1000;
  return requests >= 1 && windowMs > 0 ? { requests, windowMs } : undefined;
}

/** A slot: when its request's answer (or failure) came; Infinity while in flight. */
interface Slot {
  answeredAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves the next time `signal()` is called: a waiter wakes on any change. */
function wakeups() {
  let waiting: (() => void)[] = [];
  return {
    next: () => new Promise<void>((resolve) => waiting.push(resolve)),
    signal() {
      const woken = waiting;
      waiting = [];
      woken.forEach((wake) => wake());
    },
  };
}

/**
 * The store counts in fixed windows, each starting with the first request after the last one ended,
 * where we cannot see them; it counts a request somewhere between our sending it and its answer
 * arriving. So `fixed` is kept as a sliding window over answer times: a request goes only when
 * fewer than `requests` others were answered within the last `windowMs` or are still in flight. Any
 * store window then holds at most `requests` of ours, however slow an answer (a cold start), and
 * the quota is used evenly.
 * Without `fixed`: follow the X-Rate-Limit-* headers; until the first answer says the quota, one
 * request at a time.
 */
export function createPacer({ fixed, concurrency }: { fixed?: RateLimit | undefined; concurrency: number }): Pacer {
  const stats: PacingStats = { requests: 0, rateLimited: 0, waitedMs: 0 };
  const changed = wakeups();
  let inFlight = 0;
  let pausedUntil = 0;

  // Fixed quota: the requests in flight (answered at Infinity) or answered within the last window, oldest sent first.
  const sent: Slot[] = [];
  // Header-led quota: what the answers said.
  let known: { quota: number; windowMs: number; left: number; resetAt: number } | undefined;
  let unlimited = false;

  /** Slots taken by reserve() and not yet used by a request. */
  const reserved: Slot[] = [];

  /** Whether a request may go now; otherwise how long to wait (undefined: until something changes). */
  function slot(now: number): true | number | undefined {
    if (now < pausedUntil) return pausedUntil - now;
    if (inFlight >= concurrency) return undefined;
    if (fixed) {
      while (sent.length > 0 && sent[0]!.answeredAt <= now - fixed.windowMs) sent.shift();
      if (sent.length < fixed.requests) return true;
      const next = Math.min(...sent.map((slot) => slot.answeredAt)) + fixed.windowMs - now;
      // All in flight: the next answer says when.
      return next === Infinity ? undefined : Math.max(1, next);
    }
    // A store that answered without quota headers has none to follow: only the concurrency bounds it.
    if (known === undefined) return inFlight === 0 || unlimited ? true : undefined;
    // Past the reset the whole quota is there again. Requests in flight may not be counted in `left`
    // yet: assume they are not.
    const left = now >= known.resetAt ? known.quota : known.left;
    if (left - inFlight > 0) return true;
    return now >= known.resetAt ? undefined : known.resetAt - now;
  }

  async function acquire(): Promise<Slot> {
    for (;;) {
      const verdict = slot(Date.now());
      if (verdict === true) break;
      await (verdict === undefined ? changed.next() : Promise.race([sleep(verdict), changed.next()]));
    }
    inFlight += 1;
    stats.requests += 1;
    const taken = { answeredAt: Infinity };
    if (fixed) sent.push(taken);
    return taken;
  }

  function settle(taken: Slot, response: Response | undefined): void {
    const now = Date.now();
    inFlight -= 1;
    taken.answeredAt = now;
    if (response) {
      if (!fixed) learn(response.headers, now);
      if (response.status === 429) {
        stats.rateLimited += 1;
        // No header says how long: wait a second, as BigCommerce's load balancer needs.
        const wait = rateLimitWait(response.headers) ?? 1000;
        stats.waitedMs += Math.max(0, now + wait - Math.max(pausedUntil, now));
        pausedUntil = Math.max(pausedUntil, now + wait);
      }
    }
    changed.signal();
  }

  function learn(headers: Headers, now: number): void {
    const number = (name: string) => {
      const value = Number(headers.get(name) ?? NaN);
      return Number.isFinite(value) && value >= 0 ? value : undefined;
    };
    const quota = number('x-rate-limit-requests-quota');
    const left = number('x-rate-limit-requests-left');
    const resetMs = number('x-rate-limit-time-reset-ms');
    const windowMs = number('x-rate-limit-time-window-ms');
    if (quota === undefined || left === undefined || resetMs === undefined) {
      // A store that says no quota at all; once a quota was said, an answer without (a load
      // balancer's 429) does not end it.
      if (headers.get('x-rate-limit-requests-quota') === null && known === undefined) unlimited = true;
      return;
    }
    unlimited = false;
    const resetAt = now + resetMs;
    // Answers can arrive out of order: within one window the lowest `left` is the latest. Each
    // answer's reset is the store's plus the time the answer took to arrive: the earliest is closest.
    const sameWindow = known !== undefined && now < known.resetAt;
    known = {
      quota,
      windowMs: windowMs ?? known?.windowMs ?? resetMs,
      left: sameWindow ? Math.min(known!.left, left) : left,
      resetAt: sameWindow ? Math.min(known!.resetAt, resetAt) : resetAt,
    };
  }

  return {
    stats,
    async reserve() {
      reserved.push(await acquire());
    },
    quota: () => fixed ?? (known && { requests: known.quota, windowMs: known.windowMs }),
    wrap(fetch, beforeSend) {
      return async (input, init) => {
        const taken = reserved.shift() ?? (await acquire());
        let response: Response | undefined;
        try {
          // The attempt may have timed out, or been given up, while it waited for its slot.
          (init?.signal ?? (input instanceof Request ? input.signal : undefined))?.throwIfAborted();
          if (beforeSend) await beforeSend(input instanceof Request ? input : new Request(input, init));
          response = await fetch(input, init);
          return response;
        } finally {
          settle(taken, response);
        }
      };
    },
  };
}
