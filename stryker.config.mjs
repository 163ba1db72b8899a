// Mutation testing of the four core areas, on demand: `npm run mutation`.
// Too slow for .ci/run (see docs/mutation.md); reports go to reports/ (git-ignored).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/apportion.ts",
    "src/exact-double.ts",
    "src/allocation/engine.ts",
    "src/allocation/kernel.ts",
    "src/allocation/bases.ts",
    "src/allocation/select.ts",
    "src/rules.ts",
    "src/agreement/model.ts",
    "src/population.ts",
  ],
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants: schemas, tables) each need the whole test set, about
  // 84 % of the run time for 41 % of the mutants; they are left out of the score, and counted as
  // ignored in the report (docs/mutation.md).
  ignoreStatic: true,
  incremental: false,
  // The machine's two cores are shared; one runner keeps the others working.
  concurrency: 1,
  // Added to each test run's dry-run time; a mutant that loops forever is a timeout (killed).
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: "reports/.stryker-tmp",
  // Reports and the sandboxes of runs going on beside this one are not copied into its sandbox.
  ignorePatterns: ["/reports"],
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
