import { defineConfig } from 'vitest/config';

// `npm run test:package`: packs, installs and type-checks the published package. Kept out of
// `npm test` because it runs `npm pack` (which rebuilds dist/) and installs from the registry.
export default defineConfig({
  test: {
    include: ['package-tests/**/*.test.ts'],
    testTimeout: 120_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'build/package-results.json' }]],
  },
});
