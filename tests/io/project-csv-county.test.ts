/**
 * The project CSV at county level: a `lan_kod` column (`20,total,287966`, `00` for Sweden) read
 * into the dataset's county counts, with the same every-row-used-or-refused rules as `kommun_kod`.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { normalizeKey, keyCounts, levelCounts } from "../../src/population.js";
import { ROOT } from "../helpers.js";

const HEAD = "# referensdatum: 2023-11-01\nlan_kod,nyckel,antal\n";

describe("project CSV with lan_kod", () => {
  it("reads a derived county base: 21 counties, Sweden's count, marked derived", () => {
    const text = readFileSync(resolve(ROOT, "data/population/derived/2023-11-01_lan_harledd.csv"), "utf8");
    const d = parseProjectCsv(text, { file: "2023-11-01_lan_harledd.csv" });
    expect(d.referenceDate).toBe("2023-11-01");
    expect(d.counts.size).toBe(0);
    expect(d.countyCounts.get(normalizeKey("total"))?.size).toBe(21);
    expect(d.countyCounts.get(normalizeKey("total"))?.get("01")).toBe(2_455_914n);
    expect(d.nationalTotals.get(normalizeKey("total"))).toBe(10_557_682n);
    expect(d.sources[0]?.derived).toBe(true);
    const k = keyCounts(d, "total");
    expect(k.national).toBe(10_557_682);
    expect(levelCounts(k, "county").get("25")).toBe(248_653n);
    expect(k.municipalKnown).toBe(0);
    // Sums of the rows, read independently of the reader: the counties are Sweden.
    const rows = text.split("\n").filter((l) => /^\d{2},total,\d+$/.test(l)).map((l) => l.split(","));
    expect(rows.filter((r) => r[0] !== "00").reduce((s, r) => s + BigInt(r[2]!), 0n)).toBe(10_557_682n);
  });

  it("a partial file needs Sweden's count on a 00 row", () => {
    expect(() => parseProjectCsv(`${HEAD}20,total,287966\n`, { file: "p.csv" })).toThrow(/20 of 21 counties are missing \(01 Stockholms län/);
    const ok = parseProjectCsv(`${HEAD}20,total,287966\n00,total,10557682\n`);
    expect(ok.countyCounts.get(normalizeKey("total"))?.get("20")).toBe(287_966n);
    expect(keyCounts(ok, "total").national).toBe(10_557_682);
  });

  it("refuses a 00 row that is not the counties' sum, a municipality code, a 00 row alone and a duplicate", () => {
    const all = readFileSync(resolve(ROOT, "data/population/derived/2023-11-01_lan_harledd.csv"), "utf8").replace("00,total,10557682", "00,total,10557683");
    expect(() => parseProjectCsv(all)).toThrow(/sum to 10557682, not Sweden's 10557683/);
    expect(() => parseProjectCsv(`${HEAD}2080,total,59000\n00,total,1\n`, { file: "p.csv" })).toThrow(/"2080" is not one of the 21 county codes/);
    expect(() => parseProjectCsv(`${HEAD}00,total,10557682\n`)).toThrow(/00 \(Sweden\) row but no county rows/);
    expect(() => parseProjectCsv(`${HEAD}20,total,1\n20,total,2\n00,total,5\n`)).toThrow(/given twice/);
  });

  it("names the line of a bad count", () => {
    try {
      parseProjectCsv(`${HEAD}20,total,28x\n00,total,5\n`, { file: "p.csv" });
      expect.unreachable();
    } catch (e) {
      expect((e as { line?: number }).line).toBe(3);
    }
  });
});
