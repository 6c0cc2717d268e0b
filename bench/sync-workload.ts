// The sync bench's workload, shared by the quota run (bench/sync.ts) and the 10 000-row run in its
// own process (bench/sync-child.ts): a seed of numbered variants and a CSV setting each one's image
// (a small PNG file of its own) and price.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundledApi, FakeSeeds } from '../src/testing/index.js';

export const credentials = {
  ecwid: { api: 'ecwid', storeId: 1, token: 'bench' },
  bigcommerce: { api: 'bigcommerce', storeHash: 'bench', accessToken: 'bench' },
} as const;

/** `products` × `variants` variants with numbered SKUs, and a CSV setting each one's image and price, in `dir` (the caller removes it). */
export async function workload<A extends BundledApi>(api: A, products: number, variants: number) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-sync-'));
  const lines = ['product_id,sku,image,price'];
  const seed = { products: [] as unknown[] };
  for (let p = 0; p < products; p++) {
    const id = 1000 + p;
    const skus = Array.from({ length: variants }, (_, v) => `P${id}-V${v}`);
    seed.products.push(
      api === 'ecwid'
        ? { id, options: [{ name: 'Size', choices: skus.map((_, v) => ({ text: `S${v}` })) }], combinations: skus.map((sku, v) => ({ sku, options: [{ name: 'Size', value: `S${v}` }], price: 10 })) }
        : {
            id,
            options: [{ id: id * 10, display_name: 'Size', option_values: skus.map((_, v) => ({ id: id * 1000 + v, label: `S${v}` })) }],
            variants: skus.map((sku, v) => ({ product_id: id, sku, price: 10, option_values: [{ id: id * 1000 + v, option_id: id * 10, label: `S${v}`, option_display_name: 'Size' }] })),
          },
    );
    for (const [v, sku] of skus.entries()) {
      const name = `${id}-${v}.png`;
      await writeFile(join(dir, name), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(`${name} `.repeat(30))]));
      lines.push(`${id},${sku},${name},${20 + v}`);
    }
  }
  const csv = join(dir, 'rows.csv');
  await writeFile(csv, `${lines.join('\n')}\n`);
  return { dir, csv, seed: seed as FakeSeeds[A] };
}

