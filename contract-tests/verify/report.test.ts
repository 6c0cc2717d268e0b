// How verify counts notes: once per operation, status and property, where a property is its JSON
// pointer with array positions set aside; the first answer that carries it is the one shown.
import { expect, test } from 'vitest';
import { Report } from '../../src/verify/report.js';

const note = (prefix: string, pointer: string, value: string) => `${prefix} ${pointer}: not declared in the spec, got "${value}"`;

test('a new field on every variation, with a different value on each, is one note', () => {
  const printed: string[] = [];
  const report = new Report((line) => printed.push(line));
  const check = (name: string, notes: string[]) => report.add({ name, description: 'list', violations: [], notes, durationMs: 0 });

  check('listVariations 200', [note('listVariations 200', '/0/shelfLabel', 'L0'), note('listVariations 200', '/1/shelfLabel', 'L1')]);
  check('listVariations 200', [note('listVariations 200', '/2/shelfLabel', 'L2'), note('listVariations 200', '/0/options/3/shade', 'dark')]);
  // Another operation, another status, or the same name at another place: a note of its own.
  check('getVariation 200', [note('getVariation 200', '/shelfLabel', 'L0'), note('getVariation 200', '/shelfLabel', 'L9')]);
  check('listVariations 404', [note('listVariations 404', '/0/shelfLabel', 'L0')]);

  expect(printed.filter((line) => line.startsWith('     note: '))).toEqual([
    `     note: ${note('listVariations 200', '/0/shelfLabel', 'L0')}`,
    `     note: ${note('listVariations 200', '/0/options/3/shade', 'dark')}`,
    `     note: ${note('getVariation 200', '/shelfLabel', 'L0')}`,
    `     note: ${note('listVariations 404', '/0/shelfLabel', 'L0')}`,
  ]);
  expect(report.notes).toBe(4);
  expect(report.summary()).toBe('verify: 4 passed, 0 failed, 4 notes');
});
