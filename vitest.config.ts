import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['contract-tests/**/*.test.ts'],
    globalSetup: ['contract-tests/support/prism-setup.ts'],
    // Most of the suite's time is spent waiting (on Prism, child processes, retry waits, timeouts),
    // not computing: more workers than the default (cores - 1, so one on 2 cores) overlap the waits.
    maxWorkers: 3,
    // The files share no state but the modules they import: one import per worker, not per file,
    // halves the suite's CPU time (the spec validators and clients are built once).
    isolate: false,
    // Prism answers in milliseconds; a slow case is a hang, not a slow machine.
    testTimeout: 15_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line; the run ends with its
    // slowest files.
    reporters: ['default', ['json', { outputFile: 'build/test-results.json' }], './contract-tests/support/slowest-files.ts'],
  },
});
