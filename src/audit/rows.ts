/**
 * A published table from rows of cells: what a CSV, a spreadsheet or a pasted PDF table becomes
 * once split. Each line is a recipient with an amount, a total ("Summa", "Totalt", code 00), a
 * heading, or a problem; every problem is collected with its line, none is skipped silently.
 */
import { type ErrorLocation, errorOf, issue, type Issue } from "../errors.js";
import { foldName, getRecipient, type Level, type Recipient } from "../geography/index.js";
import { amountGroups, type AmountReading, isAmountToken, parsePublishedAmount } from "./amount.js";
import { candidateList, matchLabel, tidyName } from "./recipient.js";

/** One cell as a reader hands it over: text, a number (a spreadsheet's), or empty. */
export type TableCell = string | number | null | undefined;

/** A recipient's published amount. */
export interface PublishedRow {
  /** 1-based line (or row) of the table. */
  line: number;
  level: Level;
  /** SCB code: `2080`, `20`. */
  code: string;
  /** The recipient's name in the project's geography (`Malung-Sälen`, `Region Dalarna`). */
  name: string;
  /** The recipient as the table writes it (`Malung/Sälen`, `2080 Falun`). */
  label: string;
  amount: bigint;
  /** The line as read. */
  raw: string;
  /** Set when the amount's digits were not grouped in threes and a total confirmed the reading. */
  irregular?: true;
}

/** A total line ("Summa", "Totalt", a row 00): checked against the rows, never a recipient. */
export interface PublishedTotal {
  line: number;
  label: string;
  amount: bigint;
  raw: string;
  /** How many rows it totals: those since the previous total (or the start). */
  rows: number;
  /** The sum of those rows. */
  rowsSum: bigint;
}

/** A line without an amount that names no recipient ("Belopp per huvudman", a column header). */
export interface PublishedHeading {
  line: number;
  text: string;
}

/** A published table, read. */
export interface PublishedTable {
  rows: PublishedRow[];
  totals: PublishedTotal[];
  headings: PublishedHeading[];
  /** The rows' level, or `mixed` when the table lists several levels. */
  level: Level | "mixed";
  /** The amount column used: its header, or its position among the amounts (0 = first). */
  column?: string | number;
}

/** Options for {@link parsePublishedRows} and parsePublishedTable. */
export interface PublishedTableOptions {
  /** File name for error messages. */
  file?: string;
  /**
   * The level the table is for. Settles names that are a county and a region (`Dalarna`) or a
   * municipality and a county (`Stockholm`); without it, the table's header, the words on the line
   * and its other lines decide, or the line is reported.
   */
  level?: Level;
  /**
   * Which amount to read when a line has several: a header (`belopp_befolkning_kr`), or the
   * position among the line's amounts (0 = the first amount after the recipient).
   */
  amountColumn?: string | number;
  /** Keep only rows whose column (by header) has this value, e.g. `{ pot: "2" }`. */
  where?: Readonly<Record<string, string>>;
  /**
   * Digits not grouped in threes ("42 045981"): read as their digits when a total line confirms
   * the reading (the rows it totals then sum to it exactly), refused otherwise (default
   * `if-total-confirms`); `refuse` refuses them always.
   */
  irregularGrouping?: "if-total-confirms" | "refuse";
  /** The line number of the first row (default 1). */
  firstLine?: number;
}

/** One record handed to the reader: cells, the physical line, and the line as read. */
export interface TableRecord {
  cells: readonly TableCell[];
  line: number;
  raw: string;
}

/** At most this many rows are read. */
export const MAX_TABLE_ROWS = 200_000;
/** At most this many problems are listed; the rest are counted. */
export const MAX_TABLE_ISSUES = 1_000;

const CODE_HEADER = /(^| )(kod|code|lankod|kommunkod|regionkod|lan kod|kommun kod|region kod|kod lan|kod kommun)( |$)/;
const LEVEL_HEADER = /^(niva|level)$/;
const AMOUNT_HEADER = /(belopp|amount|kronor|(^| )kr( |$)|(^| )sek( |$)|tilldelning|tilldelat|medel|summa|fordelning)/;
const NAME_HEADER = /(namn|name|region|kommun|lan|mottagare|huvudman)/;
const TOTAL_LABEL = /^(summa|totalt|total|sum|hela riket|riket|sverige|samtliga|sammanlagt|alla)( |$)/;
const HEADING_WORDS = /(^| )(belopp|fordelning|tabell|huvudman|huvudmannen|mottagare|kronor|medel|overenskommelse|kommuner|regioner|befolkning|andel|pott|bilaga|sida|tkr|mkr|kolumn|ar)( |$)/;
const KR_TOKEN = /^(kr\.?|kronor|sek|:-)$/i;

const LEVEL_WORDS: Readonly<Record<string, Level>> = {
  municipality: "municipality",
  kommun: "municipality",
  kommuner: "municipality",
  county: "county",
  lan: "county",
  lansgemensamt: "county",
  "lansgemensamma medel": "county",
  region: "region",
  regioner: "region",
  skr: "skr",
};

function cellText(c: TableCell): string {
  return c === null || c === undefined ? "" : typeof c === "number" ? String(c) : c.trim();
}

function headerLevel(folded: string): Level | undefined {
  if (/region/.test(folded)) return "region";
  if (/kommun/.test(folded)) return "municipality";
  if (/(^| )lan( |$)|lan kod|lankod|lanet/.test(folded)) return "county";
  return undefined;
}

/**
 * Whether a label is a total line's: "Summa", "Totalt", "Riket", or the code 00.
 *
 * @example
 * ```ts
 * isTotalLabel("Summa Dalarna"); // true
 * isTotalLabel("00 Totalt");     // true
 * isTotalLabel("Sundsvall");     // false
 * ```
 */
export function isTotalLabel(label: string): boolean {
  const f = foldName(tidyName(label));
  return TOTAL_LABEL.test(f) || /^00( |$)/.test(f);
}

interface Pending {
  line: number;
  label: string;
  raw: string;
  amount: bigint;
  irregular: boolean;
  amountText: string;
  level: Level | undefined;
  code?: string;
  name?: string;
  /** Recipients it could be when the line alone does not tell. */
  candidates?: readonly Recipient[];
  where: ErrorLocation;
}

type Slot = { kind: "row"; row: Pending } | { kind: "total"; total: PublishedTotal; irregular: boolean; amountText: string; where: ErrorLocation };

/** The parts of a pasted text line: the recipient's tokens and the amount's groups after them. */
interface TextLine {
  label: string;
  /** The groups of digits after the recipient, read as one amount. */
  amount: string;
}

/**
 * Splits a line of pasted text ("Malung/Sälen 354 674 kr", "2080 1309672", "20 5 445 343"): the
 * recipient runs to its last word that is not digits (or is the first word), the amount is the
 * rest. With single spaces two amounts cannot be told from one ("3 936 533 588"), so the rest is
 * one amount; tables with several amount columns need tabs or wider gaps between them.
 */
function splitTextLine(text: string): TextLine {
  const tokens = amountGroups(text);
  while (tokens.length > 1 && KR_TOKEN.test(tokens.at(-1)!)) tokens.pop();
  if (tokens.length > 0) tokens[tokens.length - 1] = tokens.at(-1)!.replace(/(\d)kr\.?$/i, "$1");
  let last = -1;
  for (let i = 0; i < tokens.length; i++) if (!isAmountToken(tokens[i]!)) last = i;
  // A line of digits only starts with a code ("20 5 445 343") or has no recipient ("1 000").
  const cut = last === -1 ? (tokens.length > 1 && /^(\d{2}|\d{4})$/.test(tokens[0]!) ? 1 : 0) : last + 1;
  return { label: tokens.slice(0, cut).join(" "), amount: tokens.slice(cut).join(" ") };
}

/** What follows the longest leading words of a label that name a recipient, if any do. */
function recipientPrefix(label: string, level: Level | undefined): string | undefined {
  const words = label.split(" ");
  for (let k = words.length - 1; k >= 1; k--) {
    if (matchLabel(words.slice(0, k).join(" "), level, {}).ok !== false) return words.slice(k).join(" ");
  }
  return undefined;
}

/**
 * Reads a published table from rows of cells (a CSV's records, a spreadsheet's rows, or lines of
 * pasted text, one cell each). See parsePublishedTable for the text layouts.
 *
 * With a header row (the first row of several cells with no amount in it and a word such as
 * `kod`, `namn`, `kommun`, `region`, `belopp`), the columns are found by their headers: a code
 * column, a name column, a level column (`nivå`, `level`), amount columns (`belopp…`, `kr`).
 * Without one, each row is a recipient (code, name, or both) followed by its amount(s).
 *
 * @throws TableError / GeographyError with every problem found (`issues`): unknown or ambiguous
 * names (listing close names or the candidates), bad amounts, duplicates, a missing amount column.
 * @example
 * ```ts
 * const t = parsePublishedRows([
 *   ["Kommun", "Belopp"],
 *   ["Falun", 1309672],
 *   ["Malung/Sälen", "354 674 kr"],
 * ]);
 * t.rows.map((r) => [r.code, r.amount]); // [["2080", 1309672n], ["2023", 354674n]]
 * t.level;                                // "municipality"
 * ```
 */
export function parsePublishedRows(rows: readonly (readonly TableCell[])[], options: PublishedTableOptions = {}): PublishedTable {
  const first = options.firstLine ?? 1;
  const records = rows.map((cells, i) => ({ cells, line: first + i, raw: cells.map(cellText).join("\t") }));
  return readPublishedRecords(records, options);
}

/**
 * Like {@link parsePublishedRows}, but returns every problem instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParsePublishedRows([["Faluun", "1 309 672"]]);
 * if (!r.ok) r.issues[0].code; // "GEOGRAPHY_UNKNOWN_NAME"
 * ```
 */
export function safeParsePublishedRows(rows: readonly (readonly TableCell[])[], options: PublishedTableOptions = {}): { ok: true; value: PublishedTable } | { ok: false; issues: Issue[] } {
  const first = options.firstLine ?? 1;
  return readRecords(
    rows.map((cells, i) => ({ cells, line: first + i, raw: cells.map(cellText).join("\t") })),
    options,
  );
}

/**
 * The reader behind parsePublishedRows and parsePublishedTable: records keep their physical lines.
 *
 * @example
 * ```ts
 * readPublishedRecords([{ cells: ["Falun", "1 309 672"], line: 7, raw: "Falun\t1 309 672" }]).rows[0].line; // 7
 * ```
 */
export function readPublishedRecords(records: readonly TableRecord[], options: PublishedTableOptions = {}): PublishedTable {
  const r = readRecords(records, options);
  if (!r.ok) throw errorOf(r.issues);
  return r.value;
}

/**
 * As {@link readPublishedRecords}, returning the problems instead of throwing.
 *
 * @example
 * ```ts
 * readRecords([{ cells: ["Faluun", "1"], line: 3, raw: "" }], {}); // { ok: false, issues: [{ code: "GEOGRAPHY_UNKNOWN_NAME", line: 3, … }] }
 * ```
 */
export function readRecords(records: readonly TableRecord[], options: PublishedTableOptions): { ok: true; value: PublishedTable } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  let overflow = 0;
  const push = (i: Issue) => {
    if (issues.length < MAX_TABLE_ISSUES) issues.push(i);
    else overflow++;
  };
  const file = options.file;
  const at = (line: number, value?: string): ErrorLocation => {
    const w: ErrorLocation = { line };
    if (file !== undefined) w.file = file;
    if (value !== undefined && value !== "") w.value = value;
    return w;
  };
  if (records.length > MAX_TABLE_ROWS) {
    return { ok: false, issues: [issue("TABLE_FORMAT", "too-many-rows", { rows: records.length, limit: MAX_TABLE_ROWS }, file !== undefined ? { file } : {})] };
  }
  const headings: PublishedHeading[] = [];
  const slots: Slot[] = [];

  // The header: the first row of several cells, before any data, with header words and no amount.
  let headerAt = -1;
  for (let i = 0; i < records.length; i++) {
    const cells = records[i]!.cells.map(cellText);
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 0) continue;
    if (filled.length < 2) continue;
    const folded = cells.map((c) => foldName(c));
    // A year ("2025") may head an amount column; other numbers mean a data row.
    const looksHeader = filled.every((c) => /^(19|20)\d\d$/.test(c) || !isAmountToken(c.replace(/\s/g, ""))) && folded.some((f) => CODE_HEADER.test(f) || NAME_HEADER.test(f) || AMOUNT_HEADER.test(f) || LEVEL_HEADER.test(f));
    if (looksHeader) headerAt = i;
    break;
  }

  const level = options.level;
  type Extract = { label: string; amountCell: TableCell | undefined; amountText: string; level: Level | undefined; skip?: boolean; problem?: Issue };
  let extract: (rec: TableRecord) => Extract;
  let column: string | number | undefined;

  if (headerAt >= 0) {
    const header = records[headerAt]!.cells.map(cellText);
    const folded = header.map((h) => foldName(h));
    const find = (name: string) => {
      const f = foldName(name);
      return folded.findIndex((h, i) => h === f || header[i] === name);
    };
    const codeCol = folded.findIndex((h) => CODE_HEADER.test(h));
    const levelCol = folded.findIndex((h, i) => i !== codeCol && LEVEL_HEADER.test(h));
    let amountCols = folded.flatMap((h, i) => (i !== codeCol && i !== levelCol && AMOUNT_HEADER.test(h) ? [i] : []));
    let nameCol = folded.findIndex((h, i) => i !== codeCol && i !== levelCol && !amountCols.includes(i) && NAME_HEADER.test(h));
    if (amountCols.length === 0) {
      // No header says "belopp": the columns whose every value is an amount.
      amountCols = header.flatMap((_, i) => {
        if (i === codeCol || i === levelCol || i === nameCol) return [];
        let seen = 0;
        for (const rec of records.slice(headerAt + 1)) {
          const c = rec.cells[i];
          if (cellText(c) === "") continue;
          if (!parsePublishedAmount(typeof c === "number" ? c : cellText(c)).ok) return [];
          seen++;
        }
        return seen > 0 ? [i] : [];
      });
    }
    if (nameCol < 0 && codeCol < 0) nameCol = header.findIndex((_, i) => i !== levelCol && !amountCols.includes(i));
    const where: [number, string][] = [];
    for (const [k, v] of Object.entries(options.where ?? {})) {
      const i = find(k);
      if (i < 0) return { ok: false, issues: [issue("TABLE_FORMAT", "unknown-column", { column: k, columns: header }, at(records[headerAt]!.line, k))] };
      where.push([i, v]);
    }
    let amountCol: number;
    const headerLine = records[headerAt]!.line;
    if (typeof options.amountColumn === "string") {
      amountCol = find(options.amountColumn);
      if (amountCol < 0) return { ok: false, issues: [issue("TABLE_FORMAT", "unknown-column", { column: options.amountColumn, columns: header }, at(headerLine, options.amountColumn))] };
    } else if (typeof options.amountColumn === "number") {
      amountCol = amountCols[options.amountColumn] ?? -1;
      if (amountCol < 0) return { ok: false, issues: [issue("TABLE_FORMAT", "unknown-column", { column: String(options.amountColumn), columns: amountCols.map((i) => header[i]!) }, at(headerLine))] };
    } else if (amountCols.length === 1) {
      amountCol = amountCols[0]!;
    } else if (amountCols.length === 0) {
      return { ok: false, issues: [issue("TABLE_FORMAT", "no-amount-column", { columns: header }, at(headerLine))] };
    } else {
      return { ok: false, issues: [issue("TABLE_FORMAT", "several-amount-columns", { columns: amountCols.map((i) => header[i]!) }, at(headerLine))] };
    }
    column = header[amountCol]!;
    const hinted = level ?? (levelCol < 0 ? (nameCol >= 0 ? headerLevel(folded[nameCol]!) : undefined) ?? (codeCol >= 0 ? headerLevel(folded[codeCol]!) : undefined) : undefined);
    const labelAndAmount = header.filter((h) => h !== "").length === 2;
    extract = (rec) => {
      const cells = rec.cells;
      if (where.some(([i, v]) => cellText(cells[i]) !== v)) return { label: "", amountCell: undefined, amountText: "", level: undefined, skip: true };
      const filled = cells.map(cellText).filter((c) => c !== "");
      if (filled.length === 1 && /\s/.test(filled[0]!) && cellText(cells[amountCol]) === "") {
        // A line pasted with single spaces under a header: only a recipient-and-amount header
        // tells where its columns are.
        if (!labelAndAmount) return { label: filled[0]!, amountCell: undefined, amountText: "", level: hinted, problem: issue("TABLE_FORMAT", "columns-unclear", { value: filled[0]! }, at(rec.line, filled[0]!)) };
        const t = splitTextLine(filled[0]!);
        return { label: t.label, amountCell: t.amount === "" ? undefined : t.amount, amountText: t.amount, level: hinted };
      }
      const label = [codeCol, nameCol].filter((i) => i >= 0).map((i) => cellText(cells[i])).filter((c) => c !== "").join(" ");
      let rowLevel = hinted;
      let problem: Issue | undefined;
      if (level === undefined && levelCol >= 0) {
        const v = cellText(cells[levelCol]);
        rowLevel = LEVEL_WORDS[foldName(v)];
        if (v !== "" && rowLevel === undefined) problem = issue("TABLE_FORMAT", "bad-level", { value: v }, at(rec.line, v));
      }
      const cell = cells[amountCol];
      const text = cellText(cell);
      const out: Extract = { label, amountCell: text === "" ? undefined : cell, amountText: text, level: rowLevel };
      if (problem) out.problem = problem;
      return out;
    };
  } else {
    if (typeof options.amountColumn === "string") {
      return { ok: false, issues: [issue("TABLE_FORMAT", "unknown-column", { column: options.amountColumn, columns: [] }, file !== undefined ? { file } : {})] };
    }
    if (options.where && Object.keys(options.where).length > 0) {
      const k = Object.keys(options.where)[0]!;
      return { ok: false, issues: [issue("TABLE_FORMAT", "unknown-column", { column: k, columns: [] }, file !== undefined ? { file } : {})] };
    }
    column = options.amountColumn;
    extract = (rec) => {
      const filled = rec.cells.map(cellText).filter((c) => c !== "");
      let label: string;
      let amounts: { cell: TableCell; text: string }[];
      if (filled.length === 1 && /\s/.test(filled[0]!)) {
        const t = splitTextLine(filled[0]!);
        label = t.label;
        amounts = t.amount === "" ? [] : [{ cell: t.amount, text: t.amount }];
      } else {
        const cells = rec.cells.map((c) => (typeof c === "number" ? c : cellText(c)));
        const texts2 = cells.map((c) => (typeof c === "number" ? String(c) : c));
        // The recipient is the first cell, or a code and a name in the first two.
        const filledAt = texts2.flatMap((x, i) => (x !== "" ? [i] : []));
        const isText = (i: number | undefined) => i !== undefined && typeof cells[i] !== "number" && !isAmountToken(texts2[i]!.replace(/\s/g, "").replace(/kr\.?$/i, ""));
        const [f0, f1] = filledAt;
        const cut = f0 === undefined ? 0 : /^(\d{2}|\d{4})$/.test(texts2[f0]!) && isText(f1) ? f1! + 1 : f0 + 1;
        label = texts2.slice(0, cut).filter((x) => x !== "").join(" ");
        amounts = cells.slice(cut).flatMap((c, i) => (texts2[cut + i] === "" ? [] : [{ cell: c, text: texts2[cut + i]! }]));
      }
      if (typeof options.amountColumn === "number") {
        const a = amounts[options.amountColumn];
        return { label, amountCell: a?.cell, amountText: a?.text ?? "", level };
      }
      if (amounts.length > 1) {
        return { label, amountCell: amounts[0]!.cell, amountText: amounts[0]!.text, level, problem: issue("TABLE_FORMAT", "several-amounts", { values: amounts.map((a) => a.text) }, at(rec.line, amounts.map((a) => a.text).join(" | "))) };
      }
      return { label, amountCell: amounts[0]?.cell, amountText: amounts[0]?.text ?? "", level };
    };
  }

  for (let i = 0; i < records.length; i++) {
    if (i === headerAt) continue;
    const rec = records[i]!;
    if (rec.cells.every((c) => cellText(c) === "")) continue;
    const x = extract(rec);
    if (x.skip) continue;
    const where = at(rec.line, x.amountText || x.label);
    if (x.problem) {
      push(x.problem);
      continue;
    }
    const label = x.label;
    const reading: AmountReading | undefined = x.amountCell === undefined ? undefined : parsePublishedAmount(typeof x.amountCell === "number" ? x.amountCell : x.amountText);
    if (label === "" && reading === undefined) continue;
    if (isTotalLabel(label)) {
      if (reading === undefined) headings.push({ line: rec.line, text: label });
      else if (!reading.ok) push(issue("TABLE_BAD_AMOUNT", reading.kind, { value: x.amountText }, where));
      else slots.push({ kind: "total", total: { line: rec.line, label, amount: reading.value, raw: rec.raw, rows: 0, rowsSum: 0n }, irregular: reading.irregular, amountText: x.amountText, where });
      continue;
    }
    if (label === "") {
      push(issue("TABLE_FORMAT", "no-recipient", { value: x.amountText }, where));
      continue;
    }
    const m = matchLabel(label, x.level, at(rec.line, label));
    if (m.ok === false) {
      const text = [label, x.amountText].filter((s) => s !== "").join(" ");
      if (m.notFound && (reading === undefined || HEADING_WORDS.test(foldName(label)))) {
        // "Mora x1": a recipient followed by something that is no amount is a bad line, not a heading.
        const rest = reading === undefined && !HEADING_WORDS.test(foldName(label)) ? recipientPrefix(label, x.level) : undefined;
        if (rest) push(issue("TABLE_BAD_AMOUNT", "not-a-number", { value: rest }, at(rec.line, rest)));
        else headings.push({ line: rec.line, text });
      } else push(m.issue);
      continue;
    }
    if (reading === undefined) {
      push(issue("TABLE_BAD_AMOUNT", "missing", { name: m.ok === true ? m.name : label }, at(rec.line, label)));
      continue;
    }
    if (!reading.ok) {
      push(issue("TABLE_BAD_AMOUNT", reading.kind, { value: x.amountText }, where));
      continue;
    }
    const p: Pending = { line: rec.line, label, raw: rec.raw, amount: reading.value, irregular: reading.irregular, amountText: x.amountText, level: undefined, where: at(rec.line, label) };
    if (m.ok === "ambiguous") p.candidates = m.candidates;
    else {
      p.code = m.code;
      p.name = m.name;
      p.level = m.level;
      if (m.level === undefined) p.candidates = m.candidates;
    }
    slots.push({ kind: "row", row: p });
  }

  // Lines that could be several recipients take the level the table's other lines agree on: first
  // municipality against county-or-region (Örebro, Stockholm), then county against region.
  const classOf = (l: Level) => (l === "county" || l === "region" ? "county-or-region" : l);
  const classes = new Set<string>();
  for (const s of slots) {
    if (s.kind !== "row") continue;
    if (s.row.level !== undefined) classes.add(classOf(s.row.level));
    else if (new Set(s.row.candidates!.map((c) => c.code)).size === 1) classes.add("county-or-region");
  }
  const tableClass = classes.size === 1 ? [...classes][0]! : undefined;
  const regional = new Set<Level>();
  for (const s of slots) if (s.kind === "row" && (s.row.level === "county" || s.row.level === "region")) regional.add(s.row.level);
  const regionalLevel = regional.size === 1 ? [...regional][0]! : undefined;
  let levelReported = false;
  for (const s of slots) {
    if (s.kind !== "row" || s.row.level !== undefined) continue;
    const p = s.row;
    let candidates = p.candidates!;
    if (new Set(candidates.map((c) => c.code)).size > 1) {
      const fitting = tableClass === undefined ? [] : candidates.filter((c) => classOf(c.level) === tableClass);
      if (new Set(fitting.map((c) => c.code)).size !== 1) {
        push(issue("GEOGRAPHY_AMBIGUOUS_NAME", "candidates", { name: p.label, candidates: candidateList(candidates) }, p.where));
        continue;
      }
      candidates = fitting;
    }
    const regionalCode = candidates.every((c) => c.level === "county" || c.level === "region");
    const chosen = regionalCode && regionalLevel !== undefined ? getRecipient(regionalLevel, candidates[0]!.code) : candidates.length === 1 ? candidates[0]! : undefined;
    if (chosen) {
      p.level = chosen.level;
      p.code = chosen.code;
      p.name = chosen.name;
    } else if (!levelReported) {
      push(issue("TABLE_FORMAT", "level-unknown", { name: p.label }, p.where));
      levelReported = true;
    }
  }

  // The same recipient twice is a misreading (or two pots in one table: filter with `where`).
  const firstSeen = new Map<string, number>();
  for (const s of slots) {
    if (s.kind !== "row" || s.row.level === undefined) continue;
    const key = `${s.row.level}:${s.row.code}`;
    const prev = firstSeen.get(key);
    if (prev !== undefined) push(issue("TABLE_DUPLICATE", "recipient", { name: s.row.name!, code: s.row.code!, firstLine: prev }, s.row.where));
    else firstSeen.set(key, s.row.line);
  }

  // Totals close sections; an oddly grouped amount stands only if its section's total confirms it.
  const totals: PublishedTotal[] = [];
  let section: Pending[] = [];
  const unconfirmed: { text: string; amount: bigint; where: ErrorLocation }[] = [];
  for (const s of slots) {
    if (s.kind === "row") {
      section.push(s.row);
      continue;
    }
    const sum = section.reduce((a, r) => a + r.amount, 0n);
    s.total.rows = section.length;
    s.total.rowsSum = sum;
    const odd = section.filter((r) => r.irregular);
    // A total confirms only what it can: the rows' oddly grouped amounts when it is itself read
    // plainly, or its own odd grouping when every row is plain.
    const confirms = sum === s.total.amount && options.irregularGrouping !== "refuse" && !(s.irregular && odd.length > 0);
    if (!confirms) for (const r of odd) unconfirmed.push({ text: r.amountText, amount: r.amount, where: at(r.line, r.amountText) });
    if (s.irregular && !confirms) unconfirmed.push({ text: s.amountText, amount: s.total.amount, where: s.where });
    totals.push(s.total);
    section = [];
  }
  for (const r of section) if (r.irregular) unconfirmed.push({ text: r.amountText, amount: r.amount, where: at(r.line, r.amountText) });
  for (const u of unconfirmed) push(issue("TABLE_BAD_AMOUNT", "grouping", { value: u.text, reading: String(u.amount) }, u.where));

  const out: PublishedRow[] = [];
  for (const s of slots) {
    if (s.kind !== "row" || s.row.level === undefined) continue;
    const p = s.row;
    const row: PublishedRow = { line: p.line, level: p.level!, code: p.code!, name: p.name!, label: p.label, amount: p.amount, raw: p.raw };
    if (p.irregular) row.irregular = true;
    out.push(row);
  }
  if (issues.length === 0 && out.length === 0) push(issue("TABLE_FORMAT", "empty", {}, file !== undefined ? { file } : {}));
  if (overflow > 0) issues.push(issue("TABLE_FORMAT", "too-many-problems", { count: issues.length + overflow, limit: MAX_TABLE_ISSUES }, file !== undefined ? { file } : {}));
  if (issues.length > 0) return { ok: false, issues: sortByLine(issues) };
  const levels = new Set(out.map((r) => r.level));
  const table: PublishedTable = { rows: out, totals, headings, level: levels.size === 1 ? [...levels][0]! : "mixed" };
  if (column !== undefined) table.column = column;
  return { ok: true, value: table };
}

function sortByLine(issues: Issue[]): Issue[] {
  // Problems found in later passes (duplicates, groupings) are listed in line order with the rest.
  return issues
    .map((i, k) => ({ i, k }))
    .sort((a, b) => (a.i.line ?? Number.MAX_SAFE_INTEGER) - (b.i.line ?? Number.MAX_SAFE_INTEGER) || a.k - b.k)
    .map((x) => x.i);
}
