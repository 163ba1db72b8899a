/**
 * Writes the generated part of the bad-input corpus (tests/bad-inputs/…/x-*.{csv,json}) and its
 * manifest lines: encodings, CSV dialects, JSON-stat and agreement edge cases, and the
 * `generated/…` lines whose bytes the test makes itself (sizes, depths, special files).
 * Every expectation is written here by hand; the script only saves typing the variants.
 *
 * Run with `npx tsx scripts/build-bad-inputs.ts`; it rewrites only the lines it owns.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";

const CORPUS = resolve(import.meta.dirname, "..", "tests", "bad-inputs");
const PREFIX = "x-";

interface Expect {
  code: string | null;
  fragment: string;
  line?: number;
  path?: string;
  accept?: Record<string, unknown>;
  generate?: Record<string, unknown>;
  maxIssues?: number;
}
type Bytes = string | Uint8Array;
const cases = new Map<string, { kind: "population" | "agreement"; bytes?: Bytes; expect: Expect }>();

function refuse(code: string, fragment: string, more: Partial<Expect> = {}): Expect {
  return { code, fragment, ...more };
}
function accept(why: string, values: Record<string, unknown>): Expect {
  return { code: null, fragment: why, accept: values };
}
function pop(name: string, bytes: Bytes, expect: Expect): void {
  cases.set(`population/${PREFIX}${name}`, { kind: "population", bytes, expect });
}
function agr(name: string, bytes: Bytes, expect: Expect): void {
  cases.set(`agreement/${PREFIX}${name}`, { kind: "agreement", bytes, expect });
}
function gen(name: string, kind: "population" | "agreement", generate: Record<string, unknown>, expect: Expect): void {
  cases.set(`generated/${name}`, { kind, expect: { ...expect, generate } });
}
const enc = (text: string, encoding: string, bom = false): Uint8Array => new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
const cat = (...parts: Bytes[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

// ---------------------------------------------------------------- bases
const PROJECT = "# referensdatum: 2024-11-01\n# källa: testkorpus\nkommun_kod,nyckel,antal\n2080,0-18,13093\n2081,0-18,11272\n00,0-18,2265405\n";
const PROJECT_OK = { referenceDate: "2024-11-01", counts: { "0-18": { "2080": "13093", "2081": "11272" } }, national: { "0-18": "2265405" }, municipalities: 2 };
const SCB_TITLE = '"Folkmängden den 1 november efter region, ålder och år"';
const scb = (sep: string, eol = "\n", q = '"'): string =>
  [SCB_TITLE, "", ["region", "ålder", "2024"].map((h) => q + h + q).join(sep), ...[["2023 Malung-Sälen", "0 år", "5"], ["2023 Malung-Sälen", "1 år", "6"], ["00 Riket", "0 år", "50"], ["00 Riket", "1 år", "60"]].map(([r, a, n]) => `${q}${r}${q}${sep}${q}${a}${q}${sep}${n}`)].join(eol) + eol;
const SCB = scb(",");
const SCB_OK = { referenceDate: "2024-11-01", ages: { "2023": { "0": "5", "1": "6" } }, municipalities: 1 };

const AGREEMENT = readFileSync(join(CORPUS, "agreement", "unknown-rounding.json"), "utf8").replace('"bankers"', '"nearest-per-recipient"');
const AGREEMENT_OK = { total: "1560000000", pots: 9 };
const agreementWith = (from: string, to: string): string => {
  if (!AGREEMENT.includes(from)) throw new Error(`not in the agreement: ${from}`);
  return AGREEMENT.replace(from, to);
};

type Json = Record<string, unknown>;
const jsonstat = (): Json => ({
  version: "2.0",
  class: "dataset",
  label: "Folkmängden den 1 november efter region, ålder, tabellinnehåll och år",
  source: "SCB",
  role: { time: ["Tid"], metric: ["ContentsCode"], geo: ["Region"] },
  id: ["Region", "Alder", "ContentsCode", "Tid"],
  size: [2, 2, 1, 1],
  dimension: {
    Region: { label: "region", category: { index: { "2080": 0, "00": 1 }, label: { "2080": "Falun", "00": "Riket" } } },
    Alder: { label: "ålder", category: { index: { "0": 0, "1": 1 }, label: { "0": "0 år", "1": "1 år" } } },
    ContentsCode: { label: "tabellinnehåll", category: { index: { BE0101N1: 0 }, label: { BE0101N1: "Folkmängd" } } },
    Tid: { label: "år", category: { index: { "2024": 0 }, label: { "2024": "2024" } } },
  },
  value: [5, 6, 50, 60],
});
const JS_OK = { referenceDate: "2024-11-01", ages: { "2080": { "0": "5", "1": "6" } }, municipalities: 1 };
/** A JSON-stat variant: `edit` changes a fresh copy. */
const js = (edit: (d: Json & { dimension: Record<string, Json & { category: Json }> }) => void): string => {
  const d = jsonstat() as Json & { dimension: Record<string, Json & { category: Json }> };
  edit(d);
  return JSON.stringify(d);
};

// ---------------------------------------------------------------- encodings and BOMs
pop("enc-utf16be-bom-project.csv", enc(PROJECT, "utf16be", true), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf16be-nobom-project.csv", enc(PROJECT, "utf16be"), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf16le-nobom-project.csv", enc(PROJECT, "utf16le"), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf16be-bom-scb.csv", enc(SCB, "utf16be", true), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf32le-bom-project.csv", enc(PROJECT, "utf32le", true), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf32be-bom-project.csv", enc(PROJECT, "utf32be", true), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf32le-bom-scb.csv", enc(SCB, "utf32le", true), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf16be-bom-jsonstat.json", enc(JSON.stringify(jsonstat()), "utf16be", true), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf32le-jsonstat.json", enc(JSON.stringify(jsonstat()), "utf32le"), refuse("POPULATION_ENCODING", "UTF-16", { line: 1 }));
pop("enc-utf8-bom-project.csv", cat(new Uint8Array([0xef, 0xbb, 0xbf]), PROJECT), accept("a UTF-8 BOM is skipped", PROJECT_OK));
pop("enc-utf8-bom-scb.csv", cat(new Uint8Array([0xef, 0xbb, 0xbf]), SCB), accept("a UTF-8 BOM is skipped", SCB_OK));
pop("enc-utf8-bom-jsonstat.json", cat(new Uint8Array([0xef, 0xbb, 0xbf]), JSON.stringify(jsonstat())), accept("a UTF-8 BOM before JSON-stat is skipped", JS_OK));
pop("enc-windows-1252-project.csv", enc(PROJECT, "win1252"), accept("Windows-1252 without BOM: 'källa' decodes", PROJECT_OK));
pop("enc-windows-1252-scb.csv", enc(SCB, "win1252"), accept("Windows-1252 SCB export: 'Malung-Sälen', 'ålder', '0 år' decode", SCB_OK));
pop("enc-windows-1252-scb-semicolon.csv", enc(scb(";", "\r\n"), "win1252"), accept("Windows-1252, semicolons, CRLF (Excel's Swedish CSV)", SCB_OK));
pop("enc-windows-1252-with-utf8-bom.csv", cat(new Uint8Array([0xef, 0xbb, 0xbf]), enc(SCB, "win1252")), refuse("POPULATION_ENCODING", "starts with a UTF-8 byte-order mark, but byte 0xE4 on this line is not UTF-8", { line: 1 }));
pop("enc-mixed-utf8-and-1252.csv", cat(SCB_TITLE, "\n\n", '"region","ålder","2024"\n', enc('"2023 Malung-Sälen","0 år",5\n', "win1252"), '"00 Riket","0 år",50\n'), refuse("POPULATION_ENCODING", "the text contains \"Ã¤\"", { line: 1 }));
pop("enc-mojibake-saved-twice.csv", SCB.replace("ålder", "Ã¥lder"), refuse("POPULATION_ENCODING", "the text contains \"Ã¥\"", { line: 1 }));
pop("enc-invalid-ff-in-header.csv", cat("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\xff\n".replace("\xff", ""), new Uint8Array([0xff]), "\n2080,0-18,13093\n00,0-18,2265405\n"), refuse("POPULATION_FORMAT", "the row has 1 field, the header 3", { line: 3 }));
pop("enc-invalid-lone-continuation.csv", cat("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,1309", new Uint8Array([0x80]), "\n00,0-18,2265405\n"), refuse("POPULATION_BAD_COUNT", "count \"1309€\" is not a number", { line: 3 }));
pop("enc-invalid-overlong.csv", cat("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093", new Uint8Array([0xc0, 0xaf]), "\n00,0-18,2265405\n"), refuse("POPULATION_BAD_COUNT", "count \"13093À¯\" is not a number", { line: 3 }));
pop("enc-invalid-surrogate.csv", cat("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093", new Uint8Array([0xed, 0xa0, 0x80]), "\n00,0-18,2265405\n"), refuse("POPULATION_BAD_COUNT", "is not a number", { line: 3 }));
pop("enc-nul-in-middle.csv", cat("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,130", new Uint8Array([0]), "93\n00,0-18,2265405\n"), refuse("POPULATION_ENCODING", "binary", { line: 1 }));
pop("enc-double-bom.csv", cat(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), PROJECT), accept("a second BOM before the header is skipped like the first", PROJECT_OK));
pop("enc-bom-mid-file.csv", PROJECT.replace("kommun_kod", "\uFEFFkommun_kod"), accept("a BOM glued to the header (files concatenated) is skipped", PROJECT_OK));
pop("enc-nfd-alder-scb.csv", SCB.replaceAll("ålder", "a\u030Alder").replaceAll("år", "a\u030Ar"), accept("NFD 'å' (a + ring) is read as 'å'", SCB_OK));
pop("enc-latin1-c1-quote.csv", enc(SCB.replace(SCB_TITLE, '"Folkmängden den 1 november efter region, ålder och år – 2024"'), "win1252"), accept("Windows-1252 en dash (0x96) in the title", SCB_OK));
pop("enc-utf8-invalid-in-title.csv", cat('"Folkm', new Uint8Array([0xe4]), 'ngden den 1 november efter region, ', new Uint8Array([0xe5]), 'lder och ', new Uint8Array([0xe5]), 'r"\n\n"region","ålder","2024"\n"2023 Malung-Sälen","0 år",5\n"00 Riket","0 år",50\n'), refuse("POPULATION_ENCODING", "the text contains \"Ã¥\"", { line: 3 }));
agr("enc-utf8-bom.json", cat(new Uint8Array([0xef, 0xbb, 0xbf]), AGREEMENT), accept("a UTF-8 BOM before an agreement is skipped", AGREEMENT_OK));
agr("enc-utf16be-bom.json", enc(AGREEMENT, "utf16be", true), refuse("AGREEMENT_INVALID", "not UTF-8 text (UTF-16, UTF-32 or binary)", { line: 1 }));
agr("enc-utf16le-nobom.json", enc(AGREEMENT, "utf16le"), refuse("AGREEMENT_INVALID", "not UTF-8 text (UTF-16, UTF-32 or binary)", { line: 1 }));
agr("enc-utf32le-bom.json", enc(AGREEMENT, "utf32le", true), refuse("AGREEMENT_INVALID", "not UTF-8 text (UTF-16, UTF-32 or binary)", { line: 1 }));
agr("enc-windows-1252.json", enc(AGREEMENT, "win1252"), refuse("AGREEMENT_INVALID", "not UTF-8 text (bytes that are not UTF-8, such as Windows-1252)", { line: 3 }));
agr("enc-nfd-title.json", AGREEMENT.replace('"Överenskommelse om insatser', '"O\u0308verenskommelse om insatser'), accept("an NFD title is kept as written", { ...AGREEMENT_OK }));

// ---------------------------------------------------------------- CSV dialects (SCB, Excel)
pop("csv-scb-semicolon.csv", scb(";"), accept("SCB semicolon export", SCB_OK));
pop("csv-scb-tab.csv", scb("\t"), accept("SCB tab export with quotes", SCB_OK));
pop("csv-scb-tab-unquoted.csv", scb("\t", "\n", ""), accept("SCB tab export without quotes", SCB_OK));
pop("csv-scb-semicolon-unquoted.csv", scb(";", "\n", ""), accept("semicolons without quotes", SCB_OK));
pop("csv-scb-crlf.csv", scb(",", "\r\n"), accept("CRLF line endings", SCB_OK));
pop("csv-scb-cr.csv", scb(",", "\r"), accept("CR-only line endings (old Mac Excel)", SCB_OK));
pop("csv-scb-mixed-eol.csv", SCB.replace("\n\n", "\r\n\r\n").replace('5\n', '5\r'), accept("mixed line endings", SCB_OK));
pop("csv-project-crlf.csv", PROJECT.replaceAll("\n", "\r\n"), accept("CRLF", PROJECT_OK));
pop("csv-project-cr.csv", PROJECT.replaceAll("\n", "\r"), accept("CR-only", PROJECT_OK));
pop("csv-project-no-final-newline.csv", PROJECT.trimEnd(), accept("no newline after the last row", PROJECT_OK));
pop("csv-project-trailing-blank-lines.csv", `${PROJECT}\n\n\n`, accept("blank lines at the end", PROJECT_OK));
pop("csv-project-quoted.csv", PROJECT.replace("kommun_kod,nyckel,antal", '"kommun_kod","nyckel","antal"').replace("2080,0-18,13093", '"2080","0-18","13093"'), accept("Excel's quoted fields", PROJECT_OK));
pop("csv-project-excel-sep-line.csv", `sep=,\n${PROJECT}`, refuse("POPULATION_FORMAT", "unknown population format", { line: 1 }));
pop("csv-project-excel-sep-semicolon.csv", `sep=;\n${PROJECT.replaceAll(",", ";")}`, refuse("POPULATION_FORMAT", "unknown population format", { line: 1 }));
pop("csv-scb-excel-sep-semicolon.csv", `sep=;\n${scb(";")}`, accept("Excel's sep=; line before an SCB export", SCB_OK));
pop("csv-scb-excel-sep-comma.csv", `sep=,\r\n${scb(",", "\r\n")}`, accept("Excel's sep=, line", SCB_OK));
pop("csv-project-trailing-separator.csv", PROJECT.replace("2080,0-18,13093", "2080,0-18,13093,"), refuse("POPULATION_FORMAT", "the row has 4 fields, the header 3", { line: 4 }));
pop("csv-project-trailing-separator-everywhere.csv", PROJECT.replace(/^(kommun_kod.*|\d.*)$/gm, "$1,"), accept("Excel's trailing separator on every line, header included, is an empty last column", PROJECT_OK));
pop("csv-scb-trailing-separator-everywhere.csv", scb(";").replace(/^(".*)$/gm, "$1;").replace(SCB_TITLE + ";", SCB_TITLE), accept("a trailing separator on the header and every row", SCB_OK));
pop("csv-scb-trailing-separator-one-row.csv", scb(";").replace('"0 år";5', '"0 år";5;'), refuse("POPULATION_FORMAT", "the row has 4 fields, the header 3", { line: 4 }));
pop("csv-scb-footnotes.csv", `${SCB}\n"Fotnot: Folkmängden avser den 1 november."\n"Källa: SCB"\n`, accept("footnotes after the data", SCB_OK));
pop("csv-scb-footnote-unquoted.csv", `${SCB}\nFotnot: uppgifterna avser 1 november\n`, accept("an unquoted footnote after a blank line", SCB_OK));
pop("csv-scb-footnote-with-separators.csv", `${SCB}\n"Förklaring: ..";"";""\n`, refuse("POPULATION_FORMAT", "not valid CSV: unexpected \";\" after a closing quote", { line: 9 }));
pop("csv-scb-metadata-lines.csv", `"Tabell: BE0101N1"\n"Enhet: antal"\n${SCB}`, accept("metadata lines above the title", SCB_OK));
pop("csv-scb-no-title.csv", SCB.replace(`${SCB_TITLE}\n\n`, ""), refuse("POPULATION_DATE_UNKNOWN", "cannot tell the reference date of period \"2024\""));
pop("csv-scb-embedded-separator.csv", SCB.replaceAll('"2023 Malung-Sälen"', '"2023 Malung-Sälen, Dalarnas län"'), accept("a comma inside a quoted region label", SCB_OK));
pop("csv-scb-embedded-newline.csv", SCB.replaceAll('"2023 Malung-Sälen"', '"2023 Malung-\nSälen"'), accept("a newline inside a quoted region label", SCB_OK));
pop("csv-scb-embedded-quote.csv", SCB.replaceAll('"2023 Malung-Sälen"', '"2023 ""Malung-Sälen"""'), accept("doubled quotes inside a quoted label", SCB_OK));
pop("csv-scb-semicolon-embedded-comma.csv", scb(";").replace(SCB_TITLE, SCB_TITLE), accept("commas inside quoted title with semicolon delimiter", SCB_OK));
pop("csv-scb-quoted-count.csv", SCB.replace(",5\n", ',"5"\n'), accept("a count in quotes", SCB_OK));
pop("csv-scb-nbsp-thousands.csv", SCB.replace(",50\n", ",2\u00A0265\u00A0405\n"), accept("no-break spaces between thousands are digit groups", { ...SCB_OK, nationalAges: { "0": "2265405" } }));
pop("csv-scb-space-thousands.csv", SCB.replace(",50\n", ',"2 265 405"\n'), accept("spaces between thousands are digit groups", { ...SCB_OK, nationalAges: { "0": "2265405" } }));
pop("csv-scb-missing-dots.csv", SCB.replace(",5\n", ",..\n"), accept("SCB's \"..\" is missing (saknas), never 0", { ages: { "2023": { "0": null, "1": "6" } } }));
pop("csv-scb-dash.csv", SCB.replace(",5\n", ",-\n"), accept("SCB's \"-\" means nothing to report: 0", { ages: { "2023": { "0": "0", "1": "6" } } }));
pop("csv-scb-empty-cell.csv", SCB.replace(",5\n", ",\n"), refuse("POPULATION_BAD_COUNT", "count \"\" is empty", { line: 4 }));
pop("csv-scb-whitespace-around.csv", SCB.replace('"2023 Malung-Sälen","0 år",5', ' "2023 Malung-Sälen" , "0 år" , 5 '), accept("spaces around quoted fields", SCB_OK));
pop("csv-scb-separator-only-line.csv", SCB.replace('"00 Riket","0 år"', ',,\n"00 Riket","0 år"'), accept("a line of separators only (Excel's empty row) is blank", SCB_OK));
pop("csv-scb-semicolon-only-line-end.csv", `${scb(";")};;\n`, accept("an empty row of separators at the end", SCB_OK));
pop("csv-scb-wide-sex.csv", `${SCB_TITLE.replace("ålder och år", "ålder, kön och år")}\n\n"region","ålder","män 2024","kvinnor 2024"\n"2023 Malung-Sälen","0 år",2,3\n"2023 Malung-Sälen","1 år",3,3\n"00 Riket","0 år",25,25\n"00 Riket","1 år",30,30\n`, accept("wide export by sex, summed", SCB_OK));
pop("csv-scb-wide-sex-semicolon-crlf.csv", `${SCB_TITLE.replace("ålder och år", "ålder, kön och år")}\r\n\r\n"region";"ålder";"män 2024";"kvinnor 2024"\r\n"2023 Malung-Sälen";"0 år";2;3\r\n"2023 Malung-Sälen";"1 år";3;3\r\n"00 Riket";"0 år";25;25\r\n"00 Riket";"1 år";30;30\r\n`, accept("wide by sex, Excel's Swedish CSV", SCB_OK));
pop("csv-scb-two-years.csv", `${SCB_TITLE}\n\n"region","ålder","2023","2024"\n"2023 Malung-Sälen","0 år",4,5\n"00 Riket","0 år",40,50\n`, refuse("POPULATION_DATE_UNKNOWN", "several periods (2023, 2024)"));
pop("csv-scb-region-dash.csv", SCB.replaceAll('"2023 Malung-Sälen"', '"2023 - Malung-Sälen"').replaceAll('"00 Riket"', '"00 - Riket"'), accept("'2023 - Malung-Sälen' (SCB's PxWeb label)", SCB_OK));
pop("csv-scb-region-code-only.csv", SCB.replaceAll('"2023 Malung-Sälen"', '"2023"').replaceAll('"00 Riket"', '"00"'), accept("region codes without names", SCB_OK));
pop("csv-scb-region-name-only.csv", SCB.replaceAll('"2023 Malung-Sälen"', '"Malung-Sälen"').replaceAll('"00 Riket"', '"Riket"'), refuse("POPULATION_UNKNOWN_CODE", "region \"Malung-Sälen\" has no 4-digit municipality code", { line: 4 }));
pop("csv-scb-leading-zero-lost.csv", SCB.replaceAll('"2023 Malung-Sälen"', '"114 Upplands Väsby"'), refuse("POPULATION_UNKNOWN_CODE", "a lost leading zero? SCB writes 0114", { line: 4 }));
pop("csv-scb-age-100-plus.csv", SCB.replace('"1 år",6', '"100+ år",6'), accept("\"100+ år\" is the age class 100", { ages: { "2023": { "0": "5", "100": "6" } } }));
pop("csv-scb-header-only.csv", `${SCB_TITLE}\n\n"region","ålder","2024"\n`, refuse("POPULATION_FORMAT", "the file has no data rows"));
pop("csv-scb-unterminated-quote.csv", SCB.replace('"00 Riket","1 år"', '"00 Riket,"1 år"'), refuse("POPULATION_FORMAT", "not valid CSV", { line: 7 }));
pop("csv-project-semicolon-decimal-comma.csv", "# referensdatum: 2024-11-01\nkommun_kod;nyckel;antal\n2080;0-18;13093,0\n00;0-18;2265405\n", refuse("POPULATION_FORMAT", "separated by \";\"; use commas", { line: 2 }));
pop("csv-project-tab.csv", PROJECT.replaceAll(",", "\t"), refuse("POPULATION_FORMAT", "separated by tabs; use commas", { line: 3 }));
pop("csv-project-header-spaces.csv", PROJECT.replace("kommun_kod,nyckel,antal", "kommun_kod, nyckel, antal"), accept("spaces after the commas of the header", PROJECT_OK));
pop("csv-project-uppercase-header.csv", PROJECT.replace("kommun_kod,nyckel,antal", "KOMMUN_KOD,NYCKEL,ANTAL"), accept("header names in capitals", PROJECT_OK));
pop("csv-project-comment-crlf.csv", PROJECT.replace("# källa: testkorpus\n", "# källa: testkorpus\r\n#\r\n"), accept("comment lines with CRLF and an empty comment", PROJECT_OK));

pop("csv-project-sections.csv", `${PROJECT}kommun_kod,alder,antal\n2023,0,50\n2023,1,51\n00,0,100000\n00,1,101000\n`, accept("a second section with its own header: ages beside keyed counts", { ...PROJECT_OK, ages: { "2023": { "0": "50", "1": "51" } }, nationalAges: { "1": "101000" }, municipalities: 3 }));
pop("csv-project-section-repeats-row.csv", `${PROJECT}kommun_kod,nyckel,antal\n2080,0-18,13093\n`, refuse("POPULATION_DUPLICATE", "2080 key 0-18 is given twice (first on line 4)", { line: 8 }));
pop("csv-project-section-bad-header.csv", `${PROJECT}kommun_kod,antal\n2023,5\n`, refuse("POPULATION_FORMAT", "expected the columns kommun_kod, nyckel or alder, and antal", { line: 7 }));

// ---------------------------------------------------------------- JSON-stat 2.0 edge cases
pop("js-base.json", JSON.stringify(jsonstat()), accept("the small base dataset", JS_OK));
pop("js-index-array.json", js((d) => { for (const [k, v] of [["Region", ["2080", "00"]], ["Alder", ["0", "1"]], ["ContentsCode", ["BE0101N1"]], ["Tid", ["2024"]]] as const) d.dimension[k]!.category.index = v; }), accept("category.index as an array (JSON-stat 2.0 allows both)", JS_OK));
pop("js-index-array-reversed.json", js((d) => { d.dimension.Region!.category.index = ["00", "2080"]; d.value = [50, 60, 5, 6]; }), accept("array index in another order: values follow the index", JS_OK));
pop("js-index-object-out-of-key-order.json", js((d) => { d.dimension.Region!.category.index = { "00": 0, "2080": 1 }; d.value = [50, 60, 5, 6]; }), accept("object index, '00' first: order from positions, not key shape", JS_OK));
pop("js-value-sparse-object.json", js((d) => { d.value = { "0": 5, "1": 6, "2": 50, "3": 60 }; }), accept("value as an object keyed by position", JS_OK));
pop("js-value-sparse-object-unordered.json", js((d) => { d.value = { "3": 60, "1": 6, "0": 5, "2": 50 }; }), accept("value object in any key order", JS_OK));
pop("js-value-sparse-missing-cell.json", js((d) => { d.value = { "0": 5, "2": 50, "3": 60 }; }), accept("a cell left out of a sparse value is null: missing (saknas), never 0", { ages: { "2080": { "0": "5", "1": null } } }));
pop("js-value-sparse-out-of-range.json", js((d) => { d.value = { "0": 5, "1": 6, "2": 50, "3": 60, "4": 1 }; }), refuse("POPULATION_FORMAT", "value has the key \"4\", which is no cell position: the sizes make 4 cells", { path: "value.4" }));
pop("js-value-sparse-bad-key.json", js((d) => { d.value = { "0": 5, "1": 6, "2": 50, "x": 60 }; }), refuse("POPULATION_FORMAT", "value has the key \"x\", which is no cell position", { path: "value.x" }));
pop("js-value-null.json", js((d) => { d.value = [5, null, 50, 60]; }), accept("null is missing (saknas), never 0", { ages: { "2080": { "0": "5", "1": null } } }));
pop("js-value-null-with-status.json", js((d) => { d.value = [5, null, 50, 60]; d.status = { "1": ".." }; }), accept("null with status \"..\" is missing", { ages: { "2080": { "0": "5", "1": null } } }));
pop("js-status-string.json", js((d) => { d.status = "A"; }), accept("status as one string for all cells is metadata", JS_OK));
pop("js-status-array.json", js((d) => { d.status = ["A", "A", "A", "A"]; }), accept("status as an array", JS_OK));
pop("js-status-object.json", js((d) => { d.status = { "0": "P" }; }), accept("status as a sparse object", JS_OK));
pop("js-value-too-short.json", js((d) => { d.value = [5, 6, 50]; }), refuse("POPULATION_FORMAT", "value has 3 cells but the sizes 2 × 2 × 1 × 1 make 4", { path: "value" }));
pop("js-value-too-long.json", js((d) => { d.value = [5, 6, 50, 60, 70]; }), refuse("POPULATION_FORMAT", "value has 5 cells but the sizes 2 × 2 × 1 × 1 make 4", { path: "value" }));
pop("js-value-string.json", js((d) => { d.value = [5, "6", 50, 60]; }), refuse("POPULATION_FORMAT", "not a JSON-stat 2.0 dataset", { path: "value" }));
pop("js-value-fraction.json", js((d) => { d.value = [5, 6.5, 50, 60]; }), refuse("POPULATION_BAD_COUNT", "a count must be a whole number of persons, not 6.5", { path: "value[1]" }));
pop("js-value-negative.json", js((d) => { d.value = [5, -6, 50, 60]; }), refuse("POPULATION_BAD_COUNT", "a count cannot be negative: -6", { path: "value[1]" }));
pop("js-value-exponent-whole.json", js((d) => { d.value = [5, 6, 50, 60]; }).replace("[5,6,50,60]", "[5,6e0,5e1,60]"), accept("6e0 and 5e1 are the whole numbers 6 and 50", JS_OK));
pop("js-value-negative-zero.json", js((d) => { d.value = [5, 6, 50, 60]; }).replace("[5,6,50,60]", "[5,6,50,-0]"), accept("-0 is the count 0", { ages: { "2080": { "0": "5", "1": "6" } }, nationalAges: { "1": "0" } }));
pop("js-missing-size.json", js((d) => { delete d.size; }), refuse("POPULATION_FORMAT", "expected a non-empty list of whole numbers", { path: "size" }));
pop("js-missing-id.json", js((d) => { delete d.id; }), refuse("POPULATION_FORMAT", "expected a non-empty list of texts", { path: "id" }));
pop("js-missing-value.json", js((d) => { delete d.value; }), refuse("POPULATION_FORMAT", "not a JSON-stat 2.0 dataset", { path: "value" }));
pop("js-missing-dimension.json", js((d) => { delete (d as Json).dimension; }), refuse("POPULATION_FORMAT", "expected an object", { path: "dimension" }));
pop("js-size-id-length-mismatch.json", js((d) => { d.size = [2, 2, 1]; }), refuse("POPULATION_FORMAT", "id has 4 dimensions but size has 3", { path: "size" }));
pop("js-size-category-mismatch.json", js((d) => { d.size = [2, 2, 1, 1]; d.dimension.Region!.category.index = { "2080": 0, "00": 1, "2081": 2 }; d.dimension.Region!.category.label = { "2080": "Falun", "00": "Riket", "2081": "Borlänge" }; }), refuse("POPULATION_FORMAT", "dimension Region: the category \"2081\" has position 2, but size says 2 categories (positions 0 to 1)", { path: "dimension.Region.category.index" }));
pop("js-size-zero.json", js((d) => { d.size = [0, 2, 1, 1]; d.value = []; }), refuse("POPULATION_FORMAT", "dimension Region has no categories (size 0)", { path: "size[0]" }));
pop("js-size-negative.json", js((d) => { d.size = [-2, 2, 1, 1]; }), refuse("POPULATION_FORMAT", "expected a non-empty list of whole numbers", { path: "size" }));
pop("js-size-fraction.json", js((d) => { d.size = [2.5, 2, 1, 1]; }), refuse("POPULATION_FORMAT", "expected a non-empty list of whole numbers", { path: "size" }));
pop("js-id-unknown-dimension.json", js((d) => { d.id = ["Region", "Alder", "ContentsCode", "Year"]; }), refuse("POPULATION_FORMAT", "dimension Year is listed in id but not described", { path: "dimension.Year" }));
pop("js-id-duplicate.json", js((d) => { d.id = ["Region", "Alder", "Alder", "Tid"]; }), refuse("POPULATION_FORMAT", "but size says 1", { path: "dimension.Alder.category.index" }));
pop("js-single-category-no-index.json", js((d) => { delete d.dimension.ContentsCode!.category.index; delete d.dimension.Tid!.category.index; }), accept("single-category dimensions need no index (JSON-stat 2.0)", JS_OK));
pop("js-multi-category-no-index.json", js((d) => { delete d.dimension.Alder!.category.index; }), refuse("POPULATION_FORMAT", "dimension Alder has 2 categories but no category.index", { path: "dimension.Alder.category" }));
pop("js-index-duplicate-position.json", js((d) => { d.dimension.Region!.category.index = { "2080": 0, "00": 0 }; }), refuse("POPULATION_FORMAT", "dimension Region: the categories \"2080\" and \"00\" both have position 0", { path: "dimension.Region.category.index" }));
pop("js-index-gap.json", js((d) => { d.dimension.Region!.category.index = { "2080": 0, "00": 2 }; }), refuse("POPULATION_FORMAT", "but size says 2", { path: "dimension.Region.category.index" }));
pop("js-index-array-duplicate.json", js((d) => { d.dimension.Region!.category.index = ["2080", "2080"]; }), refuse("POPULATION_FORMAT", "dimension Region: the category \"2080\" is listed twice in category.index (positions 0 and 1)", { path: "dimension.Region.category.index" }));
pop("js-index-array-number.json", js((d) => { d.dimension.Region!.category.index = [2080, "00"]; }), refuse("POPULATION_FORMAT", "not a JSON-stat 2.0 dataset", { path: "dimension.Region.category.index" }));
pop("js-label-only-for-some.json", js((d) => { d.dimension.Region!.category.label = { "2080": "Falun" }; }), accept("a region without label is read by its code", JS_OK));
pop("js-role-missing.json", js((d) => { delete d.role; }), accept("role is optional; dimensions are told by id", JS_OK));
pop("js-role-geo-wrong.json", js((d) => { d.role = { geo: ["Alder"], time: ["Tid"], metric: ["ContentsCode"] }; }), refuse("POPULATION_UNKNOWN_CODE", "region \"0\" has no 4-digit municipality code"));
pop("js-extension.json", js((d) => { d.extension = { px: { tableid: "BE0101N1", language: "sv", contents: "Folkmängd" } }; }), accept("extension is ignored", JS_OK));
pop("js-extension-deep.json", js((d) => { let x: Json = { end: true }; for (let i = 0; i < 40; i++) x = { x }; d.extension = x; }), accept("an extension 40 levels deep is within the depth limit", JS_OK));
pop("js-class-collection.json", js((d) => { d.class = "collection"; }), refuse("POPULATION_FORMAT", "expected \"dataset\"", { path: "class" }));
pop("js-version-1.json", js((d) => { d.version = "1.0"; }), refuse("POPULATION_FORMAT", "expected \"2.0\"", { path: "version" }));
pop("js-no-version.json", js((d) => { delete d.version; }), refuse("POPULATION_FORMAT", "expected \"2.0\"", { path: "version" }));
pop("js-bundle-v1.json", JSON.stringify({ dataset: jsonstat() }), refuse("POPULATION_FORMAT", "not a JSON-stat 2.0 dataset", { path: "version" }));
pop("js-two-years.json", js((d) => { d.size = [2, 2, 1, 2]; d.dimension.Tid!.category = { index: { "2023": 0, "2024": 1 }, label: { "2023": "2023", "2024": "2024" } }; d.value = [4, 5, 5, 6, 40, 50, 50, 60]; }), refuse("POPULATION_DATE_UNKNOWN", "several periods (2023, 2024)"));
pop("js-two-contents.json", js((d) => { d.size = [2, 2, 2, 1]; d.dimension.ContentsCode!.category = { index: { BE0101N1: 0, BE0101N2: 1 }, label: { BE0101N1: "Folkmängd", BE0101N2: "Folkökning" } }; d.value = [5, 1, 6, 1, 50, 2, 60, 2]; }), refuse("POPULATION_FORMAT", "several contents (Folkmängd, Folkökning)", { path: "dimension.ContentsCode" }));
pop("js-unit-decimals.json", js((d) => { d.dimension.ContentsCode!.category.unit = { BE0101N1: { base: "antal", decimals: 1 } }; }), accept("unit.decimals is presentation: the values are whole", JS_OK));
pop("js-sex-dimension.json", js((d) => { d.id = ["Region", "Alder", "Kon", "ContentsCode", "Tid"]; d.size = [2, 2, 2, 1, 1]; d.dimension.Kon = { label: "kön", category: { index: { "1": 0, "2": 1 }, label: { "1": "män", "2": "kvinnor" } } }; d.value = [2, 3, 3, 3, 25, 25, 30, 30]; }), accept("a sex dimension is summed", JS_OK));
pop("js-sex-one-missing.json", js((d) => { d.id = ["Region", "Alder", "Kon", "ContentsCode", "Tid"]; d.size = [2, 2, 1, 1, 1]; d.dimension.Kon = { label: "kön", category: { index: { "1": 0 }, label: { "1": "män" } } }; d.value = [2, 3, 25, 30]; }), refuse("POPULATION_FORMAT", "only män; the file must have both män and kvinnor", { path: "value[0]" }));
pop("js-no-age-dimension.json", js((d) => { d.id = ["Region", "ContentsCode", "Tid"]; d.size = [2, 1, 1]; delete (d.dimension as Record<string, unknown>).Alder; d.value = [11, 110]; }), accept("no age dimension: the counts are the total", { referenceDate: "2024-11-01", counts: { total: { "2080": "11" } }, national: { total: "110" }, municipalities: 1 }));
pop("js-region-unknown-code.json", js((d) => { d.dimension.Region!.category.index = { "9999": 0, "00": 1 }; d.dimension.Region!.category.label = { "9999": "Okänd", "00": "Riket" }; }), refuse("POPULATION_UNKNOWN_CODE", "\"9999\" is not one of the 290 municipality codes", { path: "value[0]" }));
pop("js-value-over-2-pow-53.json", js((d) => { d.value = [5, 6, 50, 60]; }).replace("[5,6,50,60]", "[5,6,50,9007199254740993]"), refuse("POPULATION_BAD_COUNT", "larger than any population (at most 10000000000)", { path: "value[3]" }));
pop("js-dimension-label-births.json", js((d) => { d.dimension.ContentsCode!.category.label = { BE0101N1: "Levande födda" }; }), refuse("POPULATION_FORMAT", "\"Levande födda\" is not the population", { path: "dimension.ContentsCode.category.label" }));
pop("js-duplicate-key-nested.json", JSON.stringify(jsonstat()).replace('"index":{"0":0,"1":1}', '"index":{"0":0,"1":1,"1":0}'), refuse("POPULATION_FORMAT", "given twice"));
pop("js-trailing-garbage.json", `${JSON.stringify(jsonstat())} x`, refuse("POPULATION_FORMAT", "not valid JSON: unexpected \"x\"", { line: 1 }));
pop("js-two-documents.json", `${JSON.stringify(jsonstat())}\n${JSON.stringify(jsonstat())}`, refuse("POPULATION_FORMAT", "not valid JSON: unexpected \"{\"", { line: 2 }));
pop("js-truncated.json", JSON.stringify(jsonstat()).slice(0, 300), refuse("POPULATION_FORMAT", "not valid JSON: a text value is not closed", { line: 1 }));
pop("js-comment.json", `{ // JSON-stat\n${JSON.stringify(jsonstat()).slice(1)}`, refuse("POPULATION_FORMAT", "not valid JSON: unexpected \"/\"", { line: 1 }));
pop("js-nan.json", JSON.stringify(jsonstat()).replace("[5,6,50,60]", "[5,NaN,50,60]"), refuse("POPULATION_FORMAT", "not valid JSON: unexpected \"N\"", { path: "value[1]" }));
pop("js-proto-key.json", JSON.stringify(jsonstat()).replace('"version":"2.0"', '"__proto__":{"version":"9"},"version":"2.0"'), accept("__proto__ is an ordinary key: the dataset reads unchanged", JS_OK));
// Names that are properties of every object: the file's own dimension or label, or none.
pop("js-dimension-constructor.json", js((d) => { d.id = ["Region", "Alder", "ContentsCode", "constructor", "Tid"]; d.size = [2, 2, 1, 1, 1]; }), refuse("POPULATION_FORMAT", "dimension constructor is listed in id but not described", { path: "dimension.constructor" }));
pop("js-content-code-tostring.json", js((d) => { d.dimension.ContentsCode = { label: "tabellinnehåll", category: { index: { toString: 0 }, label: {} } }; }), refuse("POPULATION_FORMAT", "the table's content \"toString\" is not the population", { path: "dimension.ContentsCode.category.label" }));
pop("js-region-code-constructor.json", js((d) => { d.dimension.Region = { label: "region", category: { index: { "2080": 0, constructor: 1 }, label: { "2080": "Falun" } } }; }), refuse("POPULATION_UNKNOWN_CODE", "region \"constructor\" has no 4-digit municipality code", { path: "dimension.Region.category.index.constructor" }));

// ---------------------------------------------------------------- agreement JSON edge cases
agr("json-comment.json", `// kommentar\n${AGREEMENT}`, refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-single-quotes.json", agreementWith('"id": "2025"', "'id': '2025'"), refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-nan.json", agreementWith('"total": 1560000000', '"total": NaN'), refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-infinity.json", agreementWith('"total": 1560000000', '"total": Infinity'), refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-hex.json", agreementWith('"total": 1560000000', '"total": 0x5CFC0D80'), refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-leading-zero.json", agreementWith('"total": 1560000000', '"total": 01560000000'), refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-plus-sign.json", agreementWith('"total": 1560000000', '"total": +1560000000'), refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-exponent-whole.json", agreementWith('"total": 1560000000', '"total": 1.56e9'), accept("1.56e9 is the whole number 1 560 000 000", AGREEMENT_OK));
agr("json-exponent-fraction.json", agreementWith('"total": 1560000000', '"total": 1.5600000005e9'), refuse("AGREEMENT_INVALID", "expected a whole number of kronor, got 1560000000.5", { path: "total" }));
agr("json-over-2-pow-53.json", agreementWith('"total": 1560000000', '"total": 9007199254740993'), refuse("AGREEMENT_INVALID", "expected a whole number of kronor, got 9007199254740992", { path: "total" }));
agr("json-negative-zero.json", agreementWith('"amount": 29000000', '"amount": -0'), refuse("AGREEMENT_POTS_DO_NOT_SUM", "the pots add up to 1531000000 kr", { path: "pots" }));
agr("json-total-string.json", agreementWith('"total": 1560000000', '"total": "1560000000"'), accept("a total as a string of digits", AGREEMENT_OK));
agr("json-total-string-exponent.json", agreementWith('"total": 1560000000', '"total": "1.56e9"'), accept("\"1.56e9\" as text is the whole number 1 560 000 000", AGREEMENT_OK));
agr("json-total-string-leading-zero.json", agreementWith('"total": 1560000000', '"total": "01560000000"'), accept("\"01560000000\" as text is 1 560 000 000", AGREEMENT_OK));
agr("json-trailing-garbage.json", `${AGREEMENT}\n}`, refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-two-documents.json", `${AGREEMENT}\n${AGREEMENT}`, refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-top-level-string.json", '"2025"', refuse("AGREEMENT_INVALID", "expected an object, got a text", { path: "" }));
agr("json-top-level-number.json", "2025", refuse("AGREEMENT_INVALID", "expected an object, got a number", { path: "" }));
agr("json-empty-object.json", "{}", refuse("AGREEMENT_INVALID", "id: required: expected a text", { path: "id" }));
agr("json-whitespace-only.json", " \n\t\n", refuse("AGREEMENT_INVALID", "not valid JSON: unexpected end"));
agr("json-nul-escape-title.json", agreementWith('"title": "Överenskommelse', '"title": "\\u0000Överenskommelse'), accept("an escaped U+0000 in the title is text; no amount depends on it", { ...AGREEMENT_OK, title: "\u0000Överenskommelse om insatser inom området psykisk hälsa och suicidprevention 2025" }));
agr("json-lone-surrogate-title.json", agreementWith('"title": "Överenskommelse', '"title": "\\ud800Överenskommelse'), accept("a lone surrogate escape in the title is text; no amount depends on it", { ...AGREEMENT_OK, title: "\ud800Överenskommelse om insatser inom området psykisk hälsa och suicidprevention 2025" }));
agr("json-control-char-raw.json", agreementWith('"title": "Överenskommelse', '"title": "\tÖverenskommelse'), refuse("AGREEMENT_INVALID", "not valid JSON"));
agr("json-proto-key.json", agreementWith('"id": "2025",', '"id": "2025", "__proto__": { "total": 1 },'), refuse("AGREEMENT_INVALID", "unknown field \"__proto__\"", { path: "" }));
agr("json-constructor-key.json", agreementWith('"id": "2025",', '"id": "2025", "constructor": {},'), refuse("AGREEMENT_INVALID", "unknown field \"constructor\"", { path: "" }));
agr("json-duplicate-key-in-rule.json", agreementWith('"base": 200000,', '"base": 200000, "base": 300000,'), refuse("AGREEMENT_INVALID", "the key \"base\" is given twice", { path: "pots[3].rule.base", line: 83 }));
agr("json-duplicate-key-escaped.json", agreementWith('"id": "2025",', '"id": "2025", "\\u0069d": "2026",'), refuse("AGREEMENT_INVALID", "the key \"id\" is given twice", { path: "id" }));
agr("json-duplicate-exception.json", agreementWith('"group": "metropolitan",\n            "amount": 3000000\n          }', '"group": "metropolitan",\n            "amount": 3000000\n          }, { "group": "metropolitan", "amount": 3000000 }'), refuse("AGREEMENT_INVALID", "group metropolitan has two exceptions", { path: "pots[0].rule.exceptions[1]" }));
agr("json-pots-object.json", agreementWith('"pots": [', '"potsX": [').replace('"potsX"', '"pots": {}, "other"'), refuse("AGREEMENT_INVALID", "expected a list, got an object", { path: "pots" }));
agr("json-pot-null.json", agreementWith('"pots": [', '"pots": [null,'), refuse("AGREEMENT_INVALID", "expected an object, got null", { path: "pots[0]" }));
agr("json-empty-pot-id.json", agreementWith('"id": "1a"', '"id": ""'), refuse("AGREEMENT_INVALID", "expected a non-empty text", { path: "pots[0].id" }));
agr("json-key-band-reversed.json", agreementWith('"key": "0-18"', '"key": "18-0"'), refuse("AGREEMENT_INVALID", "got \"18-0\"", { path: "pots[3].rule.key" }));
agr("json-key-band-en-dash.json", agreementWith('"key": "0-18"', '"key": "0–18"'), accept("an en dash in an age band (0–18) reads as 0-18", AGREEMENT_OK));
agr("json-key-band-101.json", agreementWith('"key": "0-18"', '"key": "0-101"'), refuse("AGREEMENT_INVALID", "got \"0-101\"", { path: "pots[3].rule.key" }));
agr("json-date-feb-30.json", agreementWith('"referenceDate": "2024-11-01"', '"referenceDate": "2024-02-30"'), refuse("AGREEMENT_INVALID", "expected a date YYYY-MM-DD, got \"2024-02-30\"", { path: "referenceDate" }));
agr("json-level-totals-string-keys.json", agreementWith('"county": 493000000', '"County": 493000000'), refuse("AGREEMENT_INVALID", "unknown field \"County\"", { path: "levelTotals" }));
agr("json-big-whitespace.json", AGREEMENT.replaceAll("\n", `\n${" ".repeat(200)}`), accept("much indentation is fine", AGREEMENT_OK));
agr("json-minified.json", JSON.stringify(JSON.parse(AGREEMENT)), accept("minified", AGREEMENT_OK));
agr("json-crlf.json", AGREEMENT.replaceAll("\n", "\r\n"), accept("CRLF line endings", AGREEMENT_OK));
agr("json-depth-40-unknown.json", agreementWith('"id": "2025",', `"id": "2025", "x": ${"[".repeat(40)}${"]".repeat(40)},`), refuse("AGREEMENT_INVALID", "unknown field \"x\"", { path: "" }));

// ---------------------------------------------------------------- generated at test time
const PROJECT_HEAD = "# referensdatum: 2024-11-01\n";
const PROJECT_TAIL = "kommun_kod,nyckel,antal\n2080,0-18,13093\n2081,0-18,11272\n00,0-18,2265405\n";
const MB = 1024 * 1024;
gen("special-dev-null-population", "population", { special: "dev-null" }, refuse("POPULATION_FORMAT", "the file is empty", { line: 1 }));
gen("special-dev-null-agreement", "agreement", { special: "dev-null" }, refuse("AGREEMENT_INVALID", "not valid JSON"));
gen("special-dev-zero-population", "population", { special: "dev-zero" }, refuse("POPULATION_FORMAT", "64 MB"));
gen("special-dev-zero-agreement", "agreement", { special: "dev-zero" }, refuse("AGREEMENT_INVALID", "32 MB"));
gen("special-directory-population", "population", { special: "directory" }, refuse("POPULATION_NOT_FOUND", "EISDIR"));
gen("special-directory-agreement", "agreement", { special: "directory" }, refuse("AGREEMENT_NOT_FOUND", "EISDIR"));
gen("special-not-a-directory-population", "population", { special: "not-a-directory" }, refuse("POPULATION_NOT_FOUND", "ENOTDIR"));
gen("special-not-a-directory-agreement", "agreement", { special: "not-a-directory" }, refuse("AGREEMENT_NOT_FOUND", "ENOTDIR"));
gen("special-fifo-population", "population", { special: "fifo", content: PROJECT }, accept("a FIFO is read like a file", PROJECT_OK));
gen("special-fifo-agreement", "agreement", { special: "fifo", content: AGREEMENT }, accept("a FIFO is read like a file", AGREEMENT_OK));
gen("special-fifo-empty", "population", { special: "fifo", content: "" }, refuse("POPULATION_FORMAT", "the file is empty"));
gen("special-fifo-bad-row", "population", { special: "fifo", content: PROJECT.replace("13093", "13O93") }, refuse("POPULATION_BAD_COUNT", "13O93", { line: 4 }));
gen("size-project-at-limit", "population", { size: 64 * MB, head: PROJECT, line: "\n", tail: "" }, accept("exactly 64 MB (the rows, then blank lines) is within the limit", PROJECT_OK));
gen("size-project-over-limit", "population", { size: 64 * MB + 1, head: PROJECT, line: "\n", tail: "" }, refuse("POPULATION_FORMAT", "larger than 64 MB, the limit for CSV"));
gen("size-jsonstat-at-limit", "population", { size: 32 * MB, head: "", line: "        ", tail: JSON.stringify(jsonstat()), rest: "space" }, accept("exactly 32 MB of JSON-stat is within the limit", JS_OK));
gen("size-jsonstat-over-limit", "population", { size: 32 * MB + 1, head: "", line: "        ", tail: JSON.stringify(jsonstat()), rest: "space" }, refuse("POPULATION_FORMAT", "32 MB"));
gen("size-agreement-at-limit", "agreement", { size: 32 * MB, head: "", line: "        ", tail: AGREEMENT, rest: "space" }, accept("exactly 32 MB of agreement is within the limit", AGREEMENT_OK));
gen("size-agreement-over-limit", "agreement", { size: 32 * MB + 1, head: "", line: "        ", tail: AGREEMENT, rest: "space" }, refuse("AGREEMENT_INVALID", "32 MB"));
gen("size-scb-over-limit", "population", { size: 64 * MB + 1, head: `${SCB}\n`, line: '"Fotnot: fyllnad fyllnad fyllnad fyllnad fyllnad fyllnad fyllnad"\n', tail: "", rest: "space" }, refuse("POPULATION_FORMAT", "64 MB"));
gen("size-200k-unknown-codes", "population", { rows: 200_000, head: "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n", line: "9{i},0-18,1\n", tail: "00,0-18,2265405\n" }, { ...refuse("POPULATION_UNKNOWN_CODE", "\"90\" is not one of the 290 municipality codes (and 100 more problems) [", { line: 3 }), maxIssues: 101 });
gen("size-200k-bad-counts", "population", { rows: 200_000, head: "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n", line: "2080,{i}-x,1\n", tail: "00,0-18,2265405\n" }, { ...refuse("POPULATION_FORMAT", "\"0-x\" is not a population key: use \"total\" or an inclusive age band such as \"0-18\" (ages 0 to 100) (and 100 more problems)", { line: 3 }), maxIssues: 101 });
gen("size-60kb-field", "population", { size: 60 * 1024, head: "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,", line: "9", tail: "\n00,0-18,2265405\n" }, refuse("POPULATION_BAD_COUNT", "is implausibly large (more than 10000000000 persons)", { line: 3 }));
gen("size-4mb-line-no-newline", "population", { size: 4 * MB, head: "", line: "x", tail: "" }, refuse("POPULATION_FORMAT", "line 1 is longer than 64 KB", { line: 1 }));
gen("size-10mb-field", "population", { size: 10 * MB, head: "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,", line: "9", tail: "\n00,0-18,2265405\n" }, refuse("POPULATION_FORMAT", "line 3 is longer than 64 KB", { line: 3 }));
const LONG_HEAD = "# referensdatum: 2024-11-01\n# källa: testkorpus\n#";
const LONG_TAIL = PROJECT.slice(PROJECT.indexOf("kommun_kod"));
const longAt = (extra: number) => Buffer.byteLength(LONG_HEAD + "\n" + LONG_TAIL) + 64 * 1024 - 1 + extra;
gen("size-line-at-limit", "population", { size: longAt(0), head: LONG_HEAD, line: "x", tail: `\n${LONG_TAIL}` }, accept("a comment line of exactly 64 KB is within the line limit", PROJECT_OK));
gen("size-line-over-limit", "population", { size: longAt(1), head: LONG_HEAD, line: "x", tail: `\n${LONG_TAIL}` }, refuse("POPULATION_FORMAT", "line 3 is longer than 64 KB, the limit for one line", { line: 3 }));
gen("size-4mb-line-cr-only", "population", { size: 4 * MB, head: "# referensdatum: 2024-11-01\rkommun_kod,nyckel,antal\r", line: "x", tail: "" }, refuse("POPULATION_FORMAT", "line 3 is longer than 64 KB", { line: 3 }));
gen("size-4mb-jsonstat-one-line", "population", { size: 4 * MB, head: JSON.stringify(jsonstat()).slice(0, -1) + ',"extension":{"x":"', line: "x", tail: '"}}' }, accept("JSON-stat is often one line: the CSV line limit does not apply", JS_OK));
gen("size-jsonstat-5mb-unclosed-string", "population", { size: 5 * MB, head: `${JSON.stringify(jsonstat()).split('"source":"SCB"')[0]!}"source":"`, line: "S", tail: "" }, refuse("POPULATION_FORMAT", "not valid JSON: a text value is not closed"));
const [BEFORE_ID, AFTER_ID] = AGREEMENT.split('"id": "2025",') as [string, string];
gen("depth-agreement-63", "agreement", { depth: 62, head: `${BEFORE_ID}"id": "2025", "x": `, tail: `,${AFTER_ID}` }, refuse("AGREEMENT_INVALID", "unknown field \"x\"", { path: "" }));
gen("depth-agreement-65", "agreement", { depth: 65, head: '{"x": ', tail: "}" }, refuse("AGREEMENT_INVALID", "64"));
gen("depth-agreement-100000", "agreement", { depth: 100_000, head: "", tail: "" }, refuse("AGREEMENT_INVALID", "64"));
gen("depth-agreement-100000-unclosed", "agreement", { rows: 100_000, line: "[", head: "", tail: "" }, refuse("AGREEMENT_INVALID", "64"));
gen("depth-jsonstat-extension-63", "population", { depth: 61, head: JSON.stringify(jsonstat()).slice(0, -1) + ',"extension":{"x":', tail: "}}" }, accept("an extension nested 63 deep is within the limit of 64", JS_OK));
gen("depth-jsonstat-extension-65", "population", { depth: 65, head: JSON.stringify(jsonstat()).slice(0, -1) + ',"extension":', tail: "}" }, refuse("POPULATION_FORMAT", "64"));
gen("depth-jsonstat-1000000", "population", { depth: 1_000_000, head: '{"x":', tail: "}" }, refuse("POPULATION_FORMAT", "64"));
gen("depth-jsonstat-value-nested", "population", { depth: 70, head: JSON.stringify(jsonstat()).replace("[5,6,50,60]}", "").replace(/\[5,6,50,60\]\}$/, ""), tail: "}" }, refuse("POPULATION_FORMAT", "nested deeper than 64 levels"));

// ---------------------------------------------------------------- write
const manifestPath = join(CORPUS, "manifest.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
for (const key of Object.keys(manifest)) if (key.includes(`/${PREFIX}`) || key.startsWith("generated/")) delete manifest[key];
for (const dir of ["population", "agreement"]) for (const f of readdirSync(join(CORPUS, dir))) if (f.startsWith(PREFIX)) rmSync(join(CORPUS, dir, f));
// The agreement reader now names UTF-16 as such instead of failing on its first NUL.
(manifest["agreement/utf-16le.json"] as { fragment: string }).fragment = "not UTF-8 text (UTF-16, UTF-32 or binary)";
for (const [name, c] of cases) {
  if (c.bytes !== undefined) {
    mkdirSync(join(CORPUS, name, ".."), { recursive: true });
    writeFileSync(join(CORPUS, name), c.bytes);
  }
  manifest[name] = { kind: c.kind, ...c.expect };
}
const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(manifestPath, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${cases.size} cases written`);
