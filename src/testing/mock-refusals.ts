// Prism answers a request the spec refuses with the spec's canned example body for that status,
// which says nothing about the request; what was wrong is only in its `sl-violations` header. This
// middleware puts it where a test looks: the error body's message (Ecwid `errorMessage`,
// BigCommerce `title`) becomes the violations' messages, and `violations` lists them whole. The
// status, headers and other members stay as Prism sent them.
import type { Middleware } from 'openapi-fetch';

/** One entry of Prism's `sl-violations` header. */
export interface MockViolation {
  location: string[];
  code: string;
  message: string;
}

/** The members a vendor's error body says what went wrong in; the first one present is replaced. */
const messageMembers = ['errorMessage', 'title'];

function parseViolations(header: string | null): MockViolation[] {
  if (header === null) return [];
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) ? parsed.filter((v): v is MockViolation => typeof v?.message === 'string') : [];
  } catch {
    return [];
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Client middleware for a client that calls a Prism mock: an error answer with `sl-violations`
 * carries the violations in its body. The mock clients have it; add it to your own with
 * `client.use(explainMockRefusals)`.
 */
export const explainMockRefusals: Middleware = {
  async onResponse({ response }) {
    const violations = parseViolations(response.headers.get('sl-violations'));
    if (response.ok || violations.length === 0) return undefined;
    const body = parseObject(await response.clone().text());
    if (body === undefined) return undefined;
    const member = messageMembers.find((name) => typeof body[name] === 'string') ?? 'message';
    const explained = {
      ...body,
      [member]: `the mock refused the request: ${violations.map((v) => v.message).join('; ')}`,
      violations,
    };
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(explained), { status: response.status, statusText: response.statusText, headers });
  },
};
