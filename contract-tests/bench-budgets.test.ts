// `npm run bench` fails when the client is over either budget (1.03 x bare openapi-fetch, 8 kB).
import { expect, test } from 'vitest';
import { overBudget } from '../bench/budgets.js';

test.each([
  [1.03, 8000, []],
  [1.031, 8000, ['ratio 1.031 is over the budget of 1.03']],
  [1.0, 8001, ['size 8001 bytes is over the budget of 8000']],
  [1.2, 9000, ['ratio 1.200 is over the budget of 1.03', 'size 9000 bytes is over the budget of 8000']],
])('ratio %d, %d bytes: %o', (ratio, bytes, over) => {
  expect(overBudget(ratio, bytes)).toEqual(over);
});
