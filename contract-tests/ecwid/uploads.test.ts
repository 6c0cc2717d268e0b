// Image uploads, recorded on the wire between the client and the mock: the bytes Ecwid receives are
// the file's bytes, whatever form the caller holds them in.
import { afterEach, expect, test } from 'vitest';
import type { EcwidClient } from '../../src/index.js';
import { jpeg } from '../fixtures/index.js';
import { violations } from '../support/prism-headers.js';
import { type Recorder, startRecorder } from '../support/recorder.js';
import { ecwidClient, ecwidMock, token } from './client.js';

const productId = 8392837;
const combinationId = 463737373;
const imageUrl = `/products/${productId}/combinations/${combinationId}/image`;

let recorder: Recorder;
afterEach(() => recorder?.close());

const forms = {
  Uint8Array: () => jpeg,
  ArrayBuffer: () => jpeg.slice().buffer,
  Blob: () => new Blob([jpeg], { type: 'image/jpeg' }),
};

test.each(Object.keys(forms) as (keyof typeof forms)[])(
  'uploadVariationImage sends a %s byte for byte, as image/jpeg',
  async (form) => {
    recorder = await startRecorder(ecwidMock());
    const client = ecwidClient(recorder.url);

    const { data, error, response } = await client.uploadVariationImage({
      productId,
      combinationId,
      image: forms[form](),
      contentType: 'image/jpeg',
    });

    expect(error).toBeUndefined();
    expect(violations(response)).toEqual([]);
    expect(data?.id).toEqual(expect.any(Number));
    expect(recorder.requests).toHaveLength(1);
    const [sent] = recorder.requests;
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe(imageUrl);
    expect(sent!.headers['content-type']).toBe('image/jpeg');
    expect(sent!.headers.authorization).toBe(`Bearer ${token}`);
    expect(sent!.body.equals(Buffer.from(jpeg))).toBe(true);
  },
);

test('uploadVariationImage passes application/octet-stream through for bytes of unknown type', async () => {
  recorder = await startRecorder(ecwidMock());
  const { response } = await ecwidClient(recorder.url).uploadVariationImage({
    productId,
    combinationId,
    image: jpeg,
    contentType: 'application/octet-stream',
  });
  expect(response.status).toBe(200);
  expect(violations(response)).toEqual([]);
  expect(recorder.requests[0]!.headers['content-type']).toBe('application/octet-stream');
  expect(recorder.requests[0]!.body.equals(Buffer.from(jpeg))).toBe(true);
});

test('uploadVariationImageFromUrl sends externalUrl in the query and no body', async () => {
  recorder = await startRecorder(ecwidMock());
  const externalUrl = 'https://example.org/images/shirt-red-l.jpg?v=2&size=large';

  const { data, response } = await ecwidClient(recorder.url).uploadVariationImageFromUrl({
    productId,
    combinationId,
    externalUrl,
  });

  expect(response.status).toBe(200);
  expect(violations(response)).toEqual([]);
  expect(data?.id).toEqual(expect.any(Number));
  const [sent] = recorder.requests;
  const url = new URL(sent!.url, 'http://recorder');
  expect(url.pathname).toBe(imageUrl);
  expect(url.searchParams.get('externalUrl')).toBe(externalUrl);
  expect(sent!.body).toHaveLength(0);
  expect(sent!.headers['content-type']).toBeUndefined();
});

const asyncImage = { url: 'https://example.org/images/shirt red.jpg', width: '800', height: '600', alt: { main: 'Red T-shirt' } };

test.each([
  {
    helper: 'uploadVariationImageAsync',
    pathname: `/products/${productId}/combinations/${combinationId}/image/async`,
    upload: (client: EcwidClient) => client.uploadVariationImageAsync({ productId, combinationId, ...asyncImage }),
  },
  {
    helper: 'uploadProductImageAsync',
    pathname: `/products/${productId}/image/async`,
    upload: (client: EcwidClient) => client.uploadProductImageAsync({ productId, ...asyncImage }),
  },
])('$helper sends {url, width, height, alt} as JSON to $pathname', async ({ pathname, upload }) => {
  recorder = await startRecorder(ecwidMock());
  const image = asyncImage;

  const { data, error, response } = await upload(ecwidClient(recorder.url));

  expect(error).toBeUndefined();
  expect(violations(response)).toEqual([]);
  expect(data?.id).toEqual(expect.any(Number));
  const [sent] = recorder.requests;
  expect(new URL(sent!.url, 'http://recorder').pathname).toBe(pathname);
  expect(sent!.headers['content-type']).toBe('application/json');
  // The URL goes out in the strict form the spec's `format: uri` checks, as for externalUrl.
  expect(JSON.parse(sent!.body.toString())).toEqual({ ...image, url: 'https://example.org/images/shirt%20red.jpg' });
});
