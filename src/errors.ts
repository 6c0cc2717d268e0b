// Errors for failures that are not HTTP answers. HTTP error answers stay in openapi-fetch's
// `{ error, response }` form, typed per operation. Nothing here ever holds a credential: requests
// carry tokens only in headers, and URLs are scrubbed before they are stored.

export interface RequestErrorDetails {
  operationId: string;
  method: string;
  /** The request URL without user info and with secret-looking query values redacted. */
  url: string;
  /** How many times the request was sent: 1 when it was not retried, 0 when the caller had already aborted. */
  attempts: number;
  cause?: unknown;
}

/** Base class of every failure where no HTTP answer came back. */
export class RequestFailedError extends Error {
  declare readonly operationId: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;

  // `name` is spelt out because a minifying bundler renames classes, and `new.target.name` with them.
  constructor(what: string, { cause, ...details }: RequestErrorDetails, name = 'RequestFailedError') {
    super(
      `${details.operationId} (${details.method} ${details.url}) ${what} after ${details.attempts} attempt${details.attempts === 1 ? '' : 's'}`,
      cause === undefined ? undefined : { cause },
    );
    this.name = name;
    Object.assign(this, details);
  }
}

/** No answer came within the timeout. */
export class RequestTimeoutError extends RequestFailedError {
  declare readonly timeoutMs: number;
  constructor(details: RequestErrorDetails & { timeoutMs: number }) {
    super(`timed out (${details.timeoutMs} ms)`, details, 'RequestTimeoutError');
  }
}

/** The caller's AbortSignal fired. */
export class RequestAbortedError extends RequestFailedError {
  constructor(details: RequestErrorDetails) {
    super('was aborted by the caller', details, 'RequestAbortedError');
  }
}

/** The connection failed: refused, reset, DNS, TLS. */
export class NetworkError extends RequestFailedError {
  /** The system error code when there is one, e.g. ECONNREFUSED or ECONNRESET. */
  declare readonly code: string | undefined;
  constructor(details: RequestErrorDetails & { code: string | undefined }) {
    super(`failed on the network${details.code ? ` (${details.code})` : ''}`, details, 'NetworkError');
  }
}

/** An upload refused before any byte was sent: too large, not an image, or a bad URL. */
export class UploadRejectedError extends Error {
  override name = 'UploadRejectedError';
}

// `sig` is Azure's SAS signature; `credential` is in AWS's presigned URLs.
const secretParameter = /token|key|secret|password|signature|auth|credential|^sig$/i;

/**
 * A URL fit for messages and logs: no user info, secret-looking query values redacted, also inside
 * a query value that is itself a URL (Ecwid's `externalUrl` may be a presigned link).
 */
export function scrubUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  for (const [name, value] of [...parsed.searchParams]) {
    if (secretParameter.test(name)) parsed.searchParams.set(name, 'REDACTED');
    else if (/^https?:\/\//i.test(value) && URL.canParse(value)) parsed.searchParams.set(name, scrubUrl(value));
  }
  return parsed.toString();
}
