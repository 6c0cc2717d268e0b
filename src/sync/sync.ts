// syncVariants: rows of SKUs, images, prices and stock applied to one store through the package's
// clients, paced at the store's quota, journaled so that a rerun after a crash resumes without
// losing or doubling a write. A thin loop: list each product's variants, match rows by SKU, upload
// the images that differ, then write the fields that differ (BigCommerce 50 variants a request).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { HttpError, NetworkError, RequestAbortedError, RequestFailedError, UploadRejectedError } from '../errors.js';
import { type InvalidRow, readSyncInput, type SyncInput, type SyncRow } from './input.js';
import { type ImageIntent, type Journal, openJournal, type StoreIdentity, variantKey } from './journal.js';
import { createPacer, type PacingStats, type RateLimit } from './pacing.js';
import { countRows, type Counts, type RowOutcome } from './report.js';
import { fieldsDiffer, type Settling, settleImage, unsettledFields } from './settle.js';
import { createSyncVendor, defaultRates, type FieldChange, type StoreVariant, type SyncVendor, type VendorClientOptions, type WriteAnswer } from './vendors.js';

export interface SyncOptions {
  /** A `.csv` or `.json` file (image paths are relative to it), or rows already checked. */
  input: string | SyncInput;
  /** The journal file. Default: beside the input file, `<input>.journal.jsonl`; required with rows. */
  journal?: string | undefined;
  /** Only reads: says per row what would be done, and what it would cost. */
  dryRun?: boolean | undefined;
  /** Requests in flight, and images in memory, at most. Default 8: enough to keep a quota busy across a real store's latency. */
  concurrency?: number | undefined;
  /** The store's pace where its own is another (an Ecwid plan, a fake store); BigCommerce's headers lead otherwise. */
  rateLimit?: RateLimit | undefined;
  /** Stops the sync: requests in flight are abandoned, and a rerun settles them. */
  signal?: AbortSignal | undefined;
  onEvent?: ((event: SyncEvent) => void) | undefined;
}

export type SyncVariantsOptions = VendorClientOptions & SyncOptions;

export type SyncEvent =
  /** Something to know before the rows: a journal set aside, a torn record ignored. */
  | { type: 'note'; message: string }
  | { type: 'start'; rows: number }
  | { type: 'row'; outcome: RowOutcome; stats: Readonly<PacingStats> };

/** What a dry run would send, and how long that takes at the store's quota. */
export interface SyncCost {
  /** Requests the run needs: the reads the dry run made, and the writes it planned. */
  requests: number;
  writes: number;
  quota: RateLimit;
  /** Where the quota comes from. */
  quotaFrom: 'store headers' | 'rate limit' | 'vendor default' | 'assumed BigCommerce Standard';
  ms: number;
}

export interface SyncResult {
  rows: RowOutcome[];
  counts: Counts;
  stats: PacingStats;
  elapsedMs: number;
  notes: string[];
  cost?: SyncCost | undefined;
}

export type SyncErrorCode = 'ERR_STORE_UNREACHABLE' | 'ERR_CREDENTIALS' | 'ERR_INTERRUPTED';

/** The sync could not go on: the store cannot be reached, refuses the credentials, or the sync was stopped. A rerun resumes. */
export class SyncError extends Error {
  override name = 'SyncError';
  /** The rows finished before it stopped. */
  result: SyncResult | undefined;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The deadline timers fire up to 1/32 late; a tenth is margin beyond that. */
const inFlightShare = 1.1;
/** Sends of one image whose outcome stays unknown before the row is given up on. */
const maxSends = 5;
const defaultTimeoutMs = 30_000;

/** Runs `work` on each item, `limit` at a time; after a SyncError no new item starts, and it is thrown. */
async function eachLimited<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let stopped: unknown;
  const worker = async () => {
    for (let next = iterator.next(); !next.done && stopped === undefined && !signal?.aborted; next = iterator.next()) {
      try {
        await work(next.value);
      } catch (error) {
        stopped ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  if (stopped !== undefined) throw stopped;
  if (signal?.aborted) throw interrupted(signal.reason);
}

/** At most `limit` runs of the function at once. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

const interrupted = (cause: unknown) => new SyncError('ERR_INTERRUPTED', 'interrupted; a rerun resumes', { cause });

/** A SyncError for a failure that stops the whole sync, or undefined for one that only fails its row. */
function stopping(error: unknown, signal: AbortSignal | undefined): SyncError | undefined {
  if (error instanceof SyncError) return error;
  if (error instanceof RequestAbortedError || signal?.aborted) return interrupted(error);
  if (error instanceof NetworkError && (error.refusal !== undefined || ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(error.code ?? ''))) {
    return new SyncError('ERR_STORE_UNREACHABLE', `the store cannot be reached: ${error.message}`, { cause: error });
  }
  if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
    return new SyncError('ERR_CREDENTIALS', `the store refused the credentials (${error.status})`, { cause: error });
  }
  return undefined;
}

/** A short reason from an error answer's body (BigCommerce `title`, Ecwid `errorMessage`), or the status. */
function answerMessage(answer: WriteAnswer): string {
  const body = answer.error as { title?: unknown; errorMessage?: unknown; batch_errors?: { title?: unknown }[] } | undefined;
  const text = body?.title ?? body?.errorMessage ?? body?.batch_errors?.[0]?.title;
  return typeof text === 'string' ? text : `the store answered ${answer.response.status}`;
}

/** The journal's identity of the store: the API and the URL it is reached at. */
function storeIdentity(options: VendorClientOptions): StoreIdentity {
  if (options.baseUrl !== undefined) return { api: options.api, store: options.baseUrl };
  return options.api === 'ecwid'
    ? { api: 'ecwid', store: `https://app.ecwid.com/api/v3/${options.storeId}` }
    : { api: 'bigcommerce', store: `https://api.bigcommerce.com/stores/${options.storeHash}/v3` };
}

/** A row on its way: the variant it matched, and what happened so far. */
interface RowState {
  row: SyncRow;
  variant: StoreVariant;
  image?: 'uploaded' | 'unchanged' | 'upload' | undefined;
  fields?: 'updated' | 'update' | undefined;
  wrote: RowOutcome['wrote'];
  failure?: { code: string | undefined; message: string; notFound?: boolean } | undefined;
  /** The upload's outcome record on its way to disk: the row's next step waits for it; the image slot need not. */
  recorded?: Promise<void> | undefined;
}

/** The image and fields of every row, applied to one store. Throws SyncError when it cannot go on. */
export async function syncVariants(options: SyncVariantsOptions): Promise<SyncResult> {
  const { input, dryRun = false, concurrency = 8, rateLimit, signal, onEvent } = options;
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new TypeError(`concurrency must be a whole number >= 1, not ${concurrency}`);
  const started = performance.now();
  const { rows, invalid } = typeof input === 'string' ? await readSyncInput(input) : input;
  const journalFile = options.journal ?? (typeof input === 'string' ? `${input}.journal.jsonl` : undefined);
  if (journalFile === undefined) throw new TypeError('journal is required when the input is rows rather than a file');

  const { journal, notes } = await openJournal(journalFile, storeIdentity(options), { readOnly: dryRun });
  for (const message of notes) onEvent?.({ type: 'note', message });
  onEvent?.({ type: 'start', rows: rows.length + invalid.length });

  const pacer = createPacer({ fixed: rateLimit ?? defaultRates[options.api], concurrency });
  // An image write's intent is journaled once its request has a slot, just before it is sent, so
  // that its time says when the request can no longer be in flight.
  const sending = new Map<string, () => Promise<void>>();
  const fetch = pacer.wrap(options.fetch ?? globalThis.fetch, async (request) => {
    const match = /\/products\/(\d+)\/(?:variants|combinations)\/(\d+)\/image$/.exec(new URL(request.url).pathname);
    if (match && request.method === 'POST') await sending.get(variantKey(Number(match[1]), Number(match[2])))?.();
  });
  const { input: _input, journal: _journal, dryRun: _dryRun, concurrency: _concurrency, rateLimit: _rateLimit, signal: _signal, onEvent: _onEvent, ...clientOptions } = options;
  const vendor = createSyncVendor({ ...clientOptions, fetch, retry: options.retry ?? { attempts: 5 } } as VendorClientOptions, { signal, ready: pacer.reserve });
  const settling: Settling = { vendor, journal, inFlightMs: dryRun ? 0 : (options.timeoutMs ?? defaultTimeoutMs) * inFlightShare, signal };

  const outcomes: RowOutcome[] = [];
  const emit = (outcome: RowOutcome) => {
    outcomes.push(outcome);
    onEvent?.({ type: 'row', outcome, stats: { ...pacer.stats } });
  };
  const result = (): SyncResult => {
    outcomes.sort((a, b) => a.row - b.row);
    return { rows: outcomes, counts: countRows(outcomes), stats: { ...pacer.stats }, elapsedMs: performance.now() - started, notes };
  };

  for (const row of invalid) emit(invalidOutcome(row, dryRun));
  const run = new SyncRun(vendor, journal, settling, sending, { dryRun, concurrency, signal, emit });
  try {
    const products = new Map<number, SyncRow[]>();
    for (const row of rows) {
      const group = products.get(row.product_id);
      if (group) group.push(row);
      else products.set(row.product_id, [row]);
    }
    await eachLimited(products, concurrency, ([productId, productRows]) => run.product(productId, productRows), signal);
    await run.writeFields();
  } catch (error) {
    const stop = stopping(error, signal);
    if (stop === undefined) throw error;
    stop.result = result();
    throw stop;
  } finally {
    await journal.close();
  }
  const done = result();
  if (dryRun) done.cost = cost(run, pacer.stats.requests, pacer.quota(), rateLimit, options.api);
  return done;
}

function invalidOutcome(row: InvalidRow, dryRun: boolean): RowOutcome {
  return { row: row.row, product_id: row.product_id, sku: row.sku, outcome: dryRun ? 'invalid' : 'failed', wrote: [], code: row.code, message: row.message };
}

function cost(run: SyncRun, reads: number, storeQuota: RateLimit | undefined, rateLimit: RateLimit | undefined, api: VendorClientOptions['api']): SyncCost {
  const writes = run.plannedWrites();
  const [quota, quotaFrom]: [RateLimit, SyncCost['quotaFrom']] = rateLimit
    ? [rateLimit, 'rate limit']
    : defaultRates[api]
      ? [defaultRates[api], 'vendor default']
      : storeQuota
        ? [storeQuota, 'store headers']
        : [{ requests: 150, windowMs: 30_000 }, 'assumed BigCommerce Standard'];
  const requests = reads + writes;
  return { requests, writes, quota, quotaFrom, ms: (requests / quota.requests) * quota.windowMs };
}

interface RunSettings {
  dryRun: boolean;
  concurrency: number;
  signal: AbortSignal | undefined;
  emit(outcome: RowOutcome): void;
}

/** One sync's rows in flight: images product by product, each row's fields batched with other rows' as they come. */
class SyncRun {
  private readonly imageSlot: ReturnType<typeof limiter>;
  /** Rows whose fields differ, waiting for a batch to fill. */
  private fieldRows: { state: RowState; change: FieldChange }[] = [];
  /** A dry run's field writes planned. */
  private fieldRequests = 0;
  private uploads = 0;
  /** A dry run's rows with an upload planned. */
  private readonly planned = new Set<SyncRow>();
  /** Ecwid: products whose new image URLs a read must find. */
  private relists = 0;

  constructor(
    private readonly vendor: SyncVendor,
    private readonly journal: Journal,
    private readonly settling: Settling,
    private readonly sending: Map<string, () => Promise<void>>,
    private readonly settings: RunSettings,
  ) {
    this.imageSlot = limiter(settings.concurrency);
  }

  plannedWrites(): number {
    return this.uploads + this.relists + this.fieldRequests;
  }

  async product(productId: number, rows: SyncRow[]): Promise<void> {
    let variants: StoreVariant[] | undefined;
    try {
      variants = await this.vendor.listVariants(productId);
    } catch (error) {
      if (stopping(error, this.settings.signal)) throw error;
      for (const row of rows) this.finish({ row, wrote: [], failure: failure(error) });
      return;
    }
    if (variants === undefined) {
      for (const row of rows) this.finish({ row, wrote: [], failure: { code: undefined, message: `product ${productId} not found`, notFound: true } });
      return;
    }
    const bySku = new Map(variants.map((variant) => [variant.sku, variant]));
    // Ecwid's upload answers only an image ID: the new URL comes from one read after the uploads.
    const urlsToRead: ImageIntent[] = [];
    await eachLimited(
      rows,
      this.settings.concurrency,
      async (row) => {
        const variant = bySku.get(row.sku);
        if (variant === undefined) {
          this.finish({ row, wrote: [], failure: { code: undefined, message: `product ${productId} has no variant with SKU ${row.sku}`, notFound: true } });
          return;
        }
        const state: RowState = { row, variant, wrote: [] };
        try {
          if (row.image) await this.imageSlot(() => this.image(state, urlsToRead));
          await state.recorded;
        } catch (error) {
          if (stopping(error, this.settings.signal)) throw error;
          state.failure = failure(error);
        }
        const change = { product_id: productId, variant_id: variant.id, price: row.price, quantity: row.quantity };
        if (state.failure === undefined && fieldsDiffer(change, variant)) await this.queueFields({ state, change });
        else this.finish(state);
      },
      this.settings.signal,
    );
    if (urlsToRead.length > 0) await this.readNewUrls(productId, urlsToRead);
    if (this.settings.dryRun && !this.vendor.answersImageUrl && rows.some((row) => this.planned.has(row))) this.relists += 1;
  }

  /** Records the URL each Ecwid upload got; one left unread stays pending, and the next run settles it. */
  private async readNewUrls(productId: number, intents: ImageIntent[]): Promise<void> {
    let variants: StoreVariant[] | undefined;
    try {
      variants = await this.vendor.listVariants(productId);
    } catch (error) {
      if (stopping(error, this.settings.signal)) throw error;
      return;
    }
    const byId = new Map(variants?.map((variant) => [variant.id, variant]));
    for (const { product_id, variant_id, source, before } of intents) {
      const after = byId.get(variant_id)?.imageUrl;
      if (after !== undefined && after !== before) await this.journal.append({ type: 'outcome', product_id, variant_id, source, applied: true, after });
    }
  }

  /** Uploads the row's image unless the store already shows it; settles a write an earlier run left unanswered first. */
  private async image(state: RowState, urlsToRead: ImageIntent[]): Promise<void> {
    const { row, variant } = state;
    const image = row.image!;
    const key = variantKey(row.product_id, variant.id);
    const pending = this.journal.memory.get(key)?.pending;
    if (pending) {
      const settled = await settleImage(this.settling, pending);
      if (settled.variant === undefined) return void (state.failure = { code: undefined, message: `variant ${variant.id} is gone`, notFound: true });
      variant.imageUrl = settled.variant.imageUrl;
    }
    let bytes: Uint8Array | undefined;
    let source: string;
    if (image.file !== undefined) {
      try {
        bytes = await readFile(image.file);
      } catch (error) {
        state.failure = { code: 'ERR_IMAGE_FILE', message: `cannot read the image ${image.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
        return;
      }
      source = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    } else {
      source = image.url;
    }
    const applied = this.journal.memory.get(key)?.applied;
    // The store shows the image: the URL itself, or the URL the store gave this same source last time.
    const shown = variant.imageUrl !== null && (variant.imageUrl === image.url || (applied?.source === source && applied.after === variant.imageUrl));
    if (shown) {
      state.image = 'unchanged';
      return;
    }
    this.uploads += 1;
    state.wrote.push('image');
    if (this.settings.dryRun) {
      state.image = 'upload';
      this.planned.add(row);
      return;
    }
    for (let sends = 1; ; ) {
      let intent: ImageIntent | undefined;
      this.sending.set(key, async () => {
        intent = { type: 'intent', product_id: row.product_id, variant_id: variant.id, source, before: variant.imageUrl, at: Date.now() };
        await this.journal.append(intent);
      });
      let answer: WriteAnswer | undefined;
      try {
        answer = await this.vendor.setImage(row.product_id, variant.id, bytes ? { bytes } : { url: image.url! });
      } catch (error) {
        if (error instanceof UploadRejectedError) return void (state.failure = { code: error.code, message: error.message });
        if (!(error instanceof RequestFailedError) || stopping(error, this.settings.signal)) throw error;
      } finally {
        this.sending.delete(key);
      }
      // Not sent at all (a 429 each time, or refused before the hook): sending again doubles nothing.
      if (intent === undefined) continue;
      if (answer?.response.ok) {
        if (answer.imageUrl === undefined) urlsToRead.push(intent);
        else state.recorded = this.journal.append({ type: 'outcome', product_id: row.product_id, variant_id: variant.id, source, applied: true, after: answer.imageUrl });
        state.image = 'uploaded';
        return;
      }
      // A 429 was not processed: wait (the pacer does) and send again.
      if (answer?.response.status === 429) continue;
      if (answer && answer.response.status < 500) {
        await this.journal.append({ type: 'outcome', product_id: row.product_id, variant_id: variant.id, source, applied: false });
        const refused = new HttpError('setImage', answer.response, answer.error);
        if (stopping(refused, this.settings.signal)) throw stopping(refused, this.settings.signal);
        state.wrote = [];
        state.failure = { code: `HTTP_${answer.response.status}`, message: answerMessage(answer) };
        return;
      }
      // No answer, or a 5xx: it may have landed. The store says.
      const settled = await settleImage(this.settling, intent, { answered: answer !== undefined });
      if (settled.landed) {
        variant.imageUrl = settled.variant!.imageUrl;
        state.image = 'uploaded';
        return;
      }
      if (settled.variant === undefined) return void (state.failure = { code: undefined, message: `variant ${variant.id} is gone`, notFound: true });
      if (++sends > maxSends) {
        state.wrote = [];
        state.failure = { code: 'ERR_UNSETTLED', message: `the image did not land after ${maxSends} sends without an answer` };
        return;
      }
    }
  }

  /**
   * Queues a row's fields; a full batch (the vendor's size) is written at once, so that rows do
   * not pile up in memory until the end and each row is reported as soon as it is done.
   */
  private async queueFields(item: { state: RowState; change: FieldChange }): Promise<void> {
    this.fieldRows.push(item);
    if (this.fieldRows.length < this.vendor.fieldsPerRequest) return;
    const batch = this.fieldRows;
    this.fieldRows = [];
    await this.fieldBatch(batch);
  }

  /** Writes the fields still queued once every product is done: less than one batch. */
  async writeFields(): Promise<void> {
    const batch = this.fieldRows;
    this.fieldRows = [];
    if (batch.length > 0) await this.fieldBatch(batch);
  }

  private async fieldBatch(batch: { state: RowState; change: FieldChange }[]): Promise<void> {
    const changed = (state: RowState, change: FieldChange) => {
      state.fields = this.settings.dryRun ? 'update' : 'updated';
      if (change.price !== undefined && change.price !== state.variant.price) state.wrote.push('price');
      if (change.quantity !== undefined && change.quantity !== state.variant.quantity) state.wrote.push('quantity');
    };
    if (this.settings.dryRun) {
      this.fieldRequests += 1;
      for (const { state, change } of batch) changed(state, change);
      return batch.forEach(({ state }) => this.finish(state));
    }
    let pending = batch;
    for (let sends = 1; pending.length > 0; ) {
      const variants = pending.map(({ change }) => variantKey(change.product_id, change.variant_id));
      await this.journal.append({ type: 'fields-intent', variants, at: Date.now() });
      let answer: WriteAnswer | undefined;
      try {
        answer = await this.vendor.writeFields(pending.map(({ change }) => change));
      } catch (error) {
        if (!(error instanceof RequestFailedError) || stopping(error, this.settings.signal)) throw error;
      }
      const status = answer?.response.status;
      if (answer?.response.ok) {
        await this.journal.append({ type: 'fields-outcome', variants, applied: true, at: Date.now() });
        for (const { state, change } of pending) changed(state, change);
        break;
      }
      if (status === 429) continue;
      if (answer && status! < 500) {
        await this.journal.append({ type: 'fields-outcome', variants, applied: false, at: Date.now() });
        const refused = new HttpError('writeFields', answer.response, answer.error);
        if (stopping(refused, this.settings.signal)) throw stopping(refused, this.settings.signal);
        // One bad variant refuses the whole batch: each is sent alone, so that only it fails.
        if (pending.length > 1) {
          for (const item of pending) await this.fieldBatch([item]);
          return;
        }
        pending[0]!.state.failure = { code: `HTTP_${status}`, message: answerMessage(answer) };
        break;
      }
      // No answer, or a 5xx: what the store shows is what landed.
      const missing = await unsettledFields(this.vendor, pending.map(({ change }) => change));
      for (const item of pending) if (!missing.includes(item.change)) changed(item.state, item.change);
      pending = pending.filter(({ change }) => missing.includes(change));
      if (++sends > maxSends) {
        for (const { state } of pending) state.failure = { code: 'ERR_UNSETTLED', message: `the fields did not land after ${maxSends} sends without an answer` };
        break;
      }
    }
    for (const { state } of batch) this.finish(state);
  }

  private finish(state: Pick<RowState, 'row' | 'image' | 'fields' | 'wrote' | 'failure'> & { variant?: StoreVariant }): void {
    const { row, variant, image, fields, wrote, failure } = state;
    const base = { row: row.row, product_id: row.product_id, sku: row.sku, variant_id: variant?.id, wrote };
    if (failure) {
      this.settings.emit({ ...base, outcome: failure.notFound ? 'not found' : this.settings.dryRun ? 'invalid' : 'failed', code: failure.code, message: failure.message });
      return;
    }
    const outcome = image === 'uploaded' || image === 'upload' ? image : (fields ?? 'unchanged');
    this.settings.emit({ ...base, outcome: outcome === 'upload' ? 'upload' : outcome });
  }
}

function failure(error: unknown): NonNullable<RowState['failure']> {
  if (error instanceof HttpError) return { code: `HTTP_${error.status}`, message: error.message };
  return { code: error instanceof Error ? error.name : undefined, message: error instanceof Error ? error.message : String(error) };
}
