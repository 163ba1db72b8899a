/**
 * Runtime dependencies are exactly what src/ imports: a user installing the package gets nothing it
 * does not run, and nothing src/ runs is missing from `dependencies` (a dev dependency such as
 * exceljs would be absent from a user's install and fail only there).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const BUILTINS = new Set(builtinModules);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? sources(abs) : /\.(ts|mts|cts)$/.test(name) ? [abs] : [];
  });
}

/** The package a bare specifier names ("csv-parse/sync" → "csv-parse", "@scope/x/y" → "@scope/x"), or undefined for a relative or built-in one. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("node:") || BUILTINS.has(spec.split("/")[0]!)) return undefined;
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Packages imported by value or type; a type-only import still needs the package's types at the user's end. */
function importedPackages(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.flatMap((f) => packageOf(f.fileName) ?? []);
}

describe("dependencies", () => {
  it("names the package of a specifier", () => {
    expect(["csv-parse/sync", "@scope/pkg/sub", "zod", "./x.js", "node:fs", "fs/promises"].map(packageOf)).toEqual(["csv-parse", "@scope/pkg", "zod", undefined, undefined, undefined]);
  });

  it("are exactly the packages src/ imports, and no dev dependency is among them", () => {
    const used = new Set(sources(join(ROOT, "src")).flatMap(importedPackages));
    expect(used.size).toBeGreaterThan(0);
    expect([...used].sort()).toEqual(Object.keys(pkg.dependencies ?? {}).sort());
    expect(Object.keys(pkg.devDependencies ?? {}).filter((d) => used.has(d))).toEqual([]);
    expect(Object.keys(pkg.devDependencies ?? {})).toContain("exceljs");
  });
});
