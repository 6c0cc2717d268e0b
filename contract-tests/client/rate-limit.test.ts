// How long a 429 says to wait, for each vendor's headers.
import { expect, test } from 'vitest';
import { rateLimitWait } from '../../src/rate-limit.js';

const now = Date.parse('2026-11-23T12:00:00Z');

test.each([
  ['Ecwid Retry-After in seconds', { 'Retry-After': '60' }, 60_000],
  ['Ecwid Retry-After as an HTTP date', { 'Retry-After': 'Mon, 23 Nov 2026 12:00:30 GMT' }, 30_000],
  ['an HTTP date already past', { 'Retry-After': 'Mon, 23 Nov 2026 11:59:00 GMT' }, 0],
  ['BigCommerce reset in milliseconds', { 'X-Rate-Limit-Time-Reset-Ms': '4500' }, 4_500],
  ['BigCommerce X-Retry-After in seconds', { 'X-Retry-After': '3' }, 3_000],
  ['BigCommerce both: the longer wins', { 'X-Rate-Limit-Time-Reset-Ms': '1500', 'X-Retry-After': '2' }, 2_000],
  ['lower-case names', { 'x-rate-limit-time-reset-ms': '7000', 'x-retry-after': '1' }, 7_000],
  ['no header', {}, undefined],
  ['garbage', { 'Retry-After': 'soon', 'X-Retry-After': '-4' }, undefined],
])('%s', (_, headers, wait) => {
  expect(rateLimitWait(new Headers(headers), now)).toBe(wait);
});
