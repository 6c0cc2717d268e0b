// A request as the fuzzers see it, how valid ones are generated from an operation's schemas, and how
// one is sent through the project's client, encoded the way its media type says.
import fc from 'fast-check';
import { sendAsIs } from '../../src/middleware.js';
import { arbitrary } from './arbitraries.js';
import type { Api, MediaType, Operation } from './operations.js';

export interface FuzzRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The body's media type, one the operation declares; absent when there is no body. */
  mediaType?: string;
  body?: unknown;
  /** A Content-Type header that overrides `mediaType`; set only to break a request. */
  contentType?: string;
}

export interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** A client with its types erased: fuzzed requests are deliberately outside the generated types. */
export type UntypedClient = Record<Operation['method'], (path: string, init: object) => Promise<Outcome>>;

/** Requests that satisfy every schema of the operation: parameters, and a body in each media type. */
export function validRequests(api: Api, operation: Operation): fc.Arbitrary<FuzzRequest> {
  const parameters = (place: 'path' | 'query') => {
    const placed = operation.parameters.filter((parameter) => parameter.in === place);
    return fc.record(
      Object.fromEntries(placed.map((parameter) => [parameter.name, arbitrary(parameter.schema, api.document)])),
      { requiredKeys: placed.filter((parameter) => parameter.required).map((parameter) => parameter.name) },
    );
  };
  const content = Object.entries(operation.body?.content ?? {});
  const bodies = content.length
    ? fc
        .constantFrom(...content)
        .chain(([mediaType, { schema }]) => arbitrary(schema ?? {}, api.document).map((body) => ({ mediaType, body })))
    : fc.constant({});
  const body = operation.body?.required ? bodies : fc.option(bodies, { nil: {} });
  return fc
    .record({ path: parameters('path'), query: parameters('query'), body })
    .map(({ path, query, body }) => ({ path, query, ...body }));
}

/** Multipart fields; byte values become file parts typed with the first type the spec lists for them. */
function formData(fields: Record<string, unknown>, encoding: MediaType['encoding']): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Uint8Array) {
      const type = encoding?.[name]?.contentType?.split(',')[0]?.trim() ?? 'application/octet-stream';
      form.append(name, new Blob([value as BlobPart], { type }), `${name}.bin`);
    } else {
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return form;
}

/** Sends the request with the client's own method for the operation (its auth header included). */
export function send(client: UntypedClient, operation: Operation, request: FuzzRequest): Promise<Outcome> {
  const headers: Record<string, string> = {};
  const init: Record<string, unknown> = { params: { path: request.path, query: request.query }, headers };
  if (request.body instanceof Uint8Array) {
    // Raw bytes go as they are, as the upload helpers send them.
    Object.assign(init, { body: request.body, bodySerializer: sendAsIs });
    headers['Content-Type'] = request.mediaType!;
  } else if (request.mediaType === 'multipart/form-data') {
    init.body = formData(request.body as Record<string, unknown>, operation.body?.content[request.mediaType]?.encoding);
  } else if (request.mediaType === 'application/x-www-form-urlencoded') {
    init.body = new URLSearchParams(request.body as Record<string, string>);
    init.bodySerializer = sendAsIs;
    headers['Content-Type'] = request.mediaType;
  } else if (request.mediaType !== undefined) {
    init.body = request.body; // JSON: the client serializes it
  }
  if (request.contentType) headers['Content-Type'] = request.contentType;
  return client[operation.method](operation.path, init);
}
