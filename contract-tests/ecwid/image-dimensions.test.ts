// Ecwid's async image uploads take width and height as strings of digits ("800", its reference) or
// as integers (its official client). The bundled document the package ships refuses any other string.
import { expect, test } from 'vitest';
import { loadSpec } from '../../src/verify/spec.js';

const spec = loadSpec('ecwid');
const uploads = ['uploadVariationImageAsync', 'uploadProductImageAsync'];
const body = (width: unknown, height: unknown) => ({ url: 'https://example.org/images/shirt-red-l.jpg', width, height });

test.each(uploads)('%s accepts dimensions as digit strings and as integers', (operationId) => {
  expect(spec.validateRequestBody(operationId, 'application/json', body('800', '600'))).toEqual([]);
  expect(spec.validateRequestBody(operationId, 'application/json', body(800, 600))).toEqual([]);
});

test.each(uploads)('%s refuses a dimension string that is not a number', (operationId) => {
  for (const [width, height] of [['wide', '600'], ['800', 'tall'], ['800px', '600'], ['', '600']]) {
    const errors = spec.validateRequestBody(operationId, 'application/json', body(width, height));
    expect(errors.join('\n')).toMatch(/must match pattern/);
  }
});
