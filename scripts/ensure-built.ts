/**
 * Rebuilds dist/ when it is missing or older than src/ or data/. Used by the benchmark (which
 * measures the library as shipped). The tests do not need dist/: tests/global-setup.ts builds
 * only the CLI bundle for the few subprocess tests.
 */
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Runs `npm run build` in `root` when dist/cli.js or dist/node.js is missing or stale; says so. */
export function ensureBuilt(root: string): void {
  const cli = join(root, "dist", "cli.js");
  const built = existsSync(cli) && existsSync(join(root, "dist", "node.js")) ? statSync(cli).mtimeMs : 0;
  if (built === 0 || newest(join(root, "src")) > built || newest(join(root, "data")) > built) {
    console.log("dist/ is missing or stale: npm run build");
    execSync("npm run build --silent", { cwd: root, stdio: "inherit" });
  }
}
