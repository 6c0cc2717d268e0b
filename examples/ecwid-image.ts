// Set a variation's image three ways: from bytes, from a URL Ecwid downloads at once, and from a URL
// Ecwid downloads in the background.
// Run: ECWID_BASE_URL=http://127.0.0.1:4010 npx tsx examples/ecwid-image.ts
import { readFile } from 'node:fs/promises';
import { createEcwidClient, UploadRejectedError } from 'commerce-variants';

const ecwid = createEcwidClient({
  storeId: process.env.ECWID_STORE_ID ?? 1003,
  token: process.env.ECWID_TOKEN ?? 'secret_example',
  baseUrl: process.env.ECWID_BASE_URL,
});
const variation = {
  productId: Number(process.env.ECWID_PRODUCT_ID ?? 692730761),
  combinationId: Number(process.env.ECWID_COMBINATION_ID ?? 422488528),
};

// Bytes go up unchanged; the content type is read from them (JPEG here).
const image = await readFile(new URL('./shirt-red-l.jpg', import.meta.url));
const fromBytes = await ecwid.uploadVariationImage({ ...variation, image });
if (fromBytes.error) throw new Error(`upload failed: ${fromBytes.response.status}`);
console.log('image from bytes:', fromBytes.data.id);

const fromUrl = await ecwid.uploadVariationImageFromUrl({ ...variation, externalUrl: 'https://example.org/images/shirt-red-l.jpg' });
if (fromUrl.error) throw new Error(`upload from URL failed: ${fromUrl.response.status}`);
console.log('image from URL:', fromUrl.data.id);

const inBackground = await ecwid.uploadVariationImageAsync({
  ...variation,
  url: 'https://example.org/images/shirt-red-l.jpg',
  width: '800',
  height: '600',
  alt: { main: 'Red T-shirt, size L' },
});
if (inBackground.error) throw new Error(`async upload failed: ${inBackground.response.status}`);
console.log('image on its way:', inBackground.data.id);

// What the client refuses before sending anything carries a code to branch on.
try {
  await ecwid.uploadVariationImage({ ...variation, image: new TextEncoder().encode('not an image') });
} catch (error) {
  if (!(error instanceof UploadRejectedError)) throw error;
  console.log('refused:', error.code);
}
