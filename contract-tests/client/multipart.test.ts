// The BigCommerce upload encodes its multipart body itself (src/multipart.ts) instead of through
// FormData: read back by a multipart parser, it must say what FormData's own body says.
import { expect, test } from 'vitest';
import { multipartFile } from '../../src/multipart.js';
import { jpeg } from '../fixtures/index.js';

/** The form a server reads from a body: each field's name, file name, type and bytes. */
async function parsed(body: BodyInit, contentType?: string) {
  const form = await new Response(body, contentType ? { headers: { 'content-type': contentType } } : {}).formData();
  return Promise.all(
    [...form].map(async ([name, value]) => {
      const file = value as File;
      return { name, filename: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
    }),
  );
}

test.each([
  ['image_file', 'shirt-red-l.jpg'],
  ['image_file', 'say "cheese".jpg'],
  ['image_file', 'two\r\nlines.jpg'],
  ['image_file', 'été 東京.jpg'],
  ['field "quoted"', 'a.jpg'],
])('field %j with file name %j reads back as FormData sends it', async (field, filename) => {
  const { body, contentType } = multipartFile(field, filename, 'image/jpeg', jpeg);
  expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
  const form = new FormData();
  form.append(field, new File([jpeg], filename, { type: 'image/jpeg' }));
  const ours = await parsed(body, contentType);
  expect(ours).toEqual(await parsed(form));
  expect(ours[0]!.bytes.equals(Buffer.from(jpeg))).toBe(true);
});

test('each body has a boundary of its own', () => {
  const boundaries = new Set(Array.from({ length: 20 }, () => multipartFile('image_file', 'a.jpg', 'image/jpeg', jpeg).contentType));
  expect(boundaries.size).toBe(20);
});
