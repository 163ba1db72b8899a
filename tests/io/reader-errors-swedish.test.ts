/**
 * The file readers (JSON, JSON-stat, the project's CSV, SCB's CSV, the encoding and size checks)
 * speak the catalogue: each problem is a code and kind with typed parameters, rendered in
 * Swedish for people with no English reason left in it. And the odd messages are gone:
 * "positions 0–-1", "1 categories", gaps and duplicates that name no id, "46,786" unexplained.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderIssue, StimulansmedelError, type Issue } from "../../src/errors.js";
import { parseJsonStat } from "../../src/io/jsonstat.js";
import { parsePopulation } from "../../src/io/population.js";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { parseScbCsv } from "../../src/io/scb-csv.js";
import { encodeWindows1252 } from "../../src/io/decode.js";
import { cli } from "../cli/run.js";
import { thrownBy } from "../helpers.js";

const thrown = (fn: () => unknown): StimulansmedelError => thrownBy(fn);

/** English words an untranslated reason would carry (whole words). */
const ENGLISH =
  /\b(?:the|is|are|not|cannot|no|file|must|expected|got|unknown|missing|and|or|of|with|error|invalid|found|needs|given|has|but|says|line|column|count|categories|category|positions|dimensions|cells|unexpected|only|twice|listed|described|neither|nor|periods|key)\b/i;

/** The Swedish line without what the file itself says: quoted values and JSON-stat field names. */
const ownWords = (line: string): string =>
  line
    .replace(/"[^"]*"/g, "")
    .replace(/\b(?:category\.index|category\.label|category|value|size|id|dimension)\b(?:\[\d+\]|\.[\w.]+)?/g, "")
    .replace(/\b[\w-]+\.(?:json|csv)\b/g, "");

function expectSwedish(i: Issue): string {
  const line = renderIssue(i, "sv");
  expect(i.kind, line).not.toBe("legacy");
  expect(line).toMatch(/^[^\n]+$/);
  expect(line).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
  expect(ownWords(line), line).not.toMatch(ENGLISH);
  return line;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

// ------------------------------------------------------------------ JSON-stat
type Js = Record<string, any>;
function jsonstat(edit: (d: Js) => void = () => {}): Js {
  const d: Js = {
    version: "2.0",
    class: "dataset",
    label: "Folkmängden den 1 november efter region, ålder och år",
    id: ["Region", "Alder", "ContentsCode", "Tid"],
    size: [2, 2, 1, 1],
    role: { time: ["Tid"], metric: ["ContentsCode"] },
    dimension: {
      Region: { category: { index: { "2080": 0, "00": 1 }, label: { "2080": "Falun", "00": "Riket" } } },
      Alder: { category: { index: { "0": 0, "1": 1 }, label: { "0": "0 år", "1": "1 år" } } },
      ContentsCode: { category: { index: { BE0101N1: 0 }, label: { BE0101N1: "Folkmängd" } } },
      Tid: { category: { index: { "2024": 0 } } },
    },
    value: [5, 6, 50, 60],
  };
  edit(d);
  return d;
}

const JSONSTAT_CASES: [string, string, () => unknown][] = [
  ["jsonstat-shape", "version", () => parseJsonStat(jsonstat((d) => (d.version = "1.0")))],
  ["jsonstat-id-size", "size", () => parseJsonStat(jsonstat((d) => (d.size = [2, 2, 1])))],
  ["jsonstat-undescribed", "Tid", () => parseJsonStat(jsonstat((d) => delete d.dimension.Tid))],
  ["jsonstat-empty-dimension", "fältet size är 0", () => parseJsonStat(jsonstat((d) => ((d.size = [0, 2, 1, 1]), (d.value = []))))],
  ["jsonstat-category-count", "1 kategori men fältet size anger 2", () => parseJsonStat(jsonstat((d) => (d.dimension.Region.category.index = { "2080": 0 })))],
  ["jsonstat-index-gap", "position 1", () => parseJsonStat(jsonstat((d) => ((d.size = [3, 2, 1, 1]), (d.value = [1, 2, 3, 4, 5, 6]), (d.dimension.Region.category.index = { "2080": 0, "00": 2 }))))],
  ["jsonstat-index-duplicate", '"2080" och "00" har båda position 0', () => parseJsonStat(jsonstat((d) => (d.dimension.Region.category.index = { "2080": 0, "00": 0 })))],
  ["jsonstat-index-code-twice", '"2080" står två gånger', () => parseJsonStat(jsonstat((d) => (d.dimension.Region.category.index = ["2080", "2080"])))],
  ["jsonstat-index-position", "position 5", () => parseJsonStat(jsonstat((d) => (d.dimension.Region.category.index = { "2080": 0, "00": 5 })))],
  ["jsonstat-unknown-dimension", "2 kategorier", () => parseJsonStat(jsonstat((d) => ((d.id[2] = "Foo"), (d.dimension.Foo = { category: { index: ["a", "b"] } }), (d.size[2] = 2), (d.value = [1, 2, 3, 4, 5, 6, 7, 8]))))],
  ["jsonstat-no-region", "region", () => parseJsonStat(jsonstat((d) => ((d.id[0] = "Land"), (d.dimension.Land = { category: { index: ["00"] } }), (d.size[0] = 1), (d.value = [1, 2]))))],
  ["jsonstat-value-count", "3 celler", () => parseJsonStat(jsonstat((d) => (d.value = [1, 2, 3])))],
  ["jsonstat-too-large", "kategorier i Alder", () => parseJsonStat(jsonstat((d) => (d.size = [2, 20_000, 1, 1])))],
  ["several-contents", "Folkmängd och Folkökning", () => parseJsonStat(jsonstat((d) => ((d.size[2] = 2), (d.dimension.ContentsCode.category = { index: ["A", "B"], label: { A: "Folkmängd", B: "Folkökning" } }), (d.value = [1, 2, 3, 4, 5, 6, 7, 8]))))],
  ["negative", "negativt: -6", () => parseJsonStat(jsonstat((d) => (d.value = [5, -6, 50, 60])))],
  ["not-whole", "inte 6.5", () => parseJsonStat(jsonstat((d) => (d.value = [5, 6.5, 50, 60])))],
];

// ------------------------------------------------------------------ JSON
const JSON_CASES: [string, string, () => unknown][] = [
  ["json", 'rad 2, a: filen är inte giltig JSON: oväntat tecken "x" i kolumn 3', () => parsePopulation(utf8('{"a":\n  x}'))],
  ["json", "texten tar slut", () => parsePopulation(utf8('{"a": [1, 2'))],
  ["json", "avslutas aldrig", () => parsePopulation(utf8('{"a": "b'))],
  ["json", "styrtecken (U+0001)", () => parsePopulation(utf8('{"a": "b\u0001"}'))],
  ["json", 'ogiltig \\-kod "\\\\q"', () => parsePopulation(utf8('{"a": "\\q"}'))],
  ["duplicate-key", '"class"', () => parsePopulation(utf8('{"class": 1, "class": 2}'))],
  ["number-range", "1e400", () => parsePopulation(utf8('{"a": 1e400}'))],
];

// ------------------------------------------------------------------ the project's CSV
const HEAD = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n";
const PROJECT_CASES: [string, string, () => unknown][] = [
  ["project-header", "rubrikraden ska ha kolumnerna", () => parseProjectCsv("# referensdatum: 2024-11-01\nkommun,antal\n2080,5\n")],
  ["project-header", "avgränsad med", () => parseProjectCsv("# referensdatum: 2024-11-01\nkommun_kod;nyckel;antal\n2080;0-18;5\n")],
  ["hash-among-data", "rad bland dataraderna", () => parseProjectCsv(`${HEAD}2080,0-18,5\n# not\n00,0-18,9\n`)],
  ["row-width", "raden har 4 fält, rubrikraden 3", () => parseProjectCsv(`${HEAD}2080,0-18,5,1\n00,0-18,9\n`)],
  ["county-in-municipal", "är ett län (Dalarnas län)", () => parseProjectCsv(`${HEAD}20,0-18,5\n00,0-18,9\n`)],
  ["lost-zero", "inledande nollan i 0114", () => parseProjectCsv(`${HEAD}114,0-18,5\n00,0-18,9\n`)],
  ["row-twice", "nyckeln 0-18, anges två gånger (första gången på rad 3)", () => parseProjectCsv(`${HEAD}2080,0-18,5\n2080,0-18,6\n00,0-18,9\n`)],
  ["csv", "tar aldrig slut", () => parseProjectCsv(`${HEAD}"2080,0-18,5\n00,0-18,9\n`)],
  ["csv", "mitt i ett fält", () => parseProjectCsv(`${HEAD}20"80,0-18,5\n00,0-18,9\n`)],
  ["municipalities", "289 av 290 kommuner saknas", () => parseProjectCsv(`${HEAD}2080,0-18,5\n`)],
];

// ------------------------------------------------------------------ SCB's CSV
const TITLE = '"Folkmängden den 1 november efter region, ålder och år"\n\n';
const scb = (header: string, rows: string[], title = TITLE) => `${title}${header}\n${rows.join("\n")}\n`;
const ROWS = ['"2080 Falun","0 år",5', '"2080 Falun","1 år",6', '"00 Riket","0 år",50', '"00 Riket","1 år",60'];
const H = '"region","ålder","2024"';
const SCB_CASES: [string, string, () => unknown][] = [
  ["scb-no-header", "bland de första 30 raderna", () => parseScbCsv('"a","b"\n1,2\n')],
  ["two-role-columns", "två kolumner för region", () => parseScbCsv(scb('"region","kommun","2024"', ['"2080 Falun","2080",5']))],
  ["no-value-column", "ingen kolumn med värden", () => parseScbCsv(scb('"region","ålder"', ['"2080 Falun","0 år"']))],
  ["long-value-columns", "har 2:", () => parseScbCsv(scb('"region","år","Folkmängd","Antal"', ['"2080 Falun","2024",5,5']))],
  ["unknown-column", 'kolumnen "hej"', () => parseScbCsv(scb('"region","ålder","2024","hej"', ['"2080 Falun","0 år",5,5']))],
  ["row-width", "raden har 4 fält, rubrikraden 3", () => parseScbCsv(scb(H, ['"2080 Falun","0 år",5,7']))],
  ["unnamed-column-value", "kolumn 4 har inget namn", () => parseScbCsv(scb(`${H},`, ['"2080 Falun","0 år",5,7']))],
  ["cell-twice", "2080, 0 år anges två gånger (första gången på rad 4)", () => parseScbCsv(scb(H, [ROWS[0]!, ROWS[0]!]))],
  ["csv", '"x" direkt efter ett avslutande citattecken', () => parseScbCsv(scb(H, ['"2080 Falun"x,"0 år",5']))],
  ["scb-age", 'åldern "0-9 år"', () => parseScbCsv(scb(H, ['"2080 Falun","0-9 år",5']))],
  ["scb-sex", 'könet "båda"', () => parseScbCsv(scb('"region","ålder","kön","2024"', ['"2080 Falun","0 år","båda",5']))],
  ["region-without-code", "SCB skriver 0114", () => parseScbCsv(scb(H, ['"114 Upplands Väsby","0 år",5']))],
  ["scb-count", 'antalet "46,786" är inte ett heltal', () => parseScbCsv(scb(H, ['"2080 Falun","0 år","46,786"']))],
  ["one-sex", "bara män", () => parseScbCsv(scb('"region","ålder","kön","2024"', ['"2080 Falun","0 år","män",5', '"00 Riket","0 år","män",50']))],
  ["mixed-level", '"20" är ett län (Dalarnas län) i en fil med kommuner', () => parseScbCsv(scb(H, [ROWS[0]!, '"20 Dalarnas län","0 år",5', ROWS[2]!]))],
  ["scb-counties-partial", "1 av de 21 länen", () => parseScbCsv(scb(H, ['"20 Dalarnas län","0 år",5']))],
  ["municipalities", "289 av 290 kommuner saknas", () => parseScbCsv(scb(H, [ROWS[0]!]))],
  ["several-periods", "flera perioder (2023 och 2024)", () => parseScbCsv(scb('"region","ålder","2023","2024"', ['"2080 Falun","0 år",5,6', '"00 Riket","0 år",50,60']))],
  ["no-period-matches", "ingen av dem avser 2022-11-01", () => parseScbCsv(scb('"region","ålder","2023","2024"', ['"2080 Falun","0 år",5,6', '"00 Riket","0 år",50,60']), { referenceDate: "2022-11-01" })],
  ["period-vs-date", "avser 2024-11-01, men det angivna referensdatumet är 2023-11-01", () => parseScbCsv(scb(H, ROWS), { referenceDate: "2023-11-01" })],
  ["period-no-day", 'perioden "2024"', () => parseScbCsv(scb(H, ROWS, '"Folkmängd efter region"\n\n'))],
  ["key-ages", "filen har inga rader för 2 år, som nyckeln 0-18 behöver", () => parseScbCsv(scb(H, ROWS), { keys: ["0-18"], requireKeys: true })],
  ["region-age", "2080 har ingen rad för 1 år", () => parseScbCsv(scb(H, [ROWS[0]!, ROWS[2]!, ROWS[3]!]), { keys: ["0-1"] })],
  ["missing-needed", 'antalet saknas (SCB:s "..")', () => parseScbCsv(scb(H, ['"2080 Falun","0 år",..', ROWS[1]!, ROWS[2]!, ROWS[3]!]), { keys: ["0-1"] })],
];

describe("the readers' errors are catalogue issues, in Swedish with no English reason", () => {
  const all = [
    ...JSONSTAT_CASES.map((c) => ["JSON-stat", ...c] as const),
    ...JSON_CASES.map((c) => ["JSON", ...c] as const),
    ...PROJECT_CASES.map((c) => ["project CSV", ...c] as const),
    ...SCB_CASES.map((c) => ["SCB CSV", ...c] as const),
  ];
  it.each(all)("%s: %s (%s)", (_, kind, fragment, fn) => {
    const e = thrown(fn);
    expect(e.kind, e.message).toBe(kind);
    for (const i of e.issues) expectSwedish(i);
    expect(renderIssue(e.issue, "sv")).toContain(fragment);
  });
});

describe("the odd messages", () => {
  it("an empty JSON-stat dimension is named as such, not as positions 0–-1", () => {
    const e = thrown(() => parseJsonStat(jsonstat((d) => ((d.size = [0, 2, 1, 1]), (d.value = [])))));
    expect(e).toMatchObject({ code: "POPULATION_FORMAT", kind: "jsonstat-empty-dimension", path: "size[0]" });
    expect(e.message).toBe("dimension Region has no categories (size 0), so the dataset has no cells");
    expect(renderIssue(e.issue, "sv")).toBe("size[0]: dimensionen Region har inga kategorier (fältet size är 0), så datasetet har inga celler");
    expect(e.message).not.toMatch(/–-1/);
  });

  it("one category is singular, two are plural, in both languages", () => {
    const one = thrown(() => parseJsonStat(jsonstat((d) => (d.dimension.Region.category.index = { "2080": 0 }))));
    expect(one.message).toBe("dimension Region has 1 category but size says 2");
    expect(issueSv(one)).toBe("dimensionen Region har 1 kategori men fältet size anger 2");
    const two = thrown(() => parseJsonStat(jsonstat((d) => ((d.size[0] = 1), (d.value = [5, 6]), (d.dimension.Region.category.index = ["2080", "00"])))));
    expect(two.message).toBe("dimension Region has 2 categories but size says 1");
    expect(issueSv(two)).toBe("dimensionen Region har 2 kategorier men fältet size anger 1");
  });

  it("a gap in category.index names the position with no category", () => {
    const e = thrown(() => parseJsonStat(jsonstat((d) => ((d.size = [3, 2, 1, 1]), (d.value = [1, 2, 3, 4, 5, 6]), (d.dimension.Region.category.index = { "2080": 0, "00": 2 })))));
    expect(e).toMatchObject({ kind: "jsonstat-index-gap", path: "dimension.Region.category.index" });
    expect(issueSv(e)).toBe("dimensionen Region: ingen kategori har position 1 i fältet category.index (positionerna går från 0 till 2)");
  });

  it("two categories at one position, and one category twice, are named with their ids and positions", () => {
    const position = thrown(() => parseJsonStat(jsonstat((d) => (d.dimension.Region.category.index = { "2080": 0, "00": 0 }))));
    expect(position).toMatchObject({ kind: "jsonstat-index-duplicate", value: "00" });
    expect(issueSv(position)).toBe('dimensionen Region: kategorierna "2080" och "00" har båda position 0 i fältet category.index');
    const code = thrown(() => parseJsonStat(jsonstat((d) => (d.dimension.Region.category.index = ["2080", "2080"]))));
    expect(code).toMatchObject({ kind: "jsonstat-index-code-twice", value: "2080" });
    expect(issueSv(code)).toBe('dimensionen Region: kategorin "2080" står två gånger i fältet category.index (position 0 och 1)');
  });

  it('"46,786" is shown as written and explained: a thousands separator or a decimal comma', () => {
    const project = thrown(() => parseProjectCsv(`${HEAD}2080,0-18,"46,786"\n00,0-18,9\n`));
    expect(project).toMatchObject({ code: "POPULATION_BAD_COUNT", kind: "not-a-count", line: 3, value: "46,786" });
    expect(project.message).toContain('count "46,786" is not a whole number: the "," may be a thousands separator or a decimal comma (write 46786');
    expect(issueSv(project)).toBe('antalet "46,786" är inte ett heltal: "," kan vara en tusentalsavgränsare eller ett decimaltecken (skriv 46786 om det är tusental; ett antal har inga decimaler)');
    const point = thrown(() => parseProjectCsv(`${HEAD}2080,0-18,46.786\n00,0-18,9\n`));
    expect(issueSv(point)).toContain('antalet "46.786" är inte ett heltal: "." kan vara en tusentalsavgränsare');
    const scbFile = thrown(() => parseScbCsv(scb(H, ['"2080 Falun","0 år","46,786"'])));
    expect(scbFile).toMatchObject({ kind: "scb-count", value: "46,786", path: "2024" });
    expect(issueSv(scbFile)).toContain('antalet "46,786" är inte ett heltal: det ser ut som en tusentalsavgränsare eller ett decimaltecken (skriv 46786');
  });
});

function issueSv(e: StimulansmedelError): string {
  return renderIssue({ ...e.issue, path: undefined } as Issue, "sv").replace(/^(?:[^:]*, )?rad \d+: /, "");
}

describe("encodings and sizes", () => {
  it("a UTF-8 byte-order mark before Windows-1252 bytes is a contradiction, named with its line and byte", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encodeWindows1252('"region","ålder","2024"\n"2080 Falun","0 år",5\n')]);
    const e = thrown(() => parsePopulation(bytes, { file: "scb.csv" }));
    expect(e).toMatchObject({ code: "POPULATION_ENCODING", kind: "bom-not-utf8", file: "scb.csv", line: 1, value: "0xE5" });
    expect(expectSwedish(e.issue)).toBe(
      'scb.csv, rad 1: filen börjar med en UTF-8-markering (BOM), men byten 0xE5 på den här raden är inte UTF-8 (filen är troligen Windows-1252); spara den igen som "CSV UTF-8", eller utan markeringen',
    );
    // The first bad byte on a later line (after valid UTF-8 å) is found there.
    const later = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('"region","ålder","2024"\r\n\r\n"2080 Falun","0 '), 0xe5, ...utf8('r",5\n')]);
    expect(thrown(() => parsePopulation(later, { file: "x.csv" }))).toMatchObject({ kind: "bom-not-utf8", line: 3, value: "0xE5" });
    // A well-formed UTF-8 file with the mark is read.
    const ok = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${TITLE}${H}\n${ROWS.join("\n")}\n`)]);
    expect(parsePopulation(ok).referenceDate).toBe("2024-11-01");
  });

  it("a 4 MB file of one line is refused by the line limit, naming it", () => {
    const bytes = new Uint8Array(4 * 1024 * 1024).fill(0x78);
    const e = thrown(() => parsePopulation(bytes, { file: "en-rad.csv" }));
    expect(e).toMatchObject({ code: "POPULATION_FORMAT", kind: "line-too-long", line: 1 });
    expect(e.issue.params).toEqual({ limit: "64 KB", line: 1 });
    expect(expectSwedish(e.issue)).toMatch(/^en-rad\.csv, rad 1: rad 1 är längre än 64 KB, gränsen för en rad/);
    // The same line after a valid head is refused on its own line; a line of exactly 64 KB is not.
    const head = `${HEAD}2080,0-18,5\n00,0-18,9\n#`;
    const at = (n: number) => utf8(head + "x".repeat(n - 1) + "\n");
    expect(thrown(() => parsePopulation(at(64 * 1024 + 1)))).toMatchObject({ kind: "line-too-long", line: 5 });
    expect(thrown(() => parsePopulation(at(64 * 1024)))).toMatchObject({ kind: "hash-among-data", line: 5 });
  });
});

describe("the CLI shows the readers' errors in Swedish, one line", () => {
  const dir = mkdtempSync(join(tmpdir(), "sm-readers-"));
  const files: [string, string | Uint8Array, RegExp][] = [
    ["gap.json", JSON.stringify(jsonstat((d) => ((d.size = [3, 2, 1, 1]), (d.value = [1, 2, 3, 4, 5, 6]), (d.dimension.Region.category.index = { "2080": 0, "00": 2 })))), /ingen kategori har position 1/],
    ["syntax.json", '{"version": "2.0",\n "class": dataset}', /rad 2, class: filen är inte giltig JSON: oväntat tecken "d" i kolumn 11$/],
    ["tusental.csv", `${HEAD}2080,0-18,"46,786"\n00,0-18,9\n`, /rad 3: antalet "46,786" är inte ett heltal/],
    ["scb.csv", scb(H, ['"2080 Falun","0 år",5,7']), /rad 4: raden har 4 fält, rubrikraden 3/],
    ["bom.csv", new Uint8Array([0xef, 0xbb, 0xbf, ...encodeWindows1252(`${TITLE}${H}\n`)]), /rad 1: filen börjar med en UTF-8-markering/],
    ["lang-rad.csv", new Uint8Array(4 * 1024 * 1024).fill(0x78), /rad 1: rad 1 är längre än 64 KB/],
  ];
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  it.each(files)("%s", async (name, _, expected) => {
    const r = await cli(["allocate", "--population", join(dir, name)]);
    expect(r.code).toBe(2);
    const line = r.stderr.trimEnd();
    expect(line).toMatch(/^[^\n]+$/);
    expect(line).toMatch(expected);
    expect(line).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
    expect(ownWords(line.replace(dir, "")), line).not.toMatch(ENGLISH);
  });
});
