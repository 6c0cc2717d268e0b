// Reads a request's body as its Content-Type says, into what a vendor's handler takes: JSON parsed
// (any `json` media type the spec declares, text/json included), a form's fields, or raw bytes.
import type { FakeRequest } from './vendor.js';

export type ReadBody =
  | { ok: true; contentType: FakeRequest['contentType']; body: FakeRequest['body'] }
  /** The bytes do not parse as the media type says (JSON that is not, a broken form). */
  | { ok: false; contentType: string; message: string };

/** The media type without parameters, lower case: `multipart/form-data; boundary=x` → `multipart/form-data`. */
export const mediaTypeOf = (header: string | null) => header?.split(';')[0]!.trim().toLowerCase() || undefined;

export const isJsonMediaType = (type: string) => type === 'application/json' || type === 'text/json' || type.endsWith('+json');
const isForm = (type: string) => type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';

export async function readBody(request: Request): Promise<ReadBody> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  // As Prism: no bytes is no body, whatever the Content-Type says.
  if (bytes.length === 0) return { ok: true, contentType: undefined, body: undefined };
  const contentType = mediaTypeOf(request.headers.get('content-type')) ?? 'application/octet-stream';
  if (isJsonMediaType(contentType)) {
    try {
      return { ok: true, contentType, body: JSON.parse(new TextDecoder().decode(bytes)) };
    } catch {
      return { ok: false, contentType, message: `the body is not JSON, as its Content-Type ${contentType} says` };
    }
  }
  if (isForm(contentType)) {
    try {
      const form = await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
      const fields: Record<string, string | File> = {};
      for (const [name, value] of form) fields[name] = value;
      return { ok: true, contentType, body: fields };
    } catch {
      return { ok: false, contentType, message: `the body is not a well-formed ${contentType} form` };
    }
  }
  return { ok: true, contentType, body: bytes };
}
