// A tiny BigCommerce-shaped model for testing the fake store's core on its own: products with
// variants and an image slot, no more. The real models (src/fake/<vendor>.ts) are tested beside it.
import type { FakeAnswer, VendorFake } from '../../../src/fake/vendor.js';

export interface TinySeed {
  products: { id: number; variants: { id?: number; sku: string; image_url?: string }[] }[];
}
type TinyState = { products: Map<number, Map<number, { id: number; sku: string; image_url?: string }>>; nextId: number };

const error = (status: number, title: string): FakeAnswer => ({ status, body: { status, title } });

export interface TinyVendorOptions {
  /** The list handler answers with a body the spec does not allow. */
  breaksSpec?: boolean;
}

export function tinyVendor({ breaksSpec = false }: TinyVendorOptions = {}): VendorFake<TinyState, TinySeed> {
  const productOf = (state: TinyState, id: string) => state.products.get(Number(id));
  const variant = (productId: number, v: { id: number; sku: string; image_url?: string }) => ({ ...v, product_id: productId });
  return {
    api: 'bigcommerce',
    realBase: { origin: 'https://api.bigcommerce.com', prefix: /^\/stores\/[^/]+\/v3(?=\/)/ },
    defaultSeed: () => ({ products: [{ id: 192, variants: [{ id: 384, sku: 'SMGREEN' }] }] }),
    seedSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['products'],
      additionalProperties: false,
      properties: {
        products: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'variants'],
            additionalProperties: false,
            properties: {
              id: { type: 'integer' },
              variants: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['sku'],
                  properties: { id: { type: 'integer' }, sku: { type: 'string' }, image_url: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    load(seed) {
      let nextId = 1000;
      const products = new Map(
        seed.products.map((p) => [p.id, new Map(p.variants.map((v) => { const id = v.id ?? nextId++; return [id, { ...v, id }]; }))]),
      );
      return { products, nextId };
    },
    snapshot: (state) => ({
      products: [...state.products].map(([id, variants]) => ({ id, variants: [...variants.values()].map((v) => ({ ...v })) })),
    }),
    hasCredential: (headers) => headers.has('x-auth-token'),
    missingCredential: () => error(401, 'Missing token'),
    rateLimit: {
      defaults: { requests: 150, windowMs: 30_000 },
      headers: (window) => ({
        'X-Rate-Limit-Time-Window-Ms': String(window.windowMs),
        'X-Rate-Limit-Time-Reset-Ms': String(window.resetMs),
        'X-Rate-Limit-Requests-Quota': String(window.quota),
        'X-Rate-Limit-Requests-Left': String(window.left),
      }),
      refused: (window) => ({ ...error(429, 'Too many requests'), headers: { 'X-Retry-After': String(Math.ceil(window.resetMs / 1000)) } }),
    },
    handlers: {
      getProductVariants(state, request) {
        const product = productOf(state, request.path.product_id!);
        if (!product) return error(404, 'Product not found');
        if (breaksSpec) return { status: 200, body: { data: 'not a list' } };
        const data = [...product.values()].map((v) => variant(Number(request.path.product_id), v));
        const meta = { pagination: { total: data.length, count: data.length, per_page: 50, current_page: 1, total_pages: 1 } };
        return { status: 200, body: { data, meta } };
      },
      getProductVariant(state, request) {
        const found = productOf(state, request.path.product_id!)?.get(Number(request.path.variant_id));
        return found ? { status: 200, body: { data: variant(Number(request.path.product_id), found), meta: {} } } : error(404, 'Variant not found');
      },
      createProductVariant(state, request) {
        const product = productOf(state, request.path.product_id!);
        if (!product) return error(404, 'Product not found');
        const { sku } = request.body as { sku: string };
        const created = { id: state.nextId++, sku };
        product.set(created.id, created);
        return { status: 200, body: { data: variant(Number(request.path.product_id), created), meta: {} } };
      },
      deleteProductVariant(state, request) {
        const product = productOf(state, request.path.product_id!);
        return product?.delete(Number(request.path.variant_id)) ? { status: 204 } : error(404, 'Variant not found');
      },
      async createProductVariantImage(state, request, context) {
        const found = productOf(state, request.path.product_id!)?.get(Number(request.path.variant_id));
        if (!found) return error(404, 'Variant not found');
        const file = (request.body as Record<string, string | File>).image_file;
        if (!(file instanceof File)) return error(422, 'image_file is missing');
        found.image_url = context.storeImage(new Uint8Array(await file.arrayBuffer()), file.type);
        return { status: 200, body: { data: { image_url: found.image_url }, meta: {} } };
      },
    },
  };
}
