// Types only, so tests/global-setup.ts can read cliBundle without loading tsup.
import type { Options } from "tsup";

/**
 * The CLI's bundle (dist/cli.js). Exported for tests/global-setup.ts, which builds the same
 * bundle, JS only, into a cache folder for the few tests that run the executable as a subprocess.
 */
export const cliBundle: Options = {
  entry: { cli: "src/cli/bin.ts" },
  format: ["esm"],
  // One bundle with its dependencies: resolving and linking zod's ~95 modules and csv-parse's
  // from node_modules cost more of a cold start than parsing them from one file. iconv-lite is
  // CommonJS and requires Node's modules, hence the require() made for it.
  noExternal: ["zod", "decimal.js"],
  // Chunks, so what a command imports lazily (its module, zod, the readers) is a file of its
  // own, read only when used: `--help` and a bundled agreement never parse zod.
  splitting: true,
  platform: "node",
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);' },
  target: "node20",
  sourcemap: true,
};

// Two entry points keep the core browser-safe: `.` is pure, `./node` adds files and processes.
export default [
  {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    // CommonJS too shares one chunk between the entries: otherwise stimulansmedel/node carries its
    // own copy of the core, and its errors are not instances of stimulansmedel's StimulansmedelError.
    splitting: true,
    dts: true,
    shims: true,
    sourcemap: true,
    target: "node20",
  },
  cliBundle,
] satisfies Options[];
