import { describe, expect, it } from "vitest";
import { buildScbPopulation, parseAge, parseRegionCode, parseScbValue, parseSex, scbReferenceDate, type ScbCell } from "../../src/io/scb.js";
import { parseScbCsv } from "../../src/io/scb-csv.js";
import { fails } from "./fixtures-helpers.js";

describe("SCB codes and labels", () => {
  it("regions: code with or without label", () => {
    expect(["2080 Falun", "2080 - Falun", "2080", " 2080 ", "20 Dalarnas län", "00 Riket", "Riket"].map((r) => parseRegionCode(r, {}))).toEqual(["2080", "2080", "2080", "2080", "20", "00", "00"]);
  });
  it("ages: 0 år … 100+ år, totalt ålder, SCB's codes, English labels", () => {
    expect(["0 år", "99 år", "100+ år", "100+", "100", "tot", "totalt ålder", "17 years"].map((a) => parseAge(a, {}))).toEqual([0, 99, 100, 100, 100, "total", "total", 17]);
    fails(() => parseAge("101 år", { line: 7 }), "POPULATION_FORMAT", 7, "101 år");
  });
  it("sexes: män, kvinnor, totalt, SCB's codes 1, 2, TotSa", () => {
    expect(["män", "kvinnor", "totalt", "1", "2", "TotSa", "totalt, samtliga män och kvinnor", "men", "women"].map((s) => parseSex(s, {}))).toEqual([
      "men", "women", "total", "men", "women", "total", "total", "men", "women",
    ]);
  });
  it("values: digits, thousands spaces, .. (1–6 dots) missing, - zero", () => {
    expect(parseScbValue("13 093", {})).toEqual({ kind: "count", n: 13_093n });
    expect(parseScbValue("1\u202f234\u00a0567", {})).toEqual({ kind: "count", n: 1_234_567n });
    for (const dots of [".", "..", "...", "......"]) expect(parseScbValue(dots, {})).toEqual({ kind: "missing", symbol: dots });
    expect(parseScbValue("-", {})).toEqual({ kind: "count", n: 0n });
    fails(() => parseScbValue(".......", { line: 3 }), "POPULATION_BAD_COUNT", 3, ".......");
    fails(() => parseScbValue("\u22125", {}), "POPULATION_BAD_COUNT", undefined, "\u22125");
    fails(() => parseScbValue("1 23", {}), "POPULATION_BAD_COUNT");
  });
});

describe("the reference-date rule", () => {
  it("month periods end on the month's last day", () => {
    expect(scbReferenceDate("2024M10")).toBe("2024-10-31");
    expect(scbReferenceDate("2024M02")).toBe("2024-02-29");
    expect(scbReferenceDate("2023M02")).toBe("2023-02-28");
  });
  it("year periods take the day from the title or the table id, else unknown", () => {
    expect(scbReferenceDate("2024", { title: "Folkmängden den 1 november efter region, ålder och kön. År 2002 - 2024" })).toBe("2024-11-01");
    expect(scbReferenceDate("2019", { title: "Befolkningen 31 december" })).toBe("2019-12-31");
    expect(scbReferenceDate("2024", { tableId: "TAB1267" })).toBe("2024-11-01");
    expect(scbReferenceDate("2024", { tableId: "TAB638" })).toBe("2024-12-31");
    expect(scbReferenceDate("2024", { title: "Folkmängden efter region, civilstånd, ålder och kön. År 1968 - 2024" })).toBeUndefined();
    expect(scbReferenceDate("", { title: "Folkmängden den 1 november 2024" })).toBe("2024-11-01");
    expect(scbReferenceDate("2024K4")).toBeUndefined();
  });
});

describe("buildScbPopulation", () => {
  const cell = (region: string, age: number | "total", n: number, extra: Partial<ScbCell> = {}): ScbCell => ({
    region, age, sex: "total", marital: "total", period: "2024", value: { kind: "count", n: BigInt(n) }, where: { line: 1 }, ...extra,
  });
  it("sums marital statuses, preferring a total, and records what it did", () => {
    const pop = buildScbPopulation(
      [cell("2080", 0, 2, { marital: "ogifta" }), cell("2080", 0, 3, { marital: "gifta" }), cell("00", 0, 9, { marital: "ogifta" }), cell("00", 0, 1, { marital: "total" })],
      { format: "test", title: "den 1 november" },
    );
    expect(pop.ages.get("2080")![0]).toBe(5n);
    expect(pop.nationalAges![0]).toBe(1n);
    expect(pop.sources[0]!.note).toMatch(/^test; period 2024/);
  });
  it("reads an English export too", () => {
    const pop = parseScbCsv('"Population 31 December by region, age and sex"\n\n"region","age","sex","2023"\n"2080 Falun","0 years","men",1\n"2080 Falun","0 years","women",2\n"00 Sweden","0 years","men",5\n"00 Sweden","0 years","women",5\n');
    expect(pop.referenceDate).toBe("2023-12-31");
    expect(pop.ages.get("2080")![0]).toBe(3n);
    expect(pop.nationalAges![0]).toBe(10n);
  });
});
