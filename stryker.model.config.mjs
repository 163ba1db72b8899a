// `npx stryker run stryker.model.config.mjs`: src/agreement/model.ts (the agreement helpers
// that rules.ts and the engine share) against the rules and allocation tests (a lower bound;
// see docs/mutation.md).
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "vitest.stryker.model.config.ts" },
  mutate: ["src/agreement/model.ts"],
  htmlReporter: { fileName: "reports/mutation/model.html" },
  jsonReporter: { fileName: "reports/mutation/model.json" },
  tempDirName: "reports/.stryker-tmp-model",
  incremental: true,
  incrementalFile: "reports/stryker-incremental-model.json",
};
