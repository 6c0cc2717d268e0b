// Reads a bundled spec from generated/ and lists what the sandbox, the docs index and the docs tests
// need from it: info, operations and security schemes. Only the fields used here are typed.
import { followRef, readBundledDocument } from '../src/verify/bundled-document.js';

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Parameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown; default?: unknown };
}

interface MediaType {
  example?: unknown;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
}

interface OperationObject {
  operationId: string;
  summary: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { $ref?: string; content?: Record<string, MediaType> };
  security?: Record<string, string[]>[];
}

interface SecurityScheme {
  type: string;
  scheme?: string;
  in?: string;
  name?: string;
  description?: string;
}

export interface BundledSpec {
  info: { title: string; summary?: string; description?: string; version: string };
  paths: Record<string, Partial<Record<(typeof methods)[number], OperationObject>> & { parameters?: Parameter[] }>;
  components?: { securitySchemes?: Record<string, SecurityScheme> };
  security?: Record<string, string[]>[];
}

export interface Operation {
  operationId: string;
  summary: string;
  tag: string | undefined;
  method: Uppercase<(typeof methods)[number]>;
  path: string;
  /** Path-level and operation-level parameters, `$ref`s followed. */
  parameters: Parameter[];
  /** Names of the security schemes the operation accepts (its own requirement, else the document's). */
  securitySchemes: string[];
  /** The first JSON request body example, if the operation has one. */
  jsonBodyExample: unknown;
}

export const readBundledSpec = (apiName: string) => readBundledDocument<BundledSpec>(apiName);

/** Follows `$ref`s until the node is not one. */
function resolve<T>(spec: BundledSpec, node: T & { $ref?: string }): T {
  return node.$ref ? resolve(spec, followRef<T & { $ref?: string }>(spec, node.$ref)) : node;
}

export function listOperations(spec: BundledSpec): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const requirements = operation.security ?? spec.security ?? [];
      const content = resolve(spec, operation.requestBody ?? {}).content ?? {};
      const json = Object.entries(content).find(([type]) => type.includes('json'))?.[1];
      const firstExample = Object.values(json?.examples ?? {})[0];
      return [
        {
          operationId: operation.operationId,
          summary: operation.summary,
          tag: operation.tags?.[0],
          method: method.toUpperCase() as Operation['method'],
          path,
          parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p)),
          securitySchemes: requirements.flatMap((requirement) => Object.keys(requirement)),
          jsonBodyExample: json?.example ?? (firstExample && resolve(spec, firstExample).value),
        },
      ];
    }),
  );
}
