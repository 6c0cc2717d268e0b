// verify ships in the package, but its validator (Ajv) must not reach a user who only imports a
// client: every client entry point, bundled as a user's bundler would, holds no Ajv and no verify code.
import { build } from 'esbuild';
import { expect, test } from 'vitest';

test.each(['src/index.ts', 'src/ecwid.ts', 'src/bigcommerce.ts'])('%s bundles without the validator', async (entry) => {
  const { metafile } = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', write: false, metafile: true });
  const inputs = Object.keys(metafile.inputs);
  expect(inputs.some((input) => input.startsWith('src/'))).toBe(true);
  expect(inputs.filter((input) => /node_modules\/ajv|src\/verify\/|src\/cli\//.test(input))).toEqual([]);
});
