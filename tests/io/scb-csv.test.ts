import { describe, expect, it } from "vitest";
import { decodeText, encodeWindows1252 } from "../../src/io/decode.js";
import { parsePopulation } from "../../src/io/population.js";
import { parseScbCsv } from "../../src/io/scb-csv.js";
import { getRecipient } from "../../src/geography/index.js";
import { normalizeKey, keyCounts, levelCounts, TOP_AGE } from "../../src/population.js";
import { loadBundledPopulation } from "../../src/node/bundled.js";
import { dalarnaCounts, fails, fixture } from "./fixtures-helpers.js";

const NOV = '"Folkmängden den 1 november efter region, ålder och kön. År 2024"\n\n';
const read = (text: string, options = {}) => parseScbCsv(text, { file: "scb.csv", ...options });

describe("SCB CSV fixtures in every layout and encoding", () => {
  const { byCode, national } = dalarnaCounts();
  const cases: [string, object][] = [
    ["dalarna-0-18_bred_komma_windows-1252.csv", {}],
    ["dalarna-0-18_lang_semikolon_utf-8-bom.csv", {}],
    ["dalarna-0-18_bred_tabb_utf-8.csv", { referenceDate: "2024-11-01" }],
  ];
  for (const [name, options] of cases) {
    it(`${name}: Dalarna's fifteen 0–18 counts and Sweden's 2 265 405`, () => {
      const pop = parsePopulation(fixture(name), { file: name, keys: ["0-18"], ...options });
      expect(pop.referenceDate).toBe("2024-11-01");
      const k = keyCounts(pop, "0-18");
      expect(levelCounts(k, "municipality")).toEqual(byCode);
      expect(BigInt(k.national!)).toBe(national);
      expect(BigInt(k.national!)).toBe(2_265_405n);
      expect(k.declared).toBe(true);
      expect(290 - k.municipalKnown).toBe(275);
      // County sum of the fifteen: the whole county is present.
      expect(levelCounts(k, "county").get("20")).toBe([...byCode.values()].reduce((a, b) => a + b, 0n));
      // Only 0–18 is carried: other keys are unavailable, never zero.
      expect(keyCounts(pop, "total").unavailable).toEqual({ kind: "ages-uncovered", code: "2021", age: 19 });
    });
  }

  it("keeps the en dash (0x96) and å/ä/ö of the Windows-1252 title", () => {
    const pop = parsePopulation(fixture("dalarna-0-18_bred_komma_windows-1252.csv"));
    expect(pop.sources[0]!.title).toBe("Folkmängden den 1 november efter region, ålder och kön. År 2002 – 2024");
    expect(pop.sources[0]!.note).toMatch(/bred, komma, windows-1252/);
  });

  it("reads all 290 ISO-8859-1 totals equal to the bundled 1 Nov 2024 population, footnote kept", () => {
    const pop = parsePopulation(fixture("kommuner-totalt_lang_komma_iso-8859-1.csv"), { file: "t.csv" });
    const bundled = loadBundledPopulation("2024-11-01");
    expect(pop.referenceDate).toBe("2024-11-01");
    expect(pop.counts.get(normalizeKey("total"))).toEqual(bundled.counts.get(normalizeKey("total")));
    expect(pop.sources[0]!.note).toMatch(/fotnot: Källa: SCB/);
  });

  it("the tab file without a title cannot tell its date, and says how to give it", () => {
    const err = fails(() => parsePopulation(fixture("dalarna-0-18_bred_tabb_utf-8.csv"), { file: "f.csv" }), "POPULATION_DATE_UNKNOWN", undefined, "2024");
    expect(err.message).toMatch(/--population-date YYYY-MM-DD/);
  });
});

describe("the bundled 31 Dec 2019 single-age data as an SCB wide Windows-1252 export", () => {
  it("reads back to identical counts for all 290 municipalities and 101 ages", () => {
    const bundled = loadBundledPopulation("2019-12-31");
    const lines = ['"Folkmängden efter region, ålder och år. År 2019 – 31 december"', "", '"region","ålder","2019"'];
    for (const [code, vector] of bundled.ages) {
      const label = `${code} ${getRecipient("municipality", code)!.name}`;
      let total = 0n;
      vector.forEach((n, age) => {
        total += n!;
        lines.push(`"${label}","${age === TOP_AGE ? "100+" : age} år",${n}`);
      });
      lines.push(`"${label}","totalt ålder",${total}`);
    }
    const bytes = encodeWindows1252(`${lines.join("\r\n")}\r\n`);
    expect(decodeText(bytes).encoding).toBe("windows-1252"); // names like Älvdalen make it non-UTF-8
    const back = parsePopulation(bytes, { file: "2019.csv", keys: ["0-18", "total"] });
    expect(back.referenceDate).toBe("2019-12-31");
    expect(back.ages.size).toBe(290);
    expect(back.ages).toEqual(bundled.ages);
    expect(back.counts.get(normalizeKey("total"))).toEqual(bundled.counts.get(normalizeKey("total")));
    const k = keyCounts(back, "0-18");
    expect(k.national).toBe(2_290_834); // SCB: Sweden 31 December 2019, 0–18
  });
});

describe("SCB CSV quirks", () => {
  it("sums män and kvinnor, uses totalt instead of its parts, reads 100+ år, '-' as zero", () => {
    const text = `${NOV}"region","ålder","kön","2024"\n"2080 Falun","0 år","män",5\n"2080 Falun","0 år","kvinnor",7\n"2080 Falun","100+ år","totalt",3\n"2080 Falun","100+ år","män",1\n"2080 Falun","100+ år","kvinnor",2\n"2080 Falun","99 år","män",-\n"2080 Falun","99 år","kvinnor",-\n"00 Riket","0 år","totalt",100\n`;
    const pop = read(text);
    expect(pop.ages.get("2080")![0]).toBe(12n);
    expect(pop.ages.get("2080")![100]).toBe(3n);
    expect(pop.ages.get("2080")![99]).toBe(0n);
    expect(pop.nationalAges![0]).toBe(100n);
  });

  it("accepts code-only and 'code - label' regions, semicolons, thousands spaces, a month period", () => {
    const text = `"region";"Folkmängd 2024M10"\n"2080";59 892\n"2081 - Borlänge";"53\u00a0000"\n"00 - Riket";10587140\n`;
    const pop = read(text);
    expect(pop.referenceDate).toBe("2024-10-31");
    expect(pop.counts.get(normalizeKey("total"))!.get("2080")).toBe(59_892n);
    expect(pop.counts.get(normalizeKey("total"))!.get("2081")).toBe(53_000n);
    expect(pop.nationalTotals.get(normalizeKey("total"))).toBe(10_587_140n);
  });

  it("reads the day from a long layout's value column, and ignores Excel's trailing empty columns", () => {
    const pop = read('region;år;Folkmängden den 1 november;;\n2080 Falun;2024;59892;;\n00 Riket;2024;10587140;;\n');
    expect(pop.referenceDate).toBe("2024-11-01");
    expect(pop.counts.get(normalizeKey("total"))!.get("2080")).toBe(59_892n);
    fails(() => read('region;år;Folkmängden den 1 november;\n2080 Falun;2024;59892;7\n'), "POPULATION_FORMAT", 2, "7");
  });

  it("never takes a short data row for a footnote", () => {
    fails(() => read(`${NOV}"region","2024"\n"2080 Falun",5\n"2081 Borlänge"\n"00 Riket",9\n`), "POPULATION_FORMAT", 5, "2081 Borlänge");
  });

  it("chooses the period of the reference date in a file with several years", () => {
    const text = `${NOV}"region","2023","2024"\n"2080 Falun",59000,59892\n"00 Riket",10500000,10587140\n`;
    expect(read(text, { referenceDate: "2024-11-01" }).counts.get(normalizeKey("total"))!.get("2080")).toBe(59_892n);
    fails(() => read(text), "POPULATION_DATE_UNKNOWN", undefined, "2023, 2024");
    fails(() => read(text, { referenceDate: "2022-11-01" }), "POPULATION_DATE_MISMATCH");
  });

  it("leaves '..' as a hole (never zero) unless a key needs it, then names the line", () => {
    const text = `${NOV}"region","ålder","2024"\n"2080 Falun","0 år",5\n"2080 Falun","1 år",....\n"00 Riket","0 år",9\n"00 Riket","1 år",9\n`;
    const pop = read(text);
    expect(pop.ages.get("2080")![1]).toBeUndefined();
    expect(keyCounts(pop, "0-1").unavailable).toEqual({ kind: "ages-uncovered", code: "2080", age: 1 });
    expect(fails(() => read(text, { keys: ["0-1"] }), "POPULATION_BAD_COUNT", 5, "....").message).toMatch(/2080, 1 år: the count is missing/);
  });
});

describe("malformed SCB CSV: typed errors naming file, line and value", () => {
  const head = `${NOV}"region","ålder","2024"\n`; // header on line 3, data from line 4
  it("unknown municipality code", () => {
    fails(() => read(`${head}"2080 Falun","0 år",1\n"2099 Ingenstans","0 år",1\n"00 Riket","0 år",5\n`), "POPULATION_UNKNOWN_CODE", 5, "2099");
  });
  it("a county row where municipality rows are expected", () => {
    const e = fails(() => read(`${head}"2080 Falun","0 år",1\n"20 Dalarnas län","0 år",1\n"00 Riket","0 år",5\n`), "POPULATION_UNKNOWN_CODE", 5, "20");
    expect(e.message).toMatch(/is a county \(Dalarnas län\)/);
    expect(e.file).toBe("scb.csv");
  });
  it("a region without a code, or with its leading zero lost by Excel", () => {
    fails(() => read(`${head}"Falun","0 år",1\n`), "POPULATION_UNKNOWN_CODE", 4, "Falun");
    expect(fails(() => read(`${head}"114 Upplands Väsby","0 år",1\n`), "POPULATION_UNKNOWN_CODE", 4, "114 Upplands Väsby").message).toMatch(/0114/);
  });
  it("duplicate rows", () => {
    expect(fails(() => read(`${head}"2080 Falun","0 år",1\n"2080 Falun","0 år",1\n"00 Riket","0 år",5\n`), "POPULATION_DUPLICATE", 5, "2080").message).toMatch(/first on line 4/);
  });
  it("negative, non-integer and non-numeric counts", () => {
    fails(() => read(`${head}"2080 Falun","0 år",-3\n`), "POPULATION_BAD_COUNT", 4, "-3");
    fails(() => read(`${head}"2080 Falun","0 år",12.5\n`), "POPULATION_BAD_COUNT", 4, "12.5");
    fails(() => read(`${head}"2080 Falun","0 år",tolv\n`), "POPULATION_BAD_COUNT", 4, "tolv");
  });
  it("missing municipalities without a 00 Riket row", () => {
    expect(fails(() => read(`${head}"2080 Falun","0 år",1\n`), "POPULATION_MISSING_MUNICIPALITIES", undefined, "0114").message).toMatch(/289 of 290/);
  });
  it("ages that do not cover the band asked for", () => {
    const text = `${head}"2080 Falun","0 år",1\n"2080 Falun","1 år",1\n"2081 Borlänge","0 år",1\n"00 Riket","0 år",5\n"00 Riket","1 år",5\n`;
    expect(fails(() => read(text, { keys: ["0-1"] }), "POPULATION_AGES_INCOMPLETE", 6, "1 år").message).toMatch(/2081 has no row for 1 år/);
    fails(() => read(text, { keys: ["0-18"], requireKeys: true }), "POPULATION_AGES_INCOMPLETE", undefined, "2 år");
  });
  it("only one sex of a split", () => {
    fails(() => read(`${NOV}"region","ålder","kön","2024"\n"2080 Falun","0 år","män",1\n"00 Riket","0 år","män",1\n`), "POPULATION_FORMAT", 4, "män");
  });
  it("age groups, unknown columns, wrong column counts, no header", () => {
    fails(() => read(`${head}"2080 Falun","0-9 år",1\n`), "POPULATION_FORMAT", 4, "0-9 år");
    fails(() => read(`"region","ålder","hemvist","2024"\n"2080 Falun","0 år","x",1\n`), "POPULATION_FORMAT", 1, "hemvist");
    fails(() => read(`${head}"2080 Falun","0 år"\n`), "POPULATION_FORMAT", 4);
    fails(() => read("a,b\n1,2\n"), "POPULATION_FORMAT", 1);
  });
  it("a date that differs from the one given", () => {
    fails(() => read(`${head}"2080 Falun","0 år",1\n"00 Riket","0 år",5\n`, { referenceDate: "2024-12-31" }), "POPULATION_DATE_MISMATCH", undefined, "2024");
  });
});
