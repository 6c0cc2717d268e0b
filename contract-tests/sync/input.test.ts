// The sync's input: what a spreadsheet exports (quoted fields, a BOM, CRLF) and JSON, every row
// checked before anything is sent, bad rows named by their number beside the good ones.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { InputError, readSyncInput } from '../../src/sync/input.js';

async function file(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sync-input-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

test('a spreadsheet export: BOM, CRLF, quoted fields with commas and quotes, empty cells', async () => {
  const csv = '\uFEFFproduct_id,sku,image,price,quantity\r\n192,"SMGR-S, ""red""",img/a.png,12.50,\r\n192,SMGR-M,https://cdn.example.com/a b.jpg,,7\r\n';
  const path = await file('rows.csv', csv);
  const { rows, invalid } = await readSyncInput(path);
  expect(invalid).toEqual([]);
  expect(rows).toEqual([
    { row: 2, product_id: 192, sku: 'SMGR-S, "red"', image: { file: join(path, '..', 'img/a.png') }, price: 12.5, quantity: undefined },
    // The URL is spelt as the client sends it.
    { row: 3, product_id: 192, sku: 'SMGR-M', image: { url: 'https://cdn.example.com/a%20b.jpg' }, price: undefined, quantity: 7 },
  ]);
});

/** A valid row for the same header: product 7, SKU GOOD, nothing else. */
const goodRow = (header: string) => header.split(',').map((name) => ({ product_id: '7', sku: 'GOOD' })[name] ?? '').join(',');

test.each([
  ['an unknown column', 'product_id,sku,colour', '1,A,red', 'ERR_UNKNOWN_COLUMN', /unknown column 'colour'/],
  ['a missing sku', 'product_id,sku', '1,', 'ERR_MISSING_FIELD', /sku is missing/],
  ['a missing product_id', 'product_id,sku,price', ',A,1', 'ERR_MISSING_FIELD', /product_id is missing/],
  ['a product_id that is not a number', 'product_id,sku', 'abc,A', 'ERR_FIELD_TYPE', /product_id must be a whole number >= 1/],
  ['a price with a comma for decimals', 'product_id,sku,price', '1,A,"12,50"', 'ERR_FIELD_TYPE', /price must be a number >= 0/],
  ['a negative quantity', 'product_id,sku,quantity', '1,A,-1', 'ERR_FIELD_TYPE', /quantity must be a whole number >= 0/],
  ['an image URL with credentials', 'product_id,sku,image', '1,A,https://u:p@x.example/a.png', 'ERR_IMAGE_URL_CREDENTIALS', /user name or password/],
  ['an image URL of another scheme', 'product_id,sku,image', '1,A,ftp://x.example/a.png', 'ERR_IMAGE_URL', /http\(s\)/],
])('%s is refused with its row number, the good row beside it goes on', async (_, header, bad, code, message) => {
  const { rows, invalid } = await readSyncInput(await file('rows.csv', `${header}\n${bad}\n${goodRow(header)}\n`));
  expect(invalid).toHaveLength(1);
  expect(invalid[0]).toMatchObject({ row: 2, code });
  expect(invalid[0]!.message).toMatch(message);
  expect(rows.map((row) => [row.row, row.sku])).toEqual([[3, 'GOOD']]);
});

test('a SKU twice for one product refuses both rows; the same SKU on another product is fine', async () => {
  const path = await file('rows.json', JSON.stringify([
    { product_id: 1, sku: 'A', price: 1 },
    { product_id: 2, sku: 'A', price: 1 },
    { product_id: 1, sku: 'A', price: 2 },
  ]));
  const { rows, invalid } = await readSyncInput(path);
  expect(rows.map((row) => row.row)).toEqual([2]);
  expect(invalid.map(({ row, code, message }) => [row, code, message])).toEqual([
    [1, 'ERR_DUPLICATE_SKU', 'SKU A appears again for product 1 (row 3)'],
    [3, 'ERR_DUPLICATE_SKU', 'SKU A appears again for product 1 (row 1)'],
  ]);
});

test('JSON takes numbers as numbers: a price given as a string is the wrong type', async () => {
  const path = await file('rows.json', JSON.stringify([{ product_id: 1, sku: 'A', price: '9.99' }, { product_id: 1, sku: 'B', price: 9.99, quantity: 3 }]));
  const { rows, invalid } = await readSyncInput(path);
  expect(invalid).toMatchObject([{ row: 1, code: 'ERR_FIELD_TYPE', product_id: 1, sku: 'A' }]);
  expect(rows).toMatchObject([{ row: 2, sku: 'B', price: 9.99, quantity: 3 }]);
});

test.each([
  ['rows.json', '{"product_id": 1}', /must hold a JSON array/],
  ['rows.json', '[{', /is not valid JSON/],
  ['rows.csv', 'product_id,sku\n"1,A\n', /is not readable CSV/],
  ['rows.txt', 'x', /must be a \.csv or \.json file/],
])('%s holding %j cannot be used at all: InputError', async (name, content, message) => {
  await expect(readSyncInput(await file(name, content))).rejects.toThrow(InputError);
  await expect(readSyncInput(await file(name, content))).rejects.toThrow(message);
});

test('a file that does not exist is an InputError naming the file', async () => {
  await expect(readSyncInput('/nonexistent/rows.csv')).rejects.toThrow('cannot read /nonexistent/rows.csv: ENOENT');
});
