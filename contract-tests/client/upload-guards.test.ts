// Uploads that cannot succeed are refused before a byte is sent, with UploadRejectedError.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import * as bigcommerceImages from '../../generated/bigcommerce.images.js';
import * as ecwidImages from '../../generated/ecwid.images.js';
import { projectRoot } from '../../scripts/apis.js';
import { createBigCommerceClient, createEcwidClient, UploadRejectedError } from '../../src/index.js';
import { jpeg } from '../fixtures/index.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

let server: FaultServer;
afterEach(() => server?.close());

async function ecwid() {
  server = await startFaultServer([{ status: 200, body: { id: 1 } }]);
  return createEcwidClient({ storeId: 1003, token: 'secret_guards', baseUrl: server.url });
}

const path = { productId: 1, combinationId: 2 };
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
const webp = new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBPVP8 ');

/** What an upload was refused with: its code, and whether anything was sent. */
async function refusal(upload: Promise<unknown>) {
  const error = await upload.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(UploadRejectedError);
  expect(server.seen).toHaveLength(0);
  return (error as UploadRejectedError).code;
}

test.each([
  ['JPEG', jpeg, 'image/jpeg'],
  ['PNG', png, 'image/png'],
  ['GIF', gif, 'image/gif'],
])('%s bytes are sent under their own type, or as application/octet-stream', async (_, image, type) => {
  const client = await ecwid();
  await client.uploadVariationImage({ ...path, image, contentType: 'application/octet-stream' });
  await client.uploadVariationImage({ ...path, image });
  expect(server.seen.map((request) => request.headers['content-type'])).toEqual(['application/octet-stream', type]);
});

test.each([
  ['text claiming to be a JPEG', new TextEncoder().encode('hello, world'), 'image/jpeg'],
  ['WebP, which the Ecwid spec does not list', webp, 'application/octet-stream'],
  ['an empty body', new Uint8Array(), 'image/png'],
] as const)('%s is refused before sending: ERR_IMAGE_FORMAT', async (_, image, contentType) => {
  const client = await ecwid();
  const upload = client.uploadVariationImage({ ...path, image, contentType });
  await expect(upload).rejects.toThrow('image is not a GIF, JPEG or PNG file (checked by its first bytes)');
  expect(await refusal(upload)).toBe('ERR_IMAGE_FORMAT');
});

test('PNG bytes declared image/jpeg are refused before sending: ERR_IMAGE_TYPE_MISMATCH', async () => {
  const client = await ecwid();
  const upload = client.uploadVariationImage({ ...path, image: png, contentType: 'image/jpeg' });
  await expect(upload).rejects.toThrow('image is declared image/jpeg but its bytes are image/png');
  expect(await refusal(upload)).toBe('ERR_IMAGE_TYPE_MISMATCH');
});

test('an image over 20 MB is refused before sending, without reading it: ERR_IMAGE_TOO_LARGE', async () => {
  const client = await ecwid();
  const huge = new Blob([jpeg, new Uint8Array(20 * 1024 * 1024)]);
  const upload = client.uploadVariationImage({ ...path, image: huge, contentType: 'image/jpeg' });
  await expect(upload).rejects.toThrow(/Ecwid accepts images up to 20 MB/);
  expect(await refusal(upload)).toBe('ERR_IMAGE_TOO_LARGE');
});

test('an oversized file, non-image bytes and an ftp URL are refused with three distinct codes', async () => {
  const client = await ecwid();
  const codes = [
    await refusal(client.uploadVariationImage({ ...path, image: new Blob([jpeg, new Uint8Array(20 * 1024 * 1024)]) })),
    await refusal(client.uploadVariationImage({ ...path, image: new TextEncoder().encode('hello, world') })),
    await refusal(client.uploadVariationImageFromUrl({ ...path, externalUrl: 'ftp://example.org/a.jpg' })),
  ];
  expect(codes).toEqual(['ERR_IMAGE_TOO_LARGE', 'ERR_IMAGE_FORMAT', 'ERR_IMAGE_URL']);
});

test.each(['ftp://example.org/a.jpg', '/images/a.jpg', 'not a url', 'javascript:alert(1)'])(
  'externalUrl %j is refused before sending',
  async (externalUrl) => {
    const client = await ecwid();
    expect(await refusal(client.uploadVariationImageFromUrl({ ...path, externalUrl }))).toBe('ERR_IMAGE_URL');
  },
);

test.each([
  ['https://example.org/images/shirt red.jpg', 'https://example.org/images/shirt%20red.jpg'],
  ['https://example.org/images/é.jpg', 'https://example.org/images/%C3%A9.jpg'],
  ['https://example.org/a.jpg?size=[1]&q=100%', 'https://example.org/a.jpg?size=%5B1%5D&q=100%25'],
  ['https://example.org/a.jpg?v=2&size=large', 'https://example.org/a.jpg?v=2&size=large'],
])('externalUrl %j goes out as %j', async (externalUrl, sent) => {
  const client = await ecwid();
  await client.uploadVariationImageFromUrl({ ...path, externalUrl });
  expect(new URL(server.seen[0]!.url, server.url).searchParams.get('externalUrl')).toBe(sent);
});

test('an image URL with a user name and password is refused', async () => {
  const client = await ecwid();
  const upload = client.uploadVariationImageFromUrl({ ...path, externalUrl: 'https://me:pw@example.org/a.jpg' });
  await expect(upload).rejects.toThrow('externalUrl must not carry a user name or password');
  expect(await refusal(upload)).toBe('ERR_IMAGE_URL_CREDENTIALS');
});

test('the async uploads check their url the same way', async () => {
  const client = await ecwid();
  const image = { url: 'ftp://example.org/a.jpg', width: '800', height: '600' };
  expect(await refusal(client.uploadVariationImageAsync({ ...path, ...image }))).toBe('ERR_IMAGE_URL');
  expect(await refusal(client.uploadProductImageAsync({ productId: 1, ...image }))).toBe('ERR_IMAGE_URL');
});

describe('BigCommerce: the formats its spec lists (GIF, JPEG, PNG), at most 1 MB', () => {
  async function bigcommerce() {
    server = await startFaultServer([{ status: 200, body: { data: { image_url: 'https://cdn.example/a.png' }, meta: {} } }]);
    return createBigCommerceClient({ storeHash: 'abc123', accessToken: 'guards-token', baseUrl: server.url });
  }
  const variant = { product_id: 174, variant_id: 382 };

  test('PNG bytes go up as an image/png part named after their format', async () => {
    const client = await bigcommerce();
    await client.uploadVariantImageFile({ ...variant, image_file: png });
    expect(server.seen[0]!.body.toString('latin1')).toContain(
      'Content-Disposition: form-data; name="image_file"; filename="image.png"\r\nContent-Type: image/png',
    );
  });

  test.each([
    ['WebP', 'ERR_IMAGE_FORMAT', webp, undefined],
    ['JPEG declared image/png', 'ERR_IMAGE_TYPE_MISMATCH', jpeg, 'image/png'],
    ['over 1 MB', 'ERR_IMAGE_TOO_LARGE', new Blob([png, new Uint8Array(1024 * 1024)]), undefined],
  ] as const)('%s is refused before sending: %s', async (_, code, image_file, contentType) => {
    const client = await bigcommerce();
    expect(await refusal(client.uploadVariantImageFile({ ...variant, image_file, contentType }))).toBe(code);
  });

  test('an image_url that is not http(s) is refused before sending', async () => {
    const client = await bigcommerce();
    expect(await refusal(client.createVariantImageFromUrl({ ...variant, image_url: 'ftp://example.org/a.png' }))).toBe('ERR_IMAGE_URL');
  });
});

// What the guard lets a binary upload be declared as besides the image's own type comes from the
// spec, as the image formats do: Ecwid's binary upload documents application/octet-stream,
// BigCommerce's multipart part documents image types only.
test.each([
  ['ecwid', ecwidImages.anyBytesMediaTypes],
  ['bigcommerce', bigcommerceImages.anyBytesMediaTypes],
])("%s: the upload's any-bytes media types are the ones its spec documents", async (api, generated) => {
  const spec = JSON.parse(readFileSync(join(projectRoot, 'generated', `${api}.openapi.json`), 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { format?: string } }> } }>>;
  };
  const documented = new Set<string>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      for (const [type, { schema }] of Object.entries(operation.requestBody?.content ?? {})) {
        if (!type.startsWith('image/') && schema?.format === 'binary') documented.add(type);
      }
    }
  }
  expect([...generated]).toEqual([...documented]);
});
