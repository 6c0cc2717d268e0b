// The BigCommerce fake's default catalogue and the JSON Schema of its seed format.
import { type BigCommerceSeed, newVariantFields, type Variant } from './store.js';

/** A variant of product 192 as the spec's list example shows it: Color option 220, the value given. */
function smit(id: number, sku: string, skuId: number, color: { id: number; label: string }, own: Partial<Variant>): Variant {
  return {
    ...newVariantFields(),
    id,
    product_id: 192,
    sku,
    sku_id: skuId,
    width: 5,
    height: 5,
    depth: 5,
    fixed_cost_shipping_price: 10,
    option_values: [{ id: color.id, label: color.label, option_id: 220, option_display_name: 'Color' }],
    ...own,
  };
}

/**
 * The story the spec's examples tell: product 192 has option 220 (Color) with values Beige, Grey,
 * Black and Black-Walnut (BigCommerce's option example); variants 382-384 use the first three, and
 * Black-Walnut is left for the create example. Product 111 has no options: its only variant, 78, is
 * the base variant of the get example, inheriting the product's price and weight.
 */
export const defaultSeed = (): BigCommerceSeed => ({
  products: [
    {
      id: 192,
      options: [
        {
          id: 220,
          display_name: 'Color',
          option_values: [
            { id: 174, label: 'Beige' },
            { id: 175, label: 'Grey' },
            { id: 176, label: 'Black' },
            { id: 189, label: 'Black-Walnut' },
          ],
        },
      ],
      variants: [
        smit(382, 'SMIT', 348, { id: 174, label: 'Beige' }, { price: 10, sale_price: 8, retail_price: 10, cost_price: 0, weight: 4 }),
        smit(383, 'SMIT-1', 349, { id: 175, label: 'Grey' }, { price: 25, sale_price: 20, retail_price: 25, cost_price: 25, weight: 2 }),
        smit(384, 'SMIT-2', 350, { id: 176, label: 'Black' }, { price: 25, sale_price: 20, retail_price: 25, cost_price: 25, weight: 2 }),
      ],
    },
    {
      id: 111,
      options: [],
      variants: [
        // Price and weight are the product's: the calculated values are what it shows.
        { ...newVariantFields(), id: 78, product_id: 111, sku: 'SM13', sku_id: null, map_price: null, calculated_price: 25, calculated_weight: 1, option_values: [] },
      ],
    },
  ],
});

const id = { type: 'integer', minimum: 1 } as const;

/** JSON Schema (2020-12) of the BigCommerce seed: products in BigCommerce's field names. */
export const seedSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'BigCommerce fake store seed',
  description: 'Products with their variant options and variants, in the field names of BigCommerce Catalog API v3.',
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
          id: { ...id, description: 'Product ID.' },
          options: {
            type: 'array',
            description: 'The variant options; an option or value a variant names is added if missing.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'display_name', 'option_values'],
              properties: {
                id: { ...id, description: 'Option ID.' },
                display_name: { type: 'string', minLength: 1, description: 'Storefront name, e.g. Color.' },
                option_values: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['id', 'label'],
                    properties: { id: { ...id, description: 'Option value ID.' }, label: { type: 'string', minLength: 1 } },
                  },
                },
              },
            },
          },
          variants: {
            type: 'array',
            description: 'Variant objects with any fields the API returns; a missing id (or sku_id) is assigned, product_id is the product\'s.',
            items: {
              type: 'object',
              properties: {
                id,
                sku: { type: 'string' },
                sku_id: { type: ['integer', 'null'] },
                option_values: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'option_id'],
                    properties: {
                      id,
                      option_id: id,
                      label: { type: 'string', minLength: 1 },
                      option_display_name: { type: 'string', minLength: 1 },
                    },
                  },
                },
                price: { type: ['number', 'null'], minimum: 0 },
                sale_price: { type: ['number', 'null'], minimum: 0 },
                weight: { type: ['number', 'null'], minimum: 0 },
                inventory_level: { type: ['integer', 'null'] },
                image_url: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
} as const;
