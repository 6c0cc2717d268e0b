// The sync's input: one row per variant, from a CSV (what spreadsheet programs export) or a JSON
// array of the same objects. Every row is checked before anything is sent; a bad row is reported
// with its number and the reason, and the good rows beside it go on.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UploadRejectedError } from '../errors.js';
import { checkImageUrl } from '../upload-guards.js';

/** Where a row's image comes from: a file (absolute path) or a public URL. */
export type ImageSource = { file: string; url?: undefined } | { url: string; file?: undefined };

/** A row that passed every check. `row` is its number in the input (CSV: the header is row 1; JSON: the first item is row 1). */
export interface SyncRow {
  row: number;
  product_id: number;
  sku: string;
  image?: ImageSource | undefined;
  price?: number | undefined;
  /** BigCommerce `inventory_level`, Ecwid `quantity`. */
  quantity?: number | undefined;
}

export type RowErrorCode = 'ERR_UNKNOWN_COLUMN' | 'ERR_MISSING_FIELD' | 'ERR_FIELD_TYPE' | 'ERR_DUPLICATE_SKU' | 'ERR_IMAGE_URL' | 'ERR_IMAGE_URL_CREDENTIALS';

/** A row refused before anything was sent. */
export interface InvalidRow {
  row: number;
  product_id?: number | undefined;
  sku?: string | undefined;
  code: RowErrorCode;
  message: string;
}

export interface SyncInput {
  rows: SyncRow[];
  invalid: InvalidRow[];
}

/** The input file cannot be used at all (unreadable, not CSV or JSON, not an array): nothing runs. */
export class InputError extends Error {
  override name = 'InputError';
}

export const columns = ['product_id', 'sku', 'image', 'price', 'quantity'] as const;

/** Reads and checks a `.csv` or `.json` file; image paths are taken relative to the file. */
export async function readSyncInput(file: string): Promise<SyncInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const baseDir = dirname(resolve(file));
  if (/\.json$/i.test(file)) return checkRows(parseJson(text, file), baseDir);
  if (/\.csv$/i.test(file)) return checkRows(parseCsv(text, file), baseDir, { firstRow: 2, text: true });
  throw new InputError(`${file}: the input must be a .csv or .json file`);
}

function parseJson(text: string, file: string): unknown[] {
  let value: unknown;
  try {
    // A BOM is what some editors put first; JSON.parse refuses it.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new InputError(`${file} must hold a JSON array of rows`);
  return value;
}

function parseCsv(text: string, file: string): unknown[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { bom: true, columns: (header: string[]) => header.map((name) => name.trim()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new InputError(`${file} is not readable CSV: ${(error as Error).message}`);
  }
  // An empty cell is an absent value, so a column with no header and no value (a trailing comma) says nothing.
  return records.map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')));
}

/**
 * Checks raw rows (objects, as parsed from CSV or JSON): types, required fields, SKUs unique within
 * a product. `firstRow` is the number of the first item (2 in a CSV, after its header); with `text`
 * (CSV) every value is a string and numbers are read from it, otherwise a number must be a number.
 */
export function checkRows(items: unknown[], baseDir: string, { firstRow = 1, text = false } = {}): SyncInput {
  const rows: SyncRow[] = [];
  const invalid: InvalidRow[] = [];
  items.forEach((item, index) => {
    const checked = checkRow(item, index + firstRow, baseDir, text);
    if ('code' in checked) invalid.push(checked);
    else rows.push(checked);
  });
  // Which row a duplicated SKU meant cannot be told, so none of them is sent.
  const bySku = new Map<string, SyncRow[]>();
  for (const row of rows) {
    const key = `${row.product_id}\u0000${row.sku}`;
    const group = bySku.get(key);
    if (group) group.push(row);
    else bySku.set(key, [row]);
  }
  const duplicated = new Set([...bySku.values()].filter((group) => group.length > 1).flat());
  for (const row of duplicated) {
    const others = bySku.get(`${row.product_id}\u0000${row.sku}`)!.filter((other) => other !== row).map((other) => other.row);
    invalid.push({ ...rowKey(row), code: 'ERR_DUPLICATE_SKU', message: `SKU ${row.sku} appears again for product ${row.product_id} (row ${others.join(', ')})` });
  }
  invalid.sort((a, b) => a.row - b.row);
  return { rows: rows.filter((row) => !duplicated.has(row)), invalid };
}

const rowKey = ({ row, product_id, sku }: Pick<InvalidRow, 'row' | 'product_id' | 'sku'>) => ({ row, product_id, sku });

/** Why a value cannot be used, or the value. */
class Refusal {
  constructor(
    readonly code: RowErrorCode,
    readonly message: string,
  ) {}
}

function checkRow(item: unknown, row: number, baseDir: string, text: boolean): SyncRow | InvalidRow {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { row, code: 'ERR_FIELD_TYPE', message: 'a row must be an object with product_id, sku and the fields to set' };
  }
  const record = item as Record<string, unknown>;
  const product_id = optional(record.product_id, (value) => wholeNumber(value, 1, text));
  const sku = typeof record.sku === 'string' && record.sku.trim() ? record.sku : undefined;
  const refuse = (refusal: Refusal): InvalidRow => ({ row, product_id: product_id instanceof Refusal ? undefined : product_id, sku, ...refusal });

  const unknown = Object.keys(record).filter((name) => !(columns as readonly string[]).includes(name));
  if (unknown.length > 0) return refuse(new Refusal('ERR_UNKNOWN_COLUMN', `unknown column ${unknown.map((name) => `'${name}'`).join(', ')} (known: ${columns.join(', ')})`));
  for (const name of ['product_id', 'sku'] as const) {
    const value = record[name];
    if (value === undefined || value === null || value === '') return refuse(new Refusal('ERR_MISSING_FIELD', `${name} is missing`));
  }
  if (product_id === undefined || product_id instanceof Refusal) return refuse(product_id ?? new Refusal('ERR_MISSING_FIELD', 'product_id is missing'));
  if (sku === undefined) return refuse(new Refusal('ERR_FIELD_TYPE', `sku must be a non-empty string, not ${show(record.sku)}`));

  const image = optional(record.image, (value) => imageSource(value, baseDir));
  const price = optional(record.price, (value) => decimal(value, text));
  const quantity = optional(record.quantity, (value) => wholeNumber(value, 0, text, 'quantity'));
  const refusal = [image, price, quantity].find((value) => value instanceof Refusal);
  if (refusal) return refuse(refusal);
  return { row, product_id, sku, image: image as ImageSource | undefined, price: price as number | undefined, quantity: quantity as number | undefined };
}

const show = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));

function optional<T>(value: unknown, check: (value: unknown) => T | Refusal): T | Refusal | undefined {
  return value === undefined || value === null || value === '' ? undefined : check(value);
}

/** A whole number >= min: a JSON number, or a CSV cell of digits. */
function wholeNumber(value: unknown, min: number, text: boolean, name = 'product_id'): number | Refusal {
  const parsed = text ? (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN) : typeof value === 'number' ? value : NaN;
  return Number.isSafeInteger(parsed) && parsed >= min ? parsed : new Refusal('ERR_FIELD_TYPE', `${name} must be a whole number >= ${min}, not ${show(value)}`);
}

/** A price >= 0: a JSON number, or a CSV cell like `12.50`. */
function decimal(value: unknown, text: boolean): number | Refusal {
  const parsed = text ? (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : new Refusal('ERR_FIELD_TYPE', `price must be a number >= 0 (a dot for decimals), not ${show(value)}`);
}

/** An http(s) URL (checked as the client checks it) or a file path relative to the input file. */
function imageSource(value: unknown, baseDir: string): ImageSource | Refusal {
  if (typeof value !== 'string') return new Refusal('ERR_FIELD_TYPE', `image must be a file path or an http(s) URL, not ${show(value)}`);
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(value)) return { file: resolve(baseDir, value) };
  try {
    return { url: checkImageUrl(value, 'image') };
  } catch (error) {
    if (error instanceof UploadRejectedError && (error.code === 'ERR_IMAGE_URL' || error.code === 'ERR_IMAGE_URL_CREDENTIALS')) return new Refusal(error.code, error.message);
    throw error;
  }
}
