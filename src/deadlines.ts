// Timeout signals for request attempts, shared between attempts that start at about the same time.
// An AbortController per attempt (plus a timer to fire it) measured about 1.5 % of a loopback call
// in `npm run bench`. Here the attempts that start within one short window share a controller, which
// fires once the window's last starter is overdue: every attempt still running by then has had at
// least its timeout, and at most a window more. A finished fetch ignores the abort.

interface Window {
  controller: AbortController;
  closesAt: number;
  starters: number;
}

/** A window lasts this share of the timeout, so a timeout fires at most ~3 % late. */
const windowShare = 1 / 32;
/** Each fetch following the signal adds a listener to it; keep the count small. */
const maxStarters = 8;
/** setTimeout's limit; a longer timeout (or Infinity) never fires. */
const longestTimer = 2 ** 31 - 1;

/** The window attempts with each timeout length join now, while its timer is pending. */
const open = new Map<number, Window>();

/** A signal that aborts, with a TimeoutError, no sooner than `ms` milliseconds from now. */
export function timeoutSignal(ms: number): AbortSignal {
  const now = performance.now();
  let window = open.get(ms);
  if (window === undefined || now >= window.closesAt || window.starters >= maxStarters) {
    window = openWindow(ms, now);
  }
  window.starters += 1;
  return window.controller.signal;
}

function openWindow(ms: number, now: number): Window {
  const length = ms * windowShare;
  const window: Window = { controller: new AbortController(), closesAt: now + length, starters: 0 };
  if (ms + length > longestTimer) return window;
  open.set(ms, window);
  const timer = setTimeout(() => {
    if (open.get(ms) === window) open.delete(ms);
    window.controller.abort(new DOMException(`timed out (${ms} ms)`, 'TimeoutError'));
  }, ms + length);
  // A timeout never keeps a process alive by itself: the request it guards does, while it lasts.
  (timer as { unref?: () => void }).unref?.();
  return window;
}

/** A timeout in milliseconds, as an option gives it: more than 0, `Infinity` for none. */
export function checkTimeout(value: number): number {
  if (!(typeof value === 'number' && value > 0)) throw new TypeError(`timeoutMs must be a number > 0 (Infinity for none), not ${value}`);
  return value;
}
