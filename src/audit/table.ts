/**
 * A published table from text: pasted from a PDF or a slide (one recipient per line, then its
 * amount, separated by spaces or tabs), or a CSV file (comma, semicolon or tab, with or without a
 * header). The text is split into rows of cells here and read by {@link readPublishedRecords}, the
 * same reader that takes a spreadsheet's rows.
 */
import { errorOf, issue, type Issue } from "../errors.js";
import { CsvSyntaxError, readCsvRecords } from "../io/csv.js";
import { readRecords, type PublishedTable, type PublishedTableOptions, type TableRecord } from "./rows.js";

/** Texts longer than this (in UTF-8 bytes) are refused: a published table is a few kilobytes. */
export const MAX_TABLE_BYTES = 5 * 1024 * 1024;

/**
 * The UTF-8 length of a string in bytes, counted without encoding it.
 *
 * @example
 * ```ts
 * utf8Length("Älvdalen"); // 9
 * ```
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The column separator of a text, if it is delimited: `;`, a tab or `,`, whichever most lines
 * have (at least half of the non-empty lines); undefined for plain pasted text.
 *
 * @example
 * ```ts
 * detectDelimiter("kod;belopp\n2080;1309672\n"); // ";"
 * detectDelimiter("Falun 1 309 672\nMora 533 588\n"); // undefined
 * ```
 */
export function detectDelimiter(text: string): ";" | "\t" | "," | undefined {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "").slice(0, 200);
  if (lines.length === 0) return undefined;
  let best: ";" | "\t" | "," | undefined;
  let bestCount = 0;
  for (const d of [";", "\t", ","] as const) {
    // "1 309 672,00" at the end of pasted lines is a decimal comma, not a column.
    if (d === "," && lines.some((l) => /\d,\d{1,2}\s*(kr\.?)?\s*$/i.test(l))) continue;
    const count = lines.filter((l) => l.includes(d)).length;
    if (count * 2 >= lines.length && count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function records(text: string, delimiter: ";" | "\t" | "," | undefined): TableRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (delimiter === undefined || delimiter === "\t") {
    // Pasted text: no quoting. A tab, or a gap of two or more spaces (how PDF text keeps its
    // columns apart), separates cells; single spaces stay within a cell ("1 309 672").
    return lines.map((raw, i) => ({ cells: raw.trim().split(delimiter === "\t" ? /\t/ : /\t| {2,}/), line: i + 1, raw }));
  }
  return readCsvRecords(text, { delimiter, trim: true, skip: "lines" }).map((r) => ({ cells: r.fields, line: r.line, raw: lines[r.line - 1] ?? r.fields.join(delimiter) }));
}

/**
 * Like {@link parsePublishedTable}, but returns every problem instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParsePublishedTable("Falun 1 309 672\nMorra 533 588\n");
 * if (!r.ok) r.issues.map((i) => i.line); // [2]
 * ```
 */
export function safeParsePublishedTable(text: string, options: PublishedTableOptions = {}): { ok: true; value: PublishedTable } | { ok: false; issues: Issue[] } {
  const where = options.file !== undefined ? { file: options.file } : {};
  // Characters are at most as many as bytes, so only a long text needs counting.
  if (text.length > MAX_TABLE_BYTES / 3) {
    const bytes = utf8Length(text);
    if (bytes > MAX_TABLE_BYTES) return { ok: false, issues: [issue("TABLE_FORMAT", "too-large", { bytes, limit: MAX_TABLE_BYTES }, where)] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let recs: TableRecord[];
  try {
    recs = records(body, detectDelimiter(body));
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, issues: [issue("TABLE_FORMAT", "csv", {}, { ...where, line: e.line })] };
    throw e;
  }
  return readRecords(recs, options);
}

/**
 * Reads a published table from text.
 *
 * Layouts: a line per recipient, the recipient first (a name, a code, or both: `Malung/Sälen`,
 * `2080`, `2080 Falun`, `Region Dalarna`, `Dalarnas län`), then its amount (`1 309 672`,
 * `1 309 672 kr`, `1.309.672`, spaces also U+00A0 or U+202F); or CSV with a header naming the code,
 * name and amount columns. Lines with a total (`Summa`, `Totalt`, code `00`) are returned in
 * `totals`, lines without an amount that name no recipient (`Belopp per huvudman`) in `headings`.
 * Recipients are found with the tolerant lookup of the geography (case, hyphens, diacritics).
 *
 * Amounts whose digits are not grouped in threes ("42 045981", as SKR's 2023 women's-health table
 * prints Örebro) are read as their digits only when a total line confirms it: the rows it totals
 * then sum to it exactly, which a lost or extra digit cannot do. Otherwise they are refused.
 *
 * @throws TableError (code `TABLE_…`) or GeographyError (`GEOGRAPHY_UNKNOWN_NAME` with close names,
 * `GEOGRAPHY_AMBIGUOUS_NAME` with the candidates), carrying every problem found with its line;
 * `TABLE_FORMAT` for a text over 5 MB.
 * @example
 * ```ts
 * const t = parsePublishedTable("Belopp per huvudman\nFalun 1 309 672 kr\nMalung/Sälen\t354 674\nSumma 1 664 346\n");
 * t.rows.map((r) => `${r.code} ${r.amount}`); // ["2080 1309672", "2023 354674"]
 * t.totals[0].amount === t.totals[0].rowsSum; // true
 * t.headings[0].text;                         // "Belopp per huvudman"
 * ```
 */
export function parsePublishedTable(text: string, options: PublishedTableOptions = {}): PublishedTable {
  const r = safeParsePublishedTable(text, options);
  if (!r.ok) throw errorOf(r.issues);
  return r.value;
}
