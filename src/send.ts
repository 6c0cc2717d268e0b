// The fetch behind every call of both clients: each attempt under its own timeout, the answer's
// body read under it too, further attempts where the retry rules allow, and typed errors for
// failures that are not HTTP answers. openapi-fetch calls it where it would call fetch, so a user's
// middleware sees one request and one answer (or typed error, in onError) per call, however many
// attempts it took.
import type { CallSender, Fetch } from './call.js';
import { checkTimeout, timeoutSignal } from './deadlines.js';
import { errorUrl, NetworkError, RequestAbortedError, RequestTimeoutError } from './errors.js';
import { keepBody } from './kept-body.js';
import { errorCode, fetchRefusal, type Outcome, type ReliabilityOptions, retryRules } from './retry.js';

const defaultTimeoutMs = 30_000;

export function callSender(options: ReliabilityOptions, clientFetch: Fetch = globalThis.fetch): CallSender {
  const rules = retryRules(options.retry);
  const clientTimeoutMs = checkTimeout(options.timeoutMs ?? defaultTimeoutMs);

  return async (call, first) => {
    const fetch = call.fetch ?? clientFetch;
    const timeoutMs = call.timeoutMs ?? clientTimeoutMs;
    // A Request a user's middleware built in place of the call's follows the caller's signal, so
    // listen to that. The call's own is not listened to when the caller passed no signal: that
    // would cost about 5 % of a loopback call.
    const callerSignal = first === call.request ? call.signal : first.signal;
    let request = first;
    let attempts = 0;
    let outcome: Outcome;
    const delay = () => (callerSignal?.aborted ? undefined : rules.delay(outcome, call.operation[1], attempts));
    for (;;) {
      // fetch sends nothing for a caller who has already given up.
      if (!callerSignal?.aborted) attempts += 1;
      const timeout = timeoutSignal(timeoutMs);
      // fetch consumes a body, so a request that may be sent again keeps an unsent copy.
      const spare = attempts < rules.attempts && request.body !== null ? request.clone() : undefined;
      // The caller's signal is joined in only while the attempt lasts.
      let signal = timeout;
      let release: (() => void) | undefined;
      if (callerSignal) ({ signal, release } = joined(callerSignal, timeout));

      try {
        outcome = { response: await fetch(request, { signal }) };
      } catch (error) {
        outcome = { error };
      }
      let wait = delay();
      if (outcome.response && wait === undefined) {
        try {
          await keepBody(outcome.response, call.parseAs);
        } catch (error) {
          // Cut off or timed out while the body came: as good as no answer.
          outcome = { error };
          wait = delay();
        }
      }
      release?.();
      if (outcome.response && wait === undefined) return outcome.response;

      // Release the connection of an answer that is being replaced.
      outcome.response?.body?.cancel().catch(() => {});
      try {
        if (wait === undefined) throw outcome.error;
        await sleep(wait, callerSignal);
      } catch (error) {
        const details = { operationId: call.operation[0], method: request.method, url: errorUrl(request.url), attempts };
        if (callerSignal?.aborted) throw new RequestAbortedError(details);
        if (timeout.aborted) throw new RequestTimeoutError({ ...details, timeoutMs });
        throw new NetworkError({ ...details, cause: error, code: errorCode(error), refusal: fetchRefusal(error) });
      }
      request = spare ?? request;
    }
  };
}

/** Calls `onAbort` once `signal` aborts (at once if it has); the returned function stops listening. */
function listen(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return () => signal?.removeEventListener('abort', onAbort);
}

/**
 * The caller's signal and the attempt's timeout as one signal, unhooked again when the attempt ends:
 * AbortSignal.any would leave an entry on a long-lived caller signal for every attempt (Node 20).
 */
function joined(callerSignal: AbortSignal, timeout: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const unhooks = [callerSignal, timeout].map((signal) => listen(signal, () => controller.abort(signal.reason)));
  return { signal: controller.signal, release: () => unhooks.forEach((unhook) => unhook()) };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unhook();
      resolve();
    }, ms);
    const unhook = listen(signal, () => {
      clearTimeout(timer);
      reject(signal!.reason);
    });
  });
}
