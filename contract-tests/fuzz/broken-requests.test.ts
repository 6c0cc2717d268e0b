// Property: a valid request broken in one way (mutations.ts: a wrong type, a value out of bounds, a
// missing or unknown property, no body, an undeclared media type) is refused by Prism with a 4xx —
// never a 5xx, and never a 401, since the client always sends its credential — whose violations
// name the place that was broken; and the client returns it as `{ error, response }` with the
// parsed error body, never throwing.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { fuzzClient } from './clients.js';
import { mutations } from './mutations.js';
import { loadApis } from './operations.js';
import { asPrismWritesIt, normalised, reportOf } from './reports.js';
import { send, validRequests } from './requests.js';
import { fuzzParameters, fuzzTimeout } from './settings.js';

// Concurrent: the time goes in waiting for Prism, which can serve several properties at once.
describe.concurrent.each(loadApis())('$name: broken requests are refused', (api) => {
  const cases = api.operations.flatMap((operation) =>
    mutations
      .filter((mutation) => mutation.appliesTo(api, operation))
      .map((mutation) => [operation.operationId, mutation.name, operation, mutation] as const),
  );

  test.for(cases)('%s: %s', { timeout: fuzzTimeout }, async ([, , operation, mutation], { expect }) => {
    const client = fuzzClient(api.name);
    const broken = validRequests(api, operation).chain((request) => mutation.break(api, operation, request));
    await fc.assert(
      fc.asyncProperty(broken, async (input) => {
        // This request had nothing of that kind to break (an optional part was left out).
        fc.pre(input !== undefined);
        const { data, error, response } = await send(client, operation, input.request);

        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.status).not.toBe(401);
        expect(data).toBeUndefined();
        expect(error).toBeTypeOf('object');
        expect(error).not.toBeNull();

        const report = reportOf(response, error);
        if (report.from === 'header') expect(operation.statuses).toContain(response.status);
        else expect(response.status).toBe(422);
        const reported = report.violations.map((violation) => normalised(violation.location));
        expect(reported).toContain(normalised(asPrismWritesIt(input.where)));
      }),
      fuzzParameters,
    );
  });
});
