import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { MAX_TABLE_BYTES, parsePublishedTable, safeParsePublishedTable } from "../../src/audit/table.js";
import { parsePublishedRows, safeParsePublishedRows } from "../../src/audit/rows.js";
import { GeographyError, renderIssue, StimulansmedelError, TableError } from "../../src/errors.js";
import { ORACLES, readOracle, issueWith } from "../helpers.js";
import { POPULATION_COLUMN, womensHealthPlain, womensHealthText } from "./helpers.js";

const issuesOf = (text: string, options = {}) => {
  const r = safeParsePublishedTable(text, options);
  if (r.ok) throw new Error("expected problems");
  return r.issues;
};

describe("parsePublishedTable: text pasted from a PDF or a slide", () => {
  it("reads names, codes, spaces of every kind, dots, kr, headings and a total", () => {
    const text = [
      "Belopp per huvudman",
      "Kommun Belopp",
      "Vansbro 311 874",
      "Malung/Sälen 354 674 kr",
      "2026\t403\u00A0407",
      "Leksand 466\u202F464",
      "2031 Rättvik 355.268",
      "Orsa ........ 305 518",
      "Summa 2 197 205",
    ].join("\n");
    const t = parsePublishedTable(text);
    expect(t.rows.map((r) => [r.line, r.code, r.name, r.amount])).toEqual([
      [3, "2021", "Vansbro", 311_874n],
      [4, "2023", "Malung-Sälen", 354_674n],
      [5, "2026", "Gagnef", 403_407n],
      [6, "2029", "Leksand", 466_464n],
      [7, "2031", "Rättvik", 355_268n],
      [8, "2034", "Orsa", 305_518n],
    ]);
    expect(t.rows[1]!.label).toBe("Malung/Sälen");
    expect(t.rows[1]!.raw).toBe("Malung/Sälen 354 674 kr");
    expect(t.level).toBe("municipality");
    expect(t.headings).toEqual([{ line: 1, text: "Belopp per huvudman" }, { line: 2, text: "Kommun Belopp" }]);
    // 311 874 + 354 674 + 403 407 + 466 464 + 355 268 + 305 518 = 2 197 205
    expect(t.totals).toEqual([{ line: 9, label: "Summa", amount: 2_197_205n, raw: "Summa 2 197 205", rows: 6, rowsSum: 2_197_205n }]);
  });

  it("reads the region and the county by their names, and a row 00 as a total", () => {
    const t = parsePublishedTable("Region Dalarna 13 524 332\nRegion Gävleborg 1 000\n00 Riket 13 525 332\n");
    expect(t.rows.map((r) => [r.level, r.code, r.name])).toEqual([
      ["region", "20", "Region Dalarna"],
      ["region", "21", "Region Gävleborg"],
    ]);
    expect(t.totals[0]).toMatchObject({ label: "00 Riket", amount: 13_525_332n, rowsSum: 13_525_332n });
    const c = parsePublishedTable("Dalarnas län 5 409 733\nGävleborg 1\n");
    expect(c.rows.map((r) => [r.level, r.code, r.name])).toEqual([
      ["county", "20", "Dalarnas län"],
      ["county", "21", "Gävleborgs län"],
    ]);
    // "Dalarna" alone is the county or the region: the option says which.
    expect(parsePublishedTable("Dalarna 5 409 733\n21 1\n", { level: "county" }).rows.map((r) => r.name)).toEqual(["Dalarnas län", "Gävleborgs län"]);
    const [i] = issuesOf("Dalarna 5 409 733\n");
    expect(i).toMatchObject({ code: "TABLE_FORMAT", kind: "level-unknown", line: 1 });
    expect(renderIssue(i!, "sv")).toBe('rad 1: "Dalarna" kan vara länet (länsgemensamma medel) eller regionen; ange vilken nivå tabellen gäller');
  });

  it("settles names that are a municipality and a county by the table's other lines", () => {
    expect(parsePublishedTable("Stockholm 10\nFalun 20\n").rows.map((r) => [r.level, r.code])).toEqual([
      ["municipality", "0180"],
      ["municipality", "2080"],
    ]);
    expect(parsePublishedTable("Stockholm 10\nRegion Dalarna 20\n").rows.map((r) => [r.level, r.code])).toEqual([
      ["region", "01"],
      ["region", "20"],
    ]);
    expect(parsePublishedTable("Region Gotland 10\nFalun 20\n", { level: "municipality" }).rows[0]).toMatchObject({ level: "municipality", code: "0980" });
    const [i] = issuesOf("Stockholm 10\n");
    expect(i).toMatchObject({ code: "GEOGRAPHY_AMBIGUOUS_NAME", line: 1, params: { name: "Stockholm", candidates: ["01 Region Stockholm", "01 Stockholms län", "0180 Stockholm"] } });
  });

  it("reports every bad line at once, each with its line and value, unknown names with close names", () => {
    const r = safeParsePublishedTable(
      ["Falun 1 309 672", "Faluun 1", "Mora -5", "Leksand 12,50", "Rättvik", "Mora 533 588", "Mora 1", "2080 Leksand 3", "9999 4", "1 000"].join("\n"),
      { file: "tabell.txt" },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.line, i.code, i.kind])).toEqual([
      [2, "GEOGRAPHY_UNKNOWN_NAME", "level"],
      [3, "TABLE_BAD_AMOUNT", "negative"],
      [4, "TABLE_BAD_AMOUNT", "fraction"],
      [5, "TABLE_BAD_AMOUNT", "missing"],
      [7, "TABLE_DUPLICATE", "recipient"],
      [8, "TABLE_FORMAT", "code-name-mismatch"],
      [9, "GEOGRAPHY_UNKNOWN_CODE", "level"],
      [10, "TABLE_FORMAT", "no-recipient"],
    ]);
    expect(r.issues[0]).toMatchObject({ file: "tabell.txt", value: "Faluun", params: { suggestions: ["Falun", "Flen", "Ale"] } });
    expect(r.issues.map((i) => renderIssue(i, "sv"))).toEqual([
      'tabell.txt, rad 2: ingen kommun, inget län eller ingen region heter "Faluun"; menar du "Falun", "Flen" eller "Ale"?',
      'tabell.txt, rad 3: beloppet "-5" är negativt',
      'tabell.txt, rad 4: "12,50" är inte hela kronor',
      "tabell.txt, rad 5: Rättvik saknar belopp",
      "tabell.txt, rad 7: Mora (2062) finns två gånger; första gången på rad 6",
      'tabell.txt, rad 8: koden 2080 är Falun, inte "Leksand"',
      'tabell.txt, rad 9: ingen kommun har koden "9999"',
      'tabell.txt, rad 10: raden har beloppet "1 000" men ingen mottagare',
    ]);
    expect(() => parsePublishedTable("Faluun 1\nMora x1\n")).toThrowError(issueWith("GEOGRAPHY_UNKNOWN_NAME", { value: "Faluun", params: { suggestions: ["Falun", "Flen", "Ale"] } }));
    expect(issuesOf("Falun 1\nMora x1\n").map((i) => [i.line, i.code, i.kind, i.value])).toEqual([[2, "TABLE_BAD_AMOUNT", "not-a-number", "x1"]]);
    try {
      parsePublishedTable("Falun 1\nMora 1 2\n");
    } catch (e) {
      expect(e).toBeInstanceOf(TableError);
      expect((e as StimulansmedelError).issues).toHaveLength(1);
    }
  });

  it("refuses more than 5 MB before reading a line", () => {
    const big = "Falun 1\n".repeat(Math.ceil(MAX_TABLE_BYTES / 8) + 1);
    const [i] = issuesOf(big, { file: "stor.txt" });
    expect(i).toMatchObject({ code: "TABLE_FORMAT", kind: "too-large", file: "stor.txt" });
    expect(renderIssue(i!, "sv")).toMatch(/^stor\.txt: tabellen är 5,0 MB; högst 5,0 MB läses$/);
    // Multi-byte characters count as bytes: 1.8 million "Å" are 3.6 MB, 2.7 million 5.4 MB.
    expect(safeParsePublishedTable(`Falun ${"Å".repeat(2_700_000)}`).ok).toBe(false);
  });

  it("refuses two amounts pasted with single spaces under a header it cannot align, and asks for tabs", () => {
    const [i] = issuesOf("Kommun\tAntal\tBelopp\nFalun 13 093 1 309 672\n");
    expect(i).toMatchObject({ code: "TABLE_FORMAT", kind: "columns-unclear", line: 2 });
    // With tabs or wide gaps the columns are cells, and the header names the amount.
    const t = parsePublishedTable("Kommun  Antal  Belopp\nFalun  13 093  1 309 672\n");
    expect(t.rows[0]!.amount).toBe(1_309_672n);
    expect(t.column).toBe("Belopp");
    // Without a header, one amount per line is assumed; two spaced as one are not grouped in threes.
    expect(issuesOf("Falun 13 093 1 309 672\n")[0]).toMatchObject({ code: "TABLE_BAD_AMOUNT", kind: "grouping" });
  });
});

describe("an oddly grouped amount: SKR's 2023 table prints Örebro as \"42 045981\"", () => {
  const printed = (code: string, amount: string) => (code === "18" ? "42 045981" : amount);

  it("is read as 42 045 981 when the table's total confirms it: the rows then sum to 1 437 000 000", () => {
    const t = parsePublishedTable(womensHealthText(2023, { edit: printed }), { level: "region" });
    const orebro = t.rows.find((r) => r.code === "18")!;
    expect(orebro).toMatchObject({ name: "Region Örebro län", amount: 42_045_981n, irregular: true, raw: "Örebro 42 045981" });
    expect(t.totals).toHaveLength(1);
    expect(t.totals[0]!.amount).toBe(1_437_000_000n);
    expect(t.totals[0]!.rowsSum).toBe(1_437_000_000n);
    expect(t.rows).toHaveLength(21);
    expect(t.rows.map((r) => r.amount)).toEqual(womensHealthPlain(2023).rows.map((r) => r[2]));
    expect(t.rows.filter((r) => r.irregular).map((r) => r.code)).toEqual(["18"]);
  });

  it("is refused without a total line, or with the option irregularGrouping: refuse", () => {
    for (const [text, options] of [
      [womensHealthText(2023, { edit: printed, total: false }), { level: "region" }],
      [womensHealthText(2023, { edit: printed }), { level: "region", irregularGrouping: "refuse" }],
    ] as const) {
      const issues = issuesOf(text, options);
      expect(issues.map((i) => [i.code, i.kind, i.line, i.value])).toEqual([["TABLE_BAD_AMOUNT", "grouping", 16, "42 045981"]]);
      expect(renderIssue(issues[0]!, "sv")).toBe(
        'rad 16: "42 045981" är inte grupperat i tretal, så en siffra kan ha fallit bort eller hamnat fel; det läses som 42 045 981 bara när en summarad bekräftar det',
      );
    }
  });

  it("is refused when a digit is lost: the rows no longer sum to the total", () => {
    const issues = issuesOf(womensHealthText(2023, { edit: (code, a) => (code === "18" ? "42 04598" : a) }), { level: "region" });
    expect(issues.map((i) => [i.code, i.kind, i.line])).toEqual([["TABLE_BAD_AMOUNT", "grouping", 16]]);
  });
});

describe("parsePublishedTable: CSV", () => {
  it("reads SKR's women's-health tables with a header: code and name columns, the chosen amount column, the 00 total", () => {
    for (const year of [2022, 2023, 2024] as const) {
      const t = parsePublishedTable(readFileSync(resolve(ORACLES, "kvinnors-halsa", `${year}.csv`), "utf8"), { amountColumn: POPULATION_COLUMN[year], file: `${year}.csv` });
      const plain = womensHealthPlain(year);
      expect(t.level).toBe("region");
      expect(t.rows.map((r) => [r.code, r.amount])).toEqual(plain.rows.map((r) => [r[0], r[2]]));
      expect(t.totals).toEqual([expect.objectContaining({ line: 23, amount: plain.total, rowsSum: plain.total, rows: 21 })]);
      expect(t.column).toBe(POPULATION_COLUMN[year]);
    }
    const two = safeParsePublishedTable(readFileSync(resolve(ORACLES, "kvinnors-halsa", "2023.csv"), "utf8"));
    expect(two.ok).toBe(false);
    if (!two.ok) {
      expect(two.issues[0]).toMatchObject({ code: "TABLE_FORMAT", kind: "several-amount-columns", line: 1 });
      expect(renderIssue(two.issues[0]!, "sv")).toBe('rad 1: flera kolumner innehåller belopp ("belopp_befolkning_kr" och "belopp_landsbygdssatsning_kr"); välj en');
    }
  });

  it("reads one pot of Dalarna's 2025 table (level column, where: pot 2) and reports the pots mixed together as duplicates", () => {
    const text = readFileSync(resolve(ORACLES, "dalarna-2025.csv"), "utf8");
    const t = parsePublishedTable(text, { where: { pot: "2" } });
    const oracle = readOracle().filter((r) => r.pot === "2");
    expect(t.rows.map((r) => [r.level, r.code, r.name, r.amount])).toEqual(oracle.map((r) => [r.level, r.code, r.name, r.amount]));
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ["TABLE_DUPLICATE", 18],
      ["TABLE_DUPLICATE", 20],
      ["TABLE_DUPLICATE", 21],
    ]);
  });

  it("reads semicolons, tabs, quoted fields and a BOM; names the column it cannot find", () => {
    const t = parsePublishedTable('\uFEFFKommunkod;Kommun;Belopp (kr)\n2080;"Falun";"1 309 672"\n2062;Mora;533588\n');
    expect(t.rows.map((r) => [r.code, r.amount])).toEqual([["2080", 1_309_672n], ["2062", 533_588n]]);
    expect(parsePublishedTable("kod\tbelopp\n2080\t1 309 672\n").rows[0]!.amount).toBe(1_309_672n);
    expect(issuesOf("kod;belopp\n2080;1\n", { amountColumn: "summa" })[0]).toMatchObject({ code: "TABLE_FORMAT", kind: "unknown-column", value: "summa" });
    expect(issuesOf('kod;belopp\n2080;"1\n')[0]).toMatchObject({ code: "TABLE_FORMAT", kind: "csv", line: 2 });
    expect(issuesOf("kod;namn\n2080;Falun\n")[0]).toMatchObject({ code: "TABLE_FORMAT", kind: "no-amount-column" });
  });

  it("finds the amount column by its values when no header says belopp", () => {
    const t = parsePublishedTable("kommun,2025\nFalun,1309672\nMora,533588\n");
    expect(t.rows.map((r) => r.amount)).toEqual([1_309_672n, 533_588n]);
  });
});

describe("parsePublishedRows: rows of cells, as a spreadsheet reader hands them over", () => {
  it("takes numbers and empty cells, and reports rows by their position", () => {
    const t = parsePublishedRows([["Belopp per huvudman", null], [], ["Kommun", "Belopp"], ["Falun", 1309672], [null, null], ["Malung/Sälen", "354 674 kr"], ["Summa", 1664346]]);
    expect(t.rows.map((r) => [r.line, r.code, r.amount])).toEqual([[4, "2080", 1_309_672n], [6, "2023", 354_674n]]);
    expect(t.totals[0]).toMatchObject({ line: 7, amount: 1_664_346n, rowsSum: 1_664_346n });
    expect(t.headings).toEqual([{ line: 1, text: "Belopp per huvudman" }]);
    const r = safeParsePublishedRows([["Falun", 1309672.5], ["Mora", -3], ["Leksand", "x"]], { firstLine: 10 });
    expect(r.ok ? [] : r.issues.map((i) => [i.line, i.kind])).toEqual([[10, "fraction"], [11, "negative"], [12, "not-a-number"]]);
  });

  it("reads code and name in separate cells, and a row of several amounts by position", () => {
    const t = parsePublishedRows([["2080", "Falun", 13093, 1309672]], { amountColumn: 1 });
    expect(t.rows[0]).toMatchObject({ code: "2080", amount: 1_309_672n });
    expect(safeParsePublishedRows([["2080", "Falun", 13093, 1309672]]).ok).toBe(false);
  });

  it("refuses an empty table", () => {
    const r = safeParsePublishedRows([["Belopp per huvudman"]]);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: "TABLE_FORMAT", kind: "empty" });
  });
});
