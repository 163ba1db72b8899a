import { defineConfig } from "vitest/config";

// The test set for a quick Stryker run of the share kernel and the bases
// (stryker.kernel.config.mjs): the unit tests of src/allocation/ (kernel, bases, engine,
// select, the sums' property test), those of src/exact-double.ts and the misuse tests. The
// example tests on bundled populations reach the same code at many times the cost; fewer tests
// can only kill fewer mutants, so the score is a lower bound (docs/mutation.md).
export default defineConfig({ test: { include: ["tests/allocation/**/*.test.ts", "tests/exact-double.test.ts", "tests/misuse.test.ts"], testTimeout: 60_000 } });
