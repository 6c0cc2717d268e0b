// What both vendors' verify plans share: the request bounds, the ledger of what a --write run
// created (cleanup deletes exactly that, nothing else), and the image it uploads.
import { randomBytes } from 'node:crypto';
import { CannotRun, type Checked, type Session, StepFailed } from './session.js';

/** At most this many variations/variants are fetched one by one. */
export const maxGets = 25;
/** BigCommerce: at most this many list pages (of 250: more than the 600 variants a product may have). */
export const maxPages = 10;
export const pageSize = 250;

/** Sent as the credential of the wrong-token probe. */
export const wrongToken = 'commerce-variants-verify-wrong-token';

/** An 8×8 PNG (74 bytes): the image --write uploads. */
export const testImage = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPQqnqEFTEMLQkA6vNhgffDdFYAAAAASUVORK5CYII=',
  'base64',
);

export interface Ledger {
  /** The SKU of what this run creates: unique to the run, so that it can be found if an answer is lost. */
  sku: string;
  /** IDs this run created; cleanup deletes exactly these. */
  created: number[];
  /** A create was sent but no answer named the new ID: cleanup looks for the run's SKU. */
  unconfirmed: boolean;
  /** IDs cleanup could not delete. */
  leftovers: number[];
  /** The ID whose DELETE is under way: if verify is stopped now, it may or may not remain. */
  deleting: number | undefined;
}

export const newLedger = (): Ledger => ({
  sku: `cv-verify-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
  created: [],
  unconfirmed: false,
  leftovers: [],
  deleting: undefined,
});

export interface VendorPlan {
  /** GETs only: list, get each (bounded), and the error probes. */
  read(): Promise<void>;
  /** The write steps; each starts only if the run was not interrupted. */
  write(ledger: Ledger): Promise<void>;
  /** Deletes what the ledger names, whatever happened before. */
  cleanup(ledger: Ledger): Promise<void>;
}

export const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** An ID that none of the listed ones is: a probe for the not-found answer. */
export function unusedId(ids: number[]): number {
  let id = 999_999_999;
  while (ids.includes(id)) id++;
  return id;
}

/** Gets each listed ID once (the first maxGets of them, saying so when there are more), then one that does not exist. */
export async function getEachAndOneMissing(
  session: Session,
  operationId: string,
  noun: string,
  found: number[],
  get: (id: number) => Promise<{ response: Response }>,
): Promise<void> {
  // A store that lists an ID twice (on two pages, say) still gets one request for it.
  const ids = [...new Set(found)];
  if (ids.length > maxGets) session.report.addNote(`${operationId}: only the first ${maxGets} of ${ids.length} ${noun}s listed are fetched one by one`);
  for (const id of ids.slice(0, maxGets)) await session.check(operationId, `get ${noun} ${id}`, 'success', () => get(id));
  const missing = unusedId(ids);
  await session.check(operationId, `get ${noun} ${missing}, which does not exist`, 'any', () => get(missing));
}

/**
 * Whether an answer to a create settles that nothing was created: only a refusal the spec documents
 * as a 4xx does. A 5xx, or a status the spec does not document, may come after the store saved it.
 */
export function refusedForSure(session: Session, operationId: string, answer: Checked): boolean {
  return answer.status >= 400 && answer.status < 500 && session.spec.findResponse(operationId, answer.status) !== undefined;
}

/** Throws before a write step when the run was interrupted, so that cleanup starts at once. */
export function beforeStep(session: Session): void {
  if (session.interruptedBy) throw new StepFailed(`interrupted by ${session.interruptedBy}`);
}

/** A listing that did not succeed stops the run: nothing else can be checked. */
export function requireListed(ok: boolean, status: number, operationId: string, productId: number): void {
  if (!ok) throw new CannotRun(`${operationId} answered ${status}: product ${productId} cannot be verified (check the product ID and the credentials)`, true);
}

/**
 * The note for a store that gave no URL for the image just uploaded (a Prism mock answers its canned
 * example, which has none): the image-from-URL step is skipped, not failed, and the note names the
 * flag that runs it. No spec requires the URL, so its absence is no violation.
 */
export const noImageUrl = (what: string) => `image from a URL: not checked: ${what}; pass --image-url URL to check it`;

/** A write step that did not succeed stops the steps after it. */
export function requireStep(ok: boolean, what: string): void {
  if (!ok) throw new StepFailed(`${what} did not succeed`);
}

/**
 * Deletes each ID the ledger holds, one at a time, taking it off `created` once its DELETE has
 * answered; a failed delete is kept as a leftover. At any moment the ledger says what is left.
 */
export async function deleteCreated(ledger: Ledger, remove: (id: number) => Promise<boolean>): Promise<void> {
  for (const id of new Set(ledger.created)) {
    ledger.deleting = id;
    let deleted = false;
    try {
      deleted = await remove(id);
    } finally {
      ledger.deleting = undefined;
      ledger.created = ledger.created.filter((created) => created !== id);
      if (!deleted) ledger.leftovers.push(id);
    }
  }
}
