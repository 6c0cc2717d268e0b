// Where Prism says what it found wrong with a request. For an operation that documents an error
// answer for bad input (400, 415, 422) it sends that answer and lists the violations in the
// `sl-violations` header; otherwise it makes up its own application/problem+json 422 and lists
// them in the body's `validation` array.
import { type Violation, violations } from '../support/prism-headers.js';

export interface Report {
  from: 'header' | 'problem body';
  violations: Violation[];
}

export function reportOf(response: Response, error: unknown): Report {
  const inHeader = violations(response);
  if (inHeader.length > 0) return { from: 'header', violations: inHeader };
  const problem = response.headers.get('content-type')?.startsWith('application/problem+json');
  const validation = problem ? (error as { validation?: unknown }).validation : undefined;
  return { from: 'problem body', violations: Array.isArray(validation) ? (validation as Violation[]) : [] };
}

/** A location as Prism writes it, from one as the fuzzers do (a FuzzRequest path). */
export function asPrismWritesIt(location: string[]): string[] {
  // Prism splits Ajv's instancePath, a JSON pointer, without unescaping it: keys keep their ~0 and
  // ~1 escapes and an empty key disappears. It also lower-cases parameter names (productid).
  return location.map((key) => key.replaceAll('~', '~0').replaceAll('/', '~1')).filter((key) => key !== '');
}

/** For comparing locations: the header's start with "request", the problem body's do not. */
export function normalised(location: string[]): string {
  return JSON.stringify((location[0] === 'request' ? location.slice(1) : location).map((key) => key.toLowerCase()));
}
