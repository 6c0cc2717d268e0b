// The Ecwid fake's default catalogue and the JSON Schema of its seed format.
import type { EcwidSeed, Variation } from './store.js';

/** A variation of product 692730761 as the spec's examples show it; computed fields are filled on load. */
function mark(id: number, combinationNumber: number, value: string, price: number, quantity?: number): Variation {
  return {
    id,
    combinationNumber,
    options: [{ name: 'Mark', nameTranslated: { cs: '', en: 'Mark' }, value, valueTranslated: { cs: '', en: value } }],
    sku: `MARK-${value}`,
    price,
    ...(quantity === undefined ? { unlimited: true } : { quantity, unlimited: false }),
    attributes: [],
    dimensions: { length: 0, width: 0, height: 0 },
    volume: 0,
    outOfStockVisibilityBehaviour: 'SHOW',
    lowestPrice: 10,
    lowestPriceSettings: { lowestPriceEnabled: true },
    alt: { translated: {} },
  };
}

/**
 * Product 692730761 of the spec's examples: option `Mark` with four values, three of them used by the
 * variations the list and get examples show; `IV` is left for the create example.
 */
export const defaultSeed = (): EcwidSeed => ({
  products: [
    {
      id: 692730761,
      price: 25,
      options: [{ name: 'Mark', type: 'SELECT', choices: [{ text: 'I' }, { text: 'II' }, { text: 'III' }, { text: 'IV' }] }],
      combinations: [mark(422488527, 3, 'III', 30, 12), mark(422488528, 2, 'II', 25, 25), mark(422488529, 1, 'I', 20)],
    },
  ],
});

const imageUrl = { type: 'string', description: 'A link to the product image (the fake sets all five on an upload).' };

/** JSON Schema (2020-12) of the Ecwid seed: products in Ecwid's field names. */
export const seedSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Ecwid fake store seed',
  description: 'Products with their options and variations ("combinations"), in the field names of Ecwid REST API v3.',
  type: 'object',
  additionalProperties: false,
  required: ['products'],
  properties: {
    products: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'integer', minimum: 1, description: 'Internal Ecwid product ID.' },
          price: { type: 'number', description: 'Base price, for variations without a price of their own.' },
          thumbnailUrl: imageUrl,
          imageUrl,
          smallThumbnailUrl: imageUrl,
          hdThumbnailUrl: imageUrl,
          originalImageUrl: imageUrl,
          options: {
            type: 'array',
            description: 'The product options; an option or value a variation names is added if missing.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'choices'],
              properties: {
                name: { type: 'string', minLength: 1 },
                type: { type: 'string', description: 'Ecwid option type, e.g. SELECT.' },
                choices: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['text'],
                    properties: { text: { type: 'string', minLength: 1 } },
                  },
                },
              },
            },
          },
          combinations: {
            type: 'array',
            description: 'Variation objects with any fields the API returns; a missing id or combinationNumber is assigned.',
            items: {
              type: 'object',
              properties: {
                id: { type: 'integer', minimum: 1 },
                combinationNumber: { type: 'integer', minimum: 1 },
                options: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name', 'value'],
                    properties: { name: { type: 'string', minLength: 1 }, value: { type: 'string', minLength: 1 } },
                  },
                },
                sku: { type: 'string' },
                price: { type: 'number' },
                quantity: { type: 'integer' },
                unlimited: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
  },
} as const;
