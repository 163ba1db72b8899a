import { describe, expect, it } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { compareAllocations, comparisonNote, comparisonToJson, formatComparisonTable, formatPercent } from "../../src/report/compare.js";

const agreement = loadBundledAgreement("2025");
const nov = allocate(agreement, loadBundledPopulation("2024-11-01"));

describe("compareAllocations", () => {
  it("is all zero differences against itself", () => {
    const c = compareAllocations(selectAllocation(nov, { county: "20" }), selectAllocation(nov, { county: "20" }));
    expect(c.rows).toHaveLength(1 + 1 + 15);
    for (const r of c.rows) {
      expect(r.difference).toBe(0n);
      expect(formatPercent(r.percent)).toBe("0,00");
    }
  });

  it("keeps unknown amounts null on their side, with the missing pots named", () => {
    const dec = allocate(agreement, loadBundledPopulation("2024-12-31"));
    const c = compareAllocations(selectAllocation(nov, { municipality: "2080" }), selectAllocation(dec, { municipality: "2080" }));
    expect(c.rows).toEqual([
      { level: "municipality", code: "2080", name: "Falun", before: 1_309_672n, after: null, difference: null, percent: null, missingBefore: [], missingAfter: ["2"] },
    ]);
    expect(comparisonNote(c.rows[0]!)).toBe("efter: pott 2 saknas");
    expect(comparisonToJson(c).rows[0]).toMatchObject({ before: 1309672, after: null, difference: null, percent: null });
  });

  it("counts a recipient absent from one side as receiving nothing there, and sorts by difference within each level", () => {
    const onlyRegions = selectAllocation(nov, { level: "region" });
    const withSkr = selectAllocation(nov, { pots: ["3b", "5"] });
    const c = compareAllocations(onlyRegions, withSkr);
    const skr = c.rows.find((r) => r.level === "skr")!;
    expect(skr).toMatchObject({ before: 0n, after: 29_000_000n, difference: 29_000_000n, percent: null });
    const regions = c.rows.filter((r) => r.level === "region");
    expect(regions.map((r) => r.level)).toEqual(Array(21).fill("region"));
    for (let i = 1; i < regions.length; i++) expect(regions[i - 1]!.difference! >= regions[i]!.difference!).toBe(true);
    expect(c.rows.at(-1)!.level).toBe("skr");
  });

  it("formats percent exactly, half away from zero", () => {
    expect(formatPercent({ numerator: 100n, denominator: 3n })).toBe("+33,33");
    expect(formatPercent({ numerator: -100n, denominator: 3n })).toBe("-33,33");
    expect(formatPercent({ numerator: 1n, denominator: 200n })).toBe("+0,01"); // 0.005 → 0.01
    expect(formatPercent({ numerator: -1n, denominator: 200n })).toBe("-0,01");
    expect(formatPercent({ numerator: 1n, denominator: 400n }, 2, ".")).toBe("+0.00"); // 0.0025
    expect(formatPercent(null)).toBe(null);
  });

  it("renders an 80-column table with totals per level", () => {
    const text = formatComparisonTable(compareAllocations(nov, allocate(agreement, loadBundledPopulation("2023-12-31"))));
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(text).toMatch(/Summa \(21\)\s+788 000 000\s+788 000 000\s+0\s+0,00/);
    expect(text).toMatch(/Summa \(0 av 290\)/);
  });
});
