import { defineConfig } from "vitest/config";

// The population test set for a quick Stryker run of src/population.ts
// (stryker.population.config.mjs): its own tests and the allocation tests that read
// a dataset through keyCounts and sourcesUsed. A lower bound (docs/mutation.md).
export default defineConfig({
  test: {
    include: [
      "tests/population.test.ts",
      "tests/population-*.test.ts",
      "tests/population/**/*.test.ts",
      "tests/allocate.test.ts",
      "tests/allocation/**/*.test.ts",
    ],
    testTimeout: 60_000,
  },
});
