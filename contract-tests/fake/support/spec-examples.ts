// What the vendors' fake-store tests share: requests sent to a store as a user's code sends them, and
// the requests a spec's examples describe (the path parameters' examples, each request-body example,
// the query parameters' examples), to send each alone to a fresh default store.
import { describe, expect, test } from 'vitest';
import { followRef } from '../../../src/verify/bundled-document.js';
import type { Spec } from '../../../src/verify/spec.js';

/** A request body: JSON, a urlencoded form, a multipart form (text or file parts), or raw bytes. */
export type Body =
  | { json: unknown }
  | { form: Record<string, string> }
  | { multipart: Record<string, string | Blob> }
  | { bytes: Uint8Array<ArrayBuffer>; type: string };

function encode(body: Body): { body: BodyInit; contentType?: string } {
  if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body) return { body: new URLSearchParams(body.form) };
  if ('bytes' in body) return { body: body.bytes, contentType: body.type };
  const form = new FormData();
  for (const [name, value] of Object.entries(body.multipart)) form.append(name, value);
  return { body: form };
}

export interface Answer {
  status: number;
  /** The JSON body parsed; undefined when there is none. */
  body: any;
  headers: Headers;
}

type Store = { fetch: typeof fetch };
type Send = (store: Store, method: string, path: string, body?: Body, headers?: Record<string, string>) => Promise<Answer>;

/**
 * A `send(store, method, path, body?, headers?)` for one API: the path after `base` (the vendor's real
 * base URL), its credential headers on every request unless `headers` overrides them.
 */
export function sender(base: string, credentials: Record<string, string>): Send {
  return async (store, method, path, body, headers = {}) => {
    const encoded = body && encode(body);
    const response = await store.fetch(`${base}${path}`, {
      method,
      headers: { ...credentials, ...(encoded?.contentType && { 'content-type': encoded.contentType }), ...headers },
      ...(encoded && { body: encoded.body }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  };
}

type Example = { $ref?: string; value?: unknown };
type Media = { examples?: Record<string, Example>; encoding?: Record<string, { contentType?: string }> };

/** An example's value, its `$ref` followed. */
export const exampleValue = (spec: Spec, example: Example): unknown =>
  (example.$ref ? followRef<Example>(spec.document, example.$ref) : example).value;

/** An operation's documented example of a response body, by status and name. */
export function responseExample(spec: Spec, operationId: string, status: number, name: string): unknown {
  const content = spec.findResponse(operationId, status)?.response.content ?? {};
  const examples = Object.values(content as Record<string, Media>).find((media) => media.examples?.[name])?.examples;
  if (!examples) throw new Error(`${operationId} documents no ${status} example ${name}`);
  return exampleValue(spec, examples[name]!);
}

export interface ExampleRequest {
  /** E.g. `createVariation application/json createVariation` or `listVariations ?lang`. */
  name: string;
  operationId: string;
  method: string;
  /** The path with the path parameters' examples, and the query string. */
  path: string;
  body?: Body;
}

export interface ExampleOptions {
  /**
   * `each`: every query parameter's example in a request of its own (with the first body example
   * when a body is required). `together`: one request with all of them, for an operation without a
   * body example.
   */
  query: 'each' | 'together';
  /** The bytes that stand in for a multipart file part's placeholder, by the part's content type. */
  file?: (contentType: string) => Blob;
}

function bodyOf(contentType: string, value: unknown, media: Media, options: ExampleOptions): Body {
  if (contentType.includes('json')) return { json: value };
  if (contentType === 'application/x-www-form-urlencoded') return { form: value as Record<string, string> };
  if (contentType === 'multipart/form-data') {
    const parts = Object.entries(value as Record<string, string>).map(([name, text]) => {
      const partType = media.encoding?.[name]?.contentType;
      return [name, partType && options.file && !partType.startsWith('text/') ? options.file(partType) : text] as const;
    });
    return { multipart: Object.fromEntries(parts) };
  }
  return { bytes: new TextEncoder().encode(String(value)), type: contentType };
}

/** Every request a spec's examples describe, one per body example and as `options.query` says. */
export function exampleRequests(spec: Spec, options: ExampleOptions): ExampleRequest[] {
  return spec.operations.flatMap((operation) => {
    const parameters = operation.parameters as ((typeof operation.parameters)[number] & { example?: unknown })[];
    const path = parameters
      .filter((parameter) => parameter.in === 'path')
      .reduce((template, parameter) => template.replace(`{${parameter.name}}`, String(parameter.example)), operation.path);
    const request = (name: string, query: [string, string][], body?: Body): ExampleRequest => ({
      name: `${operation.operationId} ${name}`,
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      path: query.length ? `${path}?${new URLSearchParams(query)}` : path,
      ...(body && { body }),
    });
    const bodies = Object.entries(operation.requestBody?.content ?? {}).flatMap(([contentType, media]) =>
      Object.entries((media as Media).examples ?? {}).map(([name, example]) =>
        request(`${contentType} ${name}`, [], bodyOf(contentType, exampleValue(spec, example), media as Media, options)),
      ),
    );
    const queries = parameters
      .filter((parameter) => parameter.in === 'query' && parameter.example !== undefined)
      .map((parameter): [string, string] => [parameter.name, [parameter.example].flat().join(',')]);
    if (options.query === 'together') {
      if (bodies.length > 0) return bodies;
      return [request(queries.length ? `?${queries.map(([name]) => name).join('&')}` : 'without query', queries)];
    }
    const required = operation.requestBody?.required ? bodies[0]?.body : undefined;
    return [
      ...(bodies.length > 0 ? bodies : [request('without query', [])]),
      ...queries.map((query) => request(`?${query[0]}`, [query], required)),
    ];
  });
}

/**
 * The tests every vendor's examples owe: together they cover every operation of the spec, and each,
 * sent alone to a fresh default store, gets its operation's documented success status (the lowest
 * 2xx) with a body the spec allows.
 */
export function testExampleRequests(spec: Spec, requests: ExampleRequest[], freshStore: () => Store, send: Send) {
  const successOf = (operationId: string) =>
    Math.min(...spec.responses.filter((r) => r.operationId === operationId && r.status < 300).map((r) => r.status));

  test('the examples cover every operation of the spec', () => {
    expect(new Set(requests.map((request) => request.operationId))).toEqual(new Set(spec.operations.map((operation) => operation.operationId)));
  });

  describe('every example request succeeds alone on a fresh default store', () => {
    test.each(requests.map((request) => [request.name, request] as const))('%s', async (_, { operationId, method, path, body }) => {
      const answer = await send(freshStore(), method, path, body);
      expect(answer.headers.get('sl-violations')).toBeNull();
      expect({ status: answer.status, errors: spec.validateBody(operationId, answer.status, answer.body) }).toEqual({
        status: successOf(operationId),
        errors: [],
      });
    });
  });
}
