import { describe, expect, it } from "vitest";
import { PopulationError } from "../../src/errors.js";
import { parsePopulation, safeParsePopulation } from "../../src/io/population.js";
import { normalizeKey } from "../../src/population.js";

const enc = new TextEncoder();
const good = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n00,0-18,2265405\n";

describe("parsePopulation / safeParsePopulation", () => {
  it("reads the project CSV from bytes, with or without a byte-order mark", () => {
    expect(parsePopulation(enc.encode(good)).counts.get(normalizeKey("0-18"))!.get("2080")).toBe(13093n);
    expect(parsePopulation(enc.encode(`\uFEFF${good}`)).nationalTotals.get(normalizeKey("0-18"))).toBe(2265405n);
  });

  it("reads Windows-1252 bytes as such, and refuses UTF-16 with a typed error naming the file", () => {
    const latin1 = Uint8Array.from([...enc.encode("# referensdatum: 2024-11-01\n# k"), 0xe4, ...enc.encode("lla: x\nkommun_kod,nyckel,antal\n2080,0-18,13093\n00,0-18,2265405\n")]);
    expect(parsePopulation(latin1, { file: "excel.csv" }).sources[0]!.title).toBe("x");
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...enc.encode("kommun_kod")].flatMap((b) => [b, 0])]);
    expect(() => parsePopulation(utf16, { file: "excel.csv" })).toThrow(PopulationError);
    const r = safeParsePopulation(utf16, { file: "excel.csv" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ code: "POPULATION_ENCODING", message: expect.stringMatching(/UTF-16/), file: "excel.csv", line: 1 })]);
  });

  it("returns every problem without throwing, or the dataset", () => {
    const bad = enc.encode("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,-1\n20,0-18,5\n2081,0-18,1.5\n00,0-18,10\n");
    const r = safeParsePopulation(bad, { file: "b.csv" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.line])).toEqual([
        ["POPULATION_BAD_COUNT", 3],
        ["POPULATION_UNKNOWN_CODE", 4],
        ["POPULATION_BAD_COUNT", 5],
      ]);
      expect(r.issues.every((i) => i.file === "b.csv")).toBe(true);
    }
    const ok = safeParsePopulation(enc.encode(good));
    expect(ok.ok && ok.dataset.referenceDate).toBe("2024-11-01");
  });
});
