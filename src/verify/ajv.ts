// Ajv (JSON Schema 2020-12, with formats), loaded on first use: importing it costs more than the rest
// of a fake store's start, and a store that is only created, or a spec that is only read, needs none.
import { createRequire } from 'node:module';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);

/** A new Ajv 2020-12 instance with ajv-formats' formats. */
export function newAjv(options: Options): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats');
  const ajv = new Ajv(options);
  addFormats.default(ajv);
  return ajv;
}
