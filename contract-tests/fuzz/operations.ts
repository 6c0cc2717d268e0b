// The operations of a bundled spec (generated/<api>.openapi.json) that take input, with their
// parameters and request body resolved: the table every fuzz test is driven from.
import { readApis } from '../../scripts/apis.js';
import { followRef, readBundledDocument } from '../../src/verify/bundled-document.js';
import type { Schema } from './schema.js';

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof methods)[number];

type Ref = { $ref: string };
const isRef = (node: object): node is Ref => '$ref' in node;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

/** A parameter the fuzzers generate; header and cookie ones are the client's business. */
export type InputParameter = Parameter & { in: 'path' | 'query' };

export interface MediaType {
  schema?: Schema;
  /** Per multipart part; contentType may list several types, comma-separated. */
  encoding?: Record<string, { contentType?: string }>;
}

export interface RequestBody {
  required?: boolean;
  content: Record<string, MediaType>;
}

interface OperationObject {
  operationId: string;
  parameters?: (Parameter | Ref)[];
  requestBody?: RequestBody | Ref;
  responses: Record<string, unknown>;
}

type PathItem = Partial<Record<Method, OperationObject>> & { parameters?: (Parameter | Ref)[] };

export interface Operation {
  operationId: string;
  method: Uppercase<Method>;
  /** The path template, as the clients take it: `/products/{productId}/combinations`. */
  path: string;
  parameters: InputParameter[];
  body?: RequestBody;
  /** The statuses the operation documents. */
  statuses: number[];
}

export interface Api {
  name: string;
  /** The bundled spec, which every `$ref` points into. */
  document: object;
  operations: Operation[];
}

export function loadApi(name: string): Api {
  const document = readBundledDocument<{ paths: Record<string, PathItem> }>(name);
  const deref = <T extends object>(node: T | Ref): T => (isRef(node) ? followRef<T>(document, node.$ref) : node);

  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      // An operation's own parameter replaces the path item's one of the same name and place.
      const byKey = new Map(
        [...(item.parameters ?? []), ...(operation.parameters ?? [])]
          .map((parameter) => deref(parameter))
          .map((parameter) => [`${parameter.in} ${parameter.name}`, parameter] as const),
      );
      const parameters = [...byKey.values()].filter((p): p is InputParameter => p.in === 'path' || p.in === 'query');
      const body = operation.requestBody && deref(operation.requestBody);
      return [
        {
          operationId: operation.operationId,
          method: method.toUpperCase() as Uppercase<Method>,
          path,
          parameters,
          ...(body && { body }),
          statuses: Object.keys(operation.responses).map(Number),
        },
      ];
    }),
  );
  // Nothing to generate for an operation without input.
  return { name, document, operations: operations.filter((op) => op.parameters.length > 0 || op.body) };
}

/** Every API in redocly.yaml, as the Prism mocks serve them. */
export const loadApis = (): Api[] => readApis().map(({ name }) => loadApi(name));
