// List a product's variations, then set the price of the first one.
// Run: ECWID_BASE_URL=http://127.0.0.1:4010 npx tsx examples/ecwid-variations.ts
// (or set ECWID_STORE_ID and ECWID_TOKEN to use a real store). Nothing is changed unless you ask
// for it: ECWID_NEW_PRICE=24.99 sets the first variation's price.
import { createEcwidClient, type EcwidVariationUpdate } from 'commerce-variants';

const ecwid = createEcwidClient({
  storeId: process.env.ECWID_STORE_ID ?? 1003,
  token: process.env.ECWID_TOKEN ?? 'secret_example',
  baseUrl: process.env.ECWID_BASE_URL,
});
const productId = Number(process.env.ECWID_PRODUCT_ID ?? 692730761);

// Ecwid answers with every variation of the product at once: the list is not paged.
const { data: variations, error } = await ecwid.GET('/products/{productId}/combinations', {
  params: { path: { productId } },
});
if (error) throw new Error(`listing variations failed: ${error.errorCode} ${error.errorMessage}`);
for (const variation of variations) console.log(variation.id, variation.sku, variation.price);

const first = variations[0];
const newPrice = process.env.ECWID_NEW_PRICE;
if (first?.id === undefined) {
  console.log('the product has no variations');
} else if (newPrice === undefined) {
  console.log(`not changing variation ${first.id}: set ECWID_NEW_PRICE to set its price`);
} else {
  const change: EcwidVariationUpdate = { price: Number(newPrice) };
  const { data: updated, error: updateError } = await ecwid.PUT('/products/{productId}/combinations/{combinationId}', {
    params: { path: { productId, combinationId: first.id } },
    body: change,
  });
  if (updateError) throw new Error(`updating variation ${first.id} failed: ${updateError.errorCode}`);
  console.log(`set the price of variation ${first.id} to ${change.price}: updated ${updated.updateCount} variation`);
}
