// Uploads that cannot succeed are refused before a byte is sent, with UploadRejectedError.
import { afterEach, expect, test } from 'vitest';
import { createEcwidClient, UploadRejectedError } from '../../src/index.js';
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

test.each([
  ['JPEG', jpeg],
  ['PNG', png],
  ['GIF', gif],
  ['WebP', webp],
])('%s bytes are sent', async (_, image) => {
  const client = await ecwid();
  const { response } = await client.uploadVariationImage({ ...path, image, contentType: 'application/octet-stream' });
  expect(response.status).toBe(200);
  expect(server.seen).toHaveLength(1);
});

test.each([
  ['text claiming to be a JPEG', new TextEncoder().encode('hello, world'), 'image/jpeg'],
  ['a RIFF file that is not WebP', new TextEncoder().encode('RIFF\x24\x00\x00\x00WAVEfmt '), 'image/webp'],
  ['an empty body', new Uint8Array(), 'image/png'],
])('%s is refused before sending', async (_, image, contentType) => {
  const client = await ecwid();
  const upload = client.uploadVariationImage({ ...path, image, contentType });
  await expect(upload).rejects.toThrow(new UploadRejectedError('image is not a GIF, JPEG, PNG or WebP file (checked by its first bytes)'));
  expect(server.seen).toHaveLength(0);
});

test('an image over 20 MB is refused before sending, without reading it', async () => {
  const client = await ecwid();
  const huge = new Blob([jpeg, new Uint8Array(20 * 1024 * 1024)]);
  const upload = client.uploadVariationImage({ ...path, image: huge, contentType: 'image/jpeg' });
  await expect(upload).rejects.toBeInstanceOf(UploadRejectedError);
  await expect(upload).rejects.toThrow(/Ecwid accepts images up to 20 MB/);
  expect(server.seen).toHaveLength(0);
});

test.each(['ftp://example.org/a.jpg', '/images/a.jpg', 'not a url', 'javascript:alert(1)'])(
  'externalUrl %j is refused before sending',
  async (externalUrl) => {
    const client = await ecwid();
    await expect(client.uploadVariationImageFromUrl({ ...path, externalUrl })).rejects.toBeInstanceOf(UploadRejectedError);
    expect(server.seen).toHaveLength(0);
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
  await expect(upload).rejects.toThrow(new UploadRejectedError('externalUrl must not carry a user name or password'));
  expect(server.seen).toHaveLength(0);
});
