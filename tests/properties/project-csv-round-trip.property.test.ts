/**
 * formatProjectCsv is lossless: a dataset with single-year ages, keyed counts, Sweden's totals
 * and county rows formats to a project CSV that parses back to the same counts (issue 13).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allCounties, allMunicipalities } from "../../src/geography/index.js";
import { formatProjectCsv, parseProjectCsv } from "../../src/io/project-csv.js";
import { normalizeKey, createPopulation, type PopulationDataset } from "../../src/population.js";

// One municipality of each county is never drawn: a county whose municipalities are all given is
// checked against their sum, which random counts would not meet.
const MUNICIPALITIES = allMunicipalities()
  .filter((m, i, all) => all.findIndex((o) => o.countyCode === m.countyCode) !== i)
  .map((m) => m.code);
const COUNTIES = allCounties().map((c) => c.code);

/** Everything a dataset says about counts, in a comparable shape (maps sorted by code). */
function counts(d: PopulationDataset): unknown {
  const sorted = <T>(m: ReadonlyMap<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const keyed = (m: ReadonlyMap<string, ReadonlyMap<string, bigint>>) => sorted(m).map(([k, byCode]) => [k, sorted(byCode)]);
  const aged = (m: ReadonlyMap<string, readonly (bigint | undefined)[]>) => sorted(m).map(([code, v]) => [code, [...v].map((n) => n ?? null)]);
  return {
    referenceDate: d.referenceDate,
    counts: keyed(d.counts),
    countyCounts: keyed(d.countyCounts),
    ages: aged(d.ages),
    countyAges: aged(d.countyAges),
    nationalAges: d.nationalAges ? [...d.nationalAges].map((n) => n ?? null) : null,
    nationalTotals: sorted(d.nationalTotals),
  };
}

const sum = (xs: Iterable<bigint>) => [...xs].reduce((s, n) => s + n, 0n);

describe("formatProjectCsv round trip", () => {
  it("keeps ages, keyed counts, Sweden's totals and county rows of a hand-made dataset", () => {
    const countyTotals = Object.fromEntries(COUNTIES.map((c, i) => [c, BigInt(100_000 + i)]));
    const national = sum(Object.values(countyTotals));
    const pop = createPopulation({
      referenceDate: "2024-11-01",
      counts: { total: { "2080": 59_000n, "2081": 52_000n }, "0-18": { "2080": 13_093n, "0114": 10_000n } },
      ages: { "2080": [700n, 710n, 720n], "2023": [50n, 51n, 52n] },
      nationalAges: [100_000n, 101_000n, 102_000n],
      countyCounts: { total: countyTotals },
      nationalTotals: { total: national, "0-18": 2_265_405n },
      sources: [{ title: "handgjord" }],
    });
    const text = formatProjectCsv(pop);
    // Four sections, each under its own header, and Sweden's total once.
    expect(text.split("\n").filter((l) => /^(kommun_kod|lan_kod),/.test(l))).toEqual(["kommun_kod,nyckel,antal", "kommun_kod,alder,antal", "lan_kod,nyckel,antal"]);
    expect(text.split("\n").filter((l) => l.startsWith("00,total,"))).toEqual([`00,total,${national}`]);
    const back = parseProjectCsv(text);
    expect(counts(back)).toEqual(counts(pop));
    expect(back.countyCounts.get(normalizeKey("total"))!.get("20")).toBe(countyTotals["20"]);
    expect(back.ages.get("2023")![2]).toBe(52n);
    expect(back.nationalAges![1]).toBe(101_000n);
  });

  it("parse(format(x)) == x for random datasets of every kind", () => {
    const arb = fc
      .record({
        municipal: fc.uniqueArray(fc.constantFrom(...MUNICIPALITIES), { minLength: 1, maxLength: 20 }),
        aged: fc.uniqueArray(fc.constantFrom(...MUNICIPALITIES), { minLength: 0, maxLength: 5 }),
        ages: fc.integer({ min: 1, max: 101 }),
        withCounties: fc.boolean(),
        seed: fc.array(fc.bigInt(0n, 10n ** 6n), { minLength: 40, maxLength: 40 }),
      })
      .map(({ municipal, aged: anyAged, ages, withCounties, seed }) => {
        // A municipality with both ages and a key is checked for agreement between them; kept apart here.
        const aged = anyAged.filter((c) => !municipal.includes(c));
        const at = (i: number) => seed[i % seed.length]!;
        // National totals above anything the partial counts can sum to (20 municipalities of at
        // most 10^6 and 5 aged ones of at most 101 × 10^6): before 2025 a total below its parts
        // is refused.
        const countyTotals = Object.fromEntries(COUNTIES.map((c, i) => [c, at(i) + 3n * 10n ** 8n]));
        const municipalTotal = Object.fromEntries(municipal.map((c, i) => [c, at(i + 7)]));
        const national = withCounties ? sum(Object.values(countyTotals)) : sum(Object.values(municipalTotal)) + 5n * 101n * 10n ** 6n + 1n;
        return createPopulation({
          referenceDate: "2024-11-01",
          counts: { total: municipalTotal, "0-18": Object.fromEntries(municipal.map((c, i) => [c, at(i + 3)])) },
          ...(aged.length > 0
            ? { ages: Object.fromEntries(aged.map((c, i) => [c, Array.from({ length: ages }, (_, a) => at(i + a))])), nationalAges: Array.from({ length: ages }, (_, a) => at(a) * 1000n + 10n ** 7n) }
            : {}),
          ...(withCounties ? { countyCounts: { total: countyTotals } } : {}),
          nationalTotals: { total: national, "0-18": sum(Object.values(municipalTotal)) * 2n + 2n * 10n ** 8n },
          sources: [{ title: "slump" }],
        });
      });
    fc.assert(
      fc.property(arb, (pop) => {
        expect(counts(parseProjectCsv(formatProjectCsv(pop)))).toEqual(counts(pop));
      }),
      { numRuns: 60 },
    );
  });
});
