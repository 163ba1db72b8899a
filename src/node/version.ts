/**
 * The package's version, read from its package.json (Node only): what `stimulansmedel --version`
 * prints, from src/ (tests, tsx) and from dist/ alike.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The version in the package.json of the stimulansmedel package this module belongs to, or
 * undefined when none is found (a copied file outside its package).
 *
 * @example
 * ```ts
 * packageVersion(); // "0.1.0"
 * ```
 */
export function packageVersion(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "stimulansmedel" && typeof pkg.version === "string") return pkg.version;
    }
    dir = dirname(dir);
  }
  return undefined;
}
