// What the fake answers to a request the spec refuses, the way the Prism mock answers it, so that a
// test moves between the two: the first of the statuses Prism tries that the operation documents,
// with that response's first example as the body (else a problem+json body naming the violations),
// and the violations in an `sl-violations` header either way.
import { at, refTokens } from '../verify/bundled-document.js';
import type { Spec, Violation } from '../verify/spec.js';

interface Example {
  $ref?: string;
  value?: unknown;
}
interface Content {
  example?: unknown;
  examples?: Record<string, Example>;
}

const prismErrors = 'https://stoplight.io/prism/errors#';

/** A problem+json answer (RFC 9457), as Prism makes its own. */
export function problem(status: number, type: string, title: string, detail: string, extra: object = {}, headers: HeadersInit = {}): Response {
  return Response.json(
    { type: `${prismErrors}${type}`, title, status, detail, ...extra },
    { status, headers: { ...Object.fromEntries(new Headers(headers)), 'content-type': 'application/problem+json' } },
  );
}

/** The violations as a header value: JSON, with anything a header cannot carry escaped, at most 8 kB as Prism cuts it. */
export function violationsHeader(violations: Violation[]): string {
  const json = JSON.stringify(violations).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const limit = 8 * 1024 - 100;
  return json.length > limit ? `Too many violations! ${json.slice(0, limit)}` : json;
}

/** The first example a documented response gives, with its media type. */
function firstExample(spec: Spec, content: Record<string, Content> | undefined): { mediaType: string; value: unknown } | undefined {
  for (const [mediaType, media] of Object.entries(content ?? {})) {
    if (media.example !== undefined) return { mediaType, value: media.example };
    const example = Object.values(media.examples ?? {})[0];
    if (example) return { mediaType, value: (example.$ref ? at<Example>(spec.document, refTokens(example.$ref)) : example).value };
  }
  return undefined;
}

/** The answer to a request with these violations, as Prism gives it. */
export function refusal(spec: Spec, operationId: string, violations: Violation[], headers: Record<string, string> = {}): Response {
  const wrongMediaType = violations.find((violation) => violation.code === 415);
  // Prism's order: 415 for a media type the operation does not take, else 422, then 400.
  const statuses = wrongMediaType ? [415, 422, 400] : [422, 400];
  const documented = statuses.map((status) => spec.findResponse(operationId, status)).find((response) => response !== undefined);
  const withViolations = { ...headers, 'sl-violations': violationsHeader(violations) };
  const example = documented && firstExample(spec, documented.response.content as Record<string, Content> | undefined);
  if (documented && example) {
    return new Response(JSON.stringify(example.value), { status: documented.status, headers: { ...withViolations, 'content-type': example.mediaType } });
  }
  const detail = violations.map((violation) => `${violation.location.join('.')}: ${violation.message}`).join('; ');
  if (documented) return problem(documented.status, 'INVALID_REQUEST', 'Invalid request', detail, {}, withViolations);
  if (wrongMediaType) return problem(415, 'INVALID_CONTENT_TYPE', 'Invalid content type', wrongMediaType.message, {}, withViolations);
  const validation = violations.map(({ location, code, message }) => ({ location: location.slice(1), severity: 'Error', code, message }));
  return problem(422, 'UNPROCESSABLE_ENTITY', 'Invalid request', detail, { validation }, withViolations);
}
