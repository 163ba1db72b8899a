import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** Every checksum a README in tests/ records, as [file, sha256]. */
function recorded(readme: string): [string, string][] {
  const text = readFileSync(resolve(ROOT, readme), "utf8");
  return [...text.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{64})` \|/gm)].map((m) => [m[1]!, m[2]!]);
}

describe("the published data the tests hold against", () => {
  for (const [readme, dir, count] of [
    ["tests/oracles/README.md", "tests/oracles", 5],
    ["tests/fixtures/scb-real/PROVENANCE.md", "tests/fixtures/scb-real", 3],
    ["tests/fixtures/xlsx/PROVENANCE.md", "tests/fixtures/xlsx", 2],
  ] as const) {
    it(`is in the repository, unchanged since copied (${dir})`, () => {
      const files = recorded(readme);
      expect(files).toHaveLength(count);
      for (const [file, sha256] of files) {
        const hash = createHash("sha256").update(readFileSync(resolve(ROOT, dir, file))).digest("hex");
        expect(hash, file).toBe(sha256);
      }
    });
  }
});
