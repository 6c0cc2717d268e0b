// Fake stores and input files for the sync's tests: products with numbered SKUs, image files that
// pass the upload guards (a PNG signature and bytes of their own), and the sync's own requests
// counted from the fake's log.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundledApi, FakeSeeds, LoggedRequest } from '../../src/testing/index.js';

export const sku = (product: number, variant: number) => `P${product}-V${variant}`;

/** `products` products (ids 1000, 1001, …) of `variants` variants each, SKUs P1000-V0…, price 10, stock 0, no image. */
export function seedFor<A extends BundledApi>(api: A, products: number, variants: number): FakeSeeds[A] {
  const ids = Array.from({ length: products }, (_, i) => 1000 + i);
  const values = Array.from({ length: variants }, (_, v) => v);
  if (api === 'ecwid') {
    return {
      products: ids.map((id) => ({
        id,
        options: [{ name: 'Size', choices: values.map((v) => ({ text: `S${v}` })) }],
        combinations: values.map((v) => ({ sku: sku(id, v), options: [{ name: 'Size', value: `S${v}` }], price: 10, quantity: 0, unlimited: false })),
      })),
    } as FakeSeeds[A];
  }
  return {
    products: ids.map((id) => ({
      id,
      options: [{ id: id * 10, display_name: 'Size', option_values: values.map((v) => ({ id: id * 100 + v, label: `S${v}` })) }],
      variants: values.map((v) => ({
        product_id: id,
        sku: sku(id, v),
        price: 10,
        inventory_level: 0,
        image_url: '',
        option_values: [{ id: id * 100 + v, option_id: id * 10, label: `S${v}`, option_display_name: 'Size' }],
      })),
    })),
  } as FakeSeeds[A];
}

/** PNG bytes (the guards read the signature) unique to `n`. */
export const png = (n: number) => Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from(`image ${n} `.repeat(20))]);

/** A directory with `rows.csv` and the image files its rows name. */
export async function inputDir(header: string, lines: string[], images: Record<string, Buffer> = {}): Promise<{ dir: string; csv: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'sync-'));
  for (const [name, bytes] of Object.entries(images)) await writeFile(join(dir, name), bytes);
  const csv = join(dir, 'rows.csv');
  await writeFile(csv, `${header}\n${lines.join('\n')}\n`);
  return { dir, csv };
}

const writes = new Set(['POST', 'PUT', 'DELETE']);
/** The writes in a fake's request log. */
export const writesIn = (log: readonly LoggedRequest[]) => log.filter((entry) => writes.has(entry.method));
/** Image uploads the store applied: answered 2xx, or applied with the answer lost (a reset after the write). */
export const imageWrites = (log: readonly LoggedRequest[]) =>
  log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/image') && ((entry.status >= 200 && entry.status < 300) || entry.fault === 'reset-after-write'));

/** How many applied uploads each variant's image path got. */
export function uploadsPerVariant(log: readonly LoggedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { path } of imageWrites(log)) counts.set(path, (counts.get(path) ?? 0) + 1);
  return counts;
}
