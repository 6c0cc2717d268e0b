// Checks made before an upload sends any byte, so a doomed upload fails fast and clearly.
import type { imageMediaTypes as bigcommerceImages } from '../generated/bigcommerce.images.js';
import type { imageMediaTypes as ecwidImages } from '../generated/ecwid.images.js';
import { UploadRejectedError } from './errors.js';

/** Raw image bytes; sent unchanged. */
export type ImageBytes = Blob | ArrayBuffer | Uint8Array;

export const MiB = 1024 * 1024;

/** Every image format a vendor's spec documents for uploads (generated from the specs). */
export type ImageMediaType = (typeof bigcommerceImages)[number] | (typeof ecwidImages)[number];

// The first bytes of each format, read as Latin-1. A format a spec adds fails the type check here
// until it has a signature.
const signatures = {
  'image/gif': /^GIF8[79]a/,
  'image/jpeg': /^\xff\xd8\xff/,
  'image/png': /^\x89PNG\r\n\x1a\n/,
} satisfies Record<ImageMediaType, RegExp>;

export interface ImageRules {
  /** The formats the vendor's spec documents, e.g. `['image/gif', 'image/jpeg', 'image/png']`. */
  formats: readonly ImageMediaType[];
  maxBytes: number;
  /** Says the limit in the vendor's words, for the message. */
  limit: string;
  /** What else the vendor's spec lets the bytes be declared as, e.g. `application/octet-stream`. */
  anyBytes?: readonly string[];
}

const names = (formats: readonly string[]) => formats.map((type) => type.slice('image/'.length).toUpperCase());

/**
 * Rejects bytes over `maxBytes`, bytes that are not one of the vendor's formats (judged by their
 * magic number), and a declared type that is not the bytes' own. Returns the bytes' media type.
 */
export async function checkImage(image: ImageBytes, declared: string | undefined, rules: ImageRules): Promise<ImageMediaType> {
  const size = image instanceof Blob ? image.size : image.byteLength;
  if (size > rules.maxBytes) {
    throw new UploadRejectedError('ERR_IMAGE_TOO_LARGE', `image is ${size} bytes; ${rules.limit} (${rules.maxBytes} bytes)`);
  }
  const first = new Uint8Array(image instanceof Blob ? await image.slice(0, 8).arrayBuffer() : image.slice(0, 8));
  const head = String.fromCharCode(...first);
  const format = rules.formats.find((type) => signatures[type].test(head));
  if (!format) {
    const list = names(rules.formats);
    throw new UploadRejectedError(
      'ERR_IMAGE_FORMAT',
      `image is not a ${list.slice(0, -1).join(', ')} or ${list.at(-1)} file (checked by its first bytes)`,
    );
  }
  const type = declared?.split(';')[0]!.trim().toLowerCase();
  if (type !== undefined && type !== format && !rules.anyBytes?.includes(type)) {
    throw new UploadRejectedError('ERR_IMAGE_TYPE_MISMATCH', `image is declared ${declared} but its bytes are ${format}`);
  }
  return format;
}

// Characters RFC 3986 allows outside the host, and `%` only as the start of an escape.
const notUriSafe = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/g;

/**
 * Rejects anything but an absolute http(s) URL without credentials, before the vendor is asked to
 * fetch it, and returns it in the strict RFC 3986 form the vendors validate (`a b.jpg` becomes
 * `a%20b.jpg`, `é` its UTF-8 escapes); the URL means the same, only its spelling changes.
 */
export function checkImageUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UploadRejectedError('ERR_IMAGE_URL', `${name} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UploadRejectedError('ERR_IMAGE_URL', `${name} must be an absolute http(s) URL, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new UploadRejectedError('ERR_IMAGE_URL_CREDENTIALS', `${name} must not carry a user name or password`);
  }
  const rest = url.href.slice(url.origin.length);
  return url.origin + rest.replace(notUriSafe, (character) => encodeURIComponent(character));
}
