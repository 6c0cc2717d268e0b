// A stateful fake store: one vendor's model (src/fake/<vendor>.ts) behind the spec. Every request is
// routed by the bundled spec and checked with the one validator; every answer the model gives is
// checked against the spec too, and one that breaks it becomes a loud 502 instead of passing on.
// The same handler serves an in-process `fetch` and, with listen(), HTTP on 127.0.0.1.
import { checkAnswer } from '../verify/check.js';
import { loadSpec, type Spec, type Violation } from '../verify/spec.js';
import { readBody } from './body.js';
import { FakeStoreError } from './errors.js';
import { createFaultPicker, type FaultKind, type FaultOptions, vendorFaults } from './faults.js';
import { ConnectionReset, listen, type Listening } from './http.js';
import { createImageCdn, imagePath } from './images.js';
import { createRateLimiter, type RateLimit } from './rate-limit.js';
import { problem, refusal } from './refusals.js';
import { createRouter } from './routes.js';
import { checkSeed } from './seed.js';
import type { FakeAnswer, FakeContext, FakeRequest, VendorFake } from './vendor.js';

export interface FakeStoreOptions<Seed = unknown> {
  /** The state to start from, and to go back to on reset() (default: the vendor's default catalogue). */
  seed?: Seed;
  /** The quota, or false for none (default: the vendor's, e.g. BigCommerce 150 per 30 s). */
  rateLimit?: RateLimit | false;
  /** Faults injected into a share of the requests the spec allows (default: none). */
  faults?: FaultOptions | false;
  /** How long an async image upload takes to land, in ms (default 200). */
  asyncDelayMs?: number;
  /** Called with each entry of the request log as it is answered (the CLI prints them). */
  onRequest?: (entry: LoggedRequest) => void;
}

export interface LoggedRequest {
  method: string;
  /** The path after the API's base, without the query string, e.g. `/products/1/combinations`. */
  path: string;
  /** The status answered; 0 when the connection was reset (a fault). */
  status: number;
  /** The fault injected, if any. */
  fault?: FaultKind;
}

export interface FakeStore<Seed = unknown> {
  readonly api: string;
  /** A fetch-compatible function that answers without a socket: pass it as a client's `fetch`. */
  fetch: typeof fetch;
  /** Serves the same store over HTTP on 127.0.0.1 (a free port unless given). */
  listen(options?: { port?: number }): Promise<Listening>;
  /** Replaces the whole state with `data`, which reset() then goes back to. Checked against the seed schema. */
  seed(data: Seed): void;
  /** Goes back to the last seed (the default catalogue if none was given); clears the request log, refills the quota. */
  reset(): void;
  /** The whole state in the seed format: saved to a file, it seeds the next run. */
  snapshot(): Seed;
  /** What the store answered, oldest first (cleared by seed() and reset()). */
  readonly requests: readonly LoggedRequest[];
}

const specs = new Map<string, Spec>();
/** Each bundled spec is read once per process: a second store is ready at once. */
function specOf(api: string): Spec {
  let spec = specs.get(api);
  if (!spec) specs.set(api, (spec = loadSpec(api)));
  return spec;
}

function checkOptions(options: FakeStoreOptions<unknown>): void {
  const { rateLimit, faults, asyncDelayMs } = options;
  const bad = (message: string) => new FakeStoreError('BAD_OPTION', message);
  if (rateLimit) {
    if (!Number.isInteger(rateLimit.requests) || rateLimit.requests < 1) throw bad(`rateLimit.requests must be a whole number above 0, got ${rateLimit.requests}`);
    if (!(rateLimit.windowMs > 0)) throw bad(`rateLimit.windowMs must be above 0, got ${rateLimit.windowMs}`);
  }
  if (faults) {
    if (!(faults.rate >= 0 && faults.rate <= 1)) throw bad(`faults.rate must be between 0 and 1, got ${faults.rate}`);
    if (faults.seed !== undefined && !Number.isInteger(faults.seed)) throw bad(`faults.seed must be a whole number, got ${faults.seed}`);
  }
  if (asyncDelayMs !== undefined && !(asyncDelayMs >= 0)) throw bad(`asyncDelayMs must be 0 or more, got ${asyncDelayMs}`);
}

/**
 * The request `fetch(input, init)` sends. A Request given with nothing but a signal is served as it
 * is: the fake answers without waiting on the signal, and building the Request again would pipe its
 * body through a new stream on every call.
 */
function asRequest(input: RequestInfo | URL, init: RequestInit | undefined): Request {
  const onlySignal = init === undefined || Object.keys(init).every((key) => key === 'signal');
  return input instanceof Request && onlySignal ? input : new Request(input, init);
}

/** What undici's fetch rejects with when the server drops the connection. */
function fetchFailed(): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
  return new TypeError('fetch failed', { cause });
}

/** A fake store of one vendor's model; createFakeStore finds the model by the API's name. */
export function createFakeStoreOf<State, Seed>(vendor: VendorFake<State, Seed>, options: FakeStoreOptions<Seed> = {}): FakeStore<Seed> {
  checkOptions(options);
  const spec = specOf(vendor.api);
  const route = createRouter(spec.operations);
  const cdn = createImageCdn();
  const quota = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? vendor.rateLimit.defaults);
  const faultKinds = vendorFaults[vendor.api];
  if (options.faults) {
    const unknown = options.faults.kinds?.find((kind) => !faultKinds.includes(kind));
    if (unknown) throw new FakeStoreError('BAD_OPTION', `${vendor.api} has no fault '${unknown}' (it has ${faultKinds.join(', ')})`);
  }
  const pickFault = options.faults ? createFaultPicker(options.faults, faultKinds) : () => undefined;
  const asyncDelayMs = options.asyncDelayMs ?? 200;
  const log: LoggedRequest[] = [];
  const pending = new Set<ReturnType<typeof setTimeout>>();

  /** The seed reset() goes back to, as JSON text: a seed is JSON, and text is a fraction of its objects' memory. */
  let lastSeed: string;
  let state: State;
  function seed(data: Seed) {
    checkSeed(vendor.seedSchema, data, vendor.api);
    lastSeed = JSON.stringify(data);
    reset();
  }
  function reset() {
    for (const timer of pending) clearTimeout(timer);
    pending.clear();
    cdn.clear();
    quota?.clear();
    log.length = 0;
    state = vendor.load(JSON.parse(lastSeed) as Seed);
  }
  if (options.seed === undefined) {
    lastSeed = JSON.stringify(vendor.defaultSeed());
    reset();
  } else seed(options.seed);

  const contextFor = (origin: string): FakeContext => ({
    storeImage: (bytes, contentType) => cdn.store(bytes, contentType, origin),
    later(apply) {
      const timer = setTimeout(() => {
        pending.delete(timer);
        apply();
      }, asyncDelayMs);
      timer.unref?.();
      pending.add(timer);
    },
  });

  /** The model's answer as a Response, or a 502 naming what in it breaks the spec. */
  function answer(operationId: string, { status, body, headers = {} }: FakeAnswer, extraHeaders: Record<string, string>): Response {
    const documented = spec.findResponse(operationId, status);
    const jsonType = Object.keys(documented?.response.content ?? {}).find((type) => type.includes('json')) ?? 'application/json';
    const text = body === undefined ? '' : JSON.stringify(body);
    const all = new Headers({ ...extraHeaders, ...headers, ...(body !== undefined && { 'content-type': jsonType }) });
    const { violations } = checkAnswer(spec, { operationId, status, headers: all, text }, { notes: false });
    if (violations.length > 0) {
      return problem(502, 'FAKE_ANSWER_BREAKS_SPEC', "The fake store's answer breaks the spec", violations.join('; '), { violations });
    }
    return new Response(text === '' ? null : text, { status, headers: all });
  }

  function faultAnswer(kind: '500' | '503' | '429-no-headers', extraHeaders: Record<string, string>): Response {
    if (kind === '429-no-headers') return problem(429, 'TOO_MANY_REQUESTS', 'Too many requests', 'refused by the load balancer');
    const title = kind === '500' ? 'Internal server error' : 'Service unavailable';
    return problem(Number(kind), kind === '500' ? 'INTERNAL_SERVER_ERROR' : 'SERVICE_UNAVAILABLE', title, 'an injected fault', {}, extraHeaders);
  }

  /** The answer to one request, and the log entry's fault; throws ConnectionReset to drop the connection. */
  async function handle(request: Request, path: string, entry: LoggedRequest): Promise<Response> {
    if (path.startsWith(imagePath)) return cdn.serve(request.method, path);
    const routed = route(request.method, path);
    if (!routed.found) {
      return routed.status === 404
        ? problem(404, 'NO_PATH_MATCHED_ERROR', 'Route not resolved, no path matched', `no ${vendor.api} operation has the path ${path}`)
        : problem(405, 'NO_METHOD_MATCHED_ERROR', 'Route resolved, but no method matched', `the path ${path} takes no ${request.method}`);
    }
    const { operation } = routed;
    if (!vendor.hasCredential(request.headers)) return answer(operation.operationId, vendor.missingCredential(), {});

    let limitHeaders: Record<string, string> = {};
    if (quota) {
      const taken = quota.take(vendor.rateLimit.key?.(request.headers) ?? 'store');
      limitHeaders = vendor.rateLimit.headers?.(taken.window) ?? {};
      if (!taken.allowed) return answer(operation.operationId, vendor.rateLimit.refused(taken.window), limitHeaders);
    }

    const url = new URL(request.url);
    const read = await readBody(request);
    if (!read.ok) {
      return refusal(spec, operation.operationId, [{ location: ['request', 'body'], code: 'parse', message: read.message }], limitHeaders);
    }
    const early = vendor.precheck?.(operation.operationId, read.body);
    if (early) return answer(operation.operationId, early, limitHeaders);
    const violations: Violation[] = spec.parameterViolations(operation.operationId, { path: routed.path, query: url.searchParams });
    if (read.contentType === undefined) {
      if (operation.requestBody?.required) violations.push({ location: ['request'], code: 'required', message: 'Body parameter is required' });
    } else if (!operation.requestBody || !(read.contentType in operation.requestBody.content)) {
      const declared = Object.keys(operation.requestBody?.content ?? {});
      violations.push({
        location: ['request'],
        code: 415,
        message: declared.length ? `Supported content types: ${declared.join(',')}` : 'No supported content types, but request included a non-empty body',
      });
    } else violations.push(...spec.requestBodyViolations(operation.operationId, read.contentType, read.body));
    if (violations.length > 0) return refusal(spec, operation.operationId, violations, limitHeaders);

    const fakeRequest: FakeRequest = {
      operationId: operation.operationId,
      path: routed.path,
      query: url.searchParams,
      headers: request.headers,
      contentType: read.contentType,
      body: read.body,
    };
    const handler = vendor.handlers[operation.operationId];
    if (!handler) return problem(501, 'NOT_IMPLEMENTED', 'Not implemented', `the ${vendor.api} fake has no handler for ${operation.operationId}`);
    const fault = pickFault();
    if (fault) entry.fault = fault;
    if (fault === 'reset-before-write') throw new ConnectionReset();
    if (fault === '500' || fault === '503' || fault === '429-no-headers') return faultAnswer(fault, limitHeaders);
    const answered = answer(operation.operationId, await handler(state, fakeRequest, contextFor(url.origin)), limitHeaders);
    if (fault === 'reset-after-write') throw new ConnectionReset();
    return answered;
  }

  const controlPath = '/_fake/';
  /** The path after the API's base (the vendor's real one, or none as on the mocks). */
  const apiPath = (url: URL) => url.pathname.replace(vendor.realBase.prefix, '') || '/';

  /**
   * The store's controls over HTTP, for a store run by the CLI: GET /_fake/snapshot, PUT /_fake/seed
   * (a JSON seed), POST /_fake/reset, GET /_fake/requests. Neither logged nor counted.
   */
  async function control(request: Request, path: string): Promise<Response> {
    const route = `${request.method} ${path}`;
    if (route === 'GET /_fake/snapshot') return Response.json(vendor.snapshot(state));
    if (route === 'GET /_fake/requests') return Response.json(log);
    if (route === 'POST /_fake/reset') {
      reset();
      return new Response(null, { status: 204 });
    }
    if (route === 'PUT /_fake/seed') {
      try {
        seed((await request.json()) as Seed);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return problem(400, 'BAD_SEED', 'The seed was not taken', message);
      }
      return new Response(null, { status: 204 });
    }
    return problem(404, 'NO_CONTROL', 'No such control', `${route} is none of the fake store's controls`);
  }

  async function serve(request: Request): Promise<Response> {
    const path = apiPath(new URL(request.url));
    if (path.startsWith(controlPath) && !path.startsWith(imagePath)) return control(request, path);
    const entry: LoggedRequest = { method: request.method, path, status: 0 };
    const record = () => {
      log.push(entry);
      options.onRequest?.(entry);
    };
    try {
      const response = await handle(request, entry.path, entry);
      entry.status = response.status;
      record();
      return response;
    } catch (error) {
      if (error instanceof ConnectionReset) record();
      throw error;
    }
  }

  return {
    api: vendor.api,
    async fetch(input, init) {
      try {
        return await serve(asRequest(input, init));
      } catch (error) {
        throw error instanceof ConnectionReset ? fetchFailed() : error;
      }
    },
    listen: ({ port } = {}) => listen(serve, port),
    seed,
    reset,
    snapshot: () => structuredClone(vendor.snapshot(state)),
    get requests() {
      return log;
    },
  };
}
