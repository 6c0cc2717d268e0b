// The BigCommerce fake's state: products with their variant options and variants, kept apart from
// the handlers (./handlers.ts) that read and change it. Seeds and snapshots use BigCommerce's own
// field names.
import type { components } from '../../../generated/bigcommerce.js';
import { checkUnique } from '../seed.js';

export type Variant = components['schemas']['ProductVariant'];
export type VariantUpdate = components['schemas']['ProductVariantUpdate'];
export type VariantCreate = components['schemas']['ProductVariantCreate'];
type OptionValueRef = { id: number; option_id: number };

export interface OptionValue {
  id: number;
  label: string;
}

/** A variant option of a product (`Color`) with its values (`Beige`, `Grey`…). */
export interface ProductOption {
  id: number;
  display_name: string;
  option_values: OptionValue[];
}

/** A variant object as the API returns it, any fields; an `id` left out is assigned. */
export type SeedVariant = Omit<Variant, 'id'> & { id?: number };

export interface SeedProduct {
  id: number;
  options?: ProductOption[];
  variants?: SeedVariant[];
}

export interface BigCommerceSeed {
  products: SeedProduct[];
}

export interface Product {
  id: number;
  options: ProductOption[];
  /** In ID order, as BigCommerce lists them. */
  variants: Variant[];
}

export interface BigCommerceState {
  products: Map<number, Product>;
  /** Each variant's product, by variant ID: the batch update names variants alone, and a store holds thousands. */
  owners: Map<number, Product>;
  /** IDs are never reused, even after a delete. */
  nextVariantId: number;
  nextSkuId: number;
}

/** At most 600 variants (SKUs) per product (FACTS.md C). */
export const maxVariantsPerProduct = 600;

/**
 * What a create or update may not write: members a fetched variant carries and BigCommerce ignores
 * when it is sent back (the spec's request schemas describe them as ignored).
 */
const readOnly = new Set(['id', 'sku_id', 'calculated_price', 'calculated_weight', 'map_price', 'option_values']);

/** The fields a new variant has before the create's own are applied: `null` inherits the product's value. */
export const newVariantFields = () => ({
  price: null,
  sale_price: null,
  retail_price: null,
  map_price: {},
  weight: null,
  width: null,
  height: null,
  depth: null,
  is_free_shipping: false,
  fixed_cost_shipping_price: null,
  purchasing_disabled: false,
  purchasing_disabled_message: '',
  image_url: '',
  cost_price: null,
  upc: '',
  mpn: '',
  gtin: '',
  inventory_level: 0,
  inventory_warning_level: 0,
  bin_picking_number: '',
});

/** What the seed schema cannot say: product IDs, variant IDs and SKUs are unique in a store. */
/** Everything a seed must name once: products, variant ids and SKUs (store-wide, as the vendor keeps them). */
function* seedNames(seed: BigCommerceSeed) {
  for (const product of seed.products) {
    yield `product ${product.id}`;
    for (const variant of product.variants ?? []) {
      if (variant.id !== undefined) yield `variant ${variant.id}`;
      if (variant.sku) yield `SKU ${variant.sku}`;
    }
  }
}

const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);

export function load(seed: BigCommerceSeed): BigCommerceState {
  checkUnique('BigCommerce', seedNames(seed));
  const seeded = seed.products.flatMap((product) => product.variants ?? []);
  const state: BigCommerceState = {
    products: new Map(),
    owners: new Map(),
    nextVariantId: Math.max(0, ...seeded.map((variant) => variant.id ?? 0)) + 1,
    nextSkuId: Math.max(0, ...seeded.map((variant) => (isInteger(variant.sku_id) ? variant.sku_id : 0))) + 1,
  };
  for (const { id, options = [], variants = [] } of structuredClone(seed.products)) {
    const product: Product = { id, options, variants: [] };
    for (const variant of variants) {
      const loaded: Variant = { ...variant, id: variant.id ?? state.nextVariantId++, product_id: id, option_values: variant.option_values ?? [] };
      addMissingOptions(product, loaded.option_values!);
      // A base variant (no option values) has no v2 SKU ID; any other gets one.
      if (loaded.sku_id === undefined) loaded.sku_id = loaded.option_values!.length === 0 ? null : state.nextSkuId++;
      product.variants.push(settle(loaded));
      state.owners.set(loaded.id, product);
    }
    product.variants.sort((a, b) => a.id - b.id);
    state.products.set(id, product);
  }
  return state;
}

export function snapshot(state: BigCommerceState): BigCommerceSeed {
  return { products: [...state.products.values()].map((product) => structuredClone(product)) };
}

/** A seed's variant may name an option or value its product does not list: the product gets it. */
function addMissingOptions(product: Product, values: NonNullable<Variant['option_values']>) {
  for (const value of values) {
    if (!isInteger(value.id) || !isInteger(value.option_id)) continue;
    let option = product.options.find((known) => known.id === value.option_id);
    if (!option) {
      option = { id: value.option_id, display_name: value.option_display_name ?? `Option ${value.option_id}`, option_values: [] };
      product.options.push(option);
    }
    if (!option.option_values.some((known) => known.id === value.id)) {
      option.option_values.push({ id: value.id, label: value.label ?? `Value ${value.id}` });
    }
  }
}

export const findVariant = (product: Product, id: number) => product.variants.find((variant) => variant.id === id);

/** The variant with this ID, whatever product it belongs to (the batch update names variants alone). */
export function findAnywhere(state: BigCommerceState, id: number): { product: Product; variant: Variant } | undefined {
  const product = state.owners.get(id);
  const variant = product && findVariant(product, id);
  return variant && { product, variant };
}

/** The variant anywhere in the store that has this SKU (BigCommerce keeps SKUs unique per store). */
export const variantWithSku = (state: BigCommerceState, sku: string) =>
  [...state.products.values()].flatMap((product) => product.variants).find((variant) => variant.sku === sku);

const valueKey = (values: readonly OptionValueRef[]) =>
  values.map(({ option_id, id }) => `${option_id}:${id}`).sort().join();

/** Another variant of the product with the same option values. */
export const variantWithOptionValues = (product: Product, values: readonly OptionValueRef[]) =>
  product.variants.find((variant) => valueKey((variant.option_values ?? []) as OptionValueRef[]) === valueKey(values));

/**
 * Why these option values cannot make a variant of the product, if they cannot: each must be a
 * value of one of the product's options, one value per option, every option covered.
 */
export function optionValueProblem(product: Product, values: readonly OptionValueRef[]): string | undefined {
  for (const { id, option_id } of values) {
    const option = product.options.find((known) => known.id === option_id);
    if (!option?.option_values.some((value) => value.id === id)) {
      return `Option value ${id} of option ${option_id} does not belong to product ${product.id}`;
    }
  }
  const options = values.map((value) => value.option_id);
  if (new Set(options).size !== options.length) return 'Each option may have one value only';
  const missing = product.options.find((option) => !options.includes(option.id));
  if (missing) return `A value of option ${missing.id} (${missing.display_name}) is required`;
  return undefined;
}

/** The response form of option values: with the option's display name and the value's label. */
function describeOptionValues(product: Product, values: readonly OptionValueRef[]): NonNullable<Variant['option_values']> {
  return values.map(({ id, option_id }) => {
    const option = product.options.find((known) => known.id === option_id)!;
    return { id, label: option.option_values.find((value) => value.id === id)!.label, option_id, option_display_name: option.display_name };
  });
}

/** Applies the writable fields of a body; the caller has checked the SKU and option values. */
function apply(variant: Variant, input: VariantUpdate | VariantCreate): Variant {
  for (const [name, value] of Object.entries(input)) {
    if (!readOnly.has(name) && name !== 'product_id') (variant as Record<string, unknown>)[name] = value;
  }
  return settle(variant);
}

export function createVariant(state: BigCommerceState, product: Product, input: VariantCreate): Variant {
  const variant = apply(
    {
      ...newVariantFields(),
      id: state.nextVariantId++,
      product_id: product.id,
      sku_id: state.nextSkuId++,
      option_values: describeOptionValues(product, input.option_values),
    },
    input,
  );
  product.variants.push(variant);
  state.owners.set(variant.id, product);
  return variant;
}

export const updateVariant = (variant: Variant, input: VariantUpdate) => apply(variant, input);

export function deleteVariant(state: BigCommerceState, product: Product, variant: Variant) {
  product.variants = product.variants.filter((each) => each !== variant);
  state.owners.delete(variant.id);
}

const ownNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Fills what BigCommerce computes: the price a shopper pays (the sale price when there is one, else
 * the price) and the weight in effect. A variant without a value of its own inherits the product's,
 * which the fake does not model: the value it already shows stays (0 or null for a new variant).
 */
export function settle(variant: Variant): Variant {
  const sale = ownNumber(variant.sale_price);
  variant.calculated_price = sale !== undefined && sale > 0 ? sale : (ownNumber(variant.price) ?? variant.calculated_price ?? 0);
  variant.calculated_weight = ownNumber(variant.weight) ?? variant.calculated_weight ?? null;
  return variant;
}
