// Injected faults: what the vendors really send now and then, from a random sequence of their own
// seed, so that a failing run repeats exactly. A reset after the write is the case that matters: the
// store has changed and the client never hears of it.
import type { BundledApi } from '../testing/specs.js';

export type FaultKind =
  | '500'
  | '503'
  /** The connection is reset before the store changes. */
  | 'reset-before-write'
  /** The store changes, then the connection is reset: the answer is lost. */
  | 'reset-after-write'
  /** A 429 with no rate-limit header: BigCommerce's load balancer, not the store's quota. */
  | '429-no-headers';

export interface FaultOptions {
  /** The share of counted requests that get a fault, 0 to 1. */
  rate: number;
  /** The random sequence's seed (default 1). */
  seed?: number;
  /** The kinds to pick from, evenly (default: every kind the vendor has). */
  kinds?: FaultKind[];
}

/** Which faults each vendor sends. */
export const vendorFaults: Record<BundledApi, FaultKind[]> = {
  ecwid: ['500', '503', 'reset-before-write', 'reset-after-write'],
  bigcommerce: ['500', '503', 'reset-before-write', 'reset-after-write', '429-no-headers'],
};

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws, for each counted request, the fault it gets, if any. */
export function createFaultPicker({ rate, seed = 1, kinds }: FaultOptions, available: FaultKind[]): () => FaultKind | undefined {
  const pool = kinds ?? available;
  const random = randomSequence(seed);
  return () => {
    // Two draws per request whatever the first says, so the sequence depends only on the count.
    const hit = random() < rate;
    const kind = pool[Math.floor(random() * pool.length)];
    return hit ? kind : undefined;
  };
}
