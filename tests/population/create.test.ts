// createPopulation's refusals with their parameters and locations, and what it keeps: the checks a
// reader relies on so that a bad file is named, never read as a different allocation.
import { describe, expect, it } from "vitest";
import { renderIssue, type StimulansmedelError } from "../../src/errors.js";
import { allCounties, allMunicipalities, getCounty } from "../../src/geography/index.js";
import { createPopulation, keyLabel, MAX_COUNT, normalizeKey, parseKey, type PopulationInput } from "../../src/population.js";

/** The error `fn` throws; fails the test when it throws nothing. */
function caught(fn: () => unknown): StimulansmedelError {
  try {
    fn();
  } catch (e) {
    return e as StimulansmedelError;
  }
  throw new Error("expected an error");
}

const make = (input: Partial<PopulationInput>) => () => createPopulation({ referenceDate: "2024-11-01", ...input });
const ones = () => Array.from({ length: 101 }, () => 1);
const dalarna = getCounty("20").municipalityCodes;

describe("keys", () => {
  it("trims, ignores case and spaces around the dash, and accepts the whole 0–100 range", () => {
    expect(parseKey(" Total ")).toEqual({ kind: "total" });
    expect(parseKey("TOTAL")).toEqual({ kind: "total" });
    expect(parseKey("0 - 18")).toEqual({ kind: "ages", from: 0, to: 18 });
    expect(parseKey("5–5")).toEqual({ kind: "ages", from: 5, to: 5 });
    expect(parseKey("0-100")).toEqual({ kind: "ages", from: 0, to: 100 });
    expect(parseKey("100-100")).toEqual({ kind: "ages", from: 100, to: 100 });
    expect(normalizeKey(" 07 – 018 ")).toBe("7-18");
    expect(normalizeKey("ToTaL")).toBe("total");
  });

  it("refuses anything else, naming the key as given", () => {
    for (const key of ["1000-1000", "x0-18", "0-18x", "0-", "-18", "0_18", "19-18", "0-101", "", "totalt"]) {
      const e = caught(() => parseKey(key, { file: "f.csv" }));
      expect(e).toMatchObject({ code: "POPULATION_FORMAT", kind: "bad-key" });
      expect(e.issues[0]).toMatchObject({ params: { key }, file: "f.csv", value: key });
    }
  });

  it("labels the open top class 100+", () => {
    expect(keyLabel(normalizeKey("total"))).toBe("folkmängd");
    expect(keyLabel(normalizeKey("0-100"))).toBe("folkmängd 0–100+ år");
    expect(keyLabel(normalizeKey("65-99"))).toBe("folkmängd 65–99 år");
  });
});

describe("reference dates", () => {
  it("accepts real calendar dates only", () => {
    expect(createPopulation({ referenceDate: "2024-02-29" }).referenceDate).toBe("2024-02-29");
    expect(createPopulation({ referenceDate: "2024-12-31" }).referenceDate).toBe("2024-12-31");
    for (const date of ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00", "2024-1-01", "x2024-01-01", "2024-01-01x", "20240101"]) {
      const e = caught(() => createPopulation({ referenceDate: date, file: "p.csv" }));
      expect(e).toMatchObject({ code: "POPULATION_FORMAT", kind: "bad-date" });
      expect(e.issues[0]).toMatchObject({ params: { date }, file: "p.csv", value: date });
    }
  });

  it("refuses an input that is not an object or has no date string, naming what it got", () => {
    expect(caught(() => createPopulation(null as unknown as PopulationInput)).issues[0]).toMatchObject({ kind: "bad-date", params: { date: "undefined" } });
    expect(caught(() => createPopulation(7 as unknown as PopulationInput)).issues[0]).toMatchObject({ kind: "bad-date", params: { date: "undefined" } });
    expect(caught(() => createPopulation({ referenceDate: 20241101 } as unknown as PopulationInput)).issues[0]).toMatchObject({ kind: "bad-date", params: { date: "20241101" } });
  });
});

describe("counts", () => {
  it("names the value, the key as normalised and the code of a bad count", () => {
    const e = caught(make({ counts: { "0 – 18": { "2080": -3n } }, file: "x.csv" }));
    expect(e).toMatchObject({ code: "POPULATION_BAD_COUNT", kind: "negative" });
    expect(e.issues[0]).toMatchObject({ params: { value: "-3" }, file: "x.csv", path: "0-18.2080", value: "-3" });
    const big = caught(make({ counts: { total: { "2080": 10_000_000_001 } } }));
    expect(big.issues[0]).toMatchObject({ kind: "too-large", params: { value: "10000000001", limit: "10000000000" }, path: "total.2080" });
    for (const v of [Number.NaN, Infinity, 0.5, -0.5, "5"]) {
      expect(caught(make({ counts: { total: { "2080": v as number } }, file: "w.csv" })).issues[0]).toMatchObject({ kind: "not-whole", params: { value: String(v) }, file: "w.csv", path: "total.2080", value: String(v) });
    }
  });

  it("keeps zero, the limit itself and numbers as bigints", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 0, "2081": 10_000_000_000, "2082": 7n } } });
    expect([...pop.counts.get(normalizeKey("total"))!]).toEqual([
      ["2080", 0n],
      ["2081", MAX_COUNT],
      ["2082", 7n],
    ]);
  });

  it("reads Map inputs as well as objects", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", counts: new Map([["0-18", new Map([["2080", 5]])]]), nationalTotals: new Map([["0-18", 9]]) });
    expect(pop.counts.get(normalizeKey("0-18"))!.get("2080")).toBe(5n);
    expect(pop.nationalTotals.get(normalizeKey("0-18"))).toBe(9n);
  });

  it("refuses a code of the wrong level in every part of the input", () => {
    expect(caught(make({ counts: { total: { "20": 1 } } })).issues[0]).toMatchObject({ code: "POPULATION_UNKNOWN_CODE", kind: "municipality", params: { code: "20" }, value: "20" });
    expect(caught(make({ countyCounts: { total: { "2080": 1 } } })).issues[0]).toMatchObject({ code: "POPULATION_UNKNOWN_CODE", kind: "county", params: { code: "2080" } });
    expect(caught(make({ ages: { "20": [1] }, file: "g.csv" })).issues[0]).toMatchObject({ code: "POPULATION_UNKNOWN_CODE", kind: "municipality", params: { code: "20" }, file: "g.csv", value: "20" });
    expect(caught(make({ countyAges: { "2080": [1] }, file: "g.csv" })).issues[0]).toMatchObject({ code: "POPULATION_UNKNOWN_CODE", kind: "county", params: { code: "2080" }, file: "g.csv", value: "2080" });
    // A bad key names the file too, in counts and in national totals.
    expect(caught(make({ counts: { "0-200": {} }, file: "k.csv" })).issues[0]).toMatchObject({ kind: "bad-key", file: "k.csv", value: "0-200" });
    expect(caught(make({ nationalTotals: { "0-200": 1 }, file: "k.csv" })).issues[0]).toMatchObject({ kind: "bad-key", file: "k.csv", value: "0-200" });
  });

  it("refuses a key given twice in two spellings, in counts, county counts and national totals", () => {
    const cases: [Partial<PopulationInput>, string, string][] = [
      [{ counts: { "0-18": {}, "0–18": {} } }, "0-18", "0–18"],
      [{ countyCounts: { total: {}, " total": {} } }, "total", " total"],
      [{ nationalTotals: { "0-18": 1, "0 - 18": 1 } }, "0-18", "0 - 18"],
    ];
    for (const [input, key, value] of cases) {
      const e = caught(make({ ...input, file: "d.csv" }));
      expect(e).toMatchObject({ code: "POPULATION_DUPLICATE", kind: "key-twice" });
      expect(e.issues[0]).toMatchObject({ params: { key }, file: "d.csv", value });
    }
    expect(caught(make({ nationalTotals: { "0-18": -1 } })).issues[0]).toMatchObject({ kind: "negative", path: "nationalTotals.0-18" });
  });
});

describe("single-year ages", () => {
  it("pads a short vector to 101 classes, reading null as not covered", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", ages: { "2080": [1, null, 3n] }, nationalAges: [4] });
    const v = pop.ages.get("2080")!;
    expect(v).toHaveLength(101);
    expect(v.slice(0, 4)).toEqual([1n, undefined, 3n, undefined]);
    expect(pop.nationalAges).toHaveLength(101);
    expect(pop.nationalAges![0]).toBe(4n);
    expect(createPopulation({ referenceDate: "2024-11-01" }).nationalAges).toBeUndefined();
  });

  it("takes 101 classes and refuses 102 or a vector that is not an array", () => {
    expect(createPopulation({ referenceDate: "2024-11-01", countyAges: { "20": ones() } }).countyAges.get("20")![100]).toBe(1n);
    const e = caught(make({ ages: { "2080": [...ones(), 1] }, file: "a.csv" }));
    expect(e.issues[0]).toMatchObject({ code: "POPULATION_FORMAT", kind: "too-many-ages", params: { label: "2080", count: 102 }, file: "a.csv", value: "2080" });
    expect(caught(make({ countyAges: { "20": { 0: 1 } as unknown as number[] } })).issues[0]).toMatchObject({ kind: "too-many-ages", params: { label: "20", count: 0 } });
    expect(caught(make({ nationalAges: [...ones(), 1, 1] })).issues[0]).toMatchObject({ kind: "too-many-ages", params: { label: "00", count: 103 } });
  });

  it("names the age class of a bad count", () => {
    expect(caught(make({ ages: { "2080": [1, 2, 3, -4] }, file: "a.csv" })).issues[0]).toMatchObject({ kind: "negative", path: "ages.2080[3]", file: "a.csv" });
  });
});

describe("coverage", () => {
  it("records per source which codes each key and the ages come from", () => {
    const pop = createPopulation({
      referenceDate: "2024-11-01",
      counts: { "0-18": { "2080": 1 } },
      countyCounts: { "0-18": { "09": 2 }, total: { "20": 3 } },
      ages: { "2081": [1] },
      countyAges: { "21": [1] },
      nationalTotals: { "0-18": 10 },
      nationalAges: [1],
      sources: [{ title: "a" }, { title: "b" }],
    });
    expect(pop.coverage).toHaveLength(2);
    const c = pop.coverage[0]!;
    expect(pop.coverage[1]).toBe(c);
    expect([...c.keys.entries()].map(([k, s]) => [k, [...s]])).toEqual([
      ["0-18", ["2080", "09", "00"]],
      ["total", ["20"]],
    ]);
    expect([...c.ages]).toEqual(["2081", "21", "00"]);
    const bare = createPopulation({ referenceDate: "2024-11-01", ages: { "2081": [1] } });
    expect(bare.sources).toEqual([]);
    expect(bare.coverage).toEqual([]);
    expect([...createPopulation({ referenceDate: "2024-11-01", ages: { "2081": [1] }, sources: [{ title: "s" }] }).coverage[0]!.ages]).toEqual(["2081"]);
  });
});

describe("totals against their parts (before 2025)", () => {
  const each = (n: number) => Object.fromEntries(dalarna.map((m) => [m, n]));

  it("names the county, both sums and the key of a county that disagrees", () => {
    const e = caught(make({ counts: { total: each(10) }, countyCounts: { total: { "20": 149 } }, file: "c.csv" }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({
      code: "POPULATION_TOTAL_MISMATCH",
      kind: "county-sum",
      params: { key: "total", county: "20", name: "Dalarnas län", summed: "150", given: "149" },
      file: "c.csv",
      value: "149",
    });
  });

  it("checks the last day before the noise and not its first day", () => {
    const input = { counts: { total: each(10) }, countyCounts: { total: { "20": 151 } } };
    expect(caught(() => createPopulation({ referenceDate: "2024-12-31", ...input })).kind).toBe("county-sum");
    expect(createPopulation({ referenceDate: "2025-01-01", ...input }).countyCounts.get(normalizeKey("total"))!.get("20")).toBe(151n);
  });

  it("refuses a national total that complete municipal or county counts do not sum to, or that some exceed", () => {
    const everyone = Object.fromEntries(allMunicipalities().map((m) => [m.code, 10]));
    // 290 municipalities × 10 = 2 900 persons.
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { total: everyone }, nationalTotals: { total: 2_900 } }).nationalTotals.get(normalizeKey("total"))).toBe(2_900n);
    expect(caught(make({ counts: { total: everyone }, nationalTotals: { total: 2_901 }, file: "n.csv" })).issues[0]).toMatchObject({
      code: "POPULATION_TOTAL_MISMATCH",
      kind: "sum-vs-national",
      params: { key: "total", level: "municipality", summed: "2900", declared: "2901", complete: true },
      file: "n.csv",
      value: "2901",
    });
    // Dalarna's 15 alone (150) cannot exceed Sweden's total; 149 says the file is wrong.
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { total: each(10) }, nationalTotals: { total: 151 } }).counts.size).toBe(1);
    expect(caught(make({ counts: { total: each(10) }, nationalTotals: { total: 149 } })).issues[0]).toMatchObject({ kind: "sum-vs-national", params: { summed: "150", complete: false } });
    // 21 counties × 100 = 2 100, given at county level only.
    const counties = Object.fromEntries(allCounties().map((c) => [c.code, 100]));
    expect(createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: counties }, nationalTotals: { total: 2_100 } }).countyCounts.size).toBe(1);
    const e = caught(make({ countyCounts: { total: counties }, nationalTotals: { total: 2_000 } }));
    expect(e.issues[0]).toMatchObject({ kind: "sum-vs-national", params: { level: "county", summed: "2100", declared: "2000", complete: true } });
    expect(renderIssue(e.issues[0]!, "sv")).toContain("länens antal för total summerar till 2100, inte till rikets angivna 2000");
    // From 2025 SCB's noise lets a total differ from its parts.
    expect(createPopulation({ referenceDate: "2025-12-31", counts: { total: everyone }, nationalTotals: { total: 2_901 } }).nationalTotals.get(normalizeKey("total"))).toBe(2_901n);
  });

  it("refuses some counties that exceed Sweden's total, and lets them reach it", () => {
    // Dalarna alone at 300 against Sweden's 292; at exactly 292 the other 20 counties have no one left.
    const e = caught(make({ countyCounts: { total: { "20": 300 } }, nationalTotals: { total: 292 }, file: "c.csv" }));
    expect(e.issues[0]).toMatchObject({ code: "POPULATION_TOTAL_MISMATCH", kind: "sum-vs-national", params: { key: "total", level: "county", summed: "300", declared: "292", complete: false }, file: "c.csv", value: "292" });
    expect(createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: { "20": 292 } }, nationalTotals: { total: 292 } }).countyCounts.size).toBe(1);
  });

  it("does not check a county whose municipalities are not all known", () => {
    const fourteen = Object.fromEntries(dalarna.slice(1).map((m) => [m, 10]));
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { total: fourteen }, countyCounts: { total: { "20": 999 } } }).countyCounts.size).toBe(1);
  });

  it("sums a county's municipalities from their single-year ages for a band", () => {
    const ages = Object.fromEntries(dalarna.map((m) => [m, ones()]));
    // 15 municipalities × 19 classes (0–18) of one person.
    expect(createPopulation({ referenceDate: "2024-11-01", ages, countyCounts: { "0-18": { "20": 285 } } }).countyCounts.size).toBe(1);
    expect(caught(make({ ages, countyCounts: { "0-18": { "20": 286 } } })).issues[0]).toMatchObject({ params: { summed: "285", given: "286", key: "0-18" } });
  });

  it("checks a key against the ages of the same code, municipal and county, and reports every mismatch", () => {
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 19 } }, ages: { "2080": ones() } }).counts.size).toBe(1);
    // A band that does not start at 0: ages 5 to 9, five classes.
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { "5-9": { "2080": 5 } }, ages: { "2080": ones() } }).counts.size).toBe(1);
    const e = caught(make({ counts: { "0-18": { "2080": 20 } }, ages: { "2080": ones() }, countyCounts: { total: { "09": 100 } }, countyAges: { "09": ones() }, file: "k.csv" }));
    expect(e.issues.map((i) => [i.kind, i.params])).toEqual([
      ["key-vs-ages", { key: "0-18", code: "2080", given: "20", summed: "19" }],
      ["key-vs-ages", { key: "total", code: "09", given: "100", summed: "101" }],
    ]);
    expect(e.issues[1]).toMatchObject({ file: "k.csv", value: "100" });
    // Ages that do not cover the band say nothing about it.
    expect(createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 20 } }, ages: { "2080": [1, 1] } }).counts.size).toBe(1);
  });
});
