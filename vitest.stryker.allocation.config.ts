import { defineConfig } from "vitest/config";

// The allocation test set for a quick Stryker run of the allocation engine
// (stryker.allocation.config.mjs): the example tests that call allocate() and its
// kernel and bases, without the rules, population and apportion suites. Fewer tests
// can only kill fewer mutants, so its score is a lower bound (docs/mutation.md).
export default defineConfig({
  test: {
    include: [
      "tests/allocate.test.ts",
      "tests/misuse.test.ts",
      "tests/allocation/**/*.test.ts",
      "tests/explain.test.ts",
      "tests/scenario.test.ts",
      "tests/agreements/**/*.test.ts",
      "tests/oracles.test.ts",
    ],
    testTimeout: 60_000,
  },
});
