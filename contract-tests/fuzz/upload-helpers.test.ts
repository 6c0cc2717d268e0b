// Properties of the clients' upload helpers, fed arbitrary input through their typed API:
// - bytes (as Uint8Array, ArrayBuffer or Blob, labelled with any media type the spec declares for
//   the upload) are either sent, and the mock accepts the upload, or refused with
//   UploadRejectedError before anything is sent; nothing else is ever thrown;
// - an image URL is either refused with UploadRejectedError or sent and accepted.
// The size limits are left to client/upload-guards.test.ts: reaching them takes megabytes a case.
import fc from 'fast-check';
import type { Middleware } from 'openapi-fetch';
import { describe, expect, test } from 'vitest';
import {
  type ImageBytes,
  UploadRejectedError,
  type UploadVariantImageFile,
  type UploadVariationImage,
} from '../../src/index.js';
import { bigCommerceClient } from '../bigcommerce/client.js';
import { ecwidClient } from '../ecwid/client.js';
import { jpeg } from '../fixtures/index.js';
import { violations } from '../support/prism-headers.js';
import { loadApi } from './operations.js';
import { isBinary } from './schema.js';
import { fuzzParameters, fuzzTimeout } from './settings.js';
import { codePoints, webUrls } from './text.js';

/** The media types the spec accepts for an upload's bytes: of a binary body, or of one multipart part. */
function declaredTypes(api: string, operationId: string, part?: string): string[] {
  const { content } = loadApi(api).operations.find((operation) => operation.operationId === operationId)!.body!;
  if (!part) return Object.keys(content).filter((type) => isBinary(content[type]!.schema ?? {}));
  return content['multipart/form-data']!.encoding![part]!.contentType!.split(',').map((type) => type.trim());
}

// The first bytes of JPEG, PNG and GIF files, so that a good share of cases gets past the guard, and
// of WebP, which neither spec lists and the guards refuse.
const text = (s: string) => new TextEncoder().encode(s);
const imageStarts = [jpeg.subarray(0, 4), text('\x89PNG\r\n\x1a\n'), text('GIF89a'), text('RIFF\0\0\0\0WEBP')];
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc
    .tuple(fc.constantFrom(...imageStarts), fc.uint8Array({ maxLength: 64 }))
    .map(([start, rest]) => new Uint8Array([...start, ...rest])),
);
const forms: Record<string, (bytes: Uint8Array) => ImageBytes> = {
  Uint8Array: (bytes) => bytes,
  ArrayBuffer: (bytes) => bytes.slice().buffer,
  Blob: (bytes) => new Blob([bytes as BlobPart]),
};

/** Counts the requests that left the client. */
function counter() {
  const counted = { sent: 0, middleware: { onRequest: () => void (counted.sent += 1) } satisfies Middleware };
  return counted;
}

const path = { productId: 1, combinationId: 1, product_id: 1, variant_id: 1 };

const fileUploads = [
  {
    name: 'Ecwid uploadVariationImage',
    contentTypes: declaredTypes('ecwid', 'uploadVariationImage'),
    upload(image: ImageBytes, contentType: string, middleware: Middleware) {
      const client = ecwidClient();
      client.use(middleware);
      return client.uploadVariationImage({ ...path, image, contentType: contentType as UploadVariationImage['contentType'] });
    },
  },
  {
    name: 'BigCommerce uploadVariantImageFile',
    contentTypes: declaredTypes('bigcommerce', 'createProductVariantImage', 'image_file'),
    upload(file: ImageBytes, contentType: string, middleware: Middleware) {
      const client = bigCommerceClient();
      client.use(middleware);
      return client.uploadVariantImageFile({
        ...path,
        image_file: file,
        filename: 'variant',
        contentType: contentType as UploadVariantImageFile['contentType'],
      });
    },
  },
];

describe.each(fileUploads)('$name', ({ contentTypes, upload }) => {
  const inputs = fc.record({
    bytes,
    form: fc.constantFrom(...Object.keys(forms)),
    contentType: fc.constantFrom(...contentTypes),
  });

  test(
    'sends arbitrary bytes, or throws UploadRejectedError before sending',
    async () => {
      await fc.assert(
        fc.asyncProperty(inputs, async ({ bytes, form, contentType }) => {
          const requests = counter();
          let outcome;
          try {
            outcome = await upload(forms[form]!(bytes), contentType, requests.middleware);
          } catch (error) {
            expect(error).toBeInstanceOf(UploadRejectedError);
            expect(requests.sent).toBe(0);
            return;
          }
          expect(requests.sent).toBe(1);
          expect(violations(outcome.response)).toEqual([]);
          expect(outcome.response.status).toBe(200);
          expect(outcome.error).toBeUndefined();
        }),
        fuzzParameters,
      );
    },
    fuzzTimeout,
  );
});

const urlUploads = [
  {
    name: 'Ecwid uploadVariationImageFromUrl',
    upload: (externalUrl: string) => ecwidClient().uploadVariationImageFromUrl({ ...path, externalUrl }),
  },
  {
    name: 'BigCommerce createVariantImageFromUrl',
    upload: (image_url: string) => bigCommerceClient().createVariantImageFromUrl({ ...path, image_url }),
  },
];

// Web URLs, some with arbitrary text after them (most of those still parse), and arbitrary text.
const urls = fc.oneof(
  webUrls(),
  fc.tuple(webUrls(), codePoints({ minLength: 1 })).map(([url, more]) => url + more),
  codePoints(),
);

// Whatever string a caller passes, the helpers either send a URL the spec's `format: uri`
// (RFC 3986) accepts — "a b.jpg" and "é.jpg" go out percent-encoded — or refuse it up front.
describe.each(urlUploads)('$name', ({ upload }) => {
  test(
    'sends an image URL the spec accepts, or throws UploadRejectedError',
    async () => {
      await fc.assert(
        fc.asyncProperty(urls, async (url) => {
          let outcome;
          try {
            outcome = await upload(url);
          } catch (error) {
            expect(error).toBeInstanceOf(UploadRejectedError);
            return;
          }
          expect(violations(outcome.response)).toEqual([]);
          expect(outcome.response.status).toBe(200);
        }),
        fuzzParameters,
      );
    },
    fuzzTimeout,
  );
});
