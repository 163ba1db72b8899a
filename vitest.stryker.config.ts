import { defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant: the in-process example tests of the
// four core areas. The CLI tests run the built dist/ in a subprocess, where a
// mutant in src/ never reaches. The property tests (tests/properties/, fast-check)
// are left out: they cover nearly every mutant and made a run of the core about
// ten hours on this machine; with them out the score is a lower bound (they can
// only kill more). MUTATION_PROPERTIES=1 puts them back.
const properties = process.env.MUTATION_PROPERTIES === "1" ? ["tests/properties/**/*.test.ts"] : [];

export default defineConfig({
  test: {
    include: [
      "tests/apportion.test.ts",
      "tests/apportion-absorbs.test.ts",
      "tests/apportion/**/*.test.ts",
      "tests/misuse.test.ts",
      "tests/allocate.test.ts",
      "tests/allocation/**/*.test.ts",
      "tests/rules.test.ts",
      "tests/rules-*.test.ts",
      "tests/rules/**/*.test.ts",
      "tests/population.test.ts",
      "tests/population-*.test.ts",
      "tests/population/**/*.test.ts",
      ...properties,
      "tests/scenario.test.ts",
      "tests/explain.test.ts",
      "tests/agreement/**/*.test.ts",
      "tests/agreements/**/*.test.ts",
      "tests/oracles.test.ts",
    ],
    testTimeout: 60_000,
  },
});
