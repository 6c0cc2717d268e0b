// Which properties of an answer verify notes as undeclared: the schema is walked through $ref,
// allOf/anyOf/oneOf, items and properties; maps declare every name, free-form objects none.
import { expect, test } from 'vitest';
import { undeclaredProperties } from '../../src/verify/undeclared.js';

const document = {
  components: {
    schemas: {
      Base: { type: 'object', properties: { id: { type: 'integer' } } },
      Option: { type: 'object', properties: { name: { type: 'string' }, translated: { $ref: '#/components/schemas/Translations' } } },
      Translations: { type: 'object', additionalProperties: { type: 'string' } },
      Item: {
        allOf: [{ $ref: '#/components/schemas/Base' }],
        properties: {
          options: { type: 'array', items: { $ref: '#/components/schemas/Option' } },
          price: { anyOf: [{ type: 'number' }, { type: 'object', properties: { amount: { type: 'number' } } }] },
          extra: { type: 'object' },
          byLocale: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Option' } },
          labels: { type: 'object', properties: { main: { type: 'string' } }, additionalProperties: { type: 'string' } },
          kind: { oneOf: [{ type: 'object', properties: { a: {} } }, { type: 'object', properties: { b: {} } }] },
        },
      },
    },
  },
};
const list = { type: 'array', items: { $ref: '#/components/schemas/Item' } };

test.each([
  ['declared through allOf and $ref', [{ id: 1, options: [] }], []],
  ['an undeclared property of an item', [{ id: 1, colour: 'red' }], ['/0/colour']],
  ['inside array items, through $ref', [{ options: [{ name: 'Size', shade: 'dark' }] }], ['/0/options/0/shade']],
  ['a map declares any name', [{ options: [{ translated: { en: 'Size', de: 'Größe' } }] }], []],
  ['a map walks into its values', [{ byLocale: { en: { name: 'Size', shade: 'dark' } } }], ['/0/byLocale/en/shade']],
  ['a map beside declared properties', [{ labels: { main: 'a', side: 'b' } }], []],
  ['anyOf: a branch declares it', [{ price: { amount: 1, currency: 'EUR' } }], ['/0/price/currency']],
  ['oneOf: any branch declares it', [{ kind: { a: 1, b: 2, c: 3 } }], ['/0/kind/c']],
  ['a free-form object declares nothing to compare', [{ extra: { anything: true } }], []],
  ['a name with a slash is escaped', [{ 'a/b': 1 }], ['/0/a~1b']],
])('%s', (_, value, expected) => {
  expect(undeclaredProperties(document, list, value)).toEqual(expected);
});
