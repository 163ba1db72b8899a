// The columns a dataset carries (what keyCounts and allocate() read) hold the same counts as its
// maps, for directly given counts, county counts and single-year ages, after a merge too; a
// structured clone (a dataset sent to a worker, or a fresh copy per call) allocates the same.
import { describe, expect, it } from "vitest";
import { allocate } from "../../src/allocate.js";
import { allCounties, allMunicipalities } from "../../src/geography/index.js";
import { countyPosition, municipalityPosition } from "../../src/geography/positions.js";
import { createPopulation, keyCounts, mergePopulations, normalizeKey, parseKey, TOP_AGE } from "../../src/population.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node.js";

describe("PopulationDataset.columns", () => {
  it("holds every given count at its position and NaN elsewhere", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 59_000, "0114": 34_000 } }, countyCounts: { "0-18": { "20": 60_000 } } });
    const m = pop.columns.municipal.get(normalizeKey("total"))!;
    expect(m).toHaveLength(290);
    expect(m[municipalityPosition("2080")]).toBe(59_000);
    expect(m[municipalityPosition("0114")]).toBe(34_000);
    expect([...m].filter((v) => v === v)).toHaveLength(2);
    const c = pop.columns.county.get(normalizeKey("0-18"))!;
    expect(c[countyPosition("20")]).toBe(60_000);
    expect([...c].filter((v) => v === v)).toEqual([60_000]);
    expect(pop.columns.ages).toBeUndefined();
  });

  it("holds single-year ages row by row, an uncovered class as NaN", () => {
    const ages = Array.from({ length: TOP_AGE + 1 }, (_, a) => (a === 7 ? undefined : a + 1));
    const pop = createPopulation({ referenceDate: "2019-12-31", ages: { "2080": ages } });
    const cols = pop.columns.ages!;
    const row = municipalityPosition("2080") * (TOP_AGE + 1);
    expect(cols.present[municipalityPosition("2080")]).toBe(1);
    expect(cols.present[municipalityPosition("2081")]).toBe(0);
    expect(cols.values[row + 0]).toBe(1);
    expect(cols.values[row + 100]).toBe(101);
    expect(cols.values[row + 7]).toBeNaN();
    // 0–6: 1 + … + 7 = 28; 0–7 needs age 7, which is not covered.
    expect(keyCounts(pop, "0-6").municipal[municipalityPosition("2080")]).toBe(28);
    expect(keyCounts(pop, "0-7").unavailable).toEqual({ kind: "ages-uncovered", code: "2080", age: 7 });
  });

  it("equals the maps for every key and code in the bundled 2019 data and after a merge", () => {
    const merged = mergePopulations(loadBundledPopulation("2024-11-01"), createPopulation({ referenceDate: "2024-11-01", countyCounts: { "0-25": { "20": 90_000 } } }));
    for (const pop of [loadBundledPopulation("2019-12-31"), merged]) {
      for (const [key, byCode] of pop.counts) {
        const column = pop.columns.municipal.get(key)!;
        allMunicipalities().forEach((mu, i) => expect(column[i]).toBe(byCode.has(mu.code) ? Number(byCode.get(mu.code)) : NaN));
      }
      for (const [key, byCode] of pop.countyCounts) {
        const column = pop.columns.county.get(key)!;
        allCounties().forEach((c, i) => expect(column[i]).toBe(byCode.has(c.code) ? Number(byCode.get(c.code)) : NaN));
      }
      for (const [code, vector] of pop.ages) {
        const row = municipalityPosition(code) * (TOP_AGE + 1);
        vector.forEach((v, a) => expect(pop.columns.ages!.values[row + a]).toBe(v === undefined ? NaN : Number(v)));
      }
    }
    expect(merged.columns.county.get(normalizeKey("0-25"))![countyPosition("20")]).toBe(90_000);
  });

  it("a structured clone of the agreement and the population allocates the same amounts", () => {
    const agreement = loadBundledAgreement("2025");
    const pop = loadBundledPopulation("2024-11-01");
    const a = allocate(agreement, pop);
    const b = allocate(structuredClone(agreement), structuredClone(pop));
    expect(b.lines.map((l) => `${l.pot} ${l.code} ${l.amount}`)).toEqual(a.lines.map((l) => `${l.pot} ${l.code} ${l.amount}`));
    expect(b.lines.find((l) => l.pot === "2" && l.code === "2080")?.amount).toBe(1_309_672n);
    expect(b.missing).toHaveLength(a.missing.length);
  });
});

describe("keys in canonical spelling", () => {
  it("are read as written, and every other spelling is normalized to them", () => {
    expect(parseKey("0-18")).toEqual({ kind: "ages", from: 0, to: 18 });
    expect(parseKey("100-100")).toEqual({ kind: "ages", from: 100, to: 100 });
    expect(normalizeKey("0-18")).toBe("0-18");
    expect(normalizeKey(" 0 – 18 ")).toBe("0-18");
    expect(normalizeKey("00-018")).toBe("0-18");
    expect(normalizeKey("TOTAL")).toBe("total");
    for (const bad of ["18-0", "0-101", "-1-5", "0-", "-18", "a-b", "0-1x", "1000-1001"]) {
      expect(() => parseKey(bad)).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT" }));
    }
  });
});
