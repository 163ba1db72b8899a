import { describe, expect, it } from "vitest";
import { PopulationError } from "../src/errors.js";
import { allCounties, allMunicipalities, getCounty } from "../src/geography/index.js";
import { countyPosition, municipalityPosition } from "../src/geography/positions.js";
import { createPopulation, keyCounts, keyLabel, levelCounts, MAX_COUNT, mergePopulations, normalizeKey, parseKey, sourcesUsed, sumAges } from "../src/population.js";
import { issueWith } from "./helpers.js";

const everyone = (n: number) => Object.fromEntries(allMunicipalities().map((m) => [m.code, n]));
const at = (code: string) => municipalityPosition(code);

describe("keys", () => {
  it("parses total and inclusive age bands", () => {
    expect(parseKey("total")).toEqual({ kind: "total" });
    expect(parseKey("0-18")).toEqual({ kind: "ages", from: 0, to: 18 });
    expect(normalizeKey("0–25")).toBe("0-25");
    expect(keyLabel(normalizeKey("0-18"))).toBe("folkmängd 0–18 år");
    expect(() => parseKey("18-0")).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT", kind: "bad-key" }));
    expect(() => parseKey("0-101")).toThrowError(issueWith("POPULATION_FORMAT", { value: "0-101" }));
  });
});

describe("datasets", () => {
  it("sums an inclusive band from single-year ages (0–18 is nineteen classes)", () => {
    const vector = Array.from({ length: 101 }, (_, age) => age + 1); // age a has a+1 persons
    const pop = createPopulation({ referenceDate: "2019-12-31", ages: Object.fromEntries(allMunicipalities().map((m) => [m.code, vector])) });
    const k = keyCounts(pop, "0-18");
    expect(k.municipal[at("2080")]).toBe(190); // 1 + 2 + … + 19
    expect(k.national).toBe(190 * 290);
    expect(k.declared).toBe(false);
    expect(k.derivation).toBe("summed from single-year ages");
    expect(keyCounts(pop, "total").municipal[at("0114")]).toBe(5151); // 1 + … + 101
  });

  it("reports a band the ages do not cover, as data", () => {
    const pop = createPopulation({ referenceDate: "2019-12-31", ages: Object.fromEntries(allMunicipalities().map((m) => [m.code, [1, 2, 3]])) });
    expect(keyCounts(pop, "0-18").unavailable).toEqual({ kind: "ages-uncovered", code: "0114", age: 3 });
    expect(keyCounts(pop, "0-2").municipal[at("0114")]).toBe(6);
    expect(sumAges([1n, 2n], 0, 1)).toBe(3n);
    expect(sumAges([1n, 2n], 0, 5)).toEqual({ uncovered: 2 });
  });

  it("sums counties and regions from their municipalities", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", counts: { total: everyone(2) } });
    const k = keyCounts(pop, "total");
    expect(levelCounts(k, "county").get("20")).toBe(30n);
    expect(levelCounts(k, "region").get("01")).toBe(52n);
    expect(levelCounts(k, "region").size).toBe(21);
    expect(k.countyKnown).toBe(21);
    expect(k.national).toBe(580);
  });

  it("takes county counts from a county-level dataset, with no municipality at all", () => {
    const byCounty = Object.fromEntries(allCounties().map((c, i) => [c.code, 1000 + i]));
    const pop = createPopulation({ referenceDate: "2019-12-31", countyCounts: { total: byCounty } });
    const k = keyCounts(pop, "total");
    expect(k.municipalKnown).toBe(0);
    expect(k.countyKnown).toBe(21);
    expect(k.county[countyPosition("20")]).toBe(1000 + allCounties().findIndex((c) => c.code === "20"));
    expect(k.national).toBe(21 * 1000 + 210);
    expect(k.unavailable).toBeUndefined();
  });

  it("uses a declared national total for partial data; without one, no denominator", () => {
    const partial = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 13093 } }, nationalTotals: { "0-18": 2265405 } });
    const k = keyCounts(partial, "0-18");
    expect(k.national).toBe(2_265_405);
    expect(k.declared).toBe(true);
    expect(k.municipalKnown).toBe(1);
    expect(levelCounts(k, "county").has("20")).toBe(false); // 14 Dalarna municipalities missing
    const noTotal = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 13093 } } });
    expect(keyCounts(noTotal, "0-18").national).toBeUndefined();
    expect(keyCounts(noTotal, "total").unavailable).toEqual({ kind: "no-key" });
  });

  it("flags a declared total that differs from complete municipal counts", () => {
    const pop = createPopulation({ referenceDate: "2025-12-31", counts: { total: everyone(1) }, nationalTotals: { total: 291 } });
    expect(keyCounts(pop, "total").mismatch).toEqual({ declared: 291n, summed: 290n });
  });

  it("refuses unknown codes, negative, fractional and impossibly large counts, and bad dates", () => {
    const bad = (input: Parameters<typeof createPopulation>[0], code: string, kind: string) =>
      expect(() => createPopulation(input)).toThrowError(expect.objectContaining({ code, kind }));
    bad({ referenceDate: "2024-11-01", counts: { total: { "9999": 1 } } }, "POPULATION_UNKNOWN_CODE", "municipality");
    bad({ referenceDate: "2024-11-01", countyCounts: { total: { "99": 1 } } }, "POPULATION_UNKNOWN_CODE", "county");
    bad({ referenceDate: "2024-11-01", counts: { total: { "2080": -1 } } }, "POPULATION_BAD_COUNT", "negative");
    bad({ referenceDate: "2024-11-01", counts: { total: { "2080": 1.5 } } }, "POPULATION_BAD_COUNT", "not-whole");
    bad({ referenceDate: "2024-11-01", counts: { total: { "2080": MAX_COUNT + 1n } } }, "POPULATION_BAD_COUNT", "too-large");
    bad({ referenceDate: "2024-11-01", counts: { total: { "2080": 2 ** 64 } } }, "POPULATION_BAD_COUNT", "not-whole");
    bad({ referenceDate: "2024-11-01", counts: { total: {}, Total: {} } }, "POPULATION_DUPLICATE", "key-twice");
    bad({ referenceDate: "2024-02-30" }, "POPULATION_FORMAT", "bad-date");
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": MAX_COUNT } } }).counts.get(normalizeKey("total"))!.get("2080")).toBe(MAX_COUNT);
  });

  it("refuses, before SCB's noise, a county or key total that disagrees with its parts", () => {
    const dalarna = Object.fromEntries(getCounty("20").municipalityCodes.map((m) => [m, 10]));
    expect(() => createPopulation({ referenceDate: "2024-11-01", counts: { total: dalarna }, countyCounts: { total: { "20": 151 } } })).toThrowError(
      expect.objectContaining({ code: "POPULATION_TOTAL_MISMATCH", kind: "county-sum" }),
    );
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { total: dalarna }, countyCounts: { total: { "20": 150 } } }).countyCounts.size).toBe(1);
    const ages = Array.from({ length: 101 }, () => 1);
    expect(() => createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 100 } }, ages: { "2080": ages } })).toThrowError(
      expect.objectContaining({ code: "POPULATION_TOTAL_MISMATCH", kind: "key-vs-ages" }),
    );
    // From 2025 SCB's cells carry noise: a county cell need not equal the sum of its municipalities.
    const noisy = createPopulation({ referenceDate: "2025-12-31", counts: { total: dalarna }, countyCounts: { total: { "20": 152 } } });
    expect(keyCounts(noisy, "total").county[countyPosition("20")]).toBe(152);
  });
});

describe("mergePopulations", () => {
  const totals = createPopulation({ referenceDate: "2024-11-01", counts: { total: everyone(1) }, sources: [{ title: "SCB totals" }] });
  const young = createPopulation({
    referenceDate: "2024-11-01",
    counts: { "0-18": { "2080": 5 } },
    nationalTotals: { "0-18": 100 },
    sources: [{ title: "Falun 0–18", derived: true }],
  });

  it("joins keys from different sources and keeps what each supplies", () => {
    const m = mergePopulations(totals, young);
    expect([...m.counts.keys()]).toEqual(["total", "0-18"]);
    expect(m.sources.map((s) => s.title)).toEqual(["SCB totals", "Falun 0–18"]);
    expect(keyCounts(m, "0-18").national).toBe(100);
    expect(sourcesUsed(m, "0-18", "municipality", "2080").map((s) => s.title)).toEqual(["Falun 0–18"]);
    expect(sourcesUsed(m, "total", "region", "20").map((s) => s.title)).toEqual(["SCB totals"]);
    expect(sourcesUsed(m, "0-18", "municipality", "2505")).toEqual([]);
    // Order does not matter for the result.
    expect(keyCounts(mergePopulations(young, totals), "total").national).toBe(290);
  });

  it("prefers an official source over a derived one that says the same", () => {
    const official = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 5 } }, nationalTotals: { "0-18": 100 }, sources: [{ title: "SCB 0–18" }] });
    const m = mergePopulations(young, official);
    expect(sourcesUsed(m, "0-18", "municipality", "2080").map((s) => s.title)).toEqual(["SCB 0–18"]);
  });

  it("refuses two dates and two counts for one recipient, naming both sources", () => {
    const december = createPopulation({ referenceDate: "2024-12-31", counts: { total: everyone(1) }, sources: [{ title: "SCB december" }] });
    expect(() => mergePopulations(totals, december)).toThrowError(
      expect.objectContaining({ code: "POPULATION_DATE_MISMATCH", kind: "merge", message: expect.stringMatching(/SCB december.*SCB totals/) }),
    );
    const other = createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 7 } }, nationalTotals: { total: 7 }, sources: [{ title: "my file" }] });
    let error: unknown;
    try {
      mergePopulations(totals, other);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PopulationError);
    expect(error).toMatchObject({ code: "POPULATION_DUPLICATE", kind: "merge-count", issue: { params: { code: "2080", name: "Falun", first: "1", second: "7", firstSource: "SCB totals", secondSource: "my file" } } });
    expect(() => mergePopulations()).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT", kind: "nothing-to-merge" }));
  });

  it("refuses, when combined, a county count that disagrees with the municipalities of another source", () => {
    const county = createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: { "20": 16 } }, sources: [{ title: "county file" }] });
    expect(() => mergePopulations(totals, county)).toThrowError(expect.objectContaining({ code: "POPULATION_TOTAL_MISMATCH", kind: "county-sum" }));
    const right = createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: { "20": 15 } }, sources: [{ title: "county file" }] });
    expect(keyCounts(mergePopulations(totals, right), "total").county[countyPosition("20")]).toBe(15);
  });
});
