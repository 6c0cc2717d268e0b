// The Ecwid spec's examples and the fake's default catalogue tell one story: every example request
// of the spec, sent alone to a fresh default store, succeeds, and the store answers with the spec's
// own response examples.
import { describe, expect, test } from 'vitest';
import { followRef } from '../../src/verify/bundled-document.js';
import { loadSpec } from '../../src/verify/spec.js';
import { type Body, freshStore, productId, send } from './ecwid-store.js';

const spec = loadSpec('ecwid');
type Examples = Record<string, { $ref?: string; value?: unknown }> | undefined;
const exampleValue = (example: { $ref?: string; value?: unknown }) =>
  (example.$ref ? followRef<{ value: unknown }>(spec.document, example.$ref) : example).value;

interface ExampleRequest {
  name: string;
  operationId: string;
  method: string;
  path: string;
  body?: Body;
}

function bodyOf(contentType: string, value: unknown): Body {
  if (contentType.includes('json')) return { json: value };
  if (contentType === 'application/x-www-form-urlencoded') return { form: value as Record<string, string> };
  return { bytes: new TextEncoder().encode(String(value)), type: contentType };
}

/**
 * Every request the spec's examples describe: each request-body example with the path parameters'
 * examples, and each optional query parameter's example on its own (with the first body example when
 * a body is required).
 */
function exampleRequests(): ExampleRequest[] {
  return spec.operations.flatMap((operation) => {
    const parameters = operation.parameters as ((typeof operation.parameters)[number] & { example?: unknown })[];
    const path = parameters
      .filter((parameter) => parameter.in === 'path')
      .reduce((template, parameter) => template.replace(`{${parameter.name}}`, String(parameter.example)), operation.path);
    const bodies = Object.entries(operation.requestBody?.content ?? {}).flatMap(([contentType, media]) =>
      Object.entries((media as { examples?: Examples }).examples ?? {}).map(([name, example]) => ({
        name: `${contentType} ${name}`,
        body: bodyOf(contentType, exampleValue(example)),
      })),
    );
    const request = (name: string, query: string, body?: Body): ExampleRequest => ({
      name: `${operation.operationId} ${name}`,
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      path: `${path}${query}`,
      ...(body && { body }),
    });
    const required = operation.requestBody?.required ? bodies[0]?.body : undefined;
    return [
      ...(bodies.length > 0 ? bodies.map(({ name, body }) => request(name, '', body)) : [request('without query', '')]),
      ...parameters
        .filter((parameter) => parameter.in === 'query' && parameter.example !== undefined)
        .map((parameter) => request(`?${parameter.name}`, `?${new URLSearchParams({ [parameter.name]: String(parameter.example) })}`, required)),
    ];
  });
}

const requests = exampleRequests();

test('the examples cover every operation of the spec', () => {
  expect(new Set(requests.map((request) => request.operationId))).toEqual(new Set(spec.operations.map((operation) => operation.operationId)));
});

describe('every example request succeeds alone on a fresh default store', () => {
  test.each(requests.map((request) => [request.name, request] as const))('%s', async (_, { operationId, method, path, body }) => {
    const answer = await send(freshStore(), method, path, body);
    expect(answer.headers.get('sl-violations')).toBeNull();
    expect({ status: answer.status, errors: spec.validateBody(operationId, answer.status, answer.body) }).toEqual({ status: 200, errors: [] });
  });
});

describe("the default store answers with the spec's response examples", () => {
  const example = (operationId: string, status: number, name: string) => {
    const documented = spec.findResponse(operationId, status)!;
    const examples = (documented.response.content!['application/json'] as { examples: Examples }).examples!;
    return exampleValue(examples[name]!);
  };
  const variations = `/products/${productId}/combinations`;

  test('the list, whole and trimmed with responseFields', async () => {
    const store = freshStore();
    expect((await send(store, 'GET', variations)).body).toEqual(example('listVariations', 200, 'variationList'));
    expect((await send(store, 'GET', `${variations}?responseFields=id,inStock`)).body).toEqual(
      example('listVariations', 200, 'variationListResponseFields'),
    );
  });

  test('one variation', async () => {
    expect((await send(freshStore(), 'GET', `${variations}/422488528`)).body).toEqual(example('getVariation', 200, 'variationWithTranslations'));
  });

  test('the created ID, the first image ID, the count of a delete-all', async () => {
    const store = freshStore();
    const create = requests.find((request) => request.name === 'createVariation application/json createVariation')!;
    expect((await send(store, 'POST', create.path, create.body)).body).toEqual(example('createVariation', 200, 'variationCreated'));
    const image = { bytes: new Uint8Array([0xff, 0xd8, 0xff]), type: 'image/jpeg' };
    expect((await send(store, 'POST', `${variations}/422488528/image`, image)).body).toEqual(
      example('uploadVariationImage', 200, 'imageUploaded'),
    );
    // The create above made a fourth variation; a fresh store has the three the example counts.
    expect((await send(freshStore(), 'DELETE', variations)).body).toEqual(example('deleteAllVariations', 200, 'allVariationsDeleted'));
  });

  test('the create example names an option value the product has and no variation uses', async () => {
    const store = freshStore();
    const create = requests.find((request) => request.name === 'createVariation application/json createVariation')!;
    const { options } = (create.body as { json: { options: { name: string; value: string }[] } }).json;
    const [product] = store.snapshot().products;
    for (const { name, value } of options) {
      expect(product!.options!.find((option) => option.name === name)?.choices).toContainEqual({ text: value });
      const used = product!.combinations!.filter((variation) => variation.options?.some((o) => o.name === name && o.value === value));
      expect(used).toEqual([]);
    }
  });

  test("sending the create example twice is refused with the spec's SKU conflict", async () => {
    const store = freshStore();
    const create = requests.find((request) => request.name === 'createVariation application/json createVariation')!;
    await send(store, 'POST', create.path, create.body);
    const again = await send(store, 'POST', create.path, create.body);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(example('createVariation', 409, 'SKU_ALREADY_EXISTS'));
  });
});
