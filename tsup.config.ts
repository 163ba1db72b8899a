import { defineConfig } from "tsup";

// Two entry points keep the core browser-safe: `.` is pure, `./node` adds files and processes.
export default defineConfig([
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
  {
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    banner: { js: "#!/usr/bin/env node" },
    target: "node20",
    sourcemap: true,
  },
]);
