// Middleware and readers for the headers Prism uses to talk to tests.
import type { Middleware } from 'openapi-fetch';

const prefer = (value: string): Middleware => ({
  onRequest({ request }) {
    request.headers.set('Prefer', value);
  },
});

/** Asks Prism for one of the documented responses. */
export const preferStatus = (status: number) => prefer(`code=${status}`);

/** Asks Prism for one named example of the response. */
export const preferExample = (name: string) => prefer(`example=${name}`);

export interface Violation {
  location: string[];
  code: string | number;
  message: string;
}

/** What Prism's request validation found wrong, from the `sl-violations` header (none: []). */
export function violations(response: Response): Violation[] {
  const header = response.headers.get('sl-violations');
  return header ? (JSON.parse(header) as Violation[]) : [];
}
