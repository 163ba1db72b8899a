import { describe, expect, it } from "vitest";
import { PopulationError } from "../src/errors.js";
import { allMunicipalities } from "../src/geography/index.js";
import { createPopulation, keyCounts, keyLabel, levelCounts, mergePopulations, normalizeKey, parseKey, sumAges } from "../src/population.js";

const everyone = (n: number) => Object.fromEntries(allMunicipalities().map((m) => [m.code, n]));

describe("keys", () => {
  it("parses total and inclusive age bands", () => {
    expect(parseKey("total")).toEqual({ kind: "total" });
    expect(parseKey("0-18")).toEqual({ kind: "ages", from: 0, to: 18 });
    expect(normalizeKey("0–25")).toBe("0-25");
    expect(keyLabel("0-18")).toBe("folkmängd 0–18 år");
    expect(() => parseKey("18-0")).toThrow(PopulationError);
    expect(() => parseKey("0-101")).toThrow(/age band/);
  });
});

describe("datasets", () => {
  it("sums an inclusive band from single-year ages (0–18 is nineteen classes)", () => {
    const vector = Array.from({ length: 101 }, (_, age) => age + 1); // age a has a+1 persons
    const pop = createPopulation({ referenceDate: "2019-12-31", ages: Object.fromEntries(allMunicipalities().map((m) => [m.code, vector])) });
    const k = keyCounts(pop, "0-18");
    if ("reason" in k) throw new Error(k.reason);
    expect(k.byMunicipality.get("2080")).toBe(190n); // 1 + 2 + … + 19
    expect(k.national).toBe(190n * 290n);
    expect(k.derivation).toBe("summed from single-year ages");
    const total = keyCounts(pop, "total");
    if ("reason" in total) throw new Error(total.reason);
    expect(total.byMunicipality.get("0114")).toBe(5151n); // 1 + … + 101
  });

  it("reports a band the ages do not cover", () => {
    const pop = createPopulation({ referenceDate: "2019-12-31", ages: Object.fromEntries(allMunicipalities().map((m) => [m.code, [1, 2, 3]])) });
    const k = keyCounts(pop, "0-18");
    expect("reason" in k && k.reason).toMatch(/täcker inte 3 år/);
    expect(sumAges([1n, 2n], 0, 1)).toBe(3n);
  });

  it("sums counties and regions from their municipalities", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", counts: { total: everyone(2) } });
    const k = keyCounts(pop, "total");
    if ("reason" in k) throw new Error(k.reason);
    expect(levelCounts(k, "county").get("20")).toBe(30n);
    expect(levelCounts(k, "region").get("01")).toBe(52n);
    expect(levelCounts(k, "region").size).toBe(21);
  });

  it("uses a declared national total for partial data, and refuses partial data without one", () => {
    const partial = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 13093 } }, nationalTotals: { "0-18": 2265405 } });
    const k = keyCounts(partial, "0-18");
    if ("reason" in k) throw new Error(k.reason);
    expect(k.national).toBe(2_265_405n);
    expect(k.declared).toBe(true);
    expect(k.missing).toHaveLength(289);
    expect(levelCounts(k, "county").has("20")).toBe(false); // 14 Dalarna municipalities missing
    const noTotal = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 13093 } } });
    expect(keyCounts(noTotal, "0-18")).toMatchObject({ reason: expect.stringMatching(/1 av 290/) });
    expect(keyCounts(noTotal, "total")).toMatchObject({ reason: expect.stringMatching(/saknar nyckeln/) });
  });

  it("flags a declared total that differs from complete municipal counts", () => {
    const pop = createPopulation({ referenceDate: "2025-12-31", counts: { total: everyone(1) }, nationalTotals: { total: 291 } });
    const k = keyCounts(pop, "total");
    expect(!("reason" in k) && k.mismatch).toEqual({ declared: 291n, summed: 290n });
  });

  it("refuses unknown codes, negative and fractional counts, and bad dates", () => {
    const bad = (input: Parameters<typeof createPopulation>[0], code: string) => {
      try {
        createPopulation(input);
        expect.unreachable();
      } catch (e) {
        expect((e as PopulationError).code).toBe(code);
      }
    };
    bad({ referenceDate: "2024-11-01", counts: { total: { "9999": 1 } } }, "POPULATION_UNKNOWN_CODE");
    bad({ referenceDate: "2024-11-01", counts: { total: { "2080": -1 } } }, "POPULATION_BAD_COUNT");
    bad({ referenceDate: "2024-11-01", counts: { total: { "2080": 1.5 } } }, "POPULATION_BAD_COUNT");
    bad({ referenceDate: "2024-02-30" }, "POPULATION_FORMAT");
  });

  it("merges datasets of one date and refuses conflicting ones", () => {
    const a = createPopulation({ referenceDate: "2024-11-01", counts: { total: everyone(1) } });
    const b = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 5 } }, nationalTotals: { "0-18": 100 } });
    const m = mergePopulations(a, b);
    expect([...m.counts.keys()]).toEqual(["total", "0-18"]);
    const c = createPopulation({ referenceDate: "2024-12-31", counts: { total: everyone(1) } });
    expect(() => mergePopulations(a, c)).toThrow(/cannot merge/);
    const d = createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 7 } }, nationalTotals: { total: 7 } });
    expect(() => mergePopulations(a, d)).toThrow(/two counts for 2080/);
  });
});
