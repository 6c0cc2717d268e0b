// A vitest reporter that ends the run with its slowest test files, so that the next slowdown is seen
// the day it lands. A file's time is its import plus its tests and hooks, on the wall clock.
import type { Reporter, TestModule } from 'vitest/node';

const shown = 8;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(5)} s`;

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const files = modules
      .map((module) => {
        const { collectDuration, duration } = module.diagnostic();
        return { file: module.relativeModuleId, ms: collectDuration + duration, tests: [...module.children.allTests()].length };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, shown);
    if (files.length === 0) return;
    console.log(`\nSlowest test files (import + tests):`);
    for (const { file, ms, tests } of files) console.log(`${seconds(ms)}  ${file} (${tests} test${tests === 1 ? '' : 's'})`);
  }
}
