// Walk every variant of a product, page by page, and print the ones running low on stock.
// Run: BIGCOMMERCE_BASE_URL=http://127.0.0.1:4011 npx tsx examples/bigcommerce-all-variants.ts
import { createBigCommerceClient } from 'commerce-variants';

const bigcommerce = createBigCommerceClient({
  storeHash: process.env.BIGCOMMERCE_STORE_HASH ?? 'abc123',
  accessToken: process.env.BIGCOMMERCE_ACCESS_TOKEN ?? 'example-token',
  baseUrl: process.env.BIGCOMMERCE_BASE_URL,
});

let count = 0;
for await (const variant of bigcommerce.listAllVariants({
  product_id: Number(process.env.BIGCOMMERCE_PRODUCT_ID ?? 192),
  pageSize: 250,
  query: { include_fields: ['sku', 'inventory_level'] },
  signal: AbortSignal.timeout(60_000),
})) {
  count += 1;
  if ((variant.inventory_level ?? 0) < 5) console.log('low stock:', variant.sku, variant.inventory_level);
}
console.log(`${count} variants`);
