// What verify prints: one line per check, its violations and new notes under it, and a closing
// `verify: N passed, N failed, N notes` line. Notes are counted once per operation, status and
// property (array positions aside), however many answers carry them and whatever their values.
// Every line goes through the redaction the CLI gives it, so that no credential can reach the output.
import { noRedaction, type Redact } from './redact.js';

export interface Check {
  /** e.g. `getVariation 200`. */
  name: string;
  /** What was asked, e.g. `get variation 422488528`. */
  description: string;
  violations: string[];
  notes: string[];
  durationMs: number;
}

/**
 * What makes a note new: its operation, status and JSON pointer with every all-digit segment (an
 * array position) set aside, so `/0/shelfLabel` and `/1/shelfLabel` are one; never its value.
 */
function noteKey(note: string): string {
  const end = note.indexOf(': not declared in the spec');
  return (end < 0 ? note : note.slice(0, end)).replace(/\/\d+(?=\/|$)/g, '/*');
}

export class Report {
  readonly checks: Check[] = [];
  private readonly seenNotes = new Set<string>();

  /** `redact` applies to each check's text as it is kept, so the JUnit file is built from redacted text. */
  constructor(
    private readonly print: (line: string) => void,
    private readonly redact: Redact = noRedaction,
  ) {}

  get notes(): number {
    return this.seenNotes.size;
  }

  get failed(): number {
    return this.checks.filter((check) => check.violations.length > 0).length;
  }

  add(unredacted: Check): void {
    const { redact } = this;
    const check = {
      ...unredacted,
      name: redact(unredacted.name),
      description: redact(unredacted.description),
      violations: unredacted.violations.map(redact),
      notes: unredacted.notes.map(redact),
    };
    const notes = check.notes.filter((note) => {
      const key = noteKey(note);
      if (this.seenNotes.has(key)) return false;
      this.seenNotes.add(key);
      return true;
    });
    const kept = { ...check, notes };
    this.checks.push(kept);
    this.print(`${check.violations.length > 0 ? 'FAIL' : 'ok  '} ${check.name}: ${check.description}`);
    for (const violation of check.violations) this.print(`     violation: ${violation}`);
    for (const note of notes) this.print(`     note: ${note}`);
  }

  /** A note on the check just reported, such as a listing verify did not read to its end. */
  addNote(text: string): void {
    const note = this.redact(text);
    const last = this.checks.at(-1);
    if (last === undefined || this.seenNotes.has(noteKey(note))) return;
    this.seenNotes.add(noteKey(note));
    last.notes.push(note);
    this.print(`     note: ${note}`);
  }

  summary(): string {
    return `verify: ${this.checks.length - this.failed} passed, ${this.failed} failed, ${this.notes} notes`;
  }
}
