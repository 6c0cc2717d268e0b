// JSON Schema 2020-12 → fast-check arbitrary of VALID values, for the schemas of the bundled specs.
// Binary strings (`format: binary`, `contentMediaType`) come out as Uint8Array: the request builder
// sends them as raw bytes or file parts, never as JSON.
import fc from 'fast-check';
import { isBinary, lowerBound, resolve, type JsonType, type Schema, typesOf, upperBound } from './schema.js';
import { codePoints, webUrls } from './text.js';

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
// int64 and unformatted integers: beyond 2^53 a JSON number no longer holds the integer exactly.
const safe = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

/** The integers a schema allows, clamped to what its format (or a JavaScript number) can hold. */
export function integerRange(schema: Schema): { min: number; max: number } {
  const range = schema.format === 'int32' ? int32 : safe;
  const low = lowerBound(schema);
  const high = upperBound(schema);
  return {
    min: low ? Math.max(range.min, low.excluded ? Math.floor(low.value) + 1 : Math.ceil(low.value)) : range.min,
    max: high ? Math.min(range.max, high.excluded ? Math.ceil(high.value) - 1 : Math.floor(high.value)) : range.max,
  };
}

function number(schema: Schema): fc.Arbitrary<number> {
  const low = lowerBound(schema);
  const high = upperBound(schema);
  // Infinity and NaN have no JSON form.
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(low && { min: low.value, minExcluded: low.excluded }),
    ...(high && { max: high.value, maxExcluded: high.excluded }),
  });
}

function string(schema: Schema): fc.Arbitrary<unknown> {
  if (isBinary(schema)) return fc.uint8Array({ maxLength: 256 });
  // Length limits on a URI are not honoured; none of these documents sets both.
  if (schema.format === 'uri') return webUrls();
  // A pattern (Ecwid's image dimensions: digits) decides the text; no schema sets a length beside one.
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern, 'u'));
  // 'binary' units are whole code points (never half a surrogate pair), which is what
  // minLength/maxLength count, and they reach far beyond ASCII.
  const { minLength = 0, maxLength } = schema;
  return codePoints({ minLength, ...(maxLength !== undefined && { maxLength }) });
}

function object(schema: Schema, document: object): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const named = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, arbitrary(property, document)])),
    { requiredKeys: schema.required ?? [] },
  );
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object') return named;
  // A map such as translations ({ "en": "…" }): a few more keys, each valid for the value schema.
  // Printable ASCII keys (fc.string's default): a key is part of the location of any violation
  // below it, and such text crashes Prism when it cannot go in a header (see mutations.ts).
  const key = fc.string().filter((name) => !Object.hasOwn(properties, name));
  const more = fc.dictionary(key, arbitrary(extra, document), { maxKeys: 3 });
  return fc.tuple(more, named).map(([others, own]) => ({ ...others, ...own }));
}

function ofType(type: JsonType, schema: Schema, document: object): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer(integerRange(schema));
    case 'number':
      return number(schema);
    case 'string':
      return string(schema);
    case 'array': {
      // A few items are enough to exercise an item schema, and every extra one slows shrinking.
      const minLength = schema.minItems ?? 0;
      return fc.array(arbitrary(schema.items ?? {}, document), { minLength, maxLength: schema.maxItems ?? minLength + 3 });
    }
    case 'object':
      return object(schema, document);
  }
}

/** Values that validate against `schema`; `document` is the bundled spec its `$ref`s point into. */
export function arbitrary(schema: Schema, document: object): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  // A body that takes one of several shapes (a form with a file or with a URL): any one of them.
  if (resolved.anyOf) return fc.oneof(...resolved.anyOf.map((member) => arbitrary(member, document)));
  if ('const' in resolved) return fc.constant(resolved.const);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  const types = typesOf(resolved);
  if (types.length === 0) return resolved.properties ? object(resolved, document) : fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => ofType(type, resolved, document)));
}
