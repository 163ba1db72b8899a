// `npx stryker run stryker.population.config.mjs`: src/population.ts against its own tests and
// the allocation tests (a lower bound; see docs/mutation.md).
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "vitest.stryker.population.config.ts" },
  mutate: ["src/population.ts"],
  htmlReporter: { fileName: "reports/mutation/population.html" },
  jsonReporter: { fileName: "reports/mutation/population.json" },
  tempDirName: "reports/.stryker-tmp-population",
  incremental: true,
  incrementalFile: "reports/stryker-incremental-population.json",
};
