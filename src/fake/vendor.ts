// What the fake store's core asks of each vendor's model (src/fake/ecwid.ts, src/fake/bigcommerce.ts).
// The core routes a request to its operation by the bundled spec, checks the request and the answer
// with the one validator (src/verify/spec.ts), counts the rate limit, injects faults and serves HTTP;
// a vendor module keeps the state and says what the vendor answers.
import type { BundledApi } from '../testing/specs.js';

/** A request the spec allows, routed to its operation. */
export interface FakeRequest {
  operationId: string;
  /** Path parameters as sent (strings); the spec has already checked their type. */
  path: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  /** The media type without parameters, e.g. `application/json`; undefined without a body. */
  contentType: string | undefined;
  /**
   * JSON bodies parsed; raw bytes (`Uint8Array`) for binary bodies; a form's fields
   * (`Record<string, string | File>`) for urlencoded and multipart bodies; undefined without a body.
   */
  body: unknown;
}

/** What a vendor answers; the core serialises `body` as JSON and checks it against the spec. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Services the core gives a vendor's handlers. */
export interface FakeContext {
  /** Keeps uploaded bytes and returns a new absolute URL where the fake serves them back (each call a new URL). */
  storeImage(bytes: Uint8Array, contentType: string): string;
  /** Runs `apply` after the store's `asyncDelayMs` (async image uploads land "later"). */
  later(apply: () => void): void;
}

/** The current rate-limit window, for a vendor's headers. */
export interface RateLimitWindow {
  quota: number;
  left: number;
  windowMs: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface VendorFake<State, Seed> {
  api: BundledApi;
  /** The path prefix of the vendor's real base URL after its origin, e.g. /^\/api\/v3\/[^/]+/ for Ecwid. */
  realBase: { origin: string; prefix: RegExp };
  /** The default catalogue: the story the spec's examples and the README tell. */
  defaultSeed(): Seed;
  /** JSON Schema (2020-12) of the seed, shipped in the package. */
  seedSchema: object;
  /** Builds the state from a seed (already checked against seedSchema), assigning missing ids. */
  load(seed: Seed): State;
  /** The whole state in the seed format (a snapshot seeds the next run). */
  snapshot(state: State): Seed;
  /** Whether the request carries a credential at all (the fake accepts any token). */
  hasCredential(headers: Headers): boolean;
  /** The answer to a request without a credential (Ecwid 403, BigCommerce 401), with the spec's body. */
  missingCredential(): FakeAnswer;
  rateLimit: {
    defaults: { requests: number; windowMs: number };
    /** Which quota a request counts against (Ecwid: its token); without it, one quota for the store (BigCommerce). */
    key?(headers: Headers): string;
    /** Headers on every counted answer (BigCommerce's X-Rate-Limit-*); Ecwid sends none. */
    headers?(window: RateLimitWindow): Record<string, string>;
    /** The 429 answer when the window is spent (retry headers rounded up to whole seconds). */
    refused(window: RateLimitWindow): FakeAnswer;
  };
  /** One handler per operationId in the bundled spec; a test fails naming any operation without one. */
  /** A handler may answer with a promise, to read a multipart `File` (`await file.bytes()`) first. */
  handlers: Record<string, (state: State, request: FakeRequest, context: FakeContext) => FakeAnswer | Promise<FakeAnswer>>;
}
