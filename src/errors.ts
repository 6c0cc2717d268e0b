// Errors for failures that are not HTTP answers. HTTP error answers stay in openapi-fetch's
// `{ error, response }` form, typed per operation. Nothing here ever holds a credential: requests
// carry tokens only in headers, and a URL keeps no query or user info once it is in an error.

export interface RequestErrorDetails {
  operationId: string;
  method: string;
  /** The request URL without its query and user info, where secrets could sit. */
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

/** The connection failed (refused, reset, DNS, TLS), or fetch refused to send the request at all. */
export class NetworkError extends RequestFailedError {
  /** The system error code when there is one, e.g. ECONNREFUSED or ECONNRESET. */
  declare readonly code: string | undefined;
  /** Why fetch refused to send the request (e.g. `bad port`); such a request is never retried. */
  declare readonly refusal: string | undefined;
  constructor(details: RequestErrorDetails & { code: string | undefined; refusal?: string | undefined }) {
    const what = details.refusal
      ? `was refused by fetch (${details.refusal})`
      : `failed on the network${details.code ? ` (${details.code})` : ''}`;
    super(what, details, 'NetworkError');
  }
}

/** Why an upload was refused, as a string to compare against, like a Node error's `code`. */
export type UploadRejectionCode =
  /** The file is over the vendor's size limit. */
  | 'ERR_IMAGE_TOO_LARGE'
  /** The bytes are not an image in a format the vendor's spec documents. */
  | 'ERR_IMAGE_FORMAT'
  /** The declared content type is not the format of the bytes (e.g. PNG bytes declared `image/jpeg`). */
  | 'ERR_IMAGE_TYPE_MISMATCH'
  /** The image URL is not an absolute http(s) URL. */
  | 'ERR_IMAGE_URL'
  /** The image URL carries a user name or password. */
  | 'ERR_IMAGE_URL_CREDENTIALS';

/** An upload refused before any byte was sent; `code` says why. */
export class UploadRejectedError extends Error {
  override name = 'UploadRejectedError';
  readonly code: UploadRejectionCode;
  constructor(code: UploadRejectionCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * A page of a paged list answered as another page (`meta.pagination.current_page` is not the page
 * asked for). Following it would ask for the same pages again or hand back the same items twice,
 * so the walk stops here; the items of the earlier pages have been handed out already.
 */
export class PagingError extends Error {
  override name = 'PagingError';
  constructor(
    readonly operationId: string,
    /** The page asked for. */
    readonly page: number,
    /** The page the answer says it is. */
    readonly answeredAs: number,
  ) {
    super(`${operationId}: page ${page} was answered as page ${answeredAs} (meta.pagination.current_page); the walk stopped rather than repeat items`);
  }
}

/**
 * A URL fit for messages and logs: scheme, host and path only. The query is dropped rather than
 * redacted by name, since a secret can sit in any parameter (a presigned `externalUrl` carries its
 * signature under names no list foresees), and so is any user info.
 */
export function errorUrl(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}

/**
 * An HTTP error answer where a helper cannot hand back `{ error, response }`, such as a page of
 * `listAllVariants`. `error` is the answer's body, `unknown` here since one class serves every
 * operation: the helper that throws it exports a type guard that narrows it to the spec's type.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  constructor(
    readonly operationId: string,
    readonly response: Response,
    readonly error: unknown,
  ) {
    super(`${operationId}${response.url ? ` (${errorUrl(response.url)})` : ''} answered ${response.status}`);
    this.status = response.status;
  }
}
