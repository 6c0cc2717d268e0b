// Reads a bundled spec and answers what the contract suite and `commerce-variants verify` ask of it:
// which (operation, status) pairs it documents, which headers an answer must carry, and whether a
// body matches a response's schema. One validator (Ajv, JSON Schema 2020-12, with formats) for both.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { at, jsonPointer, readBundledDocument, refTokens } from './bundled-document.js';

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

/** A documented response's JSON body: its schema, and a validator compiled for it. */
export interface BodySchema {
  schema: unknown;
  validate: ValidateFunction;
}

export interface Spec {
  document: Document;
  responses: DocumentedResponse[];
  /** The response an operation documents for a status, if it documents one. */
  findResponse(operationId: string, status: number): DocumentedResponse | undefined;
  /** The JSON body schema of a documented response; undefined when it documents no JSON body. */
  bodySchema(documented: DocumentedResponse): BodySchema | undefined;
  /** Validates a body against the documented schema of one response (JSON content). */
  validateBody(operationId: string, status: number, body: unknown): string[];
  /** Validates a request body against the operation's schema for one content type. */
  validateRequestBody(operationId: string, contentType: string, body: unknown): string[];
  /** Names of the headers a response documents as required. */
  requiredHeaders(response: DocumentedResponse): string[];
}

export type { ErrorObject };

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

  const findResponse = (operationId: string, status: number) =>
    responses.find((r) => r.operationId === operationId && r.status === status);

  /** The validator of the schema at a location in the document, compiled once. */
  function validatorAt(location: string[]): ValidateFunction {
    const ref = `${apiName}#${jsonPointer(location)}`;
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: encodeURI(ref) });
      validators.set(ref, validate);
    }
    return validate;
  }

  const errorsOf = (validate: ValidateFunction, body: unknown) =>
    validate(body) ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n');

  function bodySchema(documented: DocumentedResponse): BodySchema | undefined {
    const content = documented.response.content ?? {};
    const mediaType = Object.keys(content).find((type) => type.includes('json'));
    if (!mediaType) return undefined;
    return { schema: content[mediaType]!.schema, validate: validatorAt([...documented.location, 'content', mediaType, 'schema']) };
  }

  return {
    document,
    responses,
    findResponse,
    bodySchema,
    requiredHeaders(response) {
      return Object.entries(response.response.headers ?? {})
        .filter(([, header]) => (header.$ref ? at<HeaderObject>(document, refTokens(header.$ref)) : header).required)
        .map(([name]) => name);
    },
    validateBody(operationId, status, body) {
      const documented = findResponse(operationId, status);
      if (!documented) return [`${operationId} documents no ${status} response`];
      const schema = bodySchema(documented);
      if (!schema) return body === undefined ? [] : [`${operationId} ${status} documents no JSON body`];
      return errorsOf(schema.validate, body);
    },
    validateRequestBody(operationId, contentType, body) {
      const found = Object.entries(document.paths).flatMap(([path, item]) =>
        methods.filter((method) => item[method]?.operationId === operationId).map((method) => ({ path, method })),
      )[0];
      if (!found) return [`no operation ${operationId}`];
      const requestBody = document.paths[found.path]![found.method]!.requestBody;
      const location = requestBody?.$ref ? refTokens(requestBody.$ref) : ['paths', found.path, found.method, 'requestBody'];
      const content = requestBody && at<{ content?: Record<string, MediaType> }>(document, location).content;
      if (!content?.[contentType]) return [`${operationId} documents no ${contentType} request body`];
      return errorsOf(validatorAt([...location, 'content', contentType, 'schema']), body);
    },
  };
}
