import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['contract-tests/**/*.test.ts'],
    globalSetup: ['contract-tests/support/prism-setup.ts', 'contract-tests/support/build-children.ts'],
    // Much of the suite's time is spent waiting (on Prism, child processes, retry waits, timeouts):
    // one worker per core, not the default cores - 1 (a single worker on 2 cores), overlaps the waits.
    // More than that starved the Prism start-ups of CPU on a loaded 2-core machine.
    maxWorkers: Math.max(2, availableParallelism()),
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
