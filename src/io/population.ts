/**
 * Population files in any supported format, from bytes: the format and encoding are detected.
 * Pure (bytes in, dataset out), so the web page can use it on a dropped file.
 *
 * Formats: the project's CSV (a `#` header or a `kommun_kod` column), SCB's PxWeb CSV export
 * (wide or long, see {@link parseScbCsv}) and JSON-stat 2.0 (SCB's PxWeb API v2, see
 * {@link parseJsonStat}). Encodings: UTF-8 with or without BOM, Windows-1252/ISO-8859-1 (see
 * {@link decodeText}).
 */
import { attempt, PopulationError, raise, type Issue } from "../errors.js";
import type { PopulationDataset } from "../population.js";
import { decodeText } from "./decode.js";
import { MAX_JSON_LENGTH, readJson } from "./json.js";
import { parseJsonStat } from "./jsonstat.js";
import { parseProjectCsv } from "./project-csv.js";
import { looksLikeScbCsv, parseScbCsv } from "./scb-csv.js";
import type { ScbReadOptions } from "./scb.js";

/**
 * The largest population file read, in bytes: 64 MB for CSV. SCB's national single-age table by
 * sex is about 2–3 MB, so a larger file is a wrong file (or `/dev/zero`), refused before reading on.
 */
export const MAX_POPULATION_CSV_BYTES = 64 * 1024 * 1024;

/**
 * The longest line of a population CSV, in bytes: 64 KB. SCB's widest export (a column per month
 * for decades) has lines of a few thousand characters; a longer line is a wrong file, refused
 * while the bytes are scanned, before anything splits it into fields.
 */
export const MAX_POPULATION_CSV_LINE_BYTES = 64 * 1024;

/**
 * The 1-based number of the first line (LF, CRLF or CR ends one) longer than `limit` bytes, or
 * `undefined` when there is none. One pass over the bytes, nothing allocated.
 */
function overlongLine(bytes: Uint8Array, limit: number): number | undefined {
  let line = 1;
  let start = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b !== 10 && b !== 13) {
      if (i - start >= limit) return line;
      continue;
    }
    if (b === 13 && bytes[i + 1] === 10) i++;
    line++;
    start = i + 1;
  }
  return undefined;
}

/** The largest JSON-stat population file read, in bytes (32 MB; see {@link MAX_JSON_LENGTH}). */
export const MAX_POPULATION_JSON_BYTES = MAX_JSON_LENGTH;

/** Options for {@link parsePopulation}. */
export interface ParsePopulationOptions extends ScbReadOptions {
  /** Name for error messages, e.g. the file name or `<stdin>`. */
  file?: string;
  /**
   * Reference date to use when the file does not say. When the file says another date, that is
   * a `POPULATION_DATE_MISMATCH` error naming both.
   */
  referenceDate?: string;
}

/** The population file formats {@link parsePopulation} reads. */
export type PopulationFormat = "project-csv" | "scb-csv" | "json-stat2";

/**
 * Tells the format of a decoded population file.
 *
 * @example
 * ```ts
 * detectPopulationFormat("kommun_kod,nyckel,antal\n"); // "project-csv"
 * ```
 */
export function detectPopulationFormat(text: string): PopulationFormat | undefined {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  if (t.startsWith("{")) return "json-stat2";
  const first = t.split(/\r\n|\r|\n/, 1)[0] ?? "";
  if (first.startsWith("#") || /(^|[,;\t"])kommun_kod([,;\t"]|$)/i.test(first)) return "project-csv";
  if (looksLikeScbCsv(t)) return "scb-csv";
  return undefined;
}

/**
 * Reads a population file from its bytes, detecting format and encoding.
 *
 * @throws PopulationError naming the file, line (or JSON path) and value.
 * @example
 * ```ts
 * const pop = parsePopulation(new TextEncoder().encode(text), { file: "pop.csv" });
 * ```
 */
export function parsePopulation(bytes: Uint8Array, options: ParsePopulationOptions = {}): PopulationDataset {
  if (bytes.length > MAX_POPULATION_CSV_BYTES) raise("POPULATION_FORMAT", "file-too-large", { limit: "64 MB", format: "CSV" }, { file: options.file });
  // JSON is told by its first byte that is not a BOM or white space, before decoding anything.
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 32 || bytes[at] === 9 || bytes[at] === 10 || bytes[at] === 13)) at++;
  if (bytes[at] === 0x7b && bytes.length > MAX_POPULATION_JSON_BYTES) raise("POPULATION_FORMAT", "file-too-large", { limit: "32 MB", format: "JSON-stat" }, { file: options.file });
  // A CSV line is bounded (JSON-stat is often one line): a 4 MB line would otherwise be split on
  // every delimiter in turn while the header is looked for.
  if (bytes[at] !== 0x7b) {
    const line = overlongLine(bytes, MAX_POPULATION_CSV_LINE_BYTES);
    if (line !== undefined) raise("POPULATION_FORMAT", "line-too-long", { limit: "64 KB", line }, { file: options.file, line });
  }
  const { text, encoding } = decodeText(bytes, options.file);
  const format = detectPopulationFormat(text);
  const file = options.file;
  if (text.replace(/^\uFEFF/, "").trim() === "") {
    raise("POPULATION_FORMAT", "empty-file", {}, { file, line: 1 });
  }
  let dataset: PopulationDataset;
  switch (format) {
    case "json-stat2": {
      const json = readJson(text, "POPULATION_FORMAT", file);
      dataset = parseJsonStat(json, options);
      break;
    }
    case "scb-csv":
      dataset = parseScbCsv(text, { ...options, encoding });
      break;
    case "project-csv":
      dataset = parseProjectCsv(text, options);
      break;
    default:
      raise("POPULATION_FORMAT", "unknown-format", {}, { file, line: 1 });
  }
  if (options.referenceDate !== undefined && dataset.referenceDate !== options.referenceDate) {
    raise("POPULATION_DATE_MISMATCH", "given-date", { found: dataset.referenceDate, given: options.referenceDate }, { file, value: dataset.referenceDate });
  }
  return dataset;
}

/** The result of {@link safeParsePopulation}: the dataset, or every problem found. */
export type PopulationParseResult = { ok: true; dataset: PopulationDataset } | { ok: false; issues: Issue[] };

/**
 * {@link parsePopulation} without throwing: the dataset, or every problem the loader found (each
 * row problem with its line and value), so a file with many mistakes is fixed in one round.
 * Only a {@link StimulansmedelError} becomes issues; anything else is a bug and is rethrown.
 *
 * @example
 * ```ts
 * const r = safeParsePopulation(bytes, { file: "pop.csv" });
 * if (!r.ok) for (const i of r.issues) console.error(describeIssue(i));
 * ```
 */
export function safeParsePopulation(bytes: Uint8Array, options: ParsePopulationOptions = {}): PopulationParseResult {
  const r = attempt(() => parsePopulation(bytes, options));
  return r.ok ? { ok: true, dataset: r.value } : r;
}

