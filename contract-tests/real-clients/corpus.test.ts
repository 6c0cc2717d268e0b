// The real-client corpus: bodies that clients and stores nobody on this project wrote send and
// receive, judged by the bundled spec and by the running Prism mock. A request the real API takes
// must reach a 2xx without `sl-violations`; a typo or wrong type must be refused by both the mock
// (4xx) and the schema. A response a real store returns must validate; a malformed one must not.
import { existsSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { readApis } from '../../scripts/apis.js';
import { listOperations, readBundledSpec, type Operation } from '../../scripts/bundled-spec.js';
import { violations } from '../support/prism-headers.js';
import { loadSpec } from '../../src/verify/spec.js';
import type { RealClientCase, RequestCase } from './cases.js';

/** Headers that satisfy an operation's security scheme; the mock checks presence, not value. */
function authHeaders(spec: ReturnType<typeof readBundledSpec>, operation: Operation): Record<string, string> {
  const scheme = spec.components?.securitySchemes?.[operation.securitySchemes[0] ?? ''];
  if (scheme?.type === 'http' && scheme.scheme === 'bearer') return { Authorization: 'Bearer corpus-test-token' };
  if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name) return { [scheme.name]: 'corpus-test-token' };
  return {};
}

function url(baseUrl: string, operation: Operation, request: RequestCase): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    const value = request.path?.[name] ?? parameter?.example ?? parameter?.schema?.example ?? 1;
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams(request.query).toString();
  return `${baseUrl}${path}${query ? `?${query}` : ''}`;
}

/** The media type of a Content-Type without its parameters (`; charset=UTF-8`), as the spec keys it. */
const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

function encode(contentType: string, body: unknown): BodyInit {
  const type = mediaType(contentType);
  if (type.endsWith('json')) return JSON.stringify(body);
  if (type === 'application/x-www-form-urlencoded') return new URLSearchParams(body as Record<string, string>);
  if (type === 'multipart/form-data') {
    const form = new FormData();
    for (const [name, value] of Object.entries(body as Record<string, string>)) form.append(name, value);
    return form;
  }
  return String(body);
}

const apis = readApis();

describe.each(apis)('$name', (api) => {
  const file = new URL(`./${api.name}.ts`, import.meta.url);
  if (!existsSync(file)) {
    test.todo(`a real-client corpus (${api.name}.ts)`);
    return;
  }

  const bundled = readBundledSpec(api.name);
  const operations = listOperations(bundled);
  const spec = loadSpec(api.name);
  const load = import(file.href).then((module: { default: RealClientCase[] }) => module.default);

  test('every case names a documented operation and its provenance', async () => {
    const cases = await load;
    expect(cases.length).toBeGreaterThan(0);
    for (const corpusCase of cases) {
      expect(operations.map((o) => o.operationId), corpusCase.name).toContain(corpusCase.operationId);
      expect(corpusCase.source.repository && corpusCase.source.file && corpusCase.source.line, corpusCase.name).toBeTruthy();
      if (corpusCase.expect === 'refused') expect(corpusCase.why, corpusCase.name).toBeTruthy();
    }
  });

  test('every case is judged as the real API judges it', async () => {
    const cases = await load;
    const baseUrl = inject('prismUrls')[api.name]!;
    const wrong: string[] = [];
    for (const corpusCase of cases) {
      const operation = operations.find((o) => o.operationId === corpusCase.operationId);
      if (!operation) continue;
      const label = `${corpusCase.name} (${corpusCase.expect})`;

      if (corpusCase.kind === 'response') {
        const errors = spec.validateBody(corpusCase.operationId, corpusCase.status, corpusCase.body);
        if ((errors.length === 0) !== (corpusCase.expect === 'accepted')) {
          wrong.push(`${label}: response schema says ${errors.length ? errors.join('; ') : 'valid'}`);
        }
        continue;
      }

      if (corpusCase.contentType) {
        const errors = spec.validateRequestBody(corpusCase.operationId, mediaType(corpusCase.contentType), corpusCase.body);
        if ((errors.length === 0) !== (corpusCase.expect === 'accepted')) {
          wrong.push(`${label}: request schema says ${errors.length ? errors.join('; ') : 'valid'}`);
        }
      }

      const response = await fetch(url(baseUrl, operation, corpusCase), {
        method: operation.method,
        headers: {
          ...authHeaders(bundled, operation),
          // fetch writes a multipart Content-Type itself, with the boundary.
          ...(corpusCase.contentType && mediaType(corpusCase.contentType) !== 'multipart/form-data'
            ? { 'Content-Type': corpusCase.contentType }
            : {}),
        },
        ...(corpusCase.contentType ? { body: encode(corpusCase.contentType, corpusCase.body) } : {}),
      });
      await response.arrayBuffer();
      const found = violations(response);
      const accepted = response.status >= 200 && response.status < 300 && found.length === 0;
      const refused = response.status >= 400 && response.status < 500;
      if (corpusCase.expect === 'accepted' ? !accepted : !refused) {
        wrong.push(`${label}: mock answered ${response.status} ${JSON.stringify(found)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
