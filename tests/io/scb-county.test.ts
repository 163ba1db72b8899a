/**
 * SCB exports by county (the English web export of 31 December 2019, tests/fixtures/scb-real):
 * enough for the region and county pots, with the municipal pots reported missing.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allocate } from "../../src/allocate.js";
import { parsePopulation } from "../../src/io/population.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { issueWith, ROOT } from "../helpers.js";

const FILE = resolve(ROOT, "tests/fixtures/scb-real/pyIEEM__BE0101N1_20230704-171432.csv");

describe("an SCB file by county", () => {
  it("the English 2019 county file gives the same region and county amounts as the bundled 31 December 2019 data", () => {
    const p = parsePopulation(readFileSync(FILE), { file: "BE0101N1.csv", referenceDate: "2019-12-31" });
    expect(p.referenceDate).toBe("2019-12-31");
    expect(p.countyCounts.size + p.countyAges.size).toBeGreaterThan(0);
    expect(p.sources[0]!.note).toContain("länsnivå");
    const agreement = loadBundledAgreement("2025");
    const fromFile = allocate(agreement, p);
    const bundled = allocate(agreement, loadBundledPopulation("2019-12-31"));
    const upper = fromFile.lines.filter((l) => l.level === "region" || l.level === "county");
    // 21 regions × 2 pots and 21 counties × 5 pots.
    expect(upper).toHaveLength(147);
    for (const l of upper) {
      const b = bundled.lines.find((x) => x.pot === l.pot && x.level === l.level && x.code === l.code);
      expect(l.amount, `${l.pot} ${l.code}`).toBe(b?.amount);
    }
    // Stockholm's pot 3b, by hand from the file: 500 000 000 × 2 377 081 / 10 327 589, rounded.
    expect(upper.find((l) => l.pot === "3b" && l.code === "01")?.amount).toBe((500_000_000n * 2_377_081n * 2n + 10_327_589n) / (2n * 10_327_589n));
    // No municipal amount is computed, and every municipality is reported missing.
    expect(fromFile.lines.filter((l) => l.level === "municipality")).toHaveLength(0);
    expect(new Set(fromFile.missing.filter((m) => m.level === "municipality").map((m) => m.code)).size).toBe(290);
  });

  it("refuses a file that mixes counties and municipalities", () => {
    const text = readFileSync(FILE, "latin1").replace('"01 Stockholm county"', '"0180 Stockholm"');
    expect(() => parsePopulation(Buffer.from(text, "latin1"), { file: "mixed.csv", referenceDate: "2019-12-31" })).toThrowError(issueWith("POPULATION_UNKNOWN_CODE"));
  });
});
