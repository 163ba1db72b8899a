// Keys read in canonical spelling without a pattern (canonicalKey) and the age bands keyCounts sums
// from single-year ages: every band edge (0, 9, 100, one-year bands), bands summing to zero, and
// the dataset's columns left as they were.
import { describe, expect, it } from "vitest";
import { countyPosition, municipalityPosition } from "../../src/geography/positions.js";
import { createPopulation, isPopulationKey, keyCounts, normalizeKey, parseKey, TOP_AGE } from "../../src/population.js";

/** Age a has a + 1 persons (ages 0…100: 1 + 2 + … + 101 = 5 151), with ages 0–5 at zero. */
const ages = Array.from({ length: TOP_AGE + 1 }, (_, a) => (a <= 5 ? 0 : a + 1));
/** The band's sum by hand: Σ (a + 1) for a in [from, to], ages 0–5 counting 0. */
const band = (from: number, to: number) => {
  let s = 0;
  for (let a = from; a <= to; a++) s += a <= 5 ? 0 : a + 1;
  return s;
};
const pop = createPopulation({ referenceDate: "2019-12-31", ages: { "2080": ages }, countyAges: { "25": ages } });

describe("keys at the edges of the canonical spelling", () => {
  it("keyCounts sums every edge band the canonical reader must accept", () => {
    for (const [key, from, to] of [["0-0", 0, 0], ["5-5", 5, 5], ["0-9", 0, 9], ["9-19", 9, 19], ["6-100", 6, 100], ["100-100", 100, 100], ["0-100", 0, 100], ["10-99", 10, 99]] as const) {
      const k = keyCounts(pop, key);
      expect(k.key, key).toBe(key);
      expect(k.municipal[municipalityPosition("2080")], key).toBe(band(from, to));
      expect(k.county[countyPosition("25")], key).toBe(band(from, to));
      expect(k.derivation, key).toBe("summed from single-year ages");
    }
    // By hand: 100 + 101 = 201 for 99–100; 7 + 8 + 9 + 10 = 34 for 6–9.
    expect(keyCounts(pop, "99-100").municipal[municipalityPosition("2080")]).toBe(201);
    expect(keyCounts(pop, "6-9").county[countyPosition("25")]).toBe(34);
  });

  it("a band whose ages are all zero is a count of zero, not an uncovered age", () => {
    const k = keyCounts(pop, "0-5");
    expect(k.municipal[municipalityPosition("2080")]).toBe(0);
    expect(k.county[countyPosition("25")]).toBe(0);
    expect(k.municipalKnown).toBe(1);
    expect(k.unavailable).toBeUndefined();
  });

  it("filling from ages leaves the dataset's own columns as they were", () => {
    const mixed = createPopulation({ referenceDate: "2019-12-31", counts: { "0-18": { "0114": 7 } }, ages: { "2080": ages } });
    const k = keyCounts(mixed, "0-18");
    expect(k.municipal[municipalityPosition("2080")]).toBe(band(0, 18));
    expect(k.municipal[municipalityPosition("0114")]).toBe(7);
    const own = mixed.columns.municipal.get(normalizeKey("0-18"))!;
    expect(own[municipalityPosition("2080")]).toBeNaN();
    expect([...own].filter((v) => v === v)).toEqual([7]);
  });

  it("refuses keys with a character just outside the digits, or a band past 100 in any spelling", () => {
    // "/" and "." sort just below "0", ":" just above "9".
    for (const bad of ["0-1/", "0-1.", "1.-50", "0-1:", ":-5", "0 - 101", "0-101"]) {
      expect(() => parseKey(bad), bad).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT" }));
      expect(() => normalizeKey(bad), bad).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT" }));
    }
    expect(parseKey("0 - 100")).toEqual({ kind: "ages", from: 0, to: 100 });
    expect(normalizeKey("0 – 100")).toBe("0-100");
    expect(normalizeKey("100 - 100")).toBe("100-100");
  });

  it("isPopulationKey: only the canonical spelling is a key as it is", () => {
    for (const key of ["total", "0-18", "0-0", "100-100", "6-100"]) expect(isPopulationKey(key), key).toBe(true);
    for (const key of ["00-18", "0 - 18", "Total", "18-0", "0-101", "0-", ""]) expect(isPopulationKey(key), key).toBe(false);
  });

  it("refuses an input that is not a plain object, even one carrying a date", () => {
    const fn = Object.assign(() => 0, { referenceDate: "2024-11-01" });
    expect(() => createPopulation(fn as never)).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT" }));
  });
});
