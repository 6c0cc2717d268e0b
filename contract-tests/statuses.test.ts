// Every documented (operation, status) pair, requested through the client with `Prefer: code=NNN`.
// Each answer must carry the status asked for, pass Prism's request validation (no sl-violations),
// decode, and match that response's schema and required headers.
import { describe, expect, inject, test } from 'vitest';
import { preferStatus } from './support/prism-headers.js';
import { loadSpec } from '../src/verify/spec.js';
import { vendors } from './vendors.js';

describe.each(Object.entries(vendors))('%s: every documented status', (name, cases) => {
  const spec = loadSpec(name);
  const pairs = Object.entries(cases.documentedStatuses).flatMap(([operationId, statuses]) =>
    statuses.map((status) => [operationId, status] as const),
  );

  test.each(pairs)('%s answers %i', async (operationId, status) => {
    const { response, data, error } = await cases.call(inject('prismUrls')[name]!, operationId, preferStatus(status));

    expect(response.headers.get('sl-violations')).toBeNull();
    expect(response.status).toBe(status);
    expect(spec.validateBody(operationId, status, response.ok ? data : error)).toEqual([]);
    const documented = spec.responses.find((r) => r.operationId === operationId && r.status === status)!;
    for (const header of spec.requiredHeaders(documented)) {
      expect(response.headers.has(header), `${header} header`).toBe(true);
    }
  });
});
