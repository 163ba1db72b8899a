// `npx stryker run stryker.engine.config.mjs`: the allocation engine (src/allocation/engine.ts)
// against the allocation tests only (vitest.stryker.allocation.config.ts; a lower bound, see
// docs/mutation.md).
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "vitest.stryker.allocation.config.ts" },
  mutate: ["src/allocation/engine.ts"],
  htmlReporter: { fileName: "reports/mutation/engine.html" },
  jsonReporter: { fileName: "reports/mutation/engine.json" },
  tempDirName: "reports/.stryker-tmp-engine",
  incremental: true,
  incrementalFile: "reports/stryker-incremental-engine.json",
};
