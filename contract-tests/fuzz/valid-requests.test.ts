// Property: every request generated from an operation's schemas (path and query parameters, and a
// body in each media type it declares) passes Prism's request validation — no `sl-violations`, a
// 2xx — and comes back from the client without an `error`. A failure here means a schema
// contradicts itself or the client sends something other than what it was given.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { violations } from '../support/prism-headers.js';
import { fuzzClient } from './clients.js';
import { loadApis } from './operations.js';
import { send, validRequests } from './requests.js';
import { fuzzParameters, fuzzTimeout } from './settings.js';

// Concurrent: the time goes in waiting for Prism, which can serve several properties at once.
describe.concurrent.each(loadApis())('$name: valid requests pass validation', (api) => {
  const cases = api.operations.map((operation) => [operation.operationId, operation] as const);

  test.for(cases)('%s', { timeout: fuzzTimeout }, async ([, operation], { expect }) => {
    const client = fuzzClient(api.name);
    await fc.assert(
      fc.asyncProperty(validRequests(api, operation), async (request) => {
        const { error, response } = await send(client, operation, request);
        expect(violations(response)).toEqual([]);
        expect(response.status).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(300);
        expect(error).toBeUndefined();
      }),
      fuzzParameters,
    );
  });
});
