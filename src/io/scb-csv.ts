/**
 * CSV exported from SCB's Statistikdatabasen (PxWeb), as a finance officer downloads it.
 *
 * Accepted without edits:
 * - an optional quoted title line and blank line before the header (the "with heading" export);
 * - comma, semicolon or tab as delimiter (found from the header row, never from data rows);
 * - the **wide** layout (one column per period: `2024`, `2024M10`, `Folkmängd 2024`, also
 *   `män 2024` / `kvinnor 2024` when sex is in the heading) and the **long** layout (a period
 *   column `år`/`månad`/`tid` and one value column);
 * - a region column with the code, with or without the label (`2080 Falun`, `2080 - Falun`,
 *   `2080`, `00 Riket`); an optional age column (`0 år` … `100+ år`, `totalt ålder`); optional
 *   sex (`män`, `kvinnor`, `totalt`) and marital-status columns, summed when split;
 * - counts with `..` (missing) and `-` (SCB's nil, a true zero).
 *
 * Pure: text in (decode bytes with {@link decodeText} first), dataset out.
 */
import { parse } from "csv-parse/sync";
import { clipValue, raise, type ErrorLocation } from "../errors.js";
import { CsvSyntaxError, eachCsvRecord, headLines } from "./csv.js";
import { readRegularScb } from "./scb-fast.js";
import type { PopulationDataset } from "../population.js";
import {
  buildScbPopulation,
  cellWords,
  describeAge,
  isPopulationContent,
  parseAge,
  parseMarital,
  parseRegionCode,
  parseScbValue,
  parseSex,
  type ScbCell,
  type ScbMeta,
  type ScbReadOptions,
} from "./scb.js";

/** Options for {@link parseScbCsv}. */
export interface ScbCsvOptions extends ScbReadOptions {
  /** How the text was decoded, for the source note. */
  encoding?: string;
}

const DELIMITERS = [",", ";", "\t"] as const;
type Delimiter = (typeof DELIMITERS)[number];
const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ",": "komma", ";": "semikolon", "\t": "tabb" };
const HEADER_SEARCH_LINES = 30;

type Role = "region" | "age" | "sex" | "marital" | "period";

function roleOf(header: string): Role | undefined {
  const h = header.normalize("NFC").trim().toLowerCase();
  if (/^(region|kommun|kommuner|regioner|municipality|region code|regionkod|kommunkod)$/.test(h)) return "region";
  if (/^(ålder|alder|age|ettårsklass)$/.test(h)) return "age";
  if (/^(kön|kon|sex)$/.test(h)) return "sex";
  if (/^(civilstånd|civilstand|marital status)$/.test(h)) return "marital";
  if (/^(år|ar|tid|year|månad|manad|month|period)$/.test(h)) return "period";
  return undefined;
}

function splitLine(line: string, delimiter: string): string[] | undefined {
  try {
    const rows = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return rows[0];
  } catch {
    return undefined;
  }
}

/** Finds the header row: the first line (of the first 30) that has a region column. */
function findHeader(lines: readonly string[]): { index: number; delimiter: Delimiter; cells: string[] } | undefined {
  for (let i = 0; i < Math.min(lines.length, HEADER_SEARCH_LINES); i++) {
    if (lines[i]!.trim() === "") continue;
    let best: { index: number; delimiter: Delimiter; cells: string[] } | undefined;
    for (const delimiter of DELIMITERS) {
      const cells = splitLine(lines[i]!, delimiter);
      if (cells && cells.length >= 2 && cells.some((c) => roleOf(c) === "region") && (!best || cells.length > best.cells.length)) {
        best = { index: i, delimiter, cells };
      }
    }
    if (best) return best;
  }
  return undefined;
}

interface ValueColumn {
  index: number;
  period: string;
  sex?: ScbCell["sex"];
  content?: string;
}

/** A label parser that remembers what it read; errors are not remembered, so each names its own line. */
function remembered<T>(parse: (raw: string, where: ErrorLocation) => T): (raw: string, where: ErrorLocation) => T {
  const seen = new Map<string, T>();
  // Rows come sorted, so the label is most often the previous row's: compared before hashed.
  let lastRaw: string | undefined;
  let last: T | undefined;
  return (raw, where) => {
    if (raw === lastRaw) return last!;
    let v = seen.get(raw);
    if (v === undefined) seen.set(raw, (v = parse(raw, where)));
    lastRaw = raw;
    last = v;
    return v;
  };
}

/**
 * True when the text looks like an SCB CSV export (a header with a region column near the top).
 *
 * @example
 * ```ts
 * looksLikeScbCsv('"region","ålder","2024"\n"2080 Falun","0 år",120\n'); // true
 * ```
 */
export function looksLikeScbCsv(text: string): boolean {
  return findHeader(headLines(text, HEADER_SEARCH_LINES).lines) !== undefined;
}

/**
 * Reads an SCB PxWeb CSV export (wide or long) into a dataset. `how.general` skips the one-pass
 * reader of the common file (for tests that hold the two equal); the result is the same.
 *
 * @throws PopulationError naming file, line and value: no header, unknown columns, unknown,
 *   county or duplicate regions, bad counts, missing municipalities without `00 Riket`, a
 *   reference date that cannot be told (see {@link scbReferenceDate}).
 * @example
 * ```ts
 * const pop = parseScbCsv('"Folkmängden den 1 november efter region, ålder och år"\n\n"region","ålder","2024"\n"2080 Falun","0 år",120\n"00 Riket","0 år",99000\n');
 * pop.referenceDate; // "2024-11-01"
 * ```
 */
export function parseScbCsv(text: string, options: ScbCsvOptions = {}, how: { general?: boolean } = {}): PopulationDataset {
  const file = options.file;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Only the head is split into lines (to find the header); the records are read in place.
  const { lines, starts } = headLines(body, HEADER_SEARCH_LINES);
  const header = findHeader(lines);
  if (!header) {
    raise("POPULATION_FORMAT", "scb-no-header", { lines: HEADER_SEARCH_LINES }, { file, line: 1 });
  }
  const headerLine = header.index + 1;
  const preamble = lines
    .slice(0, header.index)
    .map((l) => (splitLine(l, header.delimiter) ?? [l]).join(header.delimiter === "\t" ? " " : header.delimiter).trim())
    .filter((l) => l !== "");
  const title = preamble.length > 0 ? preamble.join(" ") : undefined;

  const roles = new Map<Role, number>();
  const valueColumns: ValueColumn[] = [];
  const blankColumns: number[] = []; // trailing delimiters as Excel may write them
  header.cells.forEach((name, index) => {
    if (name.trim() === "") {
      blankColumns.push(index);
      return;
    }
    const role = roleOf(name);
    if (role) {
      if (roles.has(role)) {
        raise("POPULATION_FORMAT", "two-role-columns", { role, first: header.cells[roles.get(role)!]!, second: name }, { file, line: headerLine, value: name });
      }
      roles.set(role, index);
    } else valueColumns.push({ index, period: "" });
  });
  if (valueColumns.length === 0) raise("POPULATION_FORMAT", "no-value-column", {}, { file, line: headerLine, value: header.cells.join(header.delimiter) });
  const long = roles.has("period");
  if (long && valueColumns.length === 1) {
    const content = header.cells[valueColumns[0]!.index]!.trim();
    if (!isPopulationContent(content)) raise("POPULATION_FORMAT", "not-population", { content }, { file, line: headerLine, value: content });
  }
  if (long && valueColumns.length !== 1) {
    raise("POPULATION_FORMAT", "long-value-columns", { columns: valueColumns.map((v) => header.cells[v.index]!) }, { file, line: headerLine, value: header.cells[valueColumns[1]!.index]! });
  }
  if (!long) {
    for (const col of valueColumns) {
      const name = header.cells[col.index]!.trim();
      const m = /^(.*?)\s*\b(\d{4}(?:M\d{2})?)$/.exec(name);
      if (!m) {
        if (valueColumns.length === 1) {
          col.content = name;
          continue;
        }
        raise("POPULATION_FORMAT", "unknown-column", { column: name }, { file, line: headerLine, value: name });
      }
      col.period = m[2]!;
      const prefix = m[1]!.trim();
      if (prefix !== "") {
        try {
          if (roles.has("sex")) throw new Error("sex given by column");
          col.sex = parseSex(prefix, {});
        } catch {
          col.content = prefix;
        }
      }
    }
    const contents = [...new Set(valueColumns.map((c) => c.content).filter((c) => c !== undefined))];
    for (const content of contents) {
      if (!isPopulationContent(content)) raise("POPULATION_FORMAT", "not-population", { content }, { file, line: headerLine, value: content });
    }
    if (contents.length > 1) {
      raise("POPULATION_FORMAT", "several-contents", { contents }, { file, line: headerLine, value: contents[1]! });
    }
  }

  const metaWith = (footnotes: readonly string[]): ScbMeta => {
    const meta: ScbMeta = {
      context: valueColumns.map((c) => header.cells[c.index]!).join(" "),
      format: `SCB CSV (${long ? "lång" : "bred"}, ${DELIMITER_NAMES[header.delimiter]}${options.encoding ? `, ${options.encoding}` : ""})`,
      ...(title !== undefined ? { title } : {}),
      ...(footnotes.length > 0 ? { notes: footnotes.map((f) => `fotnot: ${f}`) } : {}),
    };
    const tableId = /\b(TAB\d+)\b/i.exec(title ?? "")?.[1];
    if (tableId) meta.tableId = tableId.toUpperCase();
    return meta;
  };
  // The common file in one pass without an object per cell (src/io/scb-fast.ts); anything
  // irregular is read by the general reader below, which finds and words every problem.
  if (!how.general && valueColumns.length === 1 && valueColumns[0]!.sex === undefined && !roles.has("marital") && blankColumns.length === 0) {
    const fast = readRegularScb(
      body,
      {
        delimiter: header.delimiter,
        headerAt: starts[header.index]!,
        headerLine,
        width: header.cells.length,
        region: roles.get("region")!,
        age: roles.get("age"),
        sex: roles.get("sex"),
        period: roles.get("period"),
        value: valueColumns[0]!.index,
        columnPeriod: valueColumns[0]!.period,
      },
      metaWith([]),
      options,
    );
    if (fast) return fast;
  }

  const cells: ScbCell[] = [];
  const footnotes: string[] = [];
  const width = header.cells.length;
  const iRegion = roles.get("region")!;
  const iAge = roles.get("age");
  const iSex = roles.get("sex");
  const iMarital = roles.get("marital");
  const iPeriod = roles.get("period");
  // A file repeats the same few hundred labels (290 regions, 101 ages, 2 sexes) on every row.
  const regionOf = remembered(parseRegionCode);
  const ageOf = remembered(parseAge);
  const sexOf = remembered(parseSex);
  const seenCells = new Map<string, number>();
  const readRow = (record: string[], line: number): void => {
    if (line === headerLine) return;
    const where: ErrorLocation = { file, line };
    if (record.length === 1 && width > 1 && !/^\d{2,4}\b/.test(record[0]!.trim())) {
      footnotes.push(record[0]!); // SCB footnote or source line after the table: kept in the note
      return;
    }
    if (footnotes.length > 0) {
      raise("POPULATION_FORMAT", "row-after-footnote", { footnote: clipValue(footnotes[0]!) }, { ...where, value: record.join(header.delimiter) });
    }
    if (record.length !== width) {
      raise("POPULATION_FORMAT", "row-width", { fields: record.length, header: width }, { ...where, value: record.join(header.delimiter) });
    }
    const filled = blankColumns.find((i) => record[i]!.trim() !== "");
    if (filled !== undefined) {
      raise("POPULATION_FORMAT", "unnamed-column-value", { column: filled + 1 }, { ...where, value: record[filled]! });
    }
    const region = regionOf(record[iRegion]!, where);
    const age = iAge === undefined ? "total" : ageOf(record[iAge]!, where);
    const rowSex = iSex === undefined ? undefined : sexOf(record[iSex]!, where);
    const marital = iMarital === undefined ? "total" : parseMarital(record[iMarital]!);
    const rowPeriod = iPeriod === undefined ? undefined : record[iPeriod]!.trim();
    for (const col of valueColumns) {
      // The first repeated cell stops the file here, while reading, not after keeping every row.
      const id = `${region}|${age}|${rowSex ?? col.sex ?? "total"}|${marital}|${rowPeriod ?? col.period}`;
      const firstAt = seenCells.get(id);
      if (firstAt !== undefined) {
        const sex = rowSex ?? col.sex ?? "total";
        raise("POPULATION_DUPLICATE", "cell-twice", { region, age: describeAge(age), ...cellWords(sex, marital), firstLine: firstAt }, { ...where, value: region });
      }
      seenCells.set(id, line);
      cells.push({
        region,
        age,
        sex: rowSex ?? col.sex ?? "total",
        marital,
        period: rowPeriod ?? col.period,
        value: parseScbValue(record[col.index]!, where, header.cells[col.index]!),
        where,
      });
    }
  };
  try {
    // Rows are checked as they are read and their fields dropped, not all kept until the end.
    eachCsvRecord(body, { delimiter: header.delimiter, trim: true, from: starts[header.index]!, firstLine: headerLine }, readRow);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    raise("POPULATION_FORMAT", "csv", { problem: e.problem, char: e.char, opened: e.line }, { file, line: e.line });
  }
  return buildScbPopulation(cells, metaWith(footnotes), options);
}
