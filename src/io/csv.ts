/**
 * A strict RFC 4180 record reader for the population files (SCB's CSV and the project's own):
 * fields separated by one delimiter, records by LF, CRLF or CR, quoted fields with `""` for a
 * quote and line breaks inside. Each record carries the physical line it starts on, for error
 * messages.
 *
 * Written here rather than taken from csv-parse because the loaders need only this much and need
 * it fast: csv-parse with `relax_column_count` builds an error object for every record whose
 * width differs from the first (as every row does under SCB's one-cell title line), and its
 * `info` option adds an object per record.
 */

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** One record and the physical line (1-based) it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** What is wrong in a CSV text: a quoted field that never ends, text after a closing quote, a quote in an unquoted field. */
export type CsvProblem = "unclosed" | "after-quote" | "quote-in-field";

/**
 * A CSV syntax error and the physical line it is on; `problem` and `char` say what, for the
 * readers' catalogue messages (the English `message` is for debugging only).
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly problem: CsvProblem = "unclosed",
    /** The character after a closing quote (for `after-quote`). */
    readonly char: string = "",
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

/** Options for {@link readCsvRecords}. */
export interface CsvReadOptions {
  /** One character: `,`, `;` or a tab. */
  delimiter: string;
  /** Trim spaces and tabs around every field (outside quotes). */
  trim?: boolean;
  /** Where to start reading (a character offset at the start of a line); 0 by default. */
  from?: number;
  /** The line number of the line at `from`. */
  firstLine?: number;
  /**
   * Which records to leave out: `"records"` (default) those whose fields are all blank, as
   * csv-parse's `skip_records_with_empty_values`; `"lines"` only empty lines, as its
   * `skip_empty_lines`, so that a line of delimiters (`,,`) is a record of empty fields.
   */
  skip?: "records" | "lines";
}

/**
 * The first `max` lines of a text (split at LF, CRLF or CR, as a record reader would) and the
 * character offset each starts at, without splitting the rest of a large file.
 *
 * @example
 * ```ts
 * headLines('"titel"\r\n\r\n"region","2024"\r\n"2080 Falun",1\r\n', 3);
 * // { lines: ['"titel"', "", '"region","2024"'], starts: [0, 9, 11] }
 * ```
 */
export function headLines(text: string, max: number): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  let at = 0;
  while (lines.length < max && at <= text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    lines.push(text.slice(at, end));
    starts.push(at);
    if (end >= text.length) break;
    at = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
  }
  return { lines, starts };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Reads every record of a CSV text. Records whose fields are all blank (empty lines, lines of
 * only delimiters or spaces) are left out, as csv-parse's `skip_records_with_empty_values` does.
 *
 * @throws CsvSyntaxError for a quote inside an unquoted field, text after a closing quote, or a
 *   quoted field that never ends, naming the line.
 * @example
 * ```ts
 * readCsvRecords('"region","2024"\n"2080 Falun",57000\n', { delimiter: "," });
 * // [{ fields: ["region", "2024"], line: 1 }, { fields: ["2080 Falun", "57000"], line: 2 }]
 * ```
 */
export function readCsvRecords(text: string, options: CsvReadOptions): CsvRecord[] {
  const out: CsvRecord[] = [];
  eachCsvRecord(text, options, (fields, line) => {
    out.push({ fields, line });
  });
  return out;
}

/**
 * Hands each record of a CSV text to `visit` as it is read, with the line it starts on, so that a
 * large file's rows can be checked and dropped one by one rather than all kept until the end. Same
 * records and errors as {@link readCsvRecords}; an error thrown by `visit` stops the reading.
 *
 * @example
 * ```ts
 * eachCsvRecord("a,b\n1,2\n", { delimiter: "," }, (fields, line) => console.log(line, fields));
 * // 1 ["a", "b"]
 * // 2 ["1", "2"]
 * ```
 */
export function eachCsvRecord(text: string, options: CsvReadOptions, visit: (fields: string[], line: number) => void): void {
  const delimiter = options.delimiter.charCodeAt(0);
  const trim = options.trim ?? false;
  // Blanks are spaces and tabs, but never the delimiter: trimming must not eat a tab that separates fields.
  const blank = (c: number): boolean => c !== delimiter && isBlank(c);
  const onlyEmptyLines = options.skip === "lines";
  const n = text.length;
  let line = options.firstLine ?? 1;
  let i = options.from ?? 0;
  let fields: string[] = [];
  let recordLine = line;
  let anyValue = false;
  let quoted = false;

  const endRecord = (): void => {
    const empty = onlyEmptyLines ? fields.length === 1 && fields[0] === "" && !quoted : !anyValue;
    if (!empty) visit(fields, recordLine);
    fields = [];
    anyValue = false;
    quoted = false;
  };

  while (i <= n) {
    if (fields.length === 0) {
      // A run of empty lines is skipped in both modes without a record for each: a file padded
      // with line breaks up to the size limit would otherwise cost a record and its array per line.
      for (let c = text.charCodeAt(i); c === LF || c === CR; c = text.charCodeAt(i)) {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      recordLine = line;
    }
    // Leading blanks of a field (only skipped when trimming, so that a quote after them opens it).
    let start = i;
    if (trim) while (start < n && blank(text.charCodeAt(start))) start++;
    let value: string;
    let c = start < n ? text.charCodeAt(start) : -1;
    if (c === QUOTE) {
      quoted = true;
      const openedOn = line;
      let j = start + 1;
      let parts = "";
      let from = j;
      for (;;) {
        if (j >= n) throw new CsvSyntaxError(`a quoted field opened on line ${openedOn} never ends`, openedOn, "unclosed");
        const d = text.charCodeAt(j);
        if (d === QUOTE) {
          if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
            parts += text.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          break;
        }
        if (d === LF || (d === CR && text.charCodeAt(j + 1) !== LF)) line++;
        j++;
      }
      value = parts + text.slice(from, j);
      i = j + 1;
      if (trim) while (i < n && blank(text.charCodeAt(i))) i++;
      c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== delimiter && c !== LF && c !== CR) {
        throw new CsvSyntaxError(`unexpected ${JSON.stringify(text[i])} after a closing quote on line ${line}`, line, "after-quote", text[i]!);
      }
    } else {
      let j = start;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === delimiter || d === LF || d === CR) break;
        if (d === QUOTE) throw new CsvSyntaxError(`a quote inside an unquoted field on line ${line}`, line, "quote-in-field");
        j++;
      }
      let end = j;
      if (trim) while (end > start && blank(text.charCodeAt(end - 1))) end--;
      value = text.slice(start, end);
      i = j;
      c = i < n ? text.charCodeAt(i) : -1;
    }
    fields.push(value);
    if (!anyValue && value.trim() !== "") anyValue = true;
    if (c === delimiter) {
      i++;
      continue;
    }
    // End of the record: a line break or the end of the text.
    endRecord();
    if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
    else i++;
    line++;
  }
}
