/**
 * A published table held against an allocation, as a report: per row the published amount, the
 * computed one, the difference and the pot(s) it was computed from, the total lines checked, and a
 * summary ("15 av 15 lika"). Pure, so the command that prints it and a page that shows it share it.
 *
 * Which pots a row is compared with: those asked for (`pots`); otherwise, per level, the pot of
 * that level whose amounts equal the most rows, or all of the level's pots summed (a recipient's
 * total), whichever equals more rows (the first in the agreement's order on a tie).
 */
import type { Allocation } from "../allocation/model.js";
import { verifyTable, type ExpectedAmount, type VerifiedTotal } from "../audit/verify.js";
import { parsePublishedRows, type PublishedTable, type PublishedTableOptions, type TableCell } from "../audit/rows.js";
import { detectDelimiter, parsePublishedTable } from "../audit/table.js";
import { issueText, raise, type Issue } from "../errors.js";
import { CsvSyntaxError, readCsvRecords } from "../io/csv.js";
import { foldName } from "../geography/index.js";
import type { Agreement } from "../rules.js";
import { formatInteger, formatSigned } from "../format.js";
import type { Level } from "../geography/index.js";
import { sourceText, usedSources } from "../sv/notes.js";
import { LEVEL_WORD } from "../sv/words.js";
import { writeWorkbook } from "../xlsx/write.js";
import type { SheetRow, WorkbookCell } from "../xlsx/workbook.js";
import { toSwedishCsv } from "./csv.js";
import { renderColumns, wrap } from "./text.js";

/** A table as read from a file: text (CSV or pasted) or a sheet's rows of cells. */
export interface TableSource {
  file: string;
  text?: string;
  rows?: readonly (readonly TableCell[])[];
}

const POT_HEADER = /^(pott|pot|pott id|pot id)$/;

/** The column that names each row's pot, if the table has one, with the pots it names. */
function potColumn(source: TableSource): { header: string; values: string[] } | undefined {
  let rows: readonly (readonly TableCell[])[] | undefined = source.rows;
  if (!rows && source.text !== undefined) {
    const delimiter = detectDelimiter(source.text);
    if (delimiter === undefined) return undefined;
    try {
      rows = readCsvRecords(source.text.replace(/^\uFEFF/, ""), { delimiter, trim: true, skip: "lines" }).map((r) => r.fields);
    } catch (e) {
      // The table's reader reports the syntax error with its line.
      if (e instanceof CsvSyntaxError) return undefined;
      throw e;
    }
  }
  const start = rows?.findIndex((r) => r.filter((c) => c !== null && c !== undefined && String(c).trim() !== "").length >= 2) ?? -1;
  if (!rows || start < 0) return undefined;
  const header = rows[start]!.map((c) => (c === null || c === undefined ? "" : String(c).trim()));
  const i = header.findIndex((h) => POT_HEADER.test(foldName(h)));
  if (i < 0) return undefined;
  const values: string[] = [];
  for (const r of rows.slice(start + 1)) {
    const v = r[i] === null || r[i] === undefined ? "" : String(r[i]).trim();
    if (v !== "" && !values.includes(v)) values.push(v);
  }
  return { header: header[i]!, values };
}

/**
 * Reads a table into the parts {@link buildVerifyReport} compares: one part with the pots asked
 * for (or chosen per level), or, when the table has a column `pott`, one part per pot it names.
 *
 * @throws TableError / GeographyError from the table's reader (an unknown or ambiguous name lists
 *   the candidates); UsageError `USAGE` when the pot column names a pot the agreement lacks.
 * @example
 * ```ts
 * verifyParts({ file: "t.csv", text: "pott;mottagare;belopp\n3.3;Stockholms län;27 019 610\n" }, loadBundledAgreement("2023"));
 * // [{ table: { rows: [{ code: "01", … }] }, pots: ["3.3"] }]
 * ```
 */
export function verifyParts(source: TableSource, agreement: Agreement, options: { pots?: readonly string[]; level?: Level } = {}): VerifyPart[] {
  const base: PublishedTableOptions = { file: source.file, ...(options.level ? { level: options.level } : {}) };
  const read = (o: PublishedTableOptions) => (source.rows ? parsePublishedRows(source.rows, o) : parsePublishedTable(source.text ?? "", o));
  const column = options.pots ? undefined : potColumn(source);
  if (!column) return [{ table: read(base), ...(options.pots ? { pots: options.pots } : {}) }];
  const known = agreement.pots.map((p) => p.id);
  const unknown = column.values.filter((v) => !v.split("+").every((p) => known.includes(p.trim())));
  if (unknown.length > 0) raise("USAGE", "unknown-pot", { agreement: agreement.id, pots: unknown, known }, { file: source.file, value: unknown[0]! });
  return column.values.map((v) => ({ table: read({ ...base, where: { [column.header]: v } }), pots: v.split("+").map((p) => p.trim()) }));
}

/** One part of a published table: its rows and, when the table or the caller says so, their pots. */
export interface VerifyPart {
  table: PublishedTable;
  /** The pots to compare with (summed per recipient); chosen per level when not given. */
  pots?: readonly string[];
}

/** One row of the report. */
export interface VerifyReportRow {
  line: number;
  level: Level;
  code: string;
  name: string;
  /** The recipient as the table writes it. */
  label: string;
  published: bigint;
  /** Null when the allocation has no amount for the recipient in these pots. */
  computed: bigint | null;
  /** published − computed; null when nothing was computed. */
  difference: bigint | null;
  pots: string[];
  ok: boolean;
}

/** How one pot (or sum of pots) fared. */
export interface VerifyPotSummary {
  pots: string[];
  equal: number;
  differ: number;
  missing: number;
}

/** The outcome of {@link buildVerifyReport}. */
export interface VerifyReport {
  agreement: { id: string; source: string };
  referenceDate: string;
  rows: VerifyReportRow[];
  totals: VerifiedTotal[];
  equal: number;
  differ: number;
  /** Rows with no computed amount. */
  missing: number;
  /** Σ (published − computed) over the rows that differ. */
  differenceSum: bigint;
  /** Σ |published − computed| over the rows that differ. */
  absoluteDifference: bigint;
  byPot: VerifyPotSummary[];
  /** Every row equal and every total line equal to its rows. */
  ok: boolean;
  /** The mismatches and rows not computed, as issues with their lines. */
  issues: Issue[];
  /** The population sources the compared amounts used (derived ones say so). */
  sources: string[];
  /** Some compared amount rests on derived (not official) population data. */
  derived: boolean;
}

type Amounts = Map<string, Map<string, bigint>>;

function amountsByPot(a: Allocation): Amounts {
  const out: Amounts = new Map();
  for (const l of a.lines) {
    const key = `${l.level}:${l.code}`;
    let m = out.get(l.pot);
    if (!m) out.set(l.pot, (m = new Map()));
    m.set(key, (m.get(key) ?? 0n) + l.amount);
  }
  return out;
}

function computedFor(amounts: Amounts, pots: readonly string[], level: Level, code: string): bigint | null {
  let sum = 0n;
  for (const p of pots) {
    const v = amounts.get(p)?.get(`${level}:${code}`);
    if (v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** The pots a level's rows are compared with, when the caller named none. */
function choosePots(a: Allocation, amounts: Amounts, level: Level, rows: PublishedTable["rows"]): string[] {
  const atLevel = a.pots.map((p) => p.id).filter((id) => a.lines.some((l) => l.pot === id && l.level === level) || a.missing.some((m) => m.pot === id && m.level === level));
  if (atLevel.length === 0) return [];
  const candidates = atLevel.length > 1 ? [...atLevel.map((p) => [p]), atLevel] : [atLevel];
  let best = candidates[0]!;
  let bestScore = -1;
  for (const c of candidates) {
    const score = rows.filter((r) => computedFor(amounts, c, level, r.code) === r.amount).length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Holds the parts of a published table against an allocation.
 *
 * @example
 * ```ts
 * const a = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
 * const r = buildVerifyReport(a, [{ table: parsePublishedTable("Falun 1 309 672\nMora 533 588\n") }]);
 * verifySummaryText(r); // "2 av 2 lika"
 * r.rows[0].pots;       // ["2"]
 * ```
 */
export function buildVerifyReport(a: Allocation, parts: readonly VerifyPart[], options: { file?: string } = {}): VerifyReport {
  const amounts = amountsByPot(a);
  const rows: VerifyReportRow[] = [];
  const totals: VerifiedTotal[] = [];
  const issues: Issue[] = [];
  const usedLines = new Set<string>();
  for (const part of parts) {
    // The pots per level, chosen on the level's first row (in row order, as they are read).
    const potsOf = new Map<Level, string[]>();
    const potsFor = (level: Level): string[] => {
      let pots = potsOf.get(level);
      if (!pots) potsOf.set(level, (pots = part.pots ? [...part.pots] : choosePots(a, amounts, level, part.table.rows.filter((x) => x.level === level))));
      return pots;
    };
    const expected: ExpectedAmount[] = part.table.rows.map((r) => ({ level: r.level, code: r.code, amount: computedFor(amounts, potsFor(r.level), r.level, r.code) }));
    const v = verifyTable(part.table, expected, options);
    v.rows.forEach((vr, i) => {
      const r = part.table.rows[i]!;
      const pots = potsFor(r.level);
      for (const p of pots) usedLines.add(`${p}:${r.level}:${r.code}`);
      rows.push({ line: vr.line, level: vr.level, code: vr.code, name: vr.name, label: r.label, published: vr.published, computed: vr.expected, difference: vr.difference, pots, ok: vr.ok });
    });
    totals.push(...v.totals);
    issues.push(...v.issues);
  }
  issues.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  let equal = 0;
  let differ = 0;
  let missing = 0;
  let differenceSum = 0n;
  let absoluteDifference = 0n;
  const byPot = new Map<string, VerifyPotSummary>();
  for (const r of rows) {
    const key = r.pots.join("+");
    const s = byPot.get(key) ?? { pots: r.pots, equal: 0, differ: 0, missing: 0 };
    byPot.set(key, s);
    if (r.difference === null) {
      missing++;
      s.missing++;
    } else if (r.difference === 0n) {
      equal++;
      s.equal++;
    } else {
      differ++;
      s.differ++;
      differenceSum += r.difference;
      absoluteDifference += r.difference < 0n ? -r.difference : r.difference;
    }
  }
  const lines = a.lines.filter((l) => usedLines.has(`${l.pot}:${l.level}:${l.code}`));
  const sources = usedSources({ lines, population: a.population });
  return {
    agreement: { id: a.agreement.id, source: a.agreement.source },
    referenceDate: a.population.referenceDate,
    rows,
    totals,
    equal,
    differ,
    missing,
    differenceSum,
    absoluteDifference,
    byPot: [...byPot.values()],
    ok: differ === 0 && missing === 0 && totals.every((t) => t.ok),
    issues,
    sources: sources.map(sourceText),
    derived: sources.some((s) => s.derived),
  };
}

/**
 * The summary line: "15 av 15 lika", or how many differ and by how much in total.
 *
 * @example
 * ```ts
 * verifySummaryText(report); // "14 av 15 lika; 1 skiljer sig, sammanlagt +1 kr (1 kr i absoluta tal)"
 * ```
 */
export function verifySummaryText(r: VerifyReport): string {
  const n = r.rows.length;
  const parts = [`${r.equal} av ${n} lika`];
  if (r.differ > 0) parts.push(`${r.differ} skiljer sig, sammanlagt ${formatSigned(r.differenceSum)} kr (${formatInteger(r.absoluteDifference)} kr i absoluta tal)`);
  if (r.missing > 0) parts.push(`${r.missing} kunde inte beräknas (data saknas)`);
  const badTotals = r.totals.filter((t) => !t.ok).length;
  if (badTotals > 0) parts.push(`${badTotals} summarad${badTotals === 1 ? "" : "er"} stämmer inte med raderna`);
  return parts.join("; ");
}

const kr = (v: bigint | null) => (v === null ? "saknas" : formatInteger(v));
const signed = (v: bigint | null) => (v === null ? "–" : v === 0n ? "0" : formatSigned(v));
const potsText = (p: readonly string[]) => (p.length === 0 ? "–" : p.join("+"));

/**
 * The report as text for a terminal: a table of the rows, the total lines, the summary, then the
 * differences in words and the sources.
 *
 * @example
 * ```ts
 * formatVerifyTable(report).split("\n").at(-1); // ""
 * ```
 */
export function formatVerifyTable(r: VerifyReport): string {
  const out: string[] = [`Kontroll mot överenskommelse ${r.agreement.id} (befolkning ${r.referenceDate})`, ""];
  const body: (string[] | null)[] = [["Rad", "Mottagare", "Publicerat", "Beräknat", "Skillnad", "Pott", ""]];
  for (const row of r.rows) body.push([String(row.line), row.name, kr(row.published), kr(row.computed), signed(row.difference), potsText(row.pots), row.ok ? "lika" : row.computed === null ? "saknas" : "SKILLNAD"]);
  for (const t of r.totals) body.push([String(t.line), t.label, kr(t.published), kr(t.rowsSum), signed(t.published - t.rowsSum), "summa", t.ok ? "lika" : "SKILLNAD"]);
  out.push(...renderColumns(body, ["right", "left", "right", "right", "right", "left", "left"]));
  out.push("", verifySummaryText(r));
  if (r.byPot.length > 1) {
    for (const p of r.byPot) out.push(`  pott ${potsText(p.pots)}: ${p.equal} lika${p.differ > 0 ? `, ${p.differ} skiljer sig` : ""}${p.missing > 0 ? `, ${p.missing} saknas` : ""}`);
  }
  if (r.issues.length > 0) out.push("", ...r.issues.flatMap((i) => wrap(`${i.line !== undefined ? `rad ${i.line}: ` : ""}${issueText(i, "sv")}`)));
  if (r.derived) out.push("", "OBS", ...wrap("Minst ett beräknat belopp bygger på härledda befolkningstal (inte SCB:s statistik); se Källor."));
  out.push("", "Källor", ...wrap(`Överenskommelse: ${r.agreement.source}`), ...r.sources.flatMap((s) => wrap(`Befolkning: ${s}`)));
  return `${out.join("\n")}\n`;
}

const HEADER = ["Rad", "Nivå", "Kod", "Mottagare", "Som i tabellen", "Publicerat", "Beräknat", "Skillnad", "Pott", "Resultat"];

function resultWord(row: VerifyReportRow): string {
  return row.ok ? "lika" : row.computed === null ? "saknas" : "skillnad";
}

/**
 * The report as Swedish-Excel CSV (semicolons, UTF-8 with BOM): one line per row, then the total
 * lines and the summary. An amount not computed is an empty cell, never 0.
 *
 * @example
 * ```ts
 * formatVerifyCsv(report).split("\r\n")[0]; // "\uFEFFRad;Nivå;Kod;Mottagare;…"
 * ```
 */
export function formatVerifyCsv(r: VerifyReport): string {
  const rows: string[][] = [HEADER];
  for (const row of r.rows) {
    rows.push([String(row.line), LEVEL_WORD[row.level], row.code, row.name, row.label, String(row.published), row.computed === null ? "" : String(row.computed), row.difference === null ? "" : String(row.difference), potsText(row.pots), resultWord(row)]);
  }
  for (const t of r.totals) rows.push([String(t.line), "summa", "", t.label, t.label, String(t.published), String(t.rowsSum), String(t.published - t.rowsSum), "", t.ok ? "lika" : "skillnad"]);
  rows.push([], ["Resultat", verifySummaryText(r)]);
  return toSwedishCsv(rows);
}

/**
 * The report as JSON: amounts as numbers of kronor (they are far below 2^53), null when missing.
 *
 * @example
 * ```ts
 * JSON.parse(formatVerifyJson(report)).summary; // "15 av 15 lika"
 * ```
 */
export function formatVerifyJson(r: VerifyReport): string {
  const n = (v: bigint | null) => (v === null ? null : Number(v));
  const doc = {
    agreement: r.agreement.id,
    referenceDate: r.referenceDate,
    ok: r.ok,
    summary: verifySummaryText(r),
    equal: r.equal,
    differ: r.differ,
    missing: r.missing,
    differenceSum: Number(r.differenceSum),
    absoluteDifference: Number(r.absoluteDifference),
    rows: r.rows.map((x) => ({ line: x.line, level: x.level, code: x.code, name: x.name, label: x.label, published: n(x.published), computed: n(x.computed), difference: n(x.difference), pots: x.pots, ok: x.ok })),
    totals: r.totals.map((t) => ({ line: t.line, label: t.label, published: n(t.published), rowsSum: n(t.rowsSum), ok: t.ok })),
    byPot: r.byPot,
    issues: r.issues.map((i) => ({ code: i.code, line: i.line ?? null, text: issueText(i, "sv") })),
    derived: r.derived,
    sources: { agreement: r.agreement.source, population: r.sources },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The report as an xlsx workbook: a sheet `Kontroll` with the rows and a sheet `Källor`.
 *
 * @example
 * ```ts
 * writeFileSync("kontroll.xlsx", verifyToXlsx(report));
 * ```
 */
export function verifyToXlsx(r: VerifyReport): Uint8Array {
  const KR = '#,##0 "kr"';
  const k = (v: bigint | null): WorkbookCell => (v === null ? null : { value: v, format: KR });
  const rows: SheetRow[] = [{ cells: HEADER, bold: true }];
  for (const row of r.rows) rows.push({ cells: [row.line, LEVEL_WORD[row.level], row.code, row.name, row.label, k(row.published), k(row.computed), k(row.difference), potsText(row.pots), resultWord(row)] });
  for (const t of r.totals) rows.push({ cells: [t.line, "summa", null, t.label, t.label, k(t.published), k(t.rowsSum), k(t.published - t.rowsSum), null, t.ok ? "lika" : "skillnad"], bold: true });
  const sources: SheetRow[] = [
    { cells: ["Resultat", verifySummaryText(r)], bold: true },
    { cells: ["Överenskommelse", r.agreement.source] },
    { cells: ["Befolkningens datum", r.referenceDate] },
    ...r.sources.map((s): SheetRow => ({ cells: ["Befolkning", s] })),
    ...r.issues.map((i): SheetRow => ({ cells: [i.line !== undefined ? `rad ${i.line}` : "", issueText(i, "sv")] })),
  ];
  return writeWorkbook({
    sheets: [
      { name: "Kontroll", columns: [{ width: 6 }, { width: 10 }, { width: 7 }, { width: 26 }, { width: 26 }, { width: 15 }, { width: 15 }, { width: 12 }, { width: 10 }, { width: 10 }], rows, freezeHeader: true },
      { name: "Källor", columns: [{ width: 22 }, { width: 100 }], rows: sources },
    ],
  });
}
