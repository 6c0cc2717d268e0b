// The Ecwid fake's state: products with their options and variations, kept apart from the handlers
// (./handlers.ts) that read and change it. Seeds and snapshots use Ecwid's own field names.
import type { components } from '../../../generated/ecwid.js';
import { readBundledDocument } from '../../verify/bundled-document.js';
import { FakeStoreError } from '../errors.js';

export type Variation = components['schemas']['Variation'];
export type VariationInput = components['schemas']['VariationUpdate'];
type OptionValue = NonNullable<Variation['options']>[number];

/** The image fields Ecwid returns for an image of its own, as opposed to one inherited. */
export const imageFields = ['thumbnailUrl', 'imageUrl', 'smallThumbnailUrl', 'hdThumbnailUrl', 'originalImageUrl'] as const;
type ImageField = (typeof imageFields)[number];

export interface ProductOption {
  name: string;
  /** Ecwid's option type; an option a variation brings in is created as a drop-down (`SELECT`). */
  type?: string;
  choices: { text: string }[];
}

export interface SeedProduct extends Partial<Record<ImageField, string>> {
  id: number;
  /** The product's base price: what a variation without a price of its own costs. */
  price?: number;
  options?: ProductOption[];
  /** Variation objects as the API returns them; an `id` or `combinationNumber` left out is assigned. */
  combinations?: Variation[];
}

export interface EcwidSeed {
  products: SeedProduct[];
}

export interface Product extends Partial<Record<ImageField, string>> {
  id: number;
  price?: number;
  options: ProductOption[];
  /** In ID order, as Ecwid lists them. */
  variations: Variation[];
}

export interface EcwidState {
  products: Map<number, Product>;
  /** IDs are never reused, even after a delete. */
  nextVariationId: number;
  nextImageId: number;
}

/** The first image ID a fresh store hands out (the spec's upload examples show it). */
const firstImageId = 240198557;

/** What the seed schema cannot say: IDs and SKUs are unique in a store. */
function checkUnique(seed: EcwidSeed) {
  const seen = new Set<string>();
  const once = (what: string) => {
    if (seen.has(what)) throw new FakeStoreError('BAD_SEED', `the Ecwid seed has ${what} twice`);
    seen.add(what);
  };
  for (const product of seed.products) {
    once(`product ${product.id}`);
    for (const variation of product.combinations ?? []) {
      if (variation.id !== undefined) once(`combination ${variation.id}`);
      if (variation.sku) once(`SKU ${variation.sku}`);
    }
  }
}

export function load(seed: EcwidSeed): EcwidState {
  checkUnique(seed);
  const products = new Map<number, Product>();
  let nextVariationId =
    Math.max(0, ...seed.products.flatMap((product) => (product.combinations ?? []).map((variation) => variation.id ?? 0))) + 1;
  for (const { combinations = [], options = [], ...fields } of structuredClone(seed.products)) {
    const product: Product = { ...fields, options, variations: [] };
    for (const variation of combinations) {
      variation.id ??= nextVariationId++;
      variation.combinationNumber ??= nextCombinationNumber(product);
      addMissingOptions(product, variation.options ?? []);
      product.variations.push(settle(product, variation));
    }
    product.variations.sort((a, b) => a.id! - b.id!);
    products.set(product.id, product);
  }
  return { products, nextVariationId, nextImageId: firstImageId };
}

export function snapshot(state: EcwidState): EcwidSeed {
  return {
    products: [...state.products.values()].map(({ variations, ...product }) =>
      structuredClone({ ...product, combinations: variations }),
    ),
  };
}

export const findVariation = (product: Product, id: number) => product.variations.find((variation) => variation.id === id);

/** The variation anywhere in the store that has this SKU (Ecwid keeps SKUs unique per store). */
export const variationWithSku = (state: EcwidState, sku: string) =>
  [...state.products.values()].flatMap((product) => product.variations).find((variation) => variation.sku === sku);

const optionKey = (options: readonly Pick<OptionValue, 'name' | 'value'>[]) =>
  options.map(({ name, value }) => JSON.stringify([name, value])).sort().join();

/** Another variation of the product with the same option values. */
export const variationWithOptions = (product: Product, options: readonly Pick<OptionValue, 'name' | 'value'>[], except?: number) =>
  product.variations.find((variation) => variation.id !== except && optionKey(variation.options ?? []) === optionKey(options));

const nextCombinationNumber = (product: Product) =>
  Math.max(0, ...product.variations.map((variation) => variation.combinationNumber ?? 0)) + 1;

/** Ecwid creates an option or value a variation names and the product lacks, as a drop-down. */
function addMissingOptions(product: Product, options: readonly Pick<OptionValue, 'name' | 'value'>[]) {
  for (const { name, value } of options) {
    if (name === undefined || value === undefined) continue;
    let option = product.options.find((known) => known.name === name);
    if (!option) {
      option = { name, type: 'SELECT', choices: [] };
      product.options.push(option);
    }
    if (!option.choices.some((choice) => choice.text === value)) option.choices.push({ text: value });
  }
}

/** Fields of a request body Ecwid ignores (the spec marks them `x-ignored-on-input`). */
let ignored: Set<string> | undefined;
function ignoredOnInput(): Set<string> {
  if (!ignored) {
    type Schema = { properties: Record<string, { 'x-ignored-on-input'?: boolean }> };
    const document = readBundledDocument<{ components: { schemas: { VariationUpdate: Schema } } }>('ecwid');
    const properties = Object.entries(document.components.schemas.VariationUpdate.properties);
    ignored = new Set(properties.filter(([, schema]) => schema['x-ignored-on-input']).map(([name]) => name));
  }
  return ignored;
}

/** Applies the fields a create or update sends; the caller has checked SKU and options for conflicts. */
function apply(product: Product, variation: Variation, input: VariationInput): Variation {
  const skip = ignoredOnInput();
  for (const [name, value] of Object.entries(input)) {
    if (!skip.has(name) && name !== 'inStock') (variation as Record<string, unknown>)[name] = value;
  }
  // An empty SKU means "use the product's SKU": the variation then has none of its own.
  if (input.sku === '') delete variation.sku;
  // A stock count given without `unlimited` starts counting stock.
  if (input.quantity !== undefined && input.unlimited === undefined) variation.unlimited = false;
  addMissingOptions(product, input.options ?? []);
  return settle(product, variation);
}

export function createVariation(state: EcwidState, product: Product, input: VariationInput): Variation {
  const variation = apply(
    product,
    {
      id: state.nextVariationId++,
      combinationNumber: nextCombinationNumber(product),
      // Without a stock count of its own, a new variation is never out of stock.
      unlimited: input.quantity === undefined,
      attributes: [],
    },
    input,
  );
  product.variations.push(variation);
  return variation;
}

export const updateVariation = (product: Product, variation: Variation, input: VariationInput) => apply(product, variation, input);

/** Fills what Ecwid computes from the fields a variation has. */
export function settle(product: Product, variation: Variation): Variation {
  if (variation.unlimited) {
    delete variation.quantity;
    variation.inStock = true;
  } else if (variation.quantity !== undefined) variation.inStock = variation.quantity > 0;
  // Neither a count nor unlimited: the variation's stock is its product's, and Ecwid leaves it out.
  else delete variation.inStock;
  displayed(variation, 'defaultDisplayedPrice', variation.price ?? product.price);
  displayed(variation, 'defaultDisplayedLowestPrice', variation.lowestPrice);
  return variation;
}

/** Sets a displayed price and its formatted twin, or leaves both out when there is no price to show. */
function displayed(variation: Variation, field: 'defaultDisplayedPrice' | 'defaultDisplayedLowestPrice', price: number | undefined) {
  const taxed = price === undefined ? undefined : withTax(price);
  // A price so large that its taxed value overflows has nothing to show.
  if (taxed === undefined || !Number.isFinite(taxed)) {
    delete variation[field];
    delete variation[`${field}Formatted`];
  } else {
    variation[field] = taxed;
    variation[`${field}Formatted`] = formatPrice(taxed);
  }
}

/**
 * The fake store shows prices as the spec's examples do: with a 10% tax (the reference's figures:
 * a lowest price of 10 is displayed as 11), in euros with a decimal comma (`€27,50`).
 */
export const withTax = (price: number) => Math.round(price * 1.1 * 100) / 100;

export function formatPrice(amount: number): string {
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  return `${amount < 0 ? '-' : ''}€${whole.replace(/\B(?=(\d{3})+$)/g, '.')},${cents}`;
}

/** Gives the variation (or product) an image: every image field points at `url`. */
export function setImage(target: Partial<Record<ImageField, string>>, url: string) {
  for (const field of imageFields) target[field] = url;
}

/** Removes an image of the target's own; whether there was one. */
export function removeImage(target: Partial<Record<ImageField, string>>): boolean {
  const had = imageFields.some((field) => target[field] !== undefined);
  for (const field of imageFields) delete target[field];
  return had;
}
