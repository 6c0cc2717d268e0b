// Ecwid's fake store: a model of the variation API's behaviour (state in ./ecwid/store.ts, answers in
// ./ecwid/handlers.ts) that the core in src/fake serves, checking every request and answer against
// the spec.
import { handlers } from './ecwid/handlers.js';
import { defaultSeed, seedSchema } from './ecwid/seed.js';
import { type EcwidSeed, type EcwidState, load, snapshot } from './ecwid/store.js';
import type { VendorFake } from './vendor.js';

export type { EcwidSeed } from './ecwid/store.js';

export const ecwidFake: VendorFake<EcwidState, EcwidSeed> = {
  api: 'ecwid',
  realBase: { origin: 'https://app.ecwid.com', prefix: /^\/api\/v3\/[^/]+/ },
  defaultSeed,
  seedSchema,
  load,
  snapshot,
  // Ecwid reads the token only from `Authorization: Bearer …` (the `?token=` parameter is switched off).
  hasCredential: (headers) => /^Bearer\s+\S/i.test(headers.get('authorization') ?? ''),
  // Ecwid refuses a request without a valid token with 403, never 401.
  missingCredential: () => ({ status: 403, body: { errorMessage: 'The access token is invalid', errorCode: 'INVALID_API_TOKEN' } }),
  rateLimit: {
    // 600 requests per minute per access token (FACTS.md C).
    defaults: { requests: 600, windowMs: 60_000 },
    key: (headers) => headers.get('authorization') ?? '',
    refused: (window) => ({
      status: 429,
      headers: { 'Retry-After': String(Math.ceil(window.resetMs / 1000)) },
      body: { errorMessage: 'Too many requests', errorCode: 'RATE_LIMITED' },
    }),
  },
  handlers,
};
