// `npx stryker run stryker.allocation.config.mjs`: the allocation engine, its kernel and its
// bases against the allocation tests only (a lower bound; see docs/mutation.md). Add
// `--mutate src/allocation/engine.ts` to run one file.
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "vitest.stryker.allocation.config.ts" },
  mutate: ["src/allocation/engine.ts", "src/allocation/kernel.ts", "src/allocation/bases.ts"],
  htmlReporter: { fileName: "reports/mutation/allocation.html" },
  jsonReporter: { fileName: "reports/mutation/allocation.json" },
  tempDirName: "reports/.stryker-tmp-allocation",
  incremental: true,
  incrementalFile: "reports/stryker-incremental-allocation.json",
};
