import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

// run()'s default io is the real process's, whose environment points at the developer's cache:
// a population fetched there would change what a test or the fuzzer sees.
describe("in-process runs of the CLI are isolated from the developer's cache", () => {
  it("every call of run() or execute() in tests/ and scripts/ passes an io of its own", () => {
    const bare: string[] = [];
    for (const f of [...files(join(ROOT, "tests")), ...files(join(ROOT, "scripts"))]) {
      const text = readFileSync(f, "utf8");
      if (!/from "[./]*(?:\.\.\/)*src\/cli\/main\.js"/.test(text)) continue;
      // A call whose only argument is the argv array.
      for (const m of text.matchAll(/\b(?:run|execute)\((\[[^\n]*?\]|[a-zA-Z]+)\)/g)) bare.push(`${relative(ROOT, f)}: ${m[0]}`);
    }
    expect(bare).toEqual([]);
  });
});
