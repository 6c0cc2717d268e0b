// Set a variant's image from a file (multipart upload, at most 1 MB) and from a public URL.
// Run: BIGCOMMERCE_BASE_URL=http://127.0.0.1:4011 npx tsx examples/bigcommerce-image.ts
import { readFile } from 'node:fs/promises';
import { createBigCommerceClient } from 'commerce-variants';

const bigcommerce = createBigCommerceClient({
  storeHash: process.env.BIGCOMMERCE_STORE_HASH ?? 'abc123',
  accessToken: process.env.BIGCOMMERCE_ACCESS_TOKEN ?? 'example-token',
  baseUrl: process.env.BIGCOMMERCE_BASE_URL,
});
const variant = {
  product_id: Number(process.env.BIGCOMMERCE_PRODUCT_ID ?? 192),
  variant_id: Number(process.env.BIGCOMMERCE_VARIANT_ID ?? 382),
};

const fromFile = await bigcommerce.uploadVariantImageFile({
  ...variant,
  image_file: await readFile(new URL('./shirt-red-l.jpg', import.meta.url)),
  filename: 'shirt-red-l.jpg',
});
if (fromFile.error) throw new Error(`upload failed: ${fromFile.response.status} ${fromFile.error.title}`);
console.log('stored at', fromFile.data.data.image_url);

const fromUrl = await bigcommerce.createVariantImageFromUrl({ ...variant, image_url: 'https://example.org/images/shirt-red-l.png' });
if (fromUrl.error) throw new Error(`upload from URL failed: ${fromUrl.response.status}`);
console.log('stored at', fromUrl.data.data.image_url);
