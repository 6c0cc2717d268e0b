// The journal: what a rerun remembers, and what it refuses to trust.
import { appendFile, mkdtemp, open, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { openJournal, type StoreIdentity, variantKey } from '../../src/sync/journal.js';

const store: StoreIdentity = { api: 'bigcommerce', store: 'http://127.0.0.1:4010' };
const intent = (variant_id: number, at = 1000) => ({ type: 'intent' as const, product_id: 192, variant_id, source: 'sha256:aa', before: null, at });

async function journalFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'sync-journal-')), 'rows.csv.journal.jsonl');
}

test('a rerun remembers what was applied, and the writes that never got an outcome', async () => {
  const file = await journalFile();
  const { journal } = await openJournal(file, store);
  await journal.append(intent(382));
  await journal.append({ type: 'outcome', product_id: 192, variant_id: 382, source: 'sha256:aa', applied: true, after: 'https://cdn/1.png' });
  // Written together, as concurrent rows do: one fdatasync for both.
  await Promise.all([journal.append(intent(383)), journal.append(intent(384, 2000))]);
  await journal.append({ type: 'outcome', product_id: 192, variant_id: 384, source: 'sha256:aa', applied: false });
  await journal.close();

  const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  expect(lines[0]).toMatchObject({ type: 'store', ...store });
  expect(lines).toHaveLength(6);

  const { journal: again, notes } = await openJournal(file, store);
  expect(notes).toEqual([]);
  expect(again.memory.get(variantKey(192, 382))).toEqual({ applied: { source: 'sha256:aa', after: 'https://cdn/1.png' }, pending: undefined });
  expect(again.memory.get(variantKey(192, 383))).toEqual({ pending: intent(383) });
  expect(again.memory.get(variantKey(192, 384))).toEqual({ pending: undefined });
  await again.close();
});

afterEach(() => vi.restoreAllMocks());

test('records appended while a flush runs share the next one, and each append resolves only once its record is on disk', async () => {
  const file = await journalFile();
  const { journal } = await openJournal(file, store);
  // What reached the file, and what was on disk when: each fdatasync covers the bytes written before it began.
  const handle = await open(file, 'r');
  const FileHandle = Object.getPrototypeOf(handle) as { datasync(): Promise<void>; write(...args: unknown[]): Promise<unknown> };
  await handle.close();
  let written = '';
  let durable = '';
  const write = FileHandle.write;
  vi.spyOn(FileHandle, 'write').mockImplementation(function (this: unknown, ...args: unknown[]) {
    written += String(args[0]);
    return write.apply(this, args);
  });
  const datasync = FileHandle.datasync;
  const syncs = vi.spyOn(FileHandle, 'datasync').mockImplementation(async function (this: unknown) {
    const covered = written;
    await datasync.apply(this);
    durable = covered;
  });

  const onDisk: boolean[] = [];
  const records = Array.from({ length: 8 }, (_, i) => intent(400 + i));
  await Promise.all(records.map((record) => journal.append(record).then(() => onDisk.push(durable.includes(JSON.stringify(record))))));
  await journal.close();

  expect(onDisk).toEqual(records.map(() => true));
  // The first append starts a flush alone; the seven that arrive during it go out together in the next.
  expect(syncs).toHaveBeenCalledTimes(2);
});

test('a last line cut off by a crash is dropped with a note, and the next record starts on a line of its own', async () => {
  const file = await journalFile();
  const { journal } = await openJournal(file, store);
  await journal.append(intent(382));
  await journal.close();
  await appendFile(file, '{"type":"outcome","product_id":192,"vari');

  const { journal: again, notes } = await openJournal(file, store);
  expect(notes).toEqual(['journal: ignored a record cut off by a crash (line 3)']);
  expect(again.memory.get(variantKey(192, 382))?.pending).toEqual(intent(382));
  await again.append(intent(383));
  await again.close();
  const lines = (await readFile(file, 'utf8')).split('\n');
  expect(JSON.parse(lines[3]!)).toEqual(intent(383));
});

test('a journal of another store is set aside with a note and never trusted', async () => {
  const file = await journalFile();
  const { journal } = await openJournal(file, store);
  await journal.append(intent(382));
  await journal.close();

  const { journal: other, notes } = await openJournal(file, { api: 'bigcommerce', store: 'http://127.0.0.1:9999' });
  expect(notes).toEqual([expect.stringMatching(/belongs to another store; set aside as .*\.other-store-\d+, not trusted/)]);
  expect(other.memory.size).toBe(0);
  await other.close();
  expect((await readdir(join(file, '..'))).sort()).toEqual([expect.stringMatching(/\.jsonl$/), expect.stringMatching(/\.other-store-\d+$/)]);
});

test('a dry run reads the journal and writes nothing', async () => {
  const file = await journalFile();
  const { journal } = await openJournal(file, store, { readOnly: true });
  await journal.append(intent(382));
  await journal.close();
  await expect(readFile(file)).rejects.toThrow(/ENOENT/);
});
