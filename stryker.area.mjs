// One area's Stryker settings (docs/mutation.md, "Per-area runs"): the base config, the files
// mutated, the area's own tests, its own reports, sandbox and incremental file, so that two areas
// can run at once and a second run re-tests only what changed.
import base from "./stryker.config.mjs";

/**
 * @param {string} name the area: reports/mutation/<name>.html, vitest.stryker.<tests>.config.ts
 * @param {string[]} mutate the files mutated
 * @param {string} [tests] the vitest config's area when it differs from `name`
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function area(name, mutate, tests = name) {
  return {
    ...base,
    vitest: { configFile: `vitest.stryker.${tests}.config.ts` },
    mutate,
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: `reports/.stryker-tmp-${name}`,
    incremental: true,
    incrementalFile: `reports/stryker-incremental-${name}.json`,
  };
}
