import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Files that run for seconds: the corpus's generated megabytes, the fuzzer, the examples (tsx). */
const SLOW = /tests\/(bad-inputs-generated-\d+|fuzz|examples)\.test\.ts$/;

/**
 * Vitest's order (failed first, then longest last time, else largest file), with the files known
 * to be slow started first even without timings from a previous run (a fresh clone, CI): small
 * files that run for seconds would otherwise start last and leave the other worker idle.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => SLOW.test(f.moduleId)), ...sorted.filter((f) => !SLOW.test(f.moduleId))];
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    // Forks (the default pool) without a fresh module graph per file: each worker imports src/,
    // zod and exceljs once instead of once per test file, which halved the suite's CPU time
    // (measured: 100 s → 45 s user+sys for the whole suite, the same tests passing, also in
    // shuffled order). No test mocks a module or changes a global it does not restore (spies are
    // restored after each test), so a file sees the same code whichever file ran before it.
    isolate: false,
    // Vitest's default for `vitest run` is one worker less than the cores: one worker on the
    // 2-core machine, so the suite ran serially. The main process only collects results.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    sequence: { sequencer: SlowFirst },
  },
});
