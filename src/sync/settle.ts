// Settling a write whose outcome is unknown (no answer, a reset, a 5xx, a crash between intent and
// outcome): the store is read back before anything is sent again. An image landed when the variant's
// image URL is no longer the one it had before the write (each upload gets a new URL). When it has
// not changed, the first attempt may still be in flight: it is resent only once that can no longer
// be (the intent is older than the request timeout), after one more read.
import type { ImageIntent, Journal } from './journal.js';
import type { FieldChange, StoreVariant, SyncVendor } from './vendors.js';

export interface Settling {
  vendor: SyncVendor;
  journal: Journal;
  /** How long after it was sent a request can still be in flight: the request timeout, and a margin. */
  inFlightMs: number;
  signal?: AbortSignal | undefined;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Whether the image write announced by `intent` landed; the outcome goes to the journal either way.
 * `answered`: an answer came (a 5xx), so the request is no longer in flight and one read tells.
 */
export async function settleImage(settling: Settling, intent: ImageIntent, { answered = false } = {}): Promise<{ landed: boolean; variant: StoreVariant | undefined }> {
  const { vendor, journal, inFlightMs, signal } = settling;
  const { product_id, variant_id, source } = intent;
  let variant = await vendor.readVariant(product_id, variant_id);
  const stillInFlight = answered ? 0 : intent.at + inFlightMs - Date.now();
  if (variant?.imageUrl === intent.before && stillInFlight > 0) {
    await sleep(stillInFlight, signal);
    variant = await vendor.readVariant(product_id, variant_id);
  }
  const landed = variant !== undefined && variant.imageUrl !== intent.before;
  await journal.append({ type: 'outcome', product_id, variant_id, source, applied: landed, after: landed ? variant!.imageUrl : undefined });
  return { landed, variant };
}

/**
 * The changes of a field write whose outcome is unknown that the store does not show yet. Setting a
 * field to a value is the same however often it is done, so these may be sent again at once.
 */
export async function unsettledFields(vendor: SyncVendor, changes: FieldChange[]): Promise<FieldChange[]> {
  const missing: FieldChange[] = [];
  for (const change of changes) {
    const variant = await vendor.readVariant(change.product_id, change.variant_id);
    // A variant gone is sent again too: its answer says what became of it.
    if (variant === undefined || fieldsDiffer(change, variant)) missing.push(change);
  }
  return missing;
}

/** Whether the store shows other values than the change sets. */
export function fieldsDiffer(change: Pick<FieldChange, 'price' | 'quantity'>, variant: StoreVariant): boolean {
  return (change.price !== undefined && change.price !== variant.price) || (change.quantity !== undefined && change.quantity !== variant.quantity);
}
