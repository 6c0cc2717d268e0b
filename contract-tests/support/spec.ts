// Reads a bundled spec from generated/ and answers the questions the table-driven tests ask of it:
// which (operation, status) pairs it documents, and whether a body matches a response's schema.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { at, readBundledDocument, refTokens } from '../../scripts/bundled-spec.js';

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface MediaType {
  schema?: unknown;
}
interface HeaderObject {
  $ref?: string;
  required?: boolean;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, HeaderObject>;
}
interface Operation {
  operationId: string;
  requestBody?: { $ref?: string; content?: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  'x-safe-to-retry'?: boolean;
}
interface Document {
  paths: Record<string, Partial<Record<(typeof methods)[number], Operation>>>;
}

export interface DocumentedResponse {
  operationId: string;
  method: string;
  path: string;
  status: number;
  /** The response object, with a `$ref` to components/responses followed. */
  response: ResponseObject;
  /** JSON pointer tokens of `response` inside the document. */
  location: string[];
}

export interface Spec {
  document: Document;
  responses: DocumentedResponse[];
  /** Validates a body against the documented schema of one response (JSON content). */
  validateBody(operationId: string, status: number, body: unknown): string[];
  /** Validates a request body against the operation's schema for one content type. */
  validateRequestBody(operationId: string, contentType: string, body: unknown): string[];
  /** Names of the headers a response documents as required. */
  requiredHeaders(response: DocumentedResponse): string[];
}

const pointer = (...tokens: string[]) =>
  tokens.map((t) => encodeURIComponent(t.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');

export function loadSpec(apiName: string): Spec {
  const document = readBundledDocument<Document>(apiName);
  const responses: DocumentedResponse[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const location = response.$ref ? refTokens(response.$ref) : ['paths', path, method, 'responses', status];
        responses.push({
          operationId: operation.operationId,
          method,
          path,
          status: Number(status),
          response: at(document, location),
          location,
        });
      }
    }
  }

  // strict: false because OpenAPI annotations (example, x-*) are not JSON Schema keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, apiName);
  const validators = new Map<string, ValidateFunction>();

  // Request schemas are compiled on their own (outside `validators`), so this reader stays additive.
  const checkRequest = (ref: string, body: unknown) => {
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    return validate(body) ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n');
  };

  return {
    document,
    responses,
    validateRequestBody(operationId, contentType, body) {
      const found = Object.entries(document.paths).flatMap(([path, item]) =>
        methods.filter((method) => item[method]?.operationId === operationId).map((method) => ({ path, method })),
      )[0];
      if (!found) return [`no operation ${operationId}`];
      const requestBody = document.paths[found.path]![found.method]!.requestBody;
      const location = requestBody?.$ref
        ? refTokens(requestBody.$ref)
        : ['paths', found.path, found.method, 'requestBody'];
      const content = requestBody && at<{ content?: Record<string, MediaType> }>(document, location).content;
      if (!content?.[contentType]) return [`${operationId} documents no ${contentType} request body`];
      return checkRequest(`${apiName}#/${pointer(...location, 'content', contentType, 'schema')}`, body);
    },
    requiredHeaders(response) {
      return Object.entries(response.response.headers ?? {})
        .filter(([, header]) => (header.$ref ? at<HeaderObject>(document, refTokens(header.$ref)) : header).required)
        .map(([name]) => name);
    },
    validateBody(operationId, status, body) {
      const documented = responses.find((r) => r.operationId === operationId && r.status === status);
      if (!documented) return [`${operationId} documents no ${status} response`];
      const mediaType = Object.keys(documented.response.content ?? {}).find((type) => type.includes('json'));
      if (!mediaType) return body === undefined ? [] : [`${operationId} ${status} documents no JSON body`];
      const ref = `${apiName}#/${pointer(...documented.location, 'content', mediaType, 'schema')}`;
      let validate = validators.get(ref);
      if (!validate) {
        validate = ajv.compile({ $ref: ref });
        validators.set(ref, validate);
      }
      return validate(body) ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n');
    },
  };
}
