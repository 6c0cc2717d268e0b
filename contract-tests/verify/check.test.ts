// How verify words what is wrong with one answer: operation, status, JSON pointer, what the spec
// says and what came; the branches of an anyOf merged into one rule; headers and bodies that are
// missing altogether.
import { expect, test } from 'vitest';
import { checkAnswer } from '../../src/verify/check.js';
import { loadSpec } from '../../src/verify/spec.js';

const spec = { ecwid: loadSpec('ecwid'), bigcommerce: loadSpec('bigcommerce') };
const page = (variant: object) => JSON.stringify({ data: [{ id: 1, ...variant }], meta: {} });

test.each([
  ['bigcommerce', 'getProductVariants', 200, {}, page({ map_price: 'x' }), ['getProductVariants 200 /data/0/map_price: must be number or null or object, got "x"']],
  ['bigcommerce', 'getProductVariants', 200, {}, page({ option_values: [{ id: 'a' }] }), ['getProductVariants 200 /data/0/option_values/0/id: must be integer, got "a"']],
  ['bigcommerce', 'getProductVariants', 200, {}, JSON.stringify({ data: [] }), ['getProductVariants 200 /meta: is required, missing']],
  // The load balancer's 429 carries no rate-limit header (FACTS.md C): a store's real answer passes.
  ['bigcommerce', 'getProductVariant', 429, {}, '{"status":429}', []],
  ['bigcommerce', 'getProductVariant', 429, { 'X-Retry-After': '3' }, '{"status":429}', []],
  ['bigcommerce', 'deleteProductVariant', 204, {}, '', []],
  ['ecwid', 'getVariation', 200, {}, '<html>busy</html>', ['getVariation 200 (root): must be a JSON body, got "<html>busy</html>"']],
  ['ecwid', 'getVariation', 200, {}, '', ['getVariation 200 (root): must be a JSON body, got nothing']],
  ['ecwid', 'listVariations', 200, {}, '{}', ['listVariations 200 (root): must be array, got {}']],
  ['ecwid', 'getVariation', 429, {}, '{"errorMessage":"Too many requests"}', ['getVariation 429 header Retry-After: is required, missing']],
  ['ecwid', 'getVariation', 302, {}, '', ['getVariation 302: status 302 is not documented for getVariation (documented: 200, 400, 402, 403, 404, 415, 429, 500)']],
] as const)('%s %s %i, case %#', (api, operationId, status, headers, text, violations) => {
  expect(checkAnswer(spec[api], { operationId, status, headers: new Headers(headers), text }).violations).toEqual(violations);
});
