// The README's fake-store example is readme-flow.test.ts, which runs in this suite: the two must not
// drift apart. Only the imports differ (the package's names there, src/ here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../../scripts/apis.js';

test("the README's fake-store flow is readme-flow.test.ts, as a user imports it", () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const block = /```ts\n\/\/ variant-flow\.test\.ts\n([\s\S]*?)```/.exec(readme)?.[1];
  const file = readFileSync(join(projectRoot, 'contract-tests/fake/readme-flow.test.ts'), 'utf8')
    .replace("'../../src/index.js'", "'commerce-variants'")
    .replace("'../../src/testing/index.js'", "'commerce-variants/testing'")
    .replace("'../fixtures/variation.jpg'", "'./variation.jpg'");
  expect(block).toBe(file);
});
