import { describe, expect, it } from "vitest";
import { parseJsonStat } from "../../src/io/jsonstat.js";
import { parsePopulation } from "../../src/io/population.js";
import { keyCounts, levelCounts } from "../../src/population.js";
import { dalarnaCounts, fails, fixture } from "./fixtures-helpers.js";

/** A small JSON-stat 2.0 dataset (two municipalities and Sweden × ages 0–1 × sex), row-major. */
function small(value: (number | null)[] | Record<string, number | null>, extra: object = {}) {
  return {
    version: "2.0",
    class: "dataset",
    label: "Folkmängden den 1 november efter region, ålder, kön och år",
    id: ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
    size: [3, 2, 2, 1, 1],
    role: { time: ["Tid"], metric: ["ContentsCode"] },
    dimension: {
      Region: { category: { index: ["2080", "2081", "00"], label: { "2080": "Falun", "2081": "Borlänge", "00": "Riket" } } },
      Alder: { category: { index: { "0": 0, "100+": 1 }, label: { "0": "0 år", "100+": "100+ år" } } },
      Kon: { category: { index: { "1": 0, "2": 1 }, label: { "1": "män", "2": "kvinnor" } } },
      ContentsCode: { category: { index: { BE0101A9: 0 }, label: { BE0101A9: "Folkmängd" } } },
      Tid: { category: { index: { "2024": 0 } } },
    },
    value,
    ...extra,
  };
}

describe("JSON-stat 2.0", () => {
  it("reads the TAB1267 fixture: Dalarna's fifteen 0–18 counts and Sweden's 2 265 405", () => {
    const { byCode, national } = dalarnaCounts();
    const pop = parsePopulation(fixture("dalarna-0-18_TAB1267.json-stat2.json"), { file: "f.json", keys: ["0-18"] });
    expect(pop.referenceDate).toBe("2024-11-01");
    expect(pop.sources[0]).toMatchObject({ origin: "SCB TAB1267" });
    const k = keyCounts(pop, "0-18");
    expect(levelCounts(k, "municipality")).toEqual(byCode);
    expect(BigInt(k.national!)).toBe(national);
  });

  it("walks the value array row-major over id, sums the sexes, reads 100+", () => {
    //            2080: 0 m, 0 k, 100+ m, 100+ k | 2081 … | 00 …
    const pop = parseJsonStat(small([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400]));
    expect(pop.ages.get("2080")!.slice(0, 1)).toEqual([3n]);
    expect(pop.ages.get("2080")![100]).toBe(7n);
    expect(pop.ages.get("2081")![100]).toBe(70n);
    expect(pop.nationalAges![0]).toBe(300n);
  });

  it("reads a sparse value object, null with status '..' as missing and '-' as SCB's zero", () => {
    const value = { "0": 1, "1": 2, "2": null, "3": 4, "4": 10, "5": null, "6": 30, "7": 40, "8": 100, "9": 200, "10": 300, "11": 400 };
    const pop = parseJsonStat(small(value, { status: { "2": "..", "5": "-" } }), { file: "s.json" });
    expect(pop.ages.get("2080")![100]).toBeUndefined();
    expect(pop.ages.get("2081")![0]).toBe(10n);
    expect(fails(() => parseJsonStat(small(value, { status: { "2": "..", "5": "-" } }), { file: "s.json", keys: ["100-100"] }), "POPULATION_BAD_COUNT", undefined, "..").path).toBe("value[2]");
  });

  it("names the JSON path and value of malformed input", () => {
    expect(fails(() => parseJsonStat(small([1, 2, -3, 4, 10, 20, 30, 40, 100, 200, 300, 400])), "POPULATION_BAD_COUNT", undefined, "-3").path).toBe("value[2]");
    expect(fails(() => parseJsonStat(small([1, 2, 3.5, 4, 10, 20, 30, 40, 100, 200, 300, 400])), "POPULATION_BAD_COUNT", undefined, "3.5").path).toBe("value[2]");
    expect(fails(() => parseJsonStat(small([1, 2, 3])), "POPULATION_FORMAT").path).toBe("value");
    expect(fails(() => parseJsonStat({ ...small([]), version: "1.0" }), "POPULATION_FORMAT").path).toBe("version");
    const county = small([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400]);
    county.dimension.Region.category.index = ["2080", "20", "00"];
    expect(fails(() => parseJsonStat(county), "POPULATION_UNKNOWN_CODE", undefined, "20").path).toBe("value[4]");
    // Found by `npm run fuzz -- --seed 7`: an index with a gap (0, 2 for size 3) left a hole that
    // some() skipped, and the reader crashed on the missing code instead of refusing the file.
    const gap = small([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400]);
    gap.dimension.Region.category.index = { "2080": 0, "00": 2 } as unknown as string[];
    expect(fails(() => parseJsonStat(gap), "POPULATION_FORMAT").message).toMatch(/dimension Region: no category has position 1 in category.index \(positions run from 0 to 2\)/);
  });
  it("finds no dimension or label on Object.prototype: a dimension or code named constructor is the file's own or missing", () => {
    // A dimension the id lists but the file does not describe, named like a prototype property.
    const undescribed = small([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400]);
    undescribed.id = ["Region", "Alder", "Kon", "constructor", "Tid"];
    const e = fails(() => parseJsonStat(undescribed), "POPULATION_FORMAT");
    expect(e.issues[0]).toMatchObject({ kind: "jsonstat-undescribed", path: "dimension.constructor" });
    // A content code named toString without a label: the code itself is the content, refused as
    // not a population count (before, the label lookup found Object.prototype.toString).
    const content = small([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400]);
    content.dimension.ContentsCode = { category: { index: { toString: 0 }, label: {} } } as never;
    expect(fails(() => parseJsonStat(content), "POPULATION_FORMAT").issues[0]).toMatchObject({ kind: "not-population", params: { content: "toString" } });
    // A region code named constructor without a label is read by its code: an unknown code.
    const region = small([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400]);
    region.dimension.Region = { category: { index: ["2080", "constructor", "00"], label: { "2080": "Falun", "00": "Riket" } } } as never;
    expect(fails(() => parseJsonStat(region), "POPULATION_UNKNOWN_CODE").issues[0]).toMatchObject({ kind: "region-without-code", params: { region: "constructor" } });
  });
});
