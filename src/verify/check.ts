// Turns one answer into what verify reports: violations (the answer breaks the spec: an undocumented
// status, a missing required header, a body that fails its schema) and notes (properties the spec
// does not declare). Each line names the operation, the status and a JSON pointer, with what the
// spec says and what came.
import { at, jsonPointer, pointerTokens } from './bundled-document.js';
import type { ErrorObject, Spec } from './spec.js';
import { noRedaction, type Redact } from './redact.js';
import { undeclaredProperties } from './undeclared.js';

export interface Answer {
  operationId: string;
  status: number;
  headers: Headers;
  /** The body as it came; empty when there was none. */
  text: string;
}

export interface Verdict {
  violations: string[];
  notes: string[];
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

/** A value as a report shows it: JSON, redacted, then cut short (so no part of a secret is left). */
export function shown(value: unknown, redact: Redact = noRedaction): string {
  if (value === undefined) return 'nothing';
  const text = redact(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const display = (pointer: string) => pointer || '(root)';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function valueAt(body: unknown, pointer: string): unknown {
  try {
    return at<unknown>(body as object, pointerTokens(pointer));
  } catch {
    return undefined;
  }
}

/** Ajv's errors, one line per JSON pointer: the branches of an anyOf/oneOf merged into one rule. */
export function describeErrors(errors: ErrorObject[], body: unknown, redact: Redact = noRedaction): string[] {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const pointer =
      error.keyword === 'required'
        ? error.instancePath + jsonPointer([(error.params as { missingProperty: string }).missingProperty])
        : error.instancePath;
    byPointer.set(pointer, [...(byPointer.get(pointer) ?? []), error]);
  }
  return [...byPointer].map(([pointer, group]) => {
    if (group.some((e) => e.keyword === 'required')) return `${display(pointer)}: is required, missing`;
    const specific = group.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
    const types = [...new Set(specific.filter((e) => e.keyword === 'type').flatMap((e) => [(e.params as { type: string | string[] }).type].flat()))];
    const rules = [
      ...(types.length > 0 ? [`must be ${types.join(' or ')}`] : []),
      ...new Set((specific.length > 0 ? specific : group).filter((e) => e.keyword !== 'type').map((e) => e.message ?? e.keyword)),
    ];
    return `${display(pointer)}: ${rules.join('; ')}, got ${shown(valueAt(body, pointer), redact)}`;
  });
}

export interface CheckOptions {
  redact?: Redact | undefined;
  /** Whether to list the properties the spec does not declare (default true); a fake store's own answers need only the violations. */
  notes?: boolean | undefined;
}

export function checkAnswer(spec: Spec, { operationId, status, headers, text }: Answer, { redact = noRedaction, notes: withNotes = true }: CheckOptions = {}): Verdict {
  const prefix = `${operationId} ${status}`;
  const documented = spec.findResponse(operationId, status);
  const parsed = text.trim() === '' ? undefined : parseJson(text);
  const body = parsed?.ok ? parsed.value : undefined;
  if (!documented) {
    const statuses = spec.responses.filter((r) => r.operationId === operationId).map((r) => r.status);
    return {
      violations: [`${prefix}: status ${status} is not documented for ${operationId} (documented: ${statuses.join(', ')})`],
      notes: [],
      body,
    };
  }

  const violations = spec
    .requiredHeaders(documented)
    .filter((name) => !headers.has(name))
    .map((name) => `${prefix} header ${name}: is required, missing`);
  const schema = spec.bodySchema(documented);
  if (!schema) return { violations, notes: [], body };
  if (parsed === undefined || !parsed.ok) {
    violations.push(`${prefix} (root): must be a JSON body, got ${parsed ? shown(text, redact) : 'nothing'}`);
    return { violations, notes: [], body };
  }
  if (!schema.validate(body)) violations.push(...describeErrors(schema.validate.errors ?? [], body, redact).map((line) => `${prefix} ${line}`));
  if (!withNotes) return { violations, notes: [], body };
  const notes = undeclaredProperties(spec.document, schema.schema, body).map(
    (pointer) => `${prefix} ${redact(pointer)}: not declared in the spec, got ${shown(valueAt(body, pointer), redact)}`,
  );
  return { violations, notes, body };
}
