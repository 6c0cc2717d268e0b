// One verify run's shared state: the spec, the report, and the one way every request is sent and
// checked. Requests go one at a time, so the run stays under the vendor's rate limit; a 429 is
// waited out by the client's own retries (Retry-After / X-Rate-Limit-* headers).
import type { Middleware } from 'openapi-fetch';
import { RequestFailedError, UploadRejectedError } from '../errors.js';
import { checkAnswer, shown } from './check.js';
import type { Redact } from './redact.js';
import type { Report } from './report.js';
import type { Spec } from './spec.js';

/**
 * verify could not run to the end: this one-line reason, and exit 2 unless checks before it found
 * violations. `reportedAsFailed`: the answer that stopped the run is itself a failed check (a
 * listing that did not succeed), which is the reason, not a finding.
 */
export class CannotRun extends Error {
  override name = 'CannotRun';

  constructor(
    message: string,
    readonly reportedAsFailed = false,
  ) {
    super(message);
  }
}

/** A write step did not succeed, so the steps after it cannot run; cleanup still does. */
export class StepFailed extends Error {
  override name = 'StepFailed';
}

/** What a check answers with. */
export interface Checked {
  status: number;
  ok: boolean;
  body: unknown;
}

/** `success`: the call must succeed (a 2xx); `any`: any documented answer passes (the error probes). */
export type Expect = 'success' | 'any';

export interface Session {
  spec: Spec;
  report: Report;
  /** Client middleware that keeps each call's final answer, even one openapi-fetch cannot parse. */
  middleware: Middleware;
  /** Set when SIGINT or SIGTERM came: no further write step starts. */
  interruptedBy: string | undefined;
  check(
    operationId: string,
    description: string,
    expect: Expect,
    call: () => Promise<{ response: Response }>,
  ): Promise<Checked>;
}

/** What an error body says, for the line that reports a call that did not succeed. */
function errorSummary(body: unknown, redact: Redact): string {
  if (typeof body !== 'object' || body === null) return '';
  const { errorMessage, title } = body as { errorMessage?: unknown; title?: unknown };
  const message = errorMessage ?? title;
  return message === undefined ? '' : `: ${shown(message, redact)}`;
}

/** `redact` is applied to every value an answer shows, before it is cut short. */
export function createSession(spec: Spec, report: Report, redact: Redact): Session {
  let answered: Response | undefined;
  const session: Session = {
    spec,
    report,
    middleware: {
      onResponse({ response }) {
        answered = response;
      },
    },
    interruptedBy: undefined,
    async check(operationId, description, expect, call) {
      const started = performance.now();
      answered = undefined;
      let response: Response;
      try {
        ({ response } = await call());
      } catch (error) {
        // No answer at all (timeout, refused or cut connection): the store cannot be checked.
        if (error instanceof RequestFailedError) throw new CannotRun(`store unreachable: ${error.message}; ${description}, could not run`);
        // Refused before sending (an image URL the store gave that is not http(s)): the step fails.
        if (error instanceof UploadRejectedError) {
          report.add({ name: operationId, description, violations: [`${operationId}: ${error.message}`], notes: [], durationMs: 0 });
          throw new StepFailed(`${operationId}: ${error.message}`);
        }
        // An answer openapi-fetch could not parse (a body that is not JSON) is still checked.
        if (answered === undefined) throw error;
        response = answered;
      }
      const text = await response.text();
      const verdict = checkAnswer(spec, { operationId, status: response.status, headers: response.headers, text }, { redact });
      const violations = [...verdict.violations];
      if (expect === 'success' && !response.ok) {
        violations.push(`${operationId} ${response.status}: ${description} did not succeed${errorSummary(verdict.body, redact)}`);
      }
      report.add({
        name: `${operationId} ${response.status}`,
        description,
        violations,
        notes: verdict.notes,
        durationMs: performance.now() - started,
      });
      return { status: response.status, ok: response.ok, body: verdict.body };
    },
  };
  return session;
}
