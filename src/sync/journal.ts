// The sync's journal: an append-only JSON Lines file, each record on disk (fdatasync) before the step
// it announces. It is a memory, never the truth: a record only lets a rerun skip an image when the
// store still shows what the journal says this sync put there, and tells the rerun which writes may
// have landed without an answer (an intent with no outcome), to be settled by reading the store.
import { type FileHandle, open, readFile, rename } from 'node:fs/promises';
import type { BundledApi } from '../testing/specs.js';

/** The store a journal belongs to: the API and the base URL (which holds the store ID or hash). */
export interface StoreIdentity {
  api: BundledApi;
  store: string;
}

/** An image write about to be sent: the image URL the variant had before it, and when it went. */
export interface ImageIntent {
  type: 'intent';
  product_id: number;
  variant_id: number;
  /** `sha256:<hex>` of a file's bytes, or the image URL. */
  source: string;
  before: string | null;
  /** Milliseconds since the epoch, when the request was sent. */
  at: number;
}

/** What became of an image write: applied (with the store's URL for it, once known) or not. */
export interface ImageOutcome {
  type: 'outcome';
  product_id: number;
  variant_id: number;
  source: string;
  applied: boolean;
  /** The variant's image URL after the upload; Ecwid's answer lacks it, so it comes from a later read. */
  after?: string | null | undefined;
}

/** A batch of field writes (price, quantity): announced, then answered. The store settles them, not the journal. */
export interface FieldsRecord {
  type: 'fields-intent' | 'fields-outcome';
  /** `product_id/variant_id` of each variant in the batch. */
  variants: string[];
  applied?: boolean | undefined;
  at: number;
}

type StoreRecord = { type: 'store'; at: number } & StoreIdentity;
export type JournalRecord = StoreRecord | ImageIntent | ImageOutcome | FieldsRecord;

/** What the journal remembers of one variant's image. */
export interface VariantMemory {
  /** The last image this sync applied, and the URL the store gave it once known. */
  applied?: { source: string; after: string | null | undefined } | undefined;
  /** A write with no outcome yet: it may or may not have landed. */
  pending?: ImageIntent | undefined;
}

export const variantKey = (product_id: number, variant_id: number) => `${product_id}/${variant_id}`;

export interface Journal {
  readonly file: string;
  /** Per variant (`product_id/variant_id`), what earlier records say. */
  readonly memory: Map<string, VariantMemory>;
  /** Writes the record to disk (fdatasync) and folds it into `memory`. Records written together share one sync. */
  append(record: JournalRecord): Promise<void>;
  close(): Promise<void>;
}

export interface OpenedJournal {
  journal: Journal;
  /** Something the user should know: a journal of another store set aside, a torn last line ignored. */
  notes: string[];
}

/** Folds one record into the per-variant memory. */
function remember(memory: Map<string, VariantMemory>, record: JournalRecord): void {
  if (record.type !== 'intent' && record.type !== 'outcome') return;
  const key = variantKey(record.product_id, record.variant_id);
  const entry = memory.get(key) ?? {};
  memory.set(key, entry);
  if (record.type === 'intent') {
    entry.pending = record;
    return;
  }
  entry.pending = undefined;
  if (record.applied) entry.applied = { source: record.source, after: record.after };
}

/** The records of an existing journal, or none; a last line cut off by a crash is dropped. */
async function readRecords(file: string, notes: string[]): Promise<{ records: JournalRecord[]; endsInNewline: boolean } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = text.split('\n');
  const records: JournalRecord[] = [];
  lines.forEach((line, index) => {
    if (line === '') return;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      // Only the last line can be torn (a crash during its write); anything else is not our file.
      if (index !== lines.length - 1) throw new Error(`${file} line ${index + 1} is not a journal record`);
      notes.push(`journal: ignored a record cut off by a crash (line ${index + 1})`);
    }
  });
  return { records, endsInNewline: text === '' || text.endsWith('\n') };
}

/**
 * Opens the journal at `file` for the store `identity`, creating it when absent. A journal that
 * belongs to another store or API is renamed aside (`FILE.other-store-<time>`) and a new one started.
 * `readOnly` (a dry run) reads what is there and writes nothing.
 */
export async function openJournal(file: string, identity: StoreIdentity, { readOnly = false } = {}): Promise<OpenedJournal> {
  const notes: string[] = [];
  const memory = new Map<string, VariantMemory>();
  let existing = await readRecords(file, notes);
  const head = existing?.records[0];
  if (existing && head !== undefined && !(head.type === 'store' && head.api === identity.api && head.store === identity.store)) {
    const aside = `${file}.other-store-${Date.now()}`;
    if (!readOnly) await rename(file, aside);
    notes.push(`journal: ${file} belongs to another store; ${readOnly ? 'not used' : `set aside as ${aside}`}, not trusted`);
    existing = undefined;
  }
  for (const record of existing?.records ?? []) remember(memory, record);

  if (readOnly) {
    return { journal: { file, memory, append: async (record) => remember(memory, record), close: async () => {} }, notes };
  }
  const handle = await open(file, 'a');
  const journal = appendingJournal(file, handle, memory);
  // A torn last line is closed off so that the next record starts on a line of its own.
  if (existing && !existing.endsInNewline) await handle.write('\n');
  if (!existing?.records.length) await journal.append({ type: 'store', ...identity, at: Date.now() });
  return { journal, notes };
}

/** A journal whose appends are grouped: records that arrive while a sync runs go out together in the next. */
function appendingJournal(file: string, handle: FileHandle, memory: Map<string, VariantMemory>): Journal {
  let queued: { line: string; done: () => void; failed: (error: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;

  async function flush(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        await handle.write(batch.map((entry) => entry.line).join(''));
        await handle.datasync();
        batch.forEach((entry) => entry.done());
      } catch (error) {
        batch.forEach((entry) => entry.failed(error));
      }
    }
    flushing = undefined;
  }

  return {
    file,
    memory,
    append(record) {
      return new Promise<void>((done, failed) => {
        queued.push({ line: `${JSON.stringify(record)}\n`, done, failed });
        flushing ??= flush();
      }).then(() => remember(memory, record));
    },
    async close() {
      await flushing;
      await handle.close();
    },
  };
}
