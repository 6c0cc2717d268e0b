// The ways a valid request gets broken. Each mutation says whether an operation has anything it can
// break, and turns a valid request into a broken one plus the place Prism must name when it
// refuses it. A request's values travel as JSON, as text (path, query, form fields: Prism converts
// those to the schema's type, as Ajv's coerceTypes does, so "1e3" and "0x10" pass as integers) or
// as raw bytes; what "wrong" means depends on which (see sites.ts).
import fc from 'fast-check';
import { integerRange } from './arbitraries.js';
import type { Api, Operation } from './operations.js';
import type { FuzzRequest } from './requests.js';
import { type JsonType, lowerBound, typesOf, upperBound } from './schema.js';
import { type SchemaNode, schemaNodesOf, sitesOf } from './sites.js';
import { codePoints } from './text.js';

export interface Broken {
  request: FuzzRequest;
  /** Where Prism must report the violation, e.g. ['body', 'options', '0'], or [] for the whole request. */
  where: string[];
}

export interface Mutation {
  /** What is broken, as the test titles say it. */
  name: string;
  appliesTo(api: Api, operation: Operation): boolean;
  /** Undefined when this request has nothing of the kind (an optional part was left out). */
  break(api: Api, operation: Operation, request: FuzzRequest): fc.Arbitrary<Broken | undefined>;
}

/** How a value at one place is broken: a function from the valid value to the broken one. */
type Edit = (node: SchemaNode) => fc.Arbitrary<(value: unknown) => unknown> | undefined;

const finite = { noNaN: true, noDefaultInfinity: true } as const;
const nonIntegral = fc.double(finite).filter((n) => !Number.isInteger(n));
const anyText = codePoints();
// An empty path or query value reads as a missing one, not as a wrong one.
const someText = codePoints({ minLength: 1 });

/** Generators of JSON values by type; 'number' yields non-integers only, so it is wrong for an integer. */
const jsonOfType: Record<JsonType, fc.Arbitrary<unknown>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  integer: fc.integer(),
  number: nonIntegral,
  string: anyText,
  array: fc.array(fc.integer(), { maxLength: 3 }),
  object: fc.dictionary(anyText, fc.integer(), { maxKeys: 3 }),
};
const accepts = (types: JsonType[], type: JsonType) =>
  types.includes(type) || (type === 'integer' && types.includes('number'));

/** Text that converts to no number and no boolean, and is no "." or ".." (URLs resolve those away). */
const notANumber = someText.filter(
  (s) => Number.isNaN(Number(s)) && s !== 'true' && s !== 'false' && !/^\.\.?$/.test(s),
);

const wrongType: Edit = ({ schema, wire }) => {
  const types = typesOf(schema);
  if (types.length === 0) return undefined;
  let wrong: fc.Arbitrary<unknown>[] = [];
  if (wire === 'json') {
    const wrongTypes = (Object.keys(jsonOfType) as JsonType[]).filter((type) => !accepts(types, type));
    wrong = wrongTypes.map((type) => jsonOfType[type]);
  } else if (wire === 'text' && !types.includes('string') && !types.includes('array')) {
    wrong = [notANumber, ...(types.includes('number') ? [] : [nonIntegral.map(String)])];
  }
  return wrong.length ? fc.oneof(...wrong).map((value) => () => value) : undefined;
};

const outOfBounds: Edit = ({ schema, wire }) => {
  if (wire !== 'json' && wire !== 'text') return undefined;
  const types = typesOf(schema);
  const text = wire === 'text' ? someText : anyText;
  const shortest = wire === 'text' ? 1 : 0;
  const low = lowerBound(schema);
  const high = upperBound(schema);
  const beyond: fc.Arbitrary<unknown>[] = [];
  if (types.includes('integer') && !types.includes('number')) {
    const { min, max } = integerRange(schema);
    if (low) beyond.push(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: min - 1 }));
    if (high) beyond.push(fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }));
  } else if (types.includes('number')) {
    // Compared as JSON will: fast-check orders -0 below 0, but -0 is sent as 0.
    if (low) {
      beyond.push(fc.double({ ...finite, max: low.value }).filter((n) => (low.excluded ? n <= low.value : n < low.value)));
    }
    if (high) {
      beyond.push(fc.double({ ...finite, min: high.value }).filter((n) => (high.excluded ? n >= high.value : n > high.value)));
    }
  }
  if (types.includes('string')) {
    const { minLength = 0, maxLength } = schema;
    if (maxLength !== undefined) {
      beyond.push(codePoints({ minLength: maxLength + 1, maxLength: maxLength + 20 }));
    }
    if (minLength > shortest) beyond.push(codePoints({ minLength: shortest, maxLength: minLength - 1 }));
    // Any string without a colon lacks a scheme, so it is no absolute URI.
    if (schema.format === 'uri') beyond.push(text.filter((s) => !s.includes(':')));
  }
  // A comma would split a query-list item in two.
  if (schema.enum) beyond.push(text.filter((s) => !schema.enum!.includes(s) && !s.includes(',')));
  if (schema.minItems && wire === 'json') beyond.push(fc.array(fc.constant(null), { maxLength: schema.minItems - 1 }));
  return beyond.length ? fc.oneof(...beyond).map((value) => () => value) : undefined;
};

const missingProperty: Edit = ({ schema, wire }) => {
  if ((wire !== 'json' && wire !== 'form') || !schema.required?.length) return undefined;
  return fc.constantFrom(...schema.required).map((name) => (value) => {
    const { [name]: _, ...rest } = value as Record<string, unknown>;
    return rest;
  });
};

// Not for multipart bodies: Prism reads only the parts the schema names and drops the others
// before validating, so an extra part can never be reported.
const unknownProperty: Edit = ({ schema, wire }) => {
  if (wire !== 'json' || schema.additionalProperties !== false) return undefined;
  // Printable ASCII names only: Prism 5.14.2 quotes the name in its sl-violations header, and a
  // character a header cannot carry (above U+00FF, or a control character) makes Node throw
  // inside Prism, which kills the mock for every later request.
  const name = fc.string().filter((key) => !Object.hasOwn(schema.properties ?? {}, key));
  // A computed key makes even "__proto__" an own property, which JSON.stringify then sends.
  return fc
    .tuple(name, fc.jsonValue({ maxDepth: 1 }))
    .map(([key, extra]) => (value) => ({ ...(value as object), [key]: extra }));
};

/** A copy of the request with the value at `location` changed. */
function changeAt(request: FuzzRequest, location: string[], change: (value: unknown) => unknown): FuzzRequest {
  const copy = structuredClone(request);
  const parent = location.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = location.at(-1)!;
  parent[key] = change(parent[key]);
  return copy;
}

/** A mutation that breaks one value of the request, picked among those `edit` can break. */
function atOneValue(name: string, edit: Edit, inArea: (area: SchemaNode['area']) => boolean = () => true): Mutation {
  const breakable = (node: SchemaNode) => inArea(node.area) && edit(node) !== undefined;
  return {
    name,
    appliesTo: (api, operation) => schemaNodesOf(api, operation).some(breakable),
    break(api, operation, request) {
      const sites = sitesOf(api, operation, request).filter(breakable);
      if (sites.length === 0) return fc.constant(undefined);
      return fc.constantFrom(...sites).chain((site) =>
        edit(site)!.map((change) => {
          const broken = changeAt(request, site.location, change);
          // Prism takes a falsy JSON body (null, false, 0, "") for no body and reports it on the request.
          const wholeBody = site.location.length === 1 && site.area === 'body';
          return { request: broken, where: wholeBody && !broken.body ? [] : site.location };
        }),
      );
    },
  };
}

const undeclaredMediaTypes = ['text/plain', 'application/json', 'application/xml'];

export const mutations: Mutation[] = [
  atOneValue('a path parameter of the wrong type (a non-integer id)', wrongType, (area) => area === 'path'),
  atOneValue('a query or body value of the wrong type', wrongType, (area) => area !== 'path'),
  atOneValue('a value out of bounds (range, length, enum, format, item count)', outOfBounds),
  atOneValue('a required property left out', missingProperty),
  atOneValue('an unknown property in a closed JSON object', unknownProperty),
  {
    name: 'no body where one is required',
    appliesTo: (_, operation) => operation.body?.required === true,
    break: (_, __, { mediaType, body, ...request }) => fc.constant({ request, where: [] }),
  },
  {
    name: 'a body in a media type the operation does not declare',
    appliesTo: (_, operation) => operation.body !== undefined,
    break(_, operation, request) {
      const undeclared = undeclaredMediaTypes.filter((type) => !(type in operation.body!.content));
      // Zero bytes are no body, and Prism checks no media type for none.
      const empty = request.body instanceof Uint8Array && request.body.length === 0;
      if (request.mediaType === undefined || empty) return fc.constant(undefined);
      return fc.constantFrom(...undeclared).chain((contentType): fc.Arbitrary<Broken> =>
        // Bytes or form fields labelled JSON have to parse, or Prism stops at its parser with a 400
        // naming no violation.
        contentType === 'application/json' &&
        (request.body instanceof Uint8Array || request.mediaType === 'application/x-www-form-urlencoded')
          ? fc.jsonValue().map((json) => {
              const body = new TextEncoder().encode(JSON.stringify(json));
              return { request: { ...request, body, contentType }, where: [] };
            })
          : fc.constant({ request: { ...request, contentType }, where: [] }),
      );
    },
  },
];
