// What a header value can carry: tab, visible ASCII and space, and Latin-1 above 0x7F.
const notHeaderSafe = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Rejects, up front, a credential no request could carry: empty, or with a character a header
 * cannot hold (a line break read along with it, a character above U+00FF). fetch would refuse
 * every call later, printing the value; this names the option only.
 */
export function requireCredential(name: string, value: unknown): string {
  if (!(typeof value === 'string' && value.trim())) {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  if (notHeaderSafe.test(value)) {
    throw new TypeError(`${name} holds a line break, control character or character above U+00FF, which no header can carry`);
  }
  return value;
}

/** Sends the body exactly as given: openapi-fetch's default would JSON-encode a Blob as `{}`. */
export const sendAsIs = <T>(body: T): T => body;
