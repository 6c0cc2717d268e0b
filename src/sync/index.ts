// `commerce-variants/sync`: the bulk variant sync the `sync` command runs, as a library.
export { syncVariants, SyncError } from './sync.js';
export type { SyncCost, SyncErrorCode, SyncEvent, SyncOptions, SyncResult, SyncVariantsOptions } from './sync.js';
export { checkRows, InputError, readSyncInput } from './input.js';
export type { ImageSource, InvalidRow, RowErrorCode, SyncInput, SyncRow } from './input.js';
export { summaryLine } from './report.js';
export type { Counts, PlannedAction, RowAction, RowOutcome } from './report.js';
export type { PacingStats, RateLimit } from './pacing.js';
