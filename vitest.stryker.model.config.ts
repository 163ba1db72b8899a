import { defineConfig } from "vitest/config";

// The test set for a quick Stryker run of src/agreement/model.ts (stryker.model.config.mjs):
// the rules tests (its checks run inside checkAgreement) and the allocation tests (potLevels,
// potParts). A lower bound (docs/mutation.md).
export default defineConfig({
  test: {
    include: [
      "tests/rules.test.ts",
      "tests/rules/**/*.test.ts",
      "tests/agreement/**/*.test.ts",
      "tests/allocate.test.ts",
      "tests/allocation/**/*.test.ts",
      "tests/agreements/**/*.test.ts",
    ],
    testTimeout: 60_000,
  },
});
