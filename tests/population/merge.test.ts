// mergePopulations on single-year ages, national totals and national ages, with every refusal's
// parameters: which recipient, which age class, both counts and both sources.
import { describe, expect, it } from "vitest";
import type { StimulansmedelError } from "../../src/errors.js";
import { createPopulation, keyCounts, mergePopulations, type PopulationInput } from "../../src/population.js";

function caught(fn: () => unknown): StimulansmedelError {
  try {
    fn();
  } catch (e) {
    return e as StimulansmedelError;
  }
  throw new Error("expected an error");
}

const pop = (title: string | undefined, input: Omit<PopulationInput, "referenceDate">) =>
  createPopulation({ referenceDate: "2024-11-01", ...input, ...(title === undefined ? {} : { sources: [{ title }] }) });
const ones = () => Array.from({ length: 101 }, () => 1);

describe("mergePopulations", () => {
  it("returns a single dataset as it is", () => {
    const a = pop("a", { counts: { total: { "2080": 1 } } });
    expect(mergePopulations(a)).toBe(a);
  });

  it("joins single-year ages that cover different classes, without changing its inputs", () => {
    const young = pop("young", { ages: { "2080": [1, 2, 3] }, countyAges: { "20": [5] } });
    const old = pop("old", { ages: { "2080": [null, null, 3, 4], "2081": [9] }, countyAges: { "20": [5, 6] } });
    const m = mergePopulations(young, old);
    expect(m.ages.get("2080")!.slice(0, 5)).toEqual([1n, 2n, 3n, 4n, undefined]);
    expect(m.ages.get("2081")![0]).toBe(9n);
    expect(m.countyAges.get("20")!.slice(0, 3)).toEqual([5n, 6n, undefined]);
    expect(young.ages.get("2080")![3]).toBeUndefined();
    expect(young.countyAges.get("20")![1]).toBeUndefined();
    expect(keyCounts(m, "0-3").municipal[0]).toBeNaN();
    expect(m.sources.map((s) => s.title)).toEqual(["young", "old"]);
    expect(m.coverage).toHaveLength(2);
    expect([...m.coverage[1]!.ages]).toEqual(["2080", "2081", "20"]);
  });

  it("refuses two counts for one age class, naming the class, the recipient and both sources", () => {
    const a = pop("A", { ages: { "2080": [1, 2] } });
    const b = pop("B", { ages: { "2080": [1, 3] } });
    const e = caught(() => mergePopulations(a, b));
    expect(e).toMatchObject({ code: "POPULATION_DUPLICATE", kind: "merge-count" });
    expect(e.issues[0]).toMatchObject({ params: { code: "2080", name: "Falun", key: "1 år", first: "2", second: "3", firstSource: "A", secondSource: "B" }, value: "2080" });
    const top = (n: number) => Array.from({ length: 101 }, (_, age) => (age === 100 ? n : null));
    const c = caught(() => mergePopulations(pop("C1", { countyAges: { "20": top(1) } }), pop("C2", { countyAges: { "20": top(2) } })));
    expect(c.issues[0]).toMatchObject({ params: { code: "20", name: "Dalarnas län", key: "100+ år", first: "1", second: "2", firstSource: "C1", secondSource: "C2" } });
    // The same count twice is no conflict.
    expect(mergePopulations(a, pop("A again", { ages: { "2080": [1, 2] } })).ages.get("2080")![1]).toBe(2n);
  });

  it("names the source that first gave a count, not a later one that agreed", () => {
    const a = pop("A", { counts: { total: { "2080": 1 } }, nationalTotals: { total: 5 } });
    const b = pop("B", { counts: { total: { "2081": 4, "2080": 1 } }, nationalTotals: { total: 5 } });
    const c = pop("C", { counts: { total: { "2080": 2 } }, nationalTotals: { total: 5 } });
    expect(caught(() => mergePopulations(a, b, c)).issues[0]).toMatchObject({ params: { code: "2080", first: "1", second: "2", firstSource: "A", secondSource: "C" }, value: "2080" });
    // B's first count (2081) must not become the owner of 2080 either.
    const b2 = pop("B", { counts: { total: { "2081": 4, "2080": 2 } } });
    expect(caught(() => mergePopulations(a, b2)).issues[0]).toMatchObject({ params: { firstSource: "A", secondSource: "B" } });
    const n = caught(() => mergePopulations(a, b, pop("D", { nationalTotals: { total: 6 } })));
    expect(n).toMatchObject({ code: "POPULATION_DUPLICATE", kind: "merge-national" });
    expect(n.issues[0]).toMatchObject({ params: { key: "total", first: "5", second: "6", firstSource: "A", secondSource: "D" }, value: "total" });
  });

  it("names a county by name when two county counts differ", () => {
    const e = caught(() => mergePopulations(pop("X", { countyCounts: { total: { "20": 10 } } }), pop("Y", { countyCounts: { total: { "20": 11 } } })));
    expect(e.issues[0]).toMatchObject({ params: { code: "20", name: "Dalarnas län", key: "total", first: "10", second: "11", firstSource: "X", secondSource: "Y" } });
  });

  it("joins national single-year ages and refuses two counts for one class", () => {
    const a = pop("A", { nationalAges: [10, 20] });
    const b = pop("B", { nationalAges: [null, 20, 30] });
    const m = mergePopulations(pop("none", {}), a, b);
    expect(m.nationalAges!.slice(0, 4)).toEqual([10n, 20n, 30n, undefined]);
    expect(a.nationalAges![2]).toBeUndefined();
    expect(keyCounts(m, "0-2").national).toBe(60);
    expect(mergePopulations(pop("none", {}), pop("other", {})).nationalAges).toBeUndefined();
    const e = caught(() => mergePopulations(a, pop("B", { nationalAges: [11] })));
    expect(e).toMatchObject({ code: "POPULATION_DUPLICATE", kind: "merge-national" });
    expect(e.issues[0]).toMatchObject({ params: { key: "0 år", first: "10", second: "11", firstSource: "A", secondSource: "B" }, value: "00" });
    const top = (v: number) => Array.from({ length: 101 }, (_, age) => (age === 100 ? v : null));
    expect(caught(() => mergePopulations(pop("A", { nationalAges: top(1) }), pop("B", { nationalAges: top(2) }))).issues[0]).toMatchObject({ params: { key: "100+ år" } });
  });

  it("names both dates and both sources, and a dataset without sources as such", () => {
    const e = caught(() => mergePopulations(pop(undefined, {}), createPopulation({ referenceDate: "2024-12-31", sources: [{ title: "p" }, { title: "q" }] })));
    expect(e.issues[0]).toMatchObject({
      code: "POPULATION_DATE_MISMATCH",
      params: { first: "2024-11-01", second: "2024-12-31", firstSource: "(utan källa)", secondSource: "p + q" },
      value: "2024-12-31",
    });
  });

  it("checks a key against single-year ages from another source", () => {
    const e = caught(() => mergePopulations(pop("ages", { ages: { "2080": ones() } }), pop("total", { counts: { total: { "2080": 100 } } })));
    expect(e.issues[0]).toMatchObject({ code: "POPULATION_TOTAL_MISMATCH", kind: "key-vs-ages", params: { code: "2080", given: "100", summed: "101" } });
  });
});
