// Types only, so tests/global-setup.ts can read esmBuild without loading tsup.
import type { Options } from "tsup";

// One ESM build for the library's two entry points and the CLI: `.` is pure (browser-safe),
// `./node` adds files and processes, and dist/cli.js (the bin) is built with them, so the CLI
// imports the library's own chunks rather than bundling a copy of the core (one
// StimulansmedelError, one engine). Measured no slower than a CLI bundle of its own
// (tests/cli/startup.test.ts keeps what a run loads small).
//
// Splitting makes what the CLI imports lazily (a command's module, zod, the file readers, the
// xlsx writer) a file of its own, read only when used: `--help` and a bundled agreement never
// load zod. Dependencies stay external: they are the package's dependencies, and zod (about 95
// modules) is resolved only for a user's agreement file.
//
// Exported for tests/global-setup.ts, which builds it without declarations into a cache folder
// for the few tests that run the CLI as a subprocess.
export const esmBuild: Options = {
  entry: { index: "src/index.ts", node: "src/node.ts", cli: "src/cli/bin.ts" },
  format: ["esm"],
  splitting: true,
  dts: { entry: { index: "src/index.ts", node: "src/node.ts" } },
  shims: true,
  sourcemap: true,
  platform: "node",
  target: "node20",
};

export default [
  esmBuild,
  {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["cjs"],
    // CommonJS too shares one chunk between the entries: otherwise stimulansmedel/node carries its
    // own copy of the core, and its errors are not instances of stimulansmedel's StimulansmedelError.
    splitting: true,
    dts: { entry: { index: "src/index.ts", node: "src/node.ts" } },
    shims: true,
    sourcemap: true,
    target: "node20",
  },
] satisfies Options[];
