// Checks made before an upload sends any byte, so a doomed upload fails fast and clearly.
import { UploadRejectedError } from './errors.js';

/** Raw image bytes; sent unchanged. */
export type ImageBytes = Blob | ArrayBuffer | Uint8Array;

export const MiB = 1024 * 1024;

const signatures: { offset: number; bytes: number[] }[] = [
  { offset: 0, bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG
  { offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF: "GIF8" (GIF87a, GIF89a)
  { offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] }, // WebP: "WEBP" after "RIFF" and a size
];

async function head(image: ImageBytes, length: number): Promise<Uint8Array> {
  if (image instanceof Blob) return new Uint8Array(await image.slice(0, length).arrayBuffer());
  const bytes = image instanceof Uint8Array ? image : new Uint8Array(image);
  return bytes.subarray(0, length);
}

function sizeOf(image: ImageBytes): number {
  return image instanceof Blob ? image.size : image.byteLength;
}

/**
 * Rejects bytes over `maxBytes` or that are not a GIF, JPEG, PNG or WebP image, judged by their
 * magic number whatever the declared content type says.
 */
export async function checkImage(image: ImageBytes, maxBytes: number, vendorLimit: string): Promise<void> {
  const size = sizeOf(image);
  if (size > maxBytes) {
    throw new UploadRejectedError(`image is ${size} bytes; ${vendorLimit} (${maxBytes} bytes)`);
  }
  const start = await head(image, 12);
  const known = signatures.some(
    ({ offset, bytes }) =>
      bytes.every((byte, i) => start[offset + i] === byte) &&
      (offset === 0 || String.fromCharCode(...start.subarray(0, 4)) === 'RIFF'),
  );
  if (!known) throw new UploadRejectedError('image is not a GIF, JPEG, PNG or WebP file (checked by its first bytes)');
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
