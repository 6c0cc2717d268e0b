// Reads a bundled spec and answers what the contract suite, `commerce-variants verify` and the fake
// stores ask of it: which operations and (operation, status) pairs it documents, which headers an
// answer must carry, whether a body matches a response's schema, and whether a request's parameters
// and body are ones the spec allows. One validator (Ajv, JSON Schema 2020-12, with formats) for all.
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { newAjv } from './ajv.js';
import { at, jsonPointer, pointerTokens, readBundledDocument, refTokens } from './bundled-document.js';

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
export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: { type?: string | string[] };
}
type Ref = { $ref: string };
interface Operation {
  operationId: string;
  parameters?: (ParameterObject | Ref)[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  'x-safe-to-retry'?: boolean;
}
type Method = (typeof methods)[number];
interface Document {
  paths: Record<string, Partial<Record<Method, Operation>> & { parameters?: (ParameterObject | Ref)[] }>;
}

/** One operation of the spec, with its parameters and request body resolved. */
export interface SpecOperation {
  operationId: string;
  method: Method;
  /** The path template, e.g. `/products/{productId}/combinations`. */
  path: string;
  parameters: ParameterObject[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
}

/** What is wrong with a request, as Prism's `sl-violations` header lists it. */
export interface Violation {
  /** E.g. ['request', 'query', 'page'] or ['request', 'body', 'options', '0']. */
  location: string[];
  /** The JSON Schema keyword that failed, or an HTTP status (415) as Prism gives it. */
  code: string | number;
  message: string;
}

/** A request's parameters as they arrive: text, before any conversion. */
export interface RequestParameters {
  path: Record<string, string>;
  query: URLSearchParams;
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
  operations: SpecOperation[];
  /**
   * Checks path and query parameters (converted from text to their schema's type, as Prism does)
   * and refuses a query name the operation does not declare, which Prism lets through.
   */
  parameterViolations(operationId: string, parameters: RequestParameters): Violation[];
  /**
   * Checks a request body of one media type: JSON as parsed; a form's fields (`Record<string, string
   * | File>`) converted from text as Prism does, a file part standing as a string; bytes pass.
   */
  requestBodyViolations(operationId: string, contentType: string, body: unknown): Violation[];
}

export type { ErrorObject };

export function loadSpec(apiName: string): Spec {
  const document = readBundledDocument<Document>(apiName);
  const deref = <T extends object>(node: T | Ref): T => ('$ref' in node ? at<T>(document, refTokens(node.$ref)) : node);
  const responses: DocumentedResponse[] = [];
  const operations: SpecOperation[] = [];
  /** Where each operation's parameter schemas and request body sit in the document. */
  const parameterLocations = new Map<string, Map<string, string[]>>();
  const bodyLocations = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      // An operation's own parameter replaces the path item's one of the same name and place.
      const byKey = new Map<string, { parameter: ParameterObject; location: string[] }>();
      const collect = (list: (ParameterObject | Ref)[] | undefined, base: string[]) =>
        list?.forEach((node, index) => {
          const location = '$ref' in node ? refTokens(node.$ref) : [...base, 'parameters', String(index)];
          const parameter = deref(node);
          byKey.set(`${parameter.in} ${parameter.name}`, { parameter, location });
        });
      collect(item.parameters, ['paths', path]);
      collect(operation.parameters, ['paths', path, method]);
      parameterLocations.set(
        operation.operationId,
        new Map([...byKey.values()].map(({ parameter, location }) => [`${parameter.in} ${parameter.name}`, [...location, 'schema']])),
      );
      const bodyLocation = operation.requestBody?.$ref ? refTokens(operation.requestBody.$ref) : ['paths', path, method, 'requestBody'];
      const requestBody = operation.requestBody && at<NonNullable<Operation['requestBody']>>(document, bodyLocation);
      if (requestBody) bodyLocations.set(operation.operationId, bodyLocation);
      operations.push({
        operationId: operation.operationId,
        method,
        path,
        parameters: [...byKey.values()].map(({ parameter }) => parameter),
        ...(requestBody && { requestBody: { required: requestBody.required === true, content: requestBody.content ?? {} } }),
      });
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

  // strict: false because OpenAPI annotations (example, x-*) are not JSON Schema keywords. The
  // document is not checked against the meta-schema (Redocly lints it; the check costs 130 ms), and
  // each instance is made on first use, so that a spec is ready at once (a fake store starts in ms).
  // Parameters and form fields arrive as text; Prism converts them to the schema's type first, as
  // Ajv's coerceTypes does ("12" passes as an integer): the converting instance does the same.
  const instances = new Map<boolean, Ajv2020>();
  function ajvOf(converting: boolean): Ajv2020 {
    let instance = instances.get(converting);
    if (!instance) {
      instance = newAjv({ strict: false, allErrors: true, validateSchema: false, ...(converting && { coerceTypes: 'array' as const }) });
      instance.addSchema(document, apiName);
      instances.set(converting, instance);
    }
    return instance;
  }
  const validators = new Map<string, ValidateFunction>();

  const findResponse = (operationId: string, status: number) =>
    responses.find((r) => r.operationId === operationId && r.status === status);

  /** The validator of the schema at a location in the document, compiled once (on first use, so that a spec loads fast). */
  function validatorAt(location: string[], converting = false): ValidateFunction {
    const ref = `${apiName}#${jsonPointer(location)}`;
    const key = `${converting ? 'text' : 'json'} ${ref}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajvOf(converting).compile({ $ref: encodeURI(ref) });
      validators.set(key, validate);
    }
    return validate;
  }

  const errorsOf = (validate: ValidateFunction, body: unknown) =>
    validate(body) ? [] : ajvOf(false).errorsText(validate.errors, { separator: '\n' }).split('\n');

  /** Ajv's errors as violations under `location`, each at its JSON pointer split into keys. */
  function violationsOf(validate: ValidateFunction, value: unknown, location: string[]): Violation[] {
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => ({
      location: [...location, ...pointerTokens(error.instancePath)],
      code: error.keyword,
      // Ajv names the extra property only in its params; a violation says which it is.
      message:
        error.keyword === 'additionalProperties'
          ? `must NOT have additional property '${(error.params as { additionalProperty: string }).additionalProperty}'`
          : (error.message ?? error.keyword),
    }));
  }

  function parameterViolations(operationId: string, { path, query }: RequestParameters): Violation[] {
    const operation = operations.find((o) => o.operationId === operationId);
    if (!operation) return [{ location: ['request'], code: 'operation', message: `no operation ${operationId}` }];
    const schemas = parameterLocations.get(operationId)!;
    const violations: Violation[] = [];
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const location = ['request', parameter.in, parameter.name];
      const present = parameter.in === 'path' ? parameter.name in path : query.has(parameter.name);
      if (!present) {
        if (parameter.required) violations.push({ location, code: 'required', message: `must have required parameter '${parameter.name}'` });
        continue;
      }
      const isArray = [parameter.schema?.type].flat().includes('array');
      let value: unknown = parameter.in === 'path' ? path[parameter.name] : query.getAll(parameter.name);
      if (parameter.in === 'query') {
        const values = value as string[];
        // style form (the default): explode repeats the name, explode: false joins the items with commas.
        value = isArray ? (parameter.explode === false ? values.join(',').split(',') : values) : values.length === 1 ? values[0] : values;
      }
      violations.push(...violationsOf(validatorAt(schemas.get(`${parameter.in} ${parameter.name}`)!, true), value, location));
    }
    const declared = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(query.keys())) {
      if (!declared.has(name)) {
        violations.push({ location: ['request', 'query', name], code: 'additionalProperties', message: `is not a query parameter of ${operationId}` });
      }
    }
    return violations;
  }

  function requestBodyViolations(operationId: string, contentType: string, body: unknown): Violation[] {
    const location = bodyLocations.get(operationId);
    const content = location && at<{ content?: Record<string, MediaType> }>(document, location).content;
    if (!content?.[contentType]) {
      return [{ location: ['request', 'body'], code: 415, message: `${operationId} documents no ${contentType} request body` }];
    }
    if (body instanceof Uint8Array) return [];
    const schemaLocation = [...location!, 'content', contentType, 'schema'];
    const form = contentType === 'application/x-www-form-urlencoded' || contentType === 'multipart/form-data';
    if (!form) return violationsOf(validatorAt(schemaLocation), body, ['request', 'body']);
    const fields = Object.fromEntries(
      Object.entries(body as Record<string, unknown>).map(([name, value]) => [name, typeof value === 'string' ? value : `(file)`]),
    );
    return violationsOf(validatorAt(schemaLocation, true), fields, ['request', 'body']);
  }

  function bodySchema(documented: DocumentedResponse): BodySchema | undefined {
    const content = documented.response.content ?? {};
    const mediaType = Object.keys(content).find((type) => type.includes('json'));
    if (!mediaType) return undefined;
    return { schema: content[mediaType]!.schema, validate: validatorAt([...documented.location, 'content', mediaType, 'schema']) };
  }

  return {
    document,
    responses,
    operations,
    parameterViolations,
    requestBodyViolations,
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
      if (!operations.some((o) => o.operationId === operationId)) return [`no operation ${operationId}`];
      return requestBodyViolations(operationId, contentType, body).map(({ location, message }) =>
        location.length > 2 ? `${jsonPointer(location.slice(2))} ${message}` : message,
      );
    },
  };
}
