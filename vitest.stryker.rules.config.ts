import { defineConfig } from "vitest/config";

// The rules-only test set for a quick Stryker run of src/rules.ts (stryker.rules.config.mjs): the
// full set reaches every rules.ts mutant through each bundled agreement and takes about 45 minutes
// on this machine. Fewer tests can only kill fewer mutants, so its score is a lower bound.
export default defineConfig({ test: { include: ["tests/rules.test.ts", "tests/rules/**/*.test.ts"], testTimeout: 60_000 } });
