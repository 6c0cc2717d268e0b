// A request the spec refuses gets the same status from the fake store as from the Prism mock, so a
// user's test can move between the two: a table of broken requests built from each bundled spec,
// sent to both. The fake always names the violations in `sl-violations`; Prism does where it sends a
// documented answer, and in a problem+json body otherwise.
import { describe, expect, inject, test } from 'vitest';
import { createFakeStore } from '../../src/fake/create.js';
import { bundledApis, type BundledApi } from '../../src/testing/specs.js';
import { loadSpec, type SpecOperation } from '../../src/verify/spec.js';
import { violations } from '../support/prism-headers.js';

const credentials: Record<BundledApi, Record<string, string>> = {
  ecwid: { Authorization: 'Bearer secret_example' },
  bigcommerce: { 'X-Auth-Token': 'example-token' },
};

interface Broken {
  name: string;
  path: string;
  init: RequestInit;
}

/** The operation's path with each parameter's example (the default catalogue's ids), or `wrong` for the first. */
function pathOf(operation: SpecOperation, wrong?: string): string {
  let first = true;
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name) as { example?: unknown } | undefined;
    const value = first && wrong !== undefined ? wrong : String(parameter?.example);
    first = false;
    return encodeURIComponent(value);
  });
}

function brokenRequests(api: BundledApi, operation: SpecOperation): Broken[] {
  const headers = credentials[api];
  const method = operation.method.toUpperCase();
  const cases: Broken[] = [];
  if (operation.path.includes('{')) cases.push({ name: 'a path id that is no integer', path: pathOf(operation, 'abc'), init: { method, headers } });
  const integerQuery = operation.parameters.find((p) => p.in === 'query' && p.schema?.type === 'integer');
  if (integerQuery) {
    cases.push({ name: `a ${integerQuery.name} that is no integer`, path: `${pathOf(operation)}?${integerQuery.name}=many`, init: { method, headers } });
  }
  if (operation.requestBody) {
    cases.push({
      name: 'a body in an undeclared media type',
      path: pathOf(operation),
      init: { method, headers: { ...headers, 'Content-Type': 'application/xml' }, body: '<variant/>' },
    });
  }
  if (operation.requestBody?.required) cases.push({ name: 'no body where one is required', path: pathOf(operation), init: { method, headers } });
  if (operation.requestBody?.content['application/json']) {
    cases.push({
      name: 'a JSON body of the wrong type',
      path: pathOf(operation),
      init: { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: '"text"' },
    });
  }
  return cases;
}

describe.each(Object.keys(bundledApis) as BundledApi[])('%s: refused as Prism refuses', (api) => {
  const fake = createFakeStore(api, { rateLimit: false });
  const cases = loadSpec(api).operations.flatMap((operation) =>
    brokenRequests(api, operation).map((broken) => ({ ...broken, operationId: operation.operationId })),
  );

  test.for(cases)('$operationId: $name', async ({ path, init }) => {
    const prism = await fetch(`${inject('prismUrls')[api]}${path}`, init);
    const ours = await fake.fetch(`http://127.0.0.1${path}`, init);
    expect(ours.status).toBe(prism.status);
    expect(ours.headers.get('content-type')).toBe(prism.headers.get('content-type'));
    expect(violations(ours).length).toBeGreaterThan(0);
    if (prism.headers.has('sl-violations')) {
      const where = (response: Response) => violations(response).map((v) => v.location.slice(0, 2).join('.'));
      expect(new Set(where(ours))).toEqual(new Set(where(prism)));
    }
  });
});

describe.each(Object.keys(bundledApis) as BundledApi[])('%s: paths the spec does not have', (api) => {
  const fake = createFakeStore(api, { rateLimit: false });
  const [operation] = loadSpec(api).operations;
  test.for([
    { name: 'an unknown path', path: '/no/such/path', method: 'GET' },
    { name: 'a known path with a method it does not take', path: pathOf(operation!), method: 'PATCH' },
  ])('$name: the same status as Prism', async ({ path, method }) => {
    const init = { method, headers: credentials[api] };
    const prism = await fetch(`${inject('prismUrls')[api]}${path}`, init);
    expect((await fake.fetch(`http://127.0.0.1${path}`, init)).status).toBe(prism.status);
  });
});
