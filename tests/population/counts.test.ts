// keyCounts, levelCounts, availableKeys and sourcesUsed on small hand-built datasets whose every
// figure is worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { allCounties, allMunicipalities, getCounty } from "../../src/geography/index.js";
import { countyPosition, municipalityPosition } from "../../src/geography/positions.js";
import { availableKeys, createPopulation, keyCounts, levelCounts, normalizeKey, sourcesUsed, sumAges } from "../../src/population.js";

const everyone = (n: number) => Object.fromEntries(allMunicipalities().map((m) => [m.code, n]));
const everyCounty = (n: number) => Object.fromEntries(allCounties().map((c) => [c.code, n]));
const ones = () => Array.from({ length: 101 }, () => 1);
const at = (code: string) => municipalityPosition(code);
const atCounty = (code: string) => countyPosition(code);

describe("sumAges", () => {
  it("sums inclusive bounds and names the first class missing", () => {
    expect(sumAges([1n, 2n, 4n, 8n], 1, 2)).toBe(6n);
    expect(sumAges([1n, 2n, 4n, 8n], 3, 3)).toBe(8n);
    expect(sumAges([1n, undefined, 4n, undefined], 0, 3)).toEqual({ uncovered: 1 });
    expect(sumAges([], 2, 1)).toBe(0n);
  });
});

describe("keyCounts", () => {
  it("prefers a directly given count to the same municipality's single-year ages", () => {
    // After 2025 a count need not equal its ages (SCB's noise), so both may stand.
    const pop = createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 7 } }, ages: { "2080": ones(), "2081": ones() } });
    const k = keyCounts(pop, "total");
    expect(k.municipal[at("2080")]).toBe(7);
    expect(k.municipal[at("2081")]).toBe(101);
    expect(k.municipalKnown).toBe(2);
    expect(k.derivation).toBe("summed from single-year ages");
    const direct = keyCounts(createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 7 } }, ages: { "2080": ones() } }), "total");
    expect(direct.derivation).toBe("given");
    expect(direct.municipal[at("2080")]).toBe(7);
  });

  it("fills counts from ages into a copy, never into the dataset's own column, and copies nothing it need not fill", () => {
    const pop = createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 7 } }, ages: { "2080": ones(), "2081": ones() } });
    const column = pop.columns.municipal.get(normalizeKey("total"))!;
    const k = keyCounts(pop, "total");
    expect(k.municipal[at("2081")]).toBe(101);
    // The dataset still says what it was given: 2081 has no direct count.
    expect(column[at("2081")]).toBeNaN();
    expect(keyCounts(pop, "total").municipal[at("2081")]).toBe(101);
    // Ages that fill nothing (every given municipality has its count): the given column as it is.
    const given = createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 7 } }, ages: { "2080": ones() } });
    expect(keyCounts(given, "total").municipal).toBe(given.columns.municipal.get(normalizeKey("total")));
    // A key neither given nor summable (ages uncovered in its band): every municipality unknown.
    const partial = createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 7 } }, ages: { "2080": [1, 2] } });
    const none = keyCounts(partial, "0-18");
    expect(Array.from(none.municipal).every((v) => Number.isNaN(v))).toBe(true);
    expect(none.municipalKnown).toBe(0);
    expect(none.unavailable).toEqual({ kind: "ages-uncovered", code: "2080", age: 2 });
  });

  it("prefers a given county count to the county's single-year ages", () => {
    const pop = createPopulation({ referenceDate: "2025-12-31", countyCounts: { total: { "20": 5 } }, countyAges: { "20": ones(), "21": ones() } });
    const k = keyCounts(pop, "0-18");
    expect(k.county[atCounty("20")]).toBe(19); // no 0-18 count is given, so the ages: 19 classes of one
    const t = keyCounts(pop, "total");
    expect(t.county[atCounty("20")]).toBe(5);
    expect(t.county[atCounty("21")]).toBe(101);
    expect(t.derivation).toBe("summed from single-year ages");
    expect(keyCounts(createPopulation({ referenceDate: "2025-12-31", countyCounts: { total: { "20": 5 } }, countyAges: { "20": ones() } }), "total").derivation).toBe("given");
  });

  it("sums a band from county ages, and a county without counts stays unknown", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", countyAges: { "20": ones(), "21": [1, 2, 3] } });
    const k = keyCounts(pop, "0-18");
    expect(k.county[atCounty("20")]).toBe(19);
    expect(k.county[atCounty("21")]).toBeNaN();
    expect(k.countyKnown).toBe(1);
    expect(k.municipalKnown).toBe(0);
    expect(k.national).toBeUndefined();
    expect(k.derivation).toBe("summed from single-year ages");
    expect(k.unavailable).toBeUndefined();
    expect(keyCounts(pop, "0-2").county[atCounty("21")]).toBe(6);
  });

  it("reports the first uncovered recipient in code order, whatever the input's order", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", ages: { "2080": [1], "0115": [1, 1], "0114": [1, 1, 1] } });
    expect(keyCounts(pop, "0-5").unavailable).toEqual({ kind: "ages-uncovered", code: "0114", age: 3 });
    const counties = createPopulation({ referenceDate: "2024-11-01", countyAges: { "21": [1], "03": [1, 1] } });
    expect(keyCounts(counties, "0-5").unavailable).toEqual({ kind: "ages-uncovered", code: "03", age: 2 });
    // A municipality's gap is found before a county's.
    const both = createPopulation({ referenceDate: "2024-11-01", ages: { "2080": [1] }, countyAges: { "01": [1, 1] } });
    expect(keyCounts(both, "0-5").unavailable).toEqual({ kind: "ages-uncovered", code: "2080", age: 1 });
  });

  it("is unavailable only when nothing at all is known", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", ages: { "2080": [1, 1] }, countyAges: { "21": [1] } });
    expect(keyCounts(pop, "0-1").unavailable).toBeUndefined(); // Falun 2, Gävleborg not
    expect(keyCounts(pop, "0-1").municipal[at("2080")]).toBe(2);
    expect(keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 1 } } }), "total").unavailable).toBeUndefined();
    expect(keyCounts(createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: { "20": 1 } } }), "total").unavailable).toBeUndefined();
    expect(keyCounts(createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: { "20": 1 } } }), "0-18").unavailable).toEqual({ kind: "no-key" });
  });

  it("sums a county only from all its municipalities", () => {
    const gotland = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: { "0980": 61_000 } } }), "total");
    expect(gotland.county[atCounty("09")]).toBe(61_000);
    expect(gotland.countyKnown).toBe(1);
    const dalarna = getCounty("20").municipalityCodes;
    const fourteen = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: Object.fromEntries(dalarna.slice(0, 14).map((m) => [m, 3])) } }), "total");
    expect(fourteen.county[atCounty("20")]).toBeNaN();
    expect(fourteen.countyKnown).toBe(0);
    expect(fourteen.municipalKnown).toBe(14);
    const all = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: Object.fromEntries(dalarna.map((m) => [m, 3])) } }), "total");
    expect(all.county[atCounty("20")]).toBe(45);
    expect(all.national).toBeUndefined(); // 15 of 290 municipalities, 1 of 21 counties
  });

  it("sums each county's run of municipalities, counting known ones one by one only where one is unknown", () => {
    // Every county with a gap, and one without: counts 1…290 by position, every fifth unknown in
    // the odd counties. Worked out independently, municipality by municipality.
    const given: Record<string, number> = {};
    const counties = allCounties();
    let known = 0;
    let sum = 0;
    const expected = new Map<string, number>();
    allMunicipalities().forEach((m, i) => {
      const c = counties.findIndex((x) => x.code === m.countyCode);
      if (c % 2 === 1 && i % 5 === 0) {
        expected.set(m.countyCode, NaN);
        return;
      }
      given[m.code] = i + 1;
      known++;
      sum += i + 1;
      expected.set(m.countyCode, (expected.get(m.countyCode) ?? 0) + i + 1);
    });
    const k = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: given } }), "total");
    expect(k.municipalKnown).toBe(known);
    expect(k.municipalSum).toBe(sum);
    for (const c of counties) {
      if (Number.isNaN(expected.get(c.code))) expect(k.county[atCounty(c.code)]).toBeNaN();
      else expect(k.county[atCounty(c.code)]).toBe(expected.get(c.code));
    }
    expect(k.countyKnown).toBe(counties.filter((c) => !Number.isNaN(expected.get(c.code))).length);
    // The largest known counts bound the kernels' products: unknown ones (NaN) bound nothing.
    expect(k.municipalMax).toBe(Math.max(...Object.values(given)));
    expect(k.countyMax).toBe(Math.max(...[...expected.values()].filter((v) => !Number.isNaN(v))));
    const none = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 5 } } }), "0-18");
    expect([none.municipalMax, none.countyMax]).toEqual([0, 0]);
    // The largest, not the last: Stockholm (first) above Norrbotten (last), Älvdalen (2039) above Falun (2080).
    const first = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2039": 60_000, "2080": 7_000 } }, countyCounts: { total: { "01": 500_000, "25": 7 } } }), "total");
    expect([first.municipalMax, first.countyMax]).toEqual([60_000, 500_000]);
  });

  it("takes the national count from the municipalities before the counties, and from the counties when municipalities are missing", () => {
    // After 2025 counties need not equal their municipalities; the municipal sum (290) wins.
    const both = keyCounts(createPopulation({ referenceDate: "2025-12-31", counts: { total: everyone(1) }, countyCounts: { total: everyCounty(100) } }), "total");
    expect(both.national).toBe(290);
    expect(both.declared).toBe(false);
    expect(both.county[atCounty("20")]).toBe(100);
    expect(both.countyKnown).toBe(21);
    const countiesOnly = { ...everyCounty(100) };
    const partial = keyCounts(createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 1 } }, countyCounts: { total: countiesOnly } }), "total");
    expect(partial.national).toBe(2100);
    const { "25": _, ...twenty } = everyCounty(100);
    expect(keyCounts(createPopulation({ referenceDate: "2025-12-31", countyCounts: { total: twenty } }), "total").national).toBeUndefined();
  });

  it("declares the national count from national single-year ages when no total is given", () => {
    const pop = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 5 } }, nationalAges: Array.from({ length: 101 }, () => 2) });
    const k = keyCounts(pop, "0-18");
    expect(k.national).toBe(38); // 19 classes × 2
    expect(k.declared).toBe(true);
    const total = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 5 } }, nationalTotals: { "0-18": 50 }, nationalAges: Array.from({ length: 101 }, () => 2) });
    expect(keyCounts(total, "0-18").national).toBe(50);
    const short = createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 5 } }, nationalAges: [2, 2] });
    expect(keyCounts(short, "0-18").national).toBeUndefined();
    expect(keyCounts(short, "0-18").declared).toBe(false);
    expect(keyCounts(short, "0-1").national).toBe(4);
  });

  it("flags a declared total only when it differs from a complete sum", () => {
    const same = keyCounts(createPopulation({ referenceDate: "2025-12-31", counts: { total: everyone(1) }, nationalTotals: { total: 290 } }), "total");
    expect(same.mismatch).toBeUndefined();
    expect(same.national).toBe(290);
    expect(same.declared).toBe(true);
    const counties = keyCounts(createPopulation({ referenceDate: "2025-12-31", countyCounts: { total: everyCounty(10) }, nationalTotals: { total: 200 } }), "total");
    expect(counties.mismatch).toEqual({ declared: 200n, summed: 210n });
    expect(counties.national).toBe(200);
    const partial = keyCounts(createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 1 } }, nationalTotals: { total: 200 } }), "total");
    expect(partial.mismatch).toBeUndefined();
  });
});

describe("levelCounts", () => {
  it("gives bigints per code at each level and nothing for SKR", () => {
    const k = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: { ...everyone(1), "0114": 3 } } }), "total");
    const m = levelCounts(k, "municipality");
    expect(m.size).toBe(290);
    expect(m.get("0114")).toBe(3n);
    expect(m.get("2584")).toBe(1n);
    expect([...m.keys()][0]).toBe("0114");
    const c = levelCounts(k, "county");
    expect(c.get("01")).toBe(28n); // 26 municipalities, Upplands Väsby 3
    expect(c.get("25")).toBe(14n);
    expect(levelCounts(k, "skr").size).toBe(0);
    const partial = keyCounts(createPopulation({ referenceDate: "2024-11-01", counts: { total: { "2080": 4 } } }), "total");
    expect([...levelCounts(partial, "municipality")]).toEqual([["2080", 4n]]);
    expect(levelCounts(partial, "region").size).toBe(0);
  });
});

describe("availableKeys", () => {
  it("lists given keys once, and total when there are ages", () => {
    expect(availableKeys(createPopulation({ referenceDate: "2024-11-01", counts: { "0-18": { "2080": 1 } }, countyCounts: { "0-18": { "20": 1 }, "65-100": { "20": 1 } } }))).toEqual(["0-18", "65-100"]);
    expect(availableKeys(createPopulation({ referenceDate: "2024-11-01", ages: { "2080": [1] } }))).toEqual(["total"]);
    expect(availableKeys(createPopulation({ referenceDate: "2024-11-01", countyAges: { "20": [1] } }))).toEqual(["total"]);
    expect(availableKeys(createPopulation({ referenceDate: "2025-12-31", counts: { total: { "2080": 1 } }, ages: { "2080": [1] } }))).toEqual(["total"]);
    expect(availableKeys(createPopulation({ referenceDate: "2024-11-01", nationalTotals: { total: 1 }, nationalAges: [1] }))).toEqual([]);
  });
});

describe("sourcesUsed", () => {
  const county = createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: { "20": 10 } }, sources: [{ title: "county" }] });
  const falun = createPopulation({ referenceDate: "2024-11-01", ages: { "2080": [1] }, sources: [{ title: "falun ages" }] });

  it("names the sources of a recipient's count or its municipalities' counts, by key", () => {
    const d = { sources: [...county.sources, ...falun.sources], coverage: [...county.coverage, ...falun.coverage] };
    expect(sourcesUsed(d, "total", "county", "20").map((s) => s.title)).toEqual(["county", "falun ages"]);
    expect(sourcesUsed(d, "total", "region", "20").map((s) => s.title)).toEqual(["county", "falun ages"]);
    expect(sourcesUsed(d, "total", "municipality", "2080").map((s) => s.title)).toEqual(["falun ages"]);
    expect(sourcesUsed(d, "0-18", "county", "20").map((s) => s.title)).toEqual(["falun ages"]);
    expect(sourcesUsed(d, "total", "county", "21")).toEqual([]);
    expect(sourcesUsed(d, "total", "skr", "20")).toEqual([]);
    expect(sourcesUsed(d, " TOTAL ", "municipality", "2080").map((s) => s.title)).toEqual(["falun ages"]);
  });

  it("skips a source without coverage, and keeps derived sources when no official one supplies the same", () => {
    const derived = createPopulation({ referenceDate: "2024-11-01", countyCounts: { total: { "20": 10 } }, sources: [{ title: "worked back", derived: true }] });
    expect(sourcesUsed(derived, "total", "county", "20").map((s) => s.title)).toEqual(["worked back"]);
    expect(sourcesUsed({ sources: [{ title: "orphan" }, ...derived.sources], coverage: [] }, "total", "county", "20")).toEqual([]);
    // An unknown county code is looked up on its own, without members.
    const odd = { sources: [{ title: "odd" }], coverage: [{ keys: new Map([[normalizeKey("total"), new Set(["99"])]]), ages: new Set<string>() }] };
    expect(sourcesUsed(odd, "total", "county", "99").map((s) => s.title)).toEqual(["odd"]);
  });
});
