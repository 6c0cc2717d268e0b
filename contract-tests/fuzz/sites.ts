// The places in a request a mutation can break: every value, with the schema that governs it and
// how it travels, since that decides what "wrong" can even mean (a query value is always a string).
import type { Api, Operation } from './operations.js';
import type { FuzzRequest } from './requests.js';
import { isBinary, resolve, type Schema } from './schema.js';

/**
 * - json: a JSON value in a JSON body;
 * - text: a string on the wire that Prism converts to the schema's type (path, query, form field);
 * - form: the multipart body as a whole, an object of text and bytes parts;
 * - fields: a form-encoded body as a whole, an object of text fields (without them, no body at all);
 * - bytes: raw bytes (a binary body or file part).
 */
export type Wire = 'json' | 'text' | 'form' | 'fields' | 'bytes';

/** A place in an operation's input, filled or not. */
export interface SchemaNode {
  area: 'path' | 'query' | 'body';
  /** Resolved: no $ref or allOf left. */
  schema: Schema;
  wire: Wire;
}

/** A value in a generated request. */
export interface Site extends SchemaNode {
  /** Where the value is in the FuzzRequest, which is also how Prism names it: ['body', 'options', '0']. */
  location: string[];
  value: unknown;
}

function bodyWire(mediaType: string, schema: Schema): Wire {
  if (mediaType === 'multipart/form-data') return 'form';
  if (mediaType === 'application/x-www-form-urlencoded') return 'fields';
  return isBinary(schema) ? 'bytes' : 'json';
}

function childWire(parent: Wire, schema: Schema): Wire {
  if (parent === 'form') return isBinary(schema) ? 'bytes' : 'text';
  if (parent === 'fields') return 'text';
  return parent;
}

/** The schema of `key` inside an object or array schema, if it has one. */
function childSchema(schema: Schema, key: string, isArray: boolean): Schema | undefined {
  if (isArray) return schema.items;
  const additional = schema.additionalProperties;
  return schema.properties?.[key] ?? (typeof additional === 'object' ? additional : undefined);
}

/** The site and every value inside it that has a schema. */
function walk(site: Site, document: object): Site[] {
  const { value } = site;
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return [site];
  const children = Object.entries(value).flatMap(([key, child]) => {
    const schema = childSchema(site.schema, key, Array.isArray(value));
    if (!schema) return [];
    const resolved = resolve(schema, document);
    const wire = childWire(site.wire, resolved);
    return walk({ ...site, location: [...site.location, key], schema: resolved, wire, value: child }, document);
  });
  return [site, ...children];
}

/** Every value of a generated request, with its schema. */
export function sitesOf(api: Api, operation: Operation, request: FuzzRequest): Site[] {
  const parameters = operation.parameters.flatMap((parameter) => {
    const area = parameter.in;
    if (!(parameter.name in request[area])) return [];
    const schema = resolve(parameter.schema, api.document);
    const value = request[area][parameter.name];
    return walk({ area, location: [area, parameter.name], schema, wire: 'text', value }, api.document);
  });
  const mediaType = request.mediaType && operation.body?.content[request.mediaType];
  if (!mediaType) return parameters;
  const schema = resolve(mediaType.schema ?? {}, api.document);
  const wire = bodyWire(request.mediaType!, schema);
  const body = walk({ area: 'body', location: ['body'], schema, wire, value: request.body }, api.document);
  return [...parameters, ...body];
}

/** Every schema node of the operation's input, whether or not a given request fills it. */
export function schemaNodesOf(api: Api, operation: Operation): SchemaNode[] {
  const below = (node: SchemaNode): SchemaNode[] => {
    const { schema } = node;
    const additional = typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : [];
    const children = [...Object.values(schema.properties ?? {}), ...additional, ...(schema.items ? [schema.items] : [])];
    return [
      node,
      ...children.flatMap((child) => {
        const resolved = resolve(child, api.document);
        return below({ area: node.area, schema: resolved, wire: childWire(node.wire, resolved) });
      }),
    ];
  };
  const parameters = operation.parameters.map(
    (parameter): SchemaNode => ({ area: parameter.in, schema: resolve(parameter.schema, api.document), wire: 'text' }),
  );
  const bodies = Object.entries(operation.body?.content ?? {}).map(([mediaType, { schema = {} }]): SchemaNode => {
    const resolved = resolve(schema, api.document);
    return { area: 'body', schema: resolved, wire: bodyWire(mediaType, resolved) };
  });
  return [...parameters, ...bodies].flatMap(below);
}
