import { defineConfig } from 'vitest/config';

// `npm run test:docs`: the docs site in headless Chromium and the `npm start` sandbox. Kept out of
// `npm test` because it needs Chromium and rebuilds generated/ and dist/docs while it runs.
export default defineConfig({
  test: {
    include: ['docs-tests/**/*.test.ts'],
    // start.test.ts rebuilds dist/docs that site.test.ts reads: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'build/docs-results.json' }]],
  },
});
