// BigCommerce's fake store: a model of the variant API's behaviour (state in ./bigcommerce/store.ts,
// answers in ./bigcommerce/handlers.ts) that the core in src/fake serves, checking every request and
// answer against the spec.
import { handlers } from './bigcommerce/handlers.js';
import { defaultSeed, seedSchema } from './bigcommerce/seed.js';
import { type BigCommerceSeed, type BigCommerceState, load, snapshot } from './bigcommerce/store.js';
import type { RateLimitWindow, VendorFake } from './vendor.js';

export type { BigCommerceSeed } from './bigcommerce/store.js';

const statusPage = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export const bigCommerceFake: VendorFake<BigCommerceState, BigCommerceSeed> = {
  api: 'bigcommerce',
  realBase: { origin: 'https://api.bigcommerce.com', prefix: /^\/stores\/[^/]+\/v3/ },
  defaultSeed,
  seedSchema,
  load,
  snapshot,
  // BigCommerce reads the store API account's token from X-Auth-Token only.
  hasCredential: (headers) => (headers.get('x-auth-token') ?? '').trim() !== '',
  missingCredential: () => ({
    status: 401,
    body: { status: 401, title: 'No matching client found for the provided access token.', type: statusPage },
  }),
  rateLimit: {
    // One quota per store, shared by every app: 150 requests per 30 s on Standard and Plus (FACTS.md C).
    defaults: { requests: 150, windowMs: 30_000 },
    headers: (window: RateLimitWindow) => ({
      'X-Rate-Limit-Time-Window-Ms': String(window.windowMs),
      'X-Rate-Limit-Time-Reset-Ms': String(Math.ceil(window.resetMs)),
      'X-Rate-Limit-Requests-Quota': String(window.quota),
      'X-Rate-Limit-Requests-Left': String(window.left),
    }),
    refused: (window: RateLimitWindow) => ({
      status: 429,
      headers: {
        'X-Rate-Limit-Time-Reset-Ms': String(Math.ceil(window.resetMs)),
        'X-Retry-After': String(Math.ceil(window.resetMs / 1000)),
      },
      body: { status: 429, title: 'Too many requests', type: statusPage },
    }),
  },
  handlers,
};
