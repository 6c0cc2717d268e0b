// The fake's image CDN: uploaded bytes kept in memory and served back unchanged at a new URL per
// upload, without credentials and outside the rate limit, as the vendors' CDNs serve theirs.
export const imagePath = '/_fake/images/';

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

export function createImageCdn() {
  const images = new Map<string, { bytes: Uint8Array<ArrayBuffer>; contentType: string }>();
  // Never reset, so that no URL is given twice, even across seeds.
  let uploads = 0;
  return {
    /** Keeps a copy of the bytes; returns their URL under `origin`. */
    store(bytes: Uint8Array, contentType: string, origin: string): string {
      const name = `${++uploads}.${extensions[contentType] ?? 'bin'}`;
      images.set(name, { bytes: new Uint8Array(bytes), contentType });
      return `${origin}${imagePath}${name}`;
    },
    /** The answer to a GET of a path under imagePath. */
    serve(method: string, path: string): Response {
      const image = images.get(path.slice(imagePath.length));
      if (method !== 'GET' && method !== 'HEAD') return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
      if (!image) return new Response(null, { status: 404 });
      return new Response(method === 'HEAD' ? null : image.bytes, {
        status: 200,
        headers: { 'content-type': image.contentType, 'content-length': String(image.bytes.length) },
      });
    },
    clear: () => images.clear(),
  };
}
