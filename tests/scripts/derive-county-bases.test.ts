import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveCountyBases } from "../../scripts/derive-county-bases.js";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { ROOT } from "../helpers.js";
import { normalizeKey } from "../../src/population.js";

const DIR = resolve(ROOT, "data", "population", "derived");

describe("scripts/derive-county-bases.ts", () => {
  const derived = deriveCountyBases();

  it("the committed files are exactly what the script writes (rerun it after changing it)", () => {
    expect(readdirSync(DIR).sort()).toEqual(derived.map((d) => d.file).sort());
    for (const d of derived) expect(readFileSync(resolve(DIR, d.file), "utf8"), d.file).toBe(d.text);
  });

  it("derives one base per table: 2022 by largest remainder, 2023 by largest absorbs, 2024 by plain nearest rounding", () => {
    expect(derived.map((d) => [d.year, d.referenceDate, d.solution.keyTotal, d.conventions])).toEqual([
      [2022, "2021-11-01", 10_443_100n, ["largest-remainder"]],
      [2023, "2022-11-01", 10_514_719n, ["largest-absorbs"]],
      [2024, "2023-11-01", 10_557_682n, ["nearest", "largest-remainder", "largest-absorbs"]],
    ]);
    for (const d of derived) {
      // 21 counties and Sweden, the counties summing to Sweden.
      const rows = d.text.trim().split("\n").filter((l) => !l.startsWith("#")).slice(1).map((l) => l.split(","));
      expect(rows).toHaveLength(22);
      expect(rows.slice(0, 21).reduce((s, r) => s + BigInt(r[2]!), 0n)).toBe(BigInt(rows[21]![2]!));
      expect(rows.every((r) => r[1] === "total" && /^\d{2}$/.test(r[0]!))).toBe(true);
      expect(d.text).toContain("# härledd: ja");
      expect(d.text).toContain("# not: Härledd med `npx tsx scripts/derive-county-bases.ts`");
    }
  });

  it("lies close to SCB's 31 December totals: within 65 000 persons of the year before and 10 000 of the year's end", () => {
    for (const d of derived) {
      const [before, after] = d.comparisons;
      expect(before!.national.difference < 0n && before!.national.difference > -65_000n).toBe(true);
      const a = after!.national.difference;
      expect(a > -10_000n && a < 10_000n).toBe(true);
    }
  });

  it("is the project's CSV with lan_kod, which the reader takes as county counts with Sweden's total", () => {
    for (const d of derived) {
      const read = parseProjectCsv(d.text);
      expect(read.countyCounts.get(normalizeKey("total"))?.size).toBe(21);
      expect(read.counts.size).toBe(0);
      expect(read.nationalTotals.get(normalizeKey("total"))).toBe(d.solution.keyTotal);
      expect(read.sources[0]?.derived).toBe(true);
    }
  });
});
