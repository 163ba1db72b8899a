/**
 * Inputs that a reader once read into a wrong allocation without a word (issue 16): counts past
 * the limit, an incomplete extra dimension, JSON-stat without an index, duplicate JSON keys and
 * nesting deep enough to overflow a recursive walk. Each must be a typed error naming where.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AgreementError, PopulationError } from "../../src/errors.js";
import { parsePopulation } from "../../src/io/population.js";
import { loadAgreementFile } from "../../src/node/files.js";
import { parseAgreement } from "../../src/rules.js";
import { ROOT } from "../helpers.js";
import { readFileSync } from "node:fs";
import { fixture, fails } from "./fixtures-helpers.js";
import { normalizeKey } from "../../src/population.js";

const enc = (s: string) => new TextEncoder().encode(s);
const SCB_LONG = fixture("dalarna-0-18_lang_semikolon_utf-8-bom.csv").toString("utf8");
const JSONSTAT = fixture("dalarna-0-18_TAB1267.json-stat2.json").toString("utf8");

function withLine(text: string, line: number, edit: (l: string) => string): string {
  const lines = text.split("\n");
  lines[line - 1] = edit(lines[line - 1]!);
  return lines.join("\n");
}

describe("the count limit holds in every reader", () => {
  it.each(["99999999999999999999", "18446744073709551616", "10000000001"])("SCB CSV: %s in a part beside its total is refused at its line", (big) => {
    // Line 5 is Vansbro, 0 år, kvinnor; line 6 its totalt row, which used to hide the part.
    const text = withLine(SCB_LONG, 5, (l) => l.replace(/;35$/, `;${big}`));
    const e = fails(() => parsePopulation(enc(text), { file: "scb.csv" }), "POPULATION_BAD_COUNT", 5, big);
    expect(e.describe()).toContain(`the count ${big} is larger than any population (at most 10000000000)`);
    expect(e.file).toBe("scb.csv");
    expect(e.path).toBe("Folkmängd");
  });

  it.each([9e15, 99_999_999_999])("JSON-stat: the value %d is refused at its path", (big) => {
    const ds = JSON.parse(JSONSTAT) as { value: number[] };
    ds.value[3] = big;
    const e = fails(() => parsePopulation(enc(JSON.stringify(ds)), { file: "t.json" }), "POPULATION_BAD_COUNT", undefined, String(big));
    expect(e.path).toBe("value[3]");
    expect(e.message).toContain("larger than any population");
  });

  it("10^10 itself is still a count (the limit is inclusive)", () => {
    const text = withLine(SCB_LONG, 5, (l) => l.replace(/;35$/, ";10000000000"));
    // Accepted by the count reader; refused only because the total row (line 6) now disagrees.
    const e = fails(() => parsePopulation(enc(text), { file: "scb.csv" }), "POPULATION_TOTAL_MISMATCH", 6);
    expect(e.message).toContain("says 70, but its parts sum to 10000000035");
  });
});

describe("extra dimensions are complete per recipient", () => {
  const head = '"Folkmängden den 1 november efter region, civilstånd, ålder och år"\n\n"region","civilstånd","ålder","2024"\n';
  const rows = (falunStatuses: string[]) =>
    [
      ...falunStatuses.map((m, i) => `"2080 Falun","${m}","0 år",${100 + i}`),
      ...["ogifta", "gifta", "skilda", "änka/änkling"].map((m, i) => `"00 Riket","${m}","0 år",${1000 + i}`),
    ].join("\n");

  it("sums every civilstånd when all are there", () => {
    const pop = parsePopulation(enc(head + rows(["ogifta", "gifta", "skilda", "änka/änkling"])), { file: "c.csv" });
    expect(pop.ages.get("2080")![0]).toBe(100n + 101n + 102n + 103n);
    expect(pop.nationalAges![0]).toBe(4006n);
  });

  it("refuses a municipality lacking one civilstånd, naming it", () => {
    const e = fails(() => parsePopulation(enc(head + rows(["ogifta", "gifta", "änka/änkling"])), { file: "c.csv" }), "POPULATION_FORMAT", 4, "skilda");
    expect(e.message).toBe('2080, 0 år: civilstånd "skilda" is missing, which other rows have; the parts are summed, so each must be complete (or give the total)');
  });
});

describe("JSON-stat order comes from the index, never from object keys", () => {
  it("refuses a multi-category dimension with label but no index", () => {
    const ds = JSON.parse(JSONSTAT) as { dimension: { Region: { category: { index?: unknown } } } };
    delete ds.dimension.Region.category.index;
    const e = fails(() => parsePopulation(enc(JSON.stringify(ds)), { file: "t.json" }), "POPULATION_FORMAT");
    expect(e.path).toBe("dimension.Region.category");
    expect(e.message).toContain("has 16 categories but no category.index");
  });

  it("accepts a one-category dimension without index (its order cannot matter)", () => {
    const ds = JSON.parse(JSONSTAT) as { dimension: { Tid: { category: { index?: unknown } } } };
    delete ds.dimension.Tid.category.index;
    expect(parsePopulation(enc(JSON.stringify(ds)), { file: "t.json" }).referenceDate).toBe("2024-11-01");
  });
});

describe("agreement JSON is read strictly", () => {
  const dir = mkdtempSync(join(tmpdir(), "hostile-"));
  const agreement2025 = readFileSync(join(ROOT, "data", "agreements", "2025.json"), "utf8");
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("refuses a duplicate key with its path and line", () => {
    const text = agreement2025.replace(/"key": "0-18"/, '"key": "0-18", "key": "total"');
    expect(text).not.toBe(agreement2025);
    const path = write("dup.json", text);
    let e: unknown;
    try {
      loadAgreementFile(path);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(AgreementError);
    const err = e as AgreementError;
    expect(err.kind).toBe("duplicate-key");
    expect(err.path).toMatch(/^pots\[\d+\]\.rule\.key$/);
    expect(err.line).toBe(text.slice(0, text.indexOf('"key": "total"')).split("\n").length);
  });

  it("refuses 10 000 nested arrays with a typed error, not a stack overflow", () => {
    const path = write("deep.json", `${"[".repeat(10_000)}${"]".repeat(10_000)}`);
    expect(() => loadAgreementFile(path)).toThrowError(expect.objectContaining({ code: "AGREEMENT_INVALID", kind: "too-deep" }));
  });

  it("refuses 1e400 as too large, not as null", () => {
    const path = write("inf.json", agreement2025.replace(/"total": (\d+|"\d+")/, '"total": 1e400'));
    expect(() => loadAgreementFile(path)).toThrowError(expect.objectContaining({ code: "AGREEMENT_INVALID", kind: "number-range", value: "1e400" }));
  });

  it("describes a huge or deep value without stringifying it (API input)", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const json = JSON.parse(agreement2025) as Record<string, unknown>;
    json.title = deep;
    json.note = "x".repeat(50_000_000);
    let e: unknown;
    try {
      parseAgreement(json, "api");
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(AgreementError);
    const issues = (e as AgreementError).issues;
    for (const i of issues) expect((i.value ?? "").length).toBeLessThanOrEqual(200);
    expect(issues.find((i) => i.path === "title")?.message).toBe("expected a text, got a list");
  });

  it("population JSON too: a duplicate key in JSON-stat is refused", () => {
    const text = JSONSTAT.replace('"version"', '"class": "dataset", "version"');
    const e = fails(() => parsePopulation(enc(text), { file: "t.json" }), "POPULATION_FORMAT");
    expect(e.kind).toBe("duplicate-key");
    expect(e.path).toBe("class");
    expect(e).toBeInstanceOf(PopulationError);
  });
});

describe("contradictions are refused, not resolved by picking one reading", () => {
  it.each([
    ["kommun_kod,antal,nyckel,antal", "antal", 2, 4],
    ["kommun_kod,nyckel,kommun_kod,antal", "kommun_kod", 1, 3],
    ["kommun_kod,alder,ålder,antal", "ålder", 2, 3],
  ])("project CSV header %s: two %s columns", (header, column, first, second) => {
    const text = `# referensdatum: 2024-11-01\n${header}\n2080,total,0-18,5\n`;
    const e = fails(() => parsePopulation(enc(text), { file: "p.csv" }), "POPULATION_FORMAT", 2, column);
    expect(e.message).toBe(`the column "${column}" appears twice (columns ${first} and ${second}); which one to read cannot be told`);
  });

  const title = '"Folkmängden den 1 november efter region, ålder och år"\n\n';
  const nationalAges = Array.from({ length: 101 }, (_, a) => `"00 Riket","${a === 100 ? "100+" : a} år",1000`).join("\n");
  const falunAges = Array.from({ length: 101 }, (_, a) => `"2080 Falun","${a === 100 ? "100+" : a} år",10`).join("\n");

  it('a "totalt ålder" row that disagrees with its ages', () => {
    const text = `${title}"region","ålder","2024"\n${falunAges}\n"2080 Falun","totalt ålder",1011\n${nationalAges}\n`;
    const e = fails(() => parsePopulation(enc(text), { file: "s.csv" }), "POPULATION_TOTAL_MISMATCH");
    expect(e.message).toBe("2080, total: the count given is 1011, but its single-year ages sum to 1010");
    // …and one that agrees is read.
    const ok = parsePopulation(enc(text.replace(",1011", ",1010")), { file: "s.csv" });
    expect(ok.counts.get(normalizeKey("total"))!.get("2080")).toBe(1010n);
  });

  it.each(["TotSA", "totalt, samtliga åldrar", "total, all ages"])("the age total %s is a total, never a 102nd age class", (label) => {
    const text = `${title}"region","ålder","2024"\n${falunAges}\n"2080 Falun","${label}",1010\n${nationalAges}\n`;
    const pop = parsePopulation(enc(text), { file: "s.csv" });
    expect(pop.counts.get(normalizeKey("total"))!.get("2080")).toBe(1010n);
    expect(pop.ages.get("2080")!.reduce((a, b) => a! + b!, 0n)).toBe(1010n);
  });

  it.each([
    ["both sexes", "both sexes"],
    ["TotSa", "TotSa"],
    ["totalt", "totalt"],
  ])("a sex total (%s) beside its parts is used, never added to them, and checked against them", (_, total) => {
    const rows = (t: number) => `"2080 Falun","0 år","män",3\n"2080 Falun","0 år","kvinnor",4\n"2080 Falun","0 år","${total}",${t}\n"00 Riket","0 år","${total}",70\n`;
    const head = `${title}"region","ålder","kön","2024"\n`;
    expect(parsePopulation(enc(head + rows(7)), { file: "s.csv" }).ages.get("2080")![0]).toBe(7n);
    const e = fails(() => parsePopulation(enc(head + rows(8)), { file: "s.csv" }), "POPULATION_TOTAL_MISMATCH", 6, "8");
    expect(e.message).toBe("2080, 0 år: the total row over kön says 8, but its parts sum to 7");
  });

  it.each(["Levande födda", "Döda", "Befolkningstäthet (invånare per kvadratkilometer)", "Medelfolkmängd"])("the content %s is not population", (content) => {
    const wide = `"${content} efter region och år"\n\n"region","${content} 2024"\n"2080 Falun",120\n"00 Riket",99000\n`;
    const e = fails(() => parsePopulation(enc(wide), { file: "b.csv" }), "POPULATION_FORMAT", 3, content);
    expect(e.kind).toBe("not-population");
    const long = `"Tabell den 1 november"\n\n"region","år","${content}"\n"2080 Falun","2024",120\n"00 Riket","2024",99000\n`;
    expect(fails(() => parsePopulation(enc(long), { file: "b.csv" }), "POPULATION_FORMAT", 3, content).kind).toBe("not-population");
  });

  it("JSON-stat: a contents that is not population is refused", () => {
    const ds = JSON.parse(JSONSTAT) as { dimension: { ContentsCode: { category: { label: Record<string, string> } } } };
    ds.dimension.ContentsCode.category.label = { BE0101A9: "Levande födda" };
    const e = fails(() => parsePopulation(enc(JSON.stringify(ds)), { file: "t.json" }), "POPULATION_FORMAT", undefined, "Levande födda");
    expect(e.path).toBe("dimension.ContentsCode.category.label");
  });
});

describe("valid files are read, and refusals say what is wrong", () => {
  const nat = (sep: string, q: (s: string) => string) => Array.from({ length: 2 }, (_, a) => [q("00 Riket"), q(`${a} år`), "1000"].join(sep)).join("\n");
  const falun = (sep: string, q: (s: string) => string, age = "år") => Array.from({ length: 2 }, (_, a) => [q("2080 Falun"), q(`${a} ${age}`), "10"].join(sep)).join("\n");

  it("a tab-separated SCB export with quoted fields", () => {
    const q = (s: string) => `"${s}"`;
    const text = `"Folkmängden den 1 november efter region, ålder och år"\n\n"region"\t"ålder"\t"2024"\n${falun("\t", q)}\n${nat("\t", q)}\n`;
    const pop = parsePopulation(enc(text), { file: "t.csv" });
    expect(pop.ages.get("2080")!.slice(0, 2)).toEqual([10n, 10n]);
  });

  it('NFD-decomposed "år" and "ålder"', () => {
    const q = (s: string) => `"${s}"`;
    const text = `"Folkmängden den 1 november efter region, ålder och år"\n\n"region","ålder","2024"\n${falun(",", q)}\n${nat(",", q)}\n`.normalize("NFD");
    expect(text).not.toBe(text.normalize("NFC"));
    expect(parsePopulation(enc(text), { file: "n.csv" }).ages.get("2080")![1]).toBe(10n);
  });

  it("CR-only line endings, in SCB's CSV and the project's", () => {
    const q = (s: string) => `"${s}"`;
    const scb = `"Folkmängden den 1 november efter region, ålder och år"\n\n"region","ålder","2024"\n${falun(",", q)}\n${nat(",", q)}\n`.replaceAll("\n", "\r");
    expect(parsePopulation(enc(scb), { file: "cr.csv" }).nationalAges![0]).toBe(1000n);
    const own = "# referensdatum: 2024-11-01\rkommun_kod,nyckel,antal\r2080,0-18,13093\r00,0-18,2265405\r";
    expect(parsePopulation(enc(own), { file: "cr.csv" }).counts.get(normalizeKey("0-18"))!.get("2080")).toBe(13093n);
  });

  it('"46,786" says it looks like a thousands separator', () => {
    const text = `"Folkmängden den 1 november efter region och år"\n\n"region","2024"\n"2080 Falun","46,786"\n"00 Riket",99000\n`;
    const e = fails(() => parsePopulation(enc(text), { file: "s.csv" }), "POPULATION_BAD_COUNT", 4, "46,786");
    expect(e.message).toContain("looks like a thousands separator or a decimal comma (write 46786 if it means thousands");
    const d = fails(() => parsePopulation(enc(text.replace("46,786", "46,5")), { file: "s.csv" }), "POPULATION_BAD_COUNT", 4, "46,5");
    expect(d.message).toContain("looks like a decimal number");
  });

  it("a data row after a footnote is named as such, not as a column count", () => {
    const text = `"Folkmängden den 1 november efter region och år"\n\n"region","2024"\n"2080 Falun",5\n"Källa: SCB"\n"00 Riket",99000\n`;
    const e = fails(() => parsePopulation(enc(text), { file: "s.csv" }), "POPULATION_FORMAT", 6);
    expect(e.message).toBe('a data row after the footnote "Källa: SCB"; footnotes come after the table, so the table must end before it');
  });
});
