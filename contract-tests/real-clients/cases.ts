// The shape of the real-client corpus: request and response bodies taken from clients and stores
// nobody on this project wrote, each with where it came from, and what the bundled spec must say
// of it. One file per vendor (<api>.ts, default export RealClientCase[]).

/** Where a body was taken from: a public repository's file and line, or a vendor page. */
export interface Provenance {
  /** e.g. `Ecwid/ecwid-java-api-client`, or `docs.ecwid.com` for a vendor page. */
  repository: string;
  file: string;
  /** Line number, or a range such as `120-134`. */
  line: number | string;
}

interface CaseBase {
  name: string;
  source: Provenance;
  operationId: string;
  /** `accepted`: the real API takes/returns this; `refused`: a typo or wrong type the spec must catch. */
  expect: 'accepted' | 'refused';
  /** For a refused case: what is wrong with it. */
  why?: string;
}

export interface RequestCase extends CaseBase {
  kind: 'request';
  /** Path parameters; the runner fills any it is not given with a valid value. */
  path?: Record<string, string | number>;
  query?: Record<string, string>;
  /** `application/json`, `application/x-www-form-urlencoded`, ...; absent for a request without body. */
  contentType?: string;
  /** A JSON value, or for a form body its fields. */
  body?: unknown;
}

export interface ResponseCase extends CaseBase {
  kind: 'response';
  status: number;
  body: unknown;
}

export type RealClientCase = RequestCase | ResponseCase;
