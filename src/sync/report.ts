// What a sync says about each row, and the one summary line.

/** What was done to a row. A dry run says what would be: upload, update, unchanged, not found, invalid. */
export type RowAction = 'uploaded' | 'updated' | 'unchanged' | 'not found' | 'failed';
export type PlannedAction = 'upload' | 'update' | 'unchanged' | 'not found' | 'invalid';

export interface RowOutcome {
  row: number;
  product_id?: number | undefined;
  sku?: string | undefined;
  variant_id?: number | undefined;
  outcome: RowAction | PlannedAction;
  /** What was written (a dry run: would be): `image`, `price`, `quantity`. */
  wrote: ('image' | 'price' | 'quantity')[];
  /** Why a row failed: an upload guard's code (ERR_IMAGE_TOO_LARGE…), an input check's, or `HTTP_<status>`. */
  code?: string | undefined;
  message?: string | undefined;
}

export type Counts = Record<RowAction, number>;

/** Counts per action; a dry run's plan counts as what it would do (invalid rows as failed). */
export function countRows(rows: RowOutcome[]): Counts {
  const counts: Counts = { uploaded: 0, updated: 0, unchanged: 0, 'not found': 0, failed: 0 };
  const done: Record<PlannedAction | RowAction, RowAction> = {
    upload: 'uploaded',
    update: 'updated',
    invalid: 'failed',
    uploaded: 'uploaded',
    updated: 'updated',
    unchanged: 'unchanged',
    'not found': 'not found',
    failed: 'failed',
  };
  for (const row of rows) counts[done[row.outcome]] += 1;
  return counts;
}

export function summaryLine(counts: Counts): string {
  return `sync: ${counts.uploaded} uploaded, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts['not found']} not found, ${counts.failed} failed`;
}

/** One line per row, e.g. `row 4 SMGR-M (variant 383): uploaded image, price`. */
export function rowLine(outcome: RowOutcome): string {
  const variant = outcome.variant_id === undefined ? '' : ` (variant ${outcome.variant_id})`;
  const what = outcome.wrote.length > 0 ? ` ${outcome.wrote.join(', ')}` : '';
  const why = outcome.message === undefined ? '' : `: ${outcome.code ? `${outcome.code} ` : ''}${outcome.message}`;
  return `row ${outcome.row} ${outcome.sku ?? '?'}${variant}: ${outcome.outcome}${what}${why}`;
}
