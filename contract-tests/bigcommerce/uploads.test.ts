// Variant images, recorded on the wire between the client and the mock.
import { afterEach, expect, test } from 'vitest';
import { jpeg } from '../fixtures/index.js';
import { violations } from '../support/prism-headers.js';
import { type Recorder, startRecorder } from '../support/recorder.js';
import { bigCommerceClient, bigCommerceMock } from './client.js';

const product_id = 192;
const variant_id = 382;

let recorder: Recorder;
afterEach(() => recorder?.close());

/** Splits a multipart/form-data body into its parts' headers and raw bytes. */
function multipartParts(body: Buffer, contentType: string) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType)!;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: { headers: string; bytes: Buffer }[] = [];
  let start = body.indexOf(delimiter) + delimiter.length;
  for (let end = body.indexOf(delimiter, start); end !== -1; end = body.indexOf(delimiter, start)) {
    const part = body.subarray(start + 2, end - 2); // drop the CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    parts.push({ headers: part.subarray(0, split).toString(), bytes: part.subarray(split + 4) });
    start = end + delimiter.length;
  }
  return parts;
}

test('uploadVariantImageFile sends the file byte for byte as the image_file part', async () => {
  recorder = await startRecorder(bigCommerceMock());
  const { data, error, response } = await bigCommerceClient(recorder.url).uploadVariantImageFile({
    product_id,
    variant_id,
    image_file: jpeg,
    filename: 'shirt-red-l.jpg',
    contentType: 'image/jpeg',
  });

  expect(error).toBeUndefined();
  expect(violations(response)).toEqual([]);
  expect(data?.data?.image_url).toEqual(expect.any(String));
  const [sent] = recorder.requests;
  expect(sent!.url).toBe(`/catalog/products/${product_id}/variants/${variant_id}/image`);
  expect(sent!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  const parts = multipartParts(sent!.body, sent!.headers['content-type']!);
  expect(parts).toHaveLength(1);
  expect(parts[0]!.headers).toContain('Content-Disposition: form-data; name="image_file"; filename="shirt-red-l.jpg"');
  expect(parts[0]!.headers).toContain('Content-Type: image/jpeg');
  expect(parts[0]!.bytes.equals(Buffer.from(jpeg))).toBe(true);
});

test('createVariantImageFromUrl sends JSON {image_url}', async () => {
  recorder = await startRecorder(bigCommerceMock());
  const image_url = 'https://example.org/images/shirt-red-l.png';
  const { data, response } = await bigCommerceClient(recorder.url).createVariantImageFromUrl({
    product_id,
    variant_id,
    image_url,
  });

  expect(response.status).toBe(200);
  expect(violations(response)).toEqual([]);
  expect(data?.data?.image_url).toEqual(expect.any(String));
  const [sent] = recorder.requests;
  expect(sent!.headers['content-type']).toBe('application/json');
  expect(JSON.parse(sent!.body.toString())).toEqual({ image_url });
});

test('a multipart body without image_file is refused by the mock', async () => {
  const form = new FormData();
  form.append('image', new Blob([jpeg], { type: 'image/jpeg' }), 'shirt.jpg');
  const { error, response } = await bigCommerceClient().POST('/catalog/products/{product_id}/variants/{variant_id}/image', {
    params: { path: { product_id, variant_id } },
    body: form as never,
  });
  expect(response.status).toBe(422);
  expect(JSON.stringify(violations(response))).toContain('image_file');
  expect(error).toMatchObject({ status: 422 });
});
