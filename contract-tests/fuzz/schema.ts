// The part of JSON Schema 2020-12 the fuzzers read, and how a schema is brought to plain keywords:
// its local $ref followed and its allOf merged, so no other module has to know about either.
import { followRef } from '../../src/verify/bundled-document.js';

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  contentMediaType?: string;
}


// Properties and required lists add up; for every other keyword the later schema wins. That is
// exact when at most one member of an allOf declares properties, as in these documents (a create
// schema = the update schema + `required`); it is not a general allOf intersection.
function merge(a: Schema, b: Schema): Schema {
  const merged: Schema = { ...a, ...b };
  if (a.properties || b.properties) merged.properties = { ...a.properties, ...b.properties };
  if (a.required || b.required) merged.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  return merged;
}

/** The schema with `$ref` and `allOf` replaced by the keywords they bring. Cycles are not supported. */
export function resolve(schema: Schema, document: object): Schema {
  const { $ref, allOf, ...own } = schema;
  const members = [...($ref ? [followRef<Schema>(document, $ref)] : []), ...(allOf ?? [])];
  return [...members.map((member) => resolve(member, document)), own].reduce(merge, {});
}

/** The types a schema allows; empty when it does not say. */
export function typesOf(schema: Schema): JsonType[] {
  return schema.type === undefined ? [] : [schema.type].flat();
}

/** Raw bytes rather than text: a binary body or file part. */
export function isBinary(schema: Schema): boolean {
  return schema.format === 'binary' || schema.contentMediaType !== undefined;
}

export interface Bound {
  value: number;
  /** From exclusiveMinimum/exclusiveMaximum: the value itself is not allowed. */
  excluded: boolean;
}

/** The tighter of minimum and exclusiveMinimum. */
export function lowerBound(schema: Schema): Bound | undefined {
  const { minimum, exclusiveMinimum } = schema;
  if (exclusiveMinimum !== undefined && (minimum === undefined || exclusiveMinimum >= minimum)) {
    return { value: exclusiveMinimum, excluded: true };
  }
  return minimum === undefined ? undefined : { value: minimum, excluded: false };
}

/** The tighter of maximum and exclusiveMaximum. */
export function upperBound(schema: Schema): Bound | undefined {
  const { maximum, exclusiveMaximum } = schema;
  if (exclusiveMaximum !== undefined && (maximum === undefined || exclusiveMaximum <= maximum)) {
    return { value: exclusiveMaximum, excluded: true };
  }
  return maximum === undefined ? undefined : { value: maximum, excluded: false };
}
