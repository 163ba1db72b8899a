import { describe, expect, it } from "vitest";
import { PopulationError } from "../../src/errors.js";
import { formatProjectCsv, parseProjectCsv, safeParseProjectCsv } from "../../src/io/project-csv.js";
import { normalizeKey, keyCounts } from "../../src/population.js";

const head = "# referensdatum: 2024-11-01\n# källa: test\nkommun_kod,nyckel,antal\n";

function fails(text: string, code: string, line?: number, value?: string) {
  try {
    parseProjectCsv(text, { file: "pop.csv" });
    expect.unreachable();
  } catch (e) {
    const err = e as PopulationError;
    expect(err).toBeInstanceOf(PopulationError);
    expect(err.code).toBe(code);
    expect(err.file).toBe("pop.csv");
    if (line !== undefined) expect(err.line).toBe(line);
    if (value !== undefined) expect(err.value).toBe(value);
    return err;
  }
}

describe("the project's population CSV", () => {
  it("reads keyed counts, a declared national total and provenance", () => {
    const pop = parseProjectCsv(`${head}2080,0-18,13093\n2081,0-18,11272\n00,0-18,2265405\n`, { file: "p.csv" });
    expect(pop.referenceDate).toBe("2024-11-01");
    expect(pop.sources[0]!.title).toBe("test");
    const k = keyCounts(pop, "0-18");
    expect(k.national).toBe(2_265_405);
    expect(parseProjectCsv(formatProjectCsv(pop)).counts).toEqual(pop.counts);
  });

  it("treats '# constructor:' and other Object.prototype names as free comments, not provenance", () => {
    const pop = parseProjectCsv(`# constructor: x\n# toString: y\n${head}2080,0-18,13093\n00,0-18,2265405\n`, { file: "p.csv" });
    expect(Object.keys(pop.sources[0]!).sort()).toEqual(Object.keys(parseProjectCsv(`${head}2080,0-18,13093\n00,0-18,2265405\n`).sources[0]!).sort());
    expect(pop.sources[0]!.title).toBe("test");
  });

  it("reads single-year ages, including 100+", () => {
    const rows = Array.from({ length: 101 }, (_, a) => `2080,${a === 100 ? "100+" : a},1`).join("\n");
    const pop = parseProjectCsv(`# referensdatum: 2019-12-31\nkommun_kod,alder,antal\n${rows}\n00,0,5\n`);
    expect(pop.ages.get("2080")![100]).toBe(1n);
    expect(pop.nationalAges![0]).toBe(5n);
  });

  it("names file, line and value for each malformed case", () => {
    fails(`${head}2080,0-18,13093\n9999,0-18,5\n00,0-18,10\n`, "POPULATION_UNKNOWN_CODE", 5, "9999");
    expect(fails(`${head}20,0-18,5\n00,0-18,10\n`, "POPULATION_UNKNOWN_CODE", 4, "20").message).toMatch(/is a county \(Dalarnas län\)/);
    expect(fails(`${head}2080,0-18,1\n2080,0-18,2\n00,0-18,10\n`, "POPULATION_DUPLICATE", 5, "2080").message).toMatch(/first on line 4/);
    fails(`${head}2080,0-18,-3\n00,0-18,10\n`, "POPULATION_BAD_COUNT", 4, "-3");
    fails(`${head}2080,0-18,12.5\n00,0-18,10\n`, "POPULATION_BAD_COUNT", 4, "12.5");
    fails(`${head}2080,0-18,tolv\n00,0-18,10\n`, "POPULATION_BAD_COUNT", 4, "tolv");
    fails(`${head}\n\n2080,0-18,\n00,0-18,10\n`, "POPULATION_BAD_COUNT", 6, "");
    expect(fails(`${head}2080,0-18,1\n`, "POPULATION_MISSING_MUNICIPALITIES").message).toMatch(/289 of 290 municipalities are missing \(0114 Upplands Väsby/);
    fails("kommun_kod,nyckel,antal\n2080,0-18,1\n", "POPULATION_FORMAT", 1);
    fails("# referensdatum: 2024-11-01\nkod,antal\n2080,1\n", "POPULATION_FORMAT", 2);
    fails(`${head}2080,0-18\n`, "POPULATION_FORMAT");
    fails(`${head}2080,barn,1\n`, "POPULATION_FORMAT", undefined, "barn");
  });

  it("reports every bad row at once, each with its line, instead of stopping at the first", () => {
    const err = fails(`${head}2080,0-18,-1\n9999,0-18,5\n2081,0-18,tolv\n2082,0-18,3,4\n00,0-18,10\n`, "POPULATION_BAD_COUNT", 4, "-1");
    expect(err.message).toMatch(/\(and 3 more problems\)$/);
    expect(err.issues.map((i) => [i.code, i.line, i.value])).toEqual([
      ["POPULATION_BAD_COUNT", 4, "-1"],
      ["POPULATION_UNKNOWN_CODE", 5, "9999"],
      ["POPULATION_BAD_COUNT", 6, "tolv"],
      ["POPULATION_FORMAT", 7, "2082,0-18,3,4"],
    ]);
    const safe = safeParseProjectCsv(`${head}2080,0-18,-1\n9999,0-18,5\n00,0-18,10\n`, { file: "pop.csv" });
    expect(safe.ok).toBe(false);
    if (!safe.ok) expect(safe.issues.map((i) => i.line)).toEqual([4, 5]);
    const ok = safeParseProjectCsv(`${head}2080,0-18,1\n00,0-18,10\n`);
    expect(ok.ok && ok.dataset.nationalTotals.get(normalizeKey("0-18"))).toBe(10n);
  });

  it("drops no row silently: extra fields, # lines among the data and unused 00 rows are errors", () => {
    fails(`${head}2080,0-18,13093,7\n00,0-18,2265405\n`, "POPULATION_FORMAT", 4, "2080,0-18,13093,7");
    expect(fails(`${head}2080,0-18,1\n# not: mitt i\n00,0-18,10\n`, "POPULATION_FORMAT", 5).message).toMatch(/"#" line among the data rows/);
    expect(fails(`${head}00,0-18,10\n`, "POPULATION_MISSING_MUNICIPALITIES", 4).message).toMatch(/no municipality rows/);
    expect(fails(`${head}2080,0-18,11\n00,0-18,10\n`, "POPULATION_TOTAL_MISMATCH", 5).message).toMatch(/sum to 11, more than Sweden's 10/);
    fails(`${head}`, "POPULATION_FORMAT", 3);
    // An extra column named in the header is allowed and ignored, by design.
    const pop = parseProjectCsv("# referensdatum: 2024-11-01\nkommun_kod,kommun,nyckel,antal\n2080,Falun,0-18,13093\n00,,0-18,2265405\n");
    expect(pop.counts.get(normalizeKey("0-18"))!.get("2080")).toBe(13093n);
  });

  it("keeps line numbers right after blank lines and quoted fields that span lines", () => {
    fails(`${head}\n2080,"0-18",1\n\n"2081","0-18\n",2\n2082,0-18,x\n00,0-18,10\n`, "POPULATION_BAD_COUNT", 9, "x");
    const err = fails(`${head}\n2080,0-18,1\n\n2081,"a\nb",2\n2082,0-18,x\n00,0-18,10\n`, "POPULATION_FORMAT", 7);
    expect(err.issues.map((i) => i.line)).toEqual([7, 9]);
  });

  it("refuses two different reference dates and names the line of a bad one", () => {
    expect(fails("# referensdatum: 2024-11-01\n# referensdatum: 2024-12-31\nkommun_kod,nyckel,antal\n2080,0-18,1\n00,0-18,2\n", "POPULATION_FORMAT", 2).message).toMatch(/two reference dates/);
    fails("# källa: x\n# referensdatum: 2024-02-30\nkommun_kod,nyckel,antal\n2080,0-18,1\n00,0-18,2\n", "POPULATION_FORMAT", 2, "2024-02-30");
    // The same date twice is harmless.
    expect(parseProjectCsv("# referensdatum: 2024-11-01\n# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,1\n00,0-18,2\n").referenceDate).toBe("2024-11-01");
  });
});

describe("quoted and unquoted files", () => {
  const ageHead = "# referensdatum: 2019-12-31\nkommun_kod,alder,antal\n";
  it("read to the same dataset, blank lines and spaces around fields aside", () => {
    const plain = `${ageHead}2080, 0 ,10\n\n2080,1 år,11\n2080,100+,2\n00,0,100\n00,1,110\n00,100+,20\n`;
    const quoted = `${ageHead}"2080","0",10\n\n2080,"1 år",11\n2080,100+,"2"\n00,0,100\n00,1,110\n00,100+,20\n`;
    const a = parseProjectCsv(plain);
    const b = parseProjectCsv(quoted);
    expect(a.ages.get("2080")!.slice(0, 2)).toEqual([10n, 11n]);
    expect(a.ages.get("2080")![100]).toBe(2n);
    expect(a.ages).toEqual(b.ages);
    expect(a.nationalAges).toEqual(b.nationalAges);
  });

  it("refuses a row with the wrong number of fields, naming its physical line", () => {
    fails(`${head}2080,0-18,13093\n\n2081,0-18\n00,0-18,2265405\n`, "POPULATION_FORMAT", 6);
  });

  it("still names the first line of a duplicate age row", () => {
    const err = fails(`${ageHead}2080,0,10\n2080,0,11\n00,0,21\n`, "POPULATION_DUPLICATE", 4, "2080");
    expect(err!.message).toMatch(/first on line 3/);
  });
});
