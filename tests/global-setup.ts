/**
 * The few tests that run the executable as a subprocess (exit codes, stdin, a closed pipe, an
 * endless stdin) need the built CLI; every other test runs src/ in-process. So the suite never
 * pays `npm run build` (ESM, CommonJS and their declarations): it builds only the ESM build that
 * holds dist/cli.js, with its own tsup options (tsup.config.ts) but no declarations, into
 * node_modules/.cache/sm-cli-<hash>/, where <hash> covers everything the build is made of.
 * An unchanged tree reuses it; a changed one costs about a second. The built package itself
 * (dist/, its types, the bin as installed) is what `npm run test:package` checks.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { esmBuild } from "../tsup.config.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** cli.js of the ESM build made from the current sources: run it with `node <cliBin>`. */
    cliBin: string;
  }
}

const ROOT = resolve(import.meta.dirname, "..");
const CACHE = join(ROOT, "node_modules", ".cache");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** A hash of the sources, data, build options and locked dependencies the bundle is made of. */
function inputsHash(): string {
  const h = createHash("sha256");
  for (const f of [...files(join(ROOT, "src")), ...files(join(ROOT, "data")), ...["tsup.config.ts", "package.json", "package-lock.json"].map((f) => join(ROOT, f))]) {
    h.update(relative(ROOT, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  return h.digest("hex").slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const dir = join(CACHE, `sm-cli-${inputsHash()}`);
  if (!existsSync(join(dir, "cli.js"))) {
    mkdirSync(CACHE, { recursive: true });
    // Built aside and renamed into place, so a concurrent run never sees half a bundle.
    const tmp = `${dir}.tmp-${process.pid}`;
    const { build } = await import("tsup"); // only when building: loading it costs half a second
    await build({ ...esmBuild, dts: false, outDir: tmp, config: false, silent: true });
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another run put the same bundle there
    }
    for (const old of readdirSync(CACHE).filter((n) => n.startsWith("sm-cli-") && join(CACHE, n) !== dir && !n.includes(".tmp-"))) {
      rmSync(join(CACHE, old), { recursive: true, force: true });
    }
  }
  project.provide("cliBin", join(dir, "cli.js"));
}
