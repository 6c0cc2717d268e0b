// A stand-in for a live store, on loopback: it answers the variation/variant calls the way Ecwid or
// BigCommerce does (their auth, envelopes, error bodies and paging), keeps what is created, and
// records every request. Each variation carries one property the spec does not declare, as a real
// store's would. With `drift`, it answers the way a vendor that changed its API might: a value of the
// wrong type (list, get and, for BigCommerce, a pagination field), a missing required envelope
// field, and an undocumented status.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Listening, listenOnLoopback } from '../support/loopback.js';

export type Vendor = 'ecwid' | 'bigcommerce';
type Variation = Record<string, unknown> & { id: number };

export interface DoubleOptions {
  vendor: Vendor;
  token: string;
  productId: number;
  drift?: boolean;
  /** `METHOD /path-pattern` keys (e.g. `PUT inventory`) answered with a documented 500 instead. */
  failOn?: string[];
  /** Refuses the create with the vendor's documented 4xx (Ecwid 400, BigCommerce 422), creating nothing. */
  refuseCreate?: boolean;
  /** `METHOD last-path-segment` keys whose request is carried out, then answered with a 500. */
  failAfterApplying?: string[];
  /** `METHOD last-path-segment` keys whose request is carried out but whose answer is cut off. */
  cutAnswerTo?: string[];
  /** Answers this many first requests with the vendor's 429 (Ecwid: wait 1 s; BigCommerce: 300 ms), as a busy store would. */
  rateLimited?: number;
  /** Runs before each request is answered: a test may hold an answer back or note its arrival. */
  beforeAnswer?: (request: { method: string; path: string }) => Promise<void> | void;
}

export interface StoreDouble extends Listening {
  /** Every request: method, path with query, and when it came (ms since the epoch). */
  seen: { method: string; url: string; at: number }[];
  /** The product's variations/variants, by ID. */
  variations: Map<number, Variation>;
}

export const productId = 1_000;
export const undeclared = 'shelfLabel';

/** Three variations or variants that exist before a run, each with one undeclared property. */
export function existing(vendor: Vendor): Variation[] {
  return [101, 102, 103].map((id, i) =>
    vendor === 'ecwid'
      ? { id, combinationNumber: i + 1, options: [{ name: 'Size', value: ['S', 'M', 'L'][i] }], sku: `tee-${id}`, price: 12.5, quantity: 4, unlimited: false, inStock: true, [undeclared]: 'A1' }
      : { id, product_id: productId, sku: `tee-${id}`, price: 12.5, inventory_level: 4, image_url: '', option_values: [{ id: 60 + i, option_id: 7, option_display_name: 'Size', label: ['S', 'M', 'L'][i] }], [undeclared]: 'A1' },
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  if (body === undefined) return response.writeHead(status, headers).end();
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export async function startStoreDouble(options: DoubleOptions): Promise<StoreDouble> {
  const { vendor, token, drift = false, failOn = [], failAfterApplying = [], cutAnswerTo = [] } = options;
  const variations = new Map(existing(vendor).map((v) => [v.id, v]));
  const seen: StoreDouble['seen'] = [];
  let nextId = 500;
  let origin = '';

  const ecwid = async (method: string, parts: string[], url: URL, request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      // Ecwid answers 403 to a bad token; a drifted store answers 401, which the spec rules out.
      return send(response, drift ? 401 : 403, { errorMessage: 'The access token is invalid', errorCode: 'INVALID_API_TOKEN' });
    }
    const [, product, , idText, sub] = parts;
    if (Number(product) !== options.productId) return send(response, 404, { errorMessage: `Product ${product} was not found`, errorCode: 'PRODUCT_NOT_FOUND' });
    const id = Number(idText);
    if (idText === undefined) {
      if (method === 'GET') {
        const list = [...variations.values()].map((v, i) => (drift && i === 0 ? { ...v, price: '12.50' } : v));
        return send(response, 200, list);
      }
      if (method === 'POST') {
        const body = JSON.parse((await readBody(request)).toString()) as Record<string, unknown>;
        const created = { ...body, id: nextId++, combinationNumber: variations.size + 1 };
        variations.set(created.id, created);
        return send(response, 200, { id: created.id });
      }
      // Delete-all: answered, so that a test can see it was never asked for.
      const deleteCount = variations.size;
      variations.clear();
      return send(response, 200, { deleteCount });
    }
    const variation = variations.get(id);
    if (!variation) return send(response, 404, { errorMessage: `Combination ${id} was not found`, errorCode: 'COMBINATION_NOT_FOUND' });
    await readBody(request);
    if (sub === 'image') {
      if (method === 'DELETE') {
        delete variation.imageUrl;
        delete variation.originalImageUrl;
        return send(response, 200, { deleteCount: 1 });
      }
      variation.imageUrl = variation.originalImageUrl = url.searchParams.get('externalUrl') ?? `${origin}/images/${id}.png`;
      return send(response, 200, { id: 9_000 + id });
    }
    if (sub === 'inventory') return send(response, 200, { updateCount: 1 });
    if (method === 'GET') return send(response, 200, drift ? { ...variation, quantity: '4' } : variation);
    if (method === 'PUT') return send(response, 200, { updateCount: 1 });
    variations.delete(id);
    return send(response, 200, { deleteCount: 1 });
  };

  const rateHeaders = { 'X-Rate-Limit-Time-Window-Ms': '30000', 'X-Rate-Limit-Requests-Quota': '150', 'X-Rate-Limit-Requests-Left': '149' };
  const bigcommerce = async (method: string, parts: string[], url: URL, request: IncomingMessage, response: ServerResponse) => {
    if (request.headers['x-auth-token'] !== token) {
      return send(response, 401, { status: 401, title: 'No matching client found for the provided access token.', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' });
    }
    const [, , product, , idText, sub] = parts;
    if (Number(product) !== options.productId) return send(response, 404, { status: 404, title: 'The requested product was not found.' });
    const id = Number(idText);
    if (idText === undefined) {
      if (method === 'GET') {
        // Pages of at most two variants, as a store that caps `limit` would send.
        const perPage = Math.min(Number(url.searchParams.get('limit') ?? 50), 2);
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = [...variations.values()];
        const data = all.slice((page - 1) * perPage, page * perPage).map((v, i) => (drift && page === 1 && i === 0 ? { ...v, price: '12.50' } : v));
        const totalPages = Math.ceil(all.length / perPage);
        const pagination = { total: all.length, count: data.length, per_page: perPage, current_page: page, total_pages: drift ? String(totalPages) : totalPages, links: { current: `?page=${page}&limit=${perPage}` } };
        return send(response, 200, { data, meta: { pagination } }, rateHeaders);
      }
      const body = JSON.parse((await readBody(request)).toString()) as Record<string, unknown>;
      const created = { ...body, id: nextId++, product_id: options.productId, image_url: '' };
      variations.set(created.id, created);
      return send(response, 200, { data: created, meta: {} }, rateHeaders);
    }
    const variant = variations.get(id);
    if (!variant) {
      // BigCommerce answers 404; a drifted store answers 400, which the spec does not document here.
      return send(response, drift ? 400 : 404, { status: drift ? 400 : 404, title: 'The requested variant was not found.' });
    }
    const body = await readBody(request);
    if (sub === 'image') {
      const isJson = request.headers['content-type']?.startsWith('application/json');
      variant.image_url = isJson ? (JSON.parse(body.toString()) as { image_url: string }).image_url : `${origin}/images/${id}.png`;
      return send(response, 200, { data: { image_url: variant.image_url }, meta: {} }, rateHeaders);
    }
    if (method === 'GET') return send(response, 200, drift ? { data: { ...variant, sku: 42 } } : { data: variant, meta: {} }, rateHeaders);
    if (method === 'PUT') {
      Object.assign(variant, JSON.parse(body.toString()));
      return send(response, 200, { data: variant, meta: {} }, rateHeaders);
    }
    variations.delete(id);
    return send(response, 204);
  };

  const server = createServer(async (request, response) => {
    const method = request.method!;
    const url = new URL(request.url!, origin);
    seen.push({ method, url: request.url!, at: Date.now() });
    const parts = url.pathname.split('/').slice(1);
    await options.beforeAnswer?.({ method, path: url.pathname });
    if (seen.length <= (options.rateLimited ?? 0)) {
      return vendor === 'ecwid'
        ? send(response, 429, { errorMessage: 'Too many requests', errorCode: 'RATE_LIMITED' }, { 'Retry-After': '1' })
        : send(response, 429, { status: 429, title: 'Too many requests' }, { 'X-Retry-After': '0', 'X-Rate-Limit-Time-Reset-Ms': '300' });
    }
    const key = `${method} ${parts.at(-1)}`;
    if (cutAnswerTo.includes(key)) {
      // The request takes effect; the connection drops before any answer.
      response.writeHead = (() => {
        request.socket.destroy();
        return { end() {} };
      }) as never;
    }
    if (failOn.includes(key)) {
      return send(response, 500, vendor === 'ecwid' ? { errorMessage: 'Internal error', errorCode: 'INTERNAL_ERROR' } : { status: 500, title: 'Internal error' });
    }
    if (options.refuseCreate && method === 'POST' && ['combinations', 'variants'].includes(parts.at(-1)!)) {
      return vendor === 'ecwid'
        ? send(response, 400, { errorMessage: 'Option value is not valid', errorCode: 'INVALID_REQUEST' })
        : send(response, 422, { status: 422, title: 'The option value is not valid.', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes', errors: {} });
    }
    if (failAfterApplying.includes(key)) {
      // The request takes effect; the answer the client gets is an error, as a store that fails late would send.
      await (vendor === 'ecwid' ? ecwid : bigcommerce)(method, parts, url, request, { writeHead: () => ({ end() {} }) } as never);
      return send(response, 500, vendor === 'ecwid' ? { errorMessage: 'Internal error', errorCode: 'INTERNAL_ERROR' } : { status: 500, title: 'Internal error' });
    }
    await (vendor === 'ecwid' ? ecwid : bigcommerce)(method, parts, url, request, response);
  });
  const listening = await listenOnLoopback(server);
  origin = listening.url;
  return { ...listening, seen, variations };
}

/** What verify reports of this double: the violations its drift earns, and the notes its undeclared field earns. */
export const expectedReport: Record<Vendor, { drift: string[]; notes: string[] }> = {
  ecwid: {
    drift: [
      'listVariations 200 /0/price: must be number, got "12.50"',
      'getVariation 200 /quantity: must be integer, got "4"',
      'getVariation 200 /quantity: must be integer, got "4"',
      'getVariation 200 /quantity: must be integer, got "4"',
      'listVariations 401: status 401 is not documented for listVariations (documented: 200, 400, 402, 403, 404, 415, 429, 500)',
    ],
    notes: [`listVariations 200 /0/${undeclared}: not declared in the spec, got "A1"`, `getVariation 200 /${undeclared}: not declared in the spec, got "A1"`],
  },
  bigcommerce: {
    drift: [
      'getProductVariants 200 /data/0/price: must be number or null, got "12.50"',
      // Both pages: the walk follows a page count sent as a string, and reports it.
      'getProductVariants 200 /meta/pagination/total_pages: must be integer, got "2"',
      'getProductVariants 200 /meta/pagination/total_pages: must be integer, got "2"',
      ...[0, 1, 2].flatMap(() => ['getProductVariant 200 /meta: is required, missing', 'getProductVariant 200 /data/sku: must be string, got 42']),
      'getProductVariant 400: status 400 is not documented for getProductVariant (documented: 200, 401, 403, 404, 429)',
    ],
    notes: [`getProductVariants 200 /data/0/${undeclared}: not declared in the spec, got "A1"`, `getProductVariant 200 /data/${undeclared}: not declared in the spec, got "A1"`],
  },
};
