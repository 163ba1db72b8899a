import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { populationFixtures, spread } from "../../scripts/build-fixtures.js";
import { FIXTURES, fixture } from "../io/fixtures-helpers.js";

describe("scripts/build-fixtures.ts", () => {
  it("the committed fixtures are exactly what the script builds (rerun it after changing it)", () => {
    const built = populationFixtures();
    expect(readdirSync(FIXTURES).sort()).toEqual([...built.keys()].sort());
    for (const [name, bytes] of built) expect(Buffer.compare(fixture(name), Buffer.from(bytes)), name).toBe(0);
  });

  it("spreads a count without losing a person", () => {
    expect(spread(13_093n, 19).reduce((a, b) => a + b, 0n)).toBe(13_093n);
    expect(spread(5n, 2)).toEqual([3n, 2n]);
  });

  it("writes the Windows-1252 fixture without BOM and with 0x96 in the title, the UTF-8 one with BOM", () => {
    const w = fixture("dalarna-0-18_bred_komma_windows-1252.csv");
    expect(w.includes(0x96)).toBe(true);
    expect(w.includes(0xe5)).toBe(true); // å
    expect([...w.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...fixture("dalarna-0-18_lang_semikolon_utf-8-bom.csv").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
