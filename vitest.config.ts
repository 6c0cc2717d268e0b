import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['contract-tests/**/*.test.ts'],
    globalSetup: ['contract-tests/support/prism-setup.ts'],
    // Prism answers in milliseconds; a slow case is a hang, not a slow machine.
    testTimeout: 15_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line; the run ends with its
    // slowest files.
    reporters: ['default', ['json', { outputFile: 'build/test-results.json' }], './contract-tests/support/slowest-files.ts'],
  },
});
