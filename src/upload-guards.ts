// Checks made before an upload sends any byte, so a doomed upload fails fast and clearly.
import { UploadRejectedError } from './errors.js';

/** Raw image bytes; sent unchanged. */
export type ImageBytes = Blob | ArrayBuffer | Uint8Array;

export const MiB = 1024 * 1024;

// The first bytes of each format, read as Latin-1: JPEG, PNG, GIF (GIF87a, GIF89a), and WebP ("WEBP"
// after "RIFF" and a four-byte size).
const imageSignature = /^(?:\xff\xd8\xff|\x89PNG\r\n\x1a\n|GIF8|RIFF[^]{4}WEBP)/;

/**
 * Rejects bytes over `maxBytes` or that are not a GIF, JPEG, PNG or WebP image, judged by their
 * magic number whatever the declared content type says.
 */
export async function checkImage(image: ImageBytes, maxBytes: number, vendorLimit: string): Promise<void> {
  const size = image instanceof Blob ? image.size : image.byteLength;
  if (size > maxBytes) {
    throw new UploadRejectedError(`image is ${size} bytes; ${vendorLimit} (${maxBytes} bytes)`);
  }
  const first = new Uint8Array(image instanceof Blob ? await image.slice(0, 12).arrayBuffer() : image.slice(0, 12));
  if (!imageSignature.test(String.fromCharCode(...first))) {
    throw new UploadRejectedError('image is not a GIF, JPEG, PNG or WebP file (checked by its first bytes)');
  }
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
    throw new UploadRejectedError(`${name} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UploadRejectedError(`${name} must be an absolute http(s) URL, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new UploadRejectedError(`${name} must not carry a user name or password`);
  }
  const rest = url.href.slice(url.origin.length);
  return url.origin + rest.replace(notUriSafe, (character) => encodeURIComponent(character));
}
