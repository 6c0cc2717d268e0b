// A fixed-window quota, as both vendors apply theirs: a window opens with the first counted request
// and lasts windowMs; past the quota a request is refused and the window is not extended by it.
import type { RateLimitWindow } from './vendor.js';

export interface RateLimit {
  requests: number;
  windowMs: number;
}

export type Taken = { allowed: boolean; window: RateLimitWindow };

export function createRateLimiter({ requests, windowMs }: RateLimit, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one request against the quota named `key`; says whether it may go on. */
    take(key: string): Taken {
      const time = now();
      let window = windows.get(key);
      if (!window || time >= window.start + windowMs) {
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      const allowed = window.count < requests;
      if (allowed) window.count++;
      return {
        allowed,
        window: { quota: requests, left: requests - window.count, windowMs, resetMs: Math.max(0, window.start + windowMs - time) },
      };
    },
    clear: () => windows.clear(),
  };
}
