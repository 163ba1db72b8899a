/**
 * What a CLI run loads before it does anything: the modules its entry reaches through static
 * imports (an `import()` is loaded only when the code reaches it). `--help` and an allocation on
 * bundled data must not load zod, the file readers or their decoders: each costs start-up time
 * (zod alone is about 95 modules) that the bench's cold runs measure.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { CLI_BIN } from "./bin.js";

/** Every module `entry` reaches by static, value-level imports: repository paths and package names. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const rel = relative(ROOT, file).split(sep).join("/");
    if (seen.has(rel)) continue;
    seen.add(rel);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    for (const node of source.statements) {
      let spec: ts.Expression | undefined;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        // `import type` and imports whose every name is a type are erased.
        if (clause?.isTypeOnly) continue;
        const named = clause?.namedBindings;
        if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
        spec = node.moduleSpecifier;
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
        spec = node.moduleSpecifier;
      }
      if (!spec || !ts.isStringLiteralLike(spec)) continue;
      const s = spec.text;
      if (s.startsWith(".")) {
        const target = resolve(dirname(file), s.replace(/\.js$/, ".ts"));
        queue.push(existsSync(target) ? target : join(target.replace(/\.ts$/, ""), "index.ts"));
      } else if (!s.startsWith("node:")) {
        seen.add(s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!);
      }
    }
  }
  return seen;
}

const HEAVY = ["zod", "iconv-lite", "csv-parse", "exceljs", "src/rules.ts", "src/io/population.ts", "src/io/scb-csv.ts", "src/io/decode.ts", "src/io/jsonstat.ts", "src/xlsx/index.ts", "src/report/xlsx.ts"];

describe("CLI start-up", () => {
  it("follows static imports and skips type-only ones (the walker itself)", () => {
    const graph = staticGraph("src/node/files.ts");
    expect(graph.has("src/rules.ts")).toBe(true);
    expect(graph.has("zod")).toBe(true);
    expect(graph.has("src/io/population.ts")).toBe(true);
    // files.ts imports PopulationDataset as a type only from population.ts, but rules.ts reaches it by value.
    expect(graph.has("src/population.ts")).toBe(true);
  });

  it("--help (bin.ts and the main help) loads no reader, no zod, no command", () => {
    const graph = staticGraph("src/cli/bin.ts");
    expect(HEAVY.filter((m) => graph.has(m))).toEqual([]);
    expect([...graph].filter((m) => m.startsWith("src/cli/commands/") && m !== "src/cli/commands/index.ts")).toEqual([]);
    expect([...graph].filter((m) => m.startsWith("src/allocation/") || m.startsWith("src/io/"))).toEqual([]);
  });

  it("allocate on the bundled data loads no zod, no file reader and no xlsx writer", () => {
    const graph = staticGraph("src/cli/commands/allocate.ts");
    expect(graph.has("src/allocation/engine.ts")).toBe(true);
    expect(HEAVY.filter((m) => graph.has(m))).toEqual([]);
  });
});

describe("the built CLI", () => {
  it("shares the library's ESM chunks (one copy of the core, one StimulansmedelError) instead of bundling its own", () => {
    // The ESM build as dist/ has it, made from the current sources (tests/global-setup.ts).
    const dist = dirname(CLI_BIN);
    const esm = readdirSync(dist).filter((f) => f.endsWith(".js"));
    const defining = esm.filter((f) => /\bStimulansmedelError = class\b|class StimulansmedelError\b/.test(readFileSync(join(dist, f), "utf8")));
    expect(defining).toHaveLength(1);
    expect(defining[0]).not.toBe("cli.js");
    // Both the bin and the library's entries reach it.
    const importsOf = (f: string) => [...readFileSync(join(dist, f), "utf8").matchAll(/from "\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(importsOf("node.js")).toContain(defining[0]);
    expect(importsOf("cli.js")).toContain(defining[0]);
  });
});
