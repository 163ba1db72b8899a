// `npx stryker run stryker.kernel.config.mjs`: the share kernel and the bases
// (src/allocation/kernel.ts, bases.ts) against their unit tests and the engine's
// (vitest.stryker.kernel.config.ts; a lower bound, see docs/mutation.md).
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "vitest.stryker.kernel.config.ts" },
  mutate: ["src/allocation/kernel.ts", "src/allocation/bases.ts"],
  htmlReporter: { fileName: "reports/mutation/kernel.html" },
  jsonReporter: { fileName: "reports/mutation/kernel.json" },
  tempDirName: "reports/.stryker-tmp-kernel",
  incremental: true,
  incrementalFile: "reports/stryker-incremental-kernel.json",
};
