import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

// The CLI tests run the built dist/cli.js as a subprocess; rebuild when any source is newer.
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const root = resolve(import.meta.dirname, "..");
  const cli = join(root, "dist", "cli.js");
  const stale = !existsSync(cli) || newest(join(root, "src")) > statSync(cli).mtimeMs || newest(join(root, "data")) > statSync(cli).mtimeMs;
  if (stale) execSync("npm run build --silent", { cwd: root, stdio: "inherit" });
}
