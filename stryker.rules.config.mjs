// `npx stryker run stryker.rules.config.mjs`: src/rules.ts against its own tests only (a lower
// bound; see docs/mutation.md), about ten minutes instead of about 45.
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default { ...base, vitest: { configFile: "vitest.stryker.rules.config.ts" }, mutate: ["src/rules.ts"] };
