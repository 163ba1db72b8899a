/**
 * The project's own population CSV: long, one count per line, with its provenance in `#` lines.
 *
 * ```
 * # referensdatum: 2024-11-01
 * # källa: SCB, Folkmängden den 1 november (TAB1267)
 * kommun_kod,nyckel,antal
 * 2080,0-18,13093
 * 00,0-18,2265405
 * ```
 *
 * Columns: `kommun_kod` (4 digits; `00` declares the national count, which makes a file with
 * only some municipalities usable), then either `nyckel` (`total` or an inclusive band such as
 * `0-18`) or `alder` (single years `0`…`99`, `100+`), then `antal` (whole persons). Other columns
 * (such as `kommun`) are allowed and ignored. Header lines: `referensdatum` (required), `källa`,
 * `ursprung`, `sha256`, `hämtad`, `härledd` (`ja`/`nej`), `not`.
 *
 * Pure: text in, dataset out, so it runs in a browser too.
 */
import { parse } from "csv-parse/sync";
import { PopulationError, type ErrorLocation } from "../errors.js";
import { allMunicipalities, getRecipient, isCountyCode, isMunicipalityCode } from "../geography/index.js";
import { createPopulation, normalizeKey, TOP_AGE, type PopulationDataset, type PopulationSource } from "../population.js";

/** Options for {@link parseProjectCsv}. */
export interface ProjectCsvOptions {
  /** Name for error messages. */
  file?: string;
  /** Used when the file has no `referensdatum` line. */
  referenceDate?: string;
}

const META_KEYS: Record<string, keyof PopulationSource | "referenceDate"> = {
  referensdatum: "referenceDate",
  källa: "title",
  kalla: "title",
  ursprung: "origin",
  sha256: "sha256",
  hämtad: "retrieved",
  hamtad: "retrieved",
  härledd: "derived",
  harledd: "derived",
  not: "note",
};

/** Parses a count: digits only, no signs, separators or decimals. */
export function parseCount(raw: string, where: ErrorLocation): bigint {
  const v = raw.trim();
  if (/^\d+$/.test(v)) return BigInt(v);
  const why = v === "" ? "is empty" : /^-\d/.test(v) ? "is negative" : /^\d+[.,]\d+$/.test(v) ? "is not a whole number" : "is not a number";
  throw new PopulationError("POPULATION_BAD_COUNT", `count "${raw}" ${why}`, { ...where, value: raw });
}

/**
 * Reads the project's long population CSV.
 *
 * @throws PopulationError naming the file and line: missing header or reference date, unknown or
 *   county codes, duplicate rows, bad counts, or missing municipalities without a `00` row.
 * @example
 * ```ts
 * const pop = parseProjectCsv("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n00,0-18,2265405\n");
 * ```
 */
export function parseProjectCsv(text: string, options: ProjectCsvOptions = {}): PopulationDataset {
  const file = options.file;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const source: PopulationSource = { title: file ?? "befolkningsfil" };
  let referenceDate = options.referenceDate;
  let first = 0;
  for (; first < lines.length; first++) {
    const line = lines[first]!;
    if (line.trim() === "") continue;
    if (!line.startsWith("#")) break;
    const m = /^#\s*([^:]+?)\s*:\s*(.*)$/.exec(line);
    const field = m ? META_KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !field) continue; // free comment
    const value = m[2]!.trim();
    if (field === "referenceDate") referenceDate = value;
    else if (field === "derived") source.derived = /^(ja|yes|true)$/i.test(value);
    else source[field] = value;
  }
  if (first >= lines.length) throw new PopulationError("POPULATION_FORMAT", "the file has no header row", { file, line: lines.length });
  if (referenceDate === undefined) {
    throw new PopulationError("POPULATION_FORMAT", 'no reference date: add a line "# referensdatum: YYYY-MM-DD"', { file, line: 1 });
  }
  let records: string[][];
  // Line numbers: blank lines are skipped, so map record index back to the text.
  let lineOf: number[];
  const simple = unquotedRecords(lines, first, file);
  if (simple) {
    ({ records, lineOf } = simple);
  } else try {
    records = parse(lines.slice(first).join("\n"), { relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
    lineOf = physicalLines(lines, first);
  } catch (e) {
    const info = e as { lines?: number; message?: string };
    throw new PopulationError("POPULATION_FORMAT", `not valid CSV: ${info.message ?? String(e)}`, {
      file,
      ...(info.lines !== undefined ? { line: first + info.lines } : {}),
    });
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const iCode = header.indexOf("kommun_kod");
  const iKey = header.indexOf("nyckel");
  const iAge = header.indexOf("alder") >= 0 ? header.indexOf("alder") : header.indexOf("ålder");
  const iCount = header.indexOf("antal");
  if (iCode < 0 || iCount < 0 || (iKey < 0) === (iAge < 0)) {
    throw new PopulationError("POPULATION_FORMAT", `expected the columns kommun_kod, nyckel or alder, and antal; got ${records[0]?.join(",") ?? "nothing"}`, {
      file,
      line: first + 1,
      value: records[0]?.join(","),
    });
  }
  const counts: Record<string, Record<string, bigint>> = {};
  const nationalTotals: Record<string, bigint> = {};
  const ages: Record<string, (bigint | undefined)[]> = {};
  const nationalAges: (bigint | undefined)[] = [];
  const seen = new Map<string, number>();
  const seenAge: Record<string, number[]> = {};
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = lineOf[r] ?? first + r + 1;
    const where = { file, line };
    const code = rec[iCode]!;
    if (code !== "00" && !isMunicipalityCode(code)) {
      const what = isCountyCode(code)
        ? `"${code}" is a county (${getRecipient("county", code)!.name}); this file must have municipality rows (4-digit codes) and optionally 00 for Sweden`
        : `"${code}" is not one of the 290 municipality codes`;
      throw new PopulationError("POPULATION_UNKNOWN_CODE", what, { ...where, value: code });
    }
    if (iKey < 0) {
      // Age rows, the long files: duplicates found by code and age index, with no string ids.
      const raw = rec[iAge]!;
      const a = raw.endsWith("r") || raw.endsWith("R") ? raw.replace(/\s*år$/i, "") : raw;
      const age = a === "100+" ? TOP_AGE : /^\d{1,2}$/.test(a) ? Number(a) : NaN;
      if (Number.isNaN(age)) throw new PopulationError("POPULATION_FORMAT", `age "${raw}" is not 0…99 or 100+`, { ...where, value: raw });
      const firstLines = (seenAge[code] ??= []);
      const prev = firstLines[age];
      if (prev !== undefined) {
        throw new PopulationError("POPULATION_DUPLICATE", `${code} age ${age} is given twice (first on line ${prev})`, { ...where, value: code });
      }
      firstLines[age] = line;
      const count = parseCount(rec[iCount]!, where);
      if (code === "00") nationalAges[age] = count;
      else (ages[code] ??= [])[age] = count;
      continue;
    }
    const slot = normalizeKey(rec[iKey]!, where);
    const id = `${code}|${slot}`;
    const prev = seen.get(id);
    if (prev !== undefined) {
      throw new PopulationError("POPULATION_DUPLICATE", `${code} key ${slot} is given twice (first on line ${prev})`, { ...where, value: code });
    }
    seen.set(id, line);
    const count = parseCount(rec[iCount]!, where);
    if (code === "00") nationalTotals[slot] = count;
    else (counts[slot] ??= {})[code] = count;
  }
  for (const [key, byCode] of Object.entries(counts)) {
    if (Object.keys(byCode).length < 290 && nationalTotals[key] === undefined) throw missingError(key, Object.keys(byCode), file);
  }
  if (Object.keys(ages).length > 0 && Object.keys(ages).length < 290 && nationalAges.length === 0) {
    throw missingError("alder", Object.keys(ages), file);
  }
  return createPopulation({
    referenceDate,
    counts,
    nationalTotals,
    ages,
    ...(nationalAges.length > 0 ? { nationalAges } : {}),
    sources: [source],
    ...(file !== undefined ? { file } : {}),
  });
}

/**
 * The records of a CSV body with no quote characters: each non-blank line split on commas, fields
 * trimmed — exactly what csv-parse returns for such text, several times faster. Returns
 * `undefined` when a quote appears, and csv-parse reads the text instead.
 *
 * @throws PopulationError `POPULATION_FORMAT` when a line has a different number of fields than the header.
 */
function unquotedRecords(lines: readonly string[], first: number, file: string | undefined): { records: string[][]; lineOf: number[] } | undefined {
  const records: string[][] = [];
  const lineOf: number[] = [];
  let width = -1;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('"')) return undefined;
    if (line.trim() === "") continue;
    const fields = line.split(",");
    for (let f = 0; f < fields.length; f++) fields[f] = fields[f]!.trim();
    if (width < 0) width = fields.length;
    else if (fields.length !== width) {
      throw new PopulationError("POPULATION_FORMAT", `not valid CSV: line ${i + 1} has ${fields.length} fields, the header has ${width}`, { file, line: i + 1, value: line });
    }
    records.push(fields);
    lineOf.push(i + 1);
  }
  return { records, lineOf };
}

function physicalLines(lines: readonly string[], first: number): number[] {
  const out: number[] = [];
  for (let i = first; i < lines.length; i++) if (lines[i]!.trim() !== "") out.push(i + 1);
  return out;
}

function missingError(key: string, present: readonly string[], file: string | undefined): PopulationError {
  const have = new Set(present);
  const absent = allMunicipalities().filter((m) => !have.has(m.code));
  const names = absent.slice(0, 5).map((m) => `${m.code} ${m.name}`).join(", ");
  return new PopulationError(
    "POPULATION_MISSING_MUNICIPALITIES",
    `${key}: ${absent.length} of 290 municipalities are missing (${names}${absent.length > 5 ? ", …" : ""}); add them, or declare Sweden's count on a 00 row to use the file as partial data`,
    { file, value: absent[0]?.code },
  );
}

/**
 * Writes a dataset's given counts in the project's CSV, with provenance lines. Age data is
 * written as `alder` rows; keyed counts as `nyckel` rows. Round-trips through {@link parseProjectCsv}.
 *
 * @example
 * ```ts
 * const text = formatProjectCsv(pop);
 * ```
 */
export function formatProjectCsv(dataset: PopulationDataset): string {
  const out: string[] = [`# referensdatum: ${dataset.referenceDate}`];
  const s = dataset.sources[0];
  if (s) {
    out.push(`# källa: ${s.title}`);
    if (s.origin) out.push(`# ursprung: ${s.origin}`);
    if (s.sha256) out.push(`# sha256: ${s.sha256}`);
    if (s.retrieved) out.push(`# hämtad: ${s.retrieved}`);
    if (s.derived !== undefined) out.push(`# härledd: ${s.derived ? "ja" : "nej"}`);
    if (s.note) out.push(`# not: ${s.note}`);
  }
  if (dataset.ages.size > 0) {
    out.push("kommun_kod,alder,antal");
    for (const [code, v] of [...dataset.ages].sort(([a], [b]) => (a < b ? -1 : 1))) {
      v.forEach((n, age) => n !== undefined && out.push(`${code},${age === TOP_AGE ? "100+" : age},${n}`));
    }
    dataset.nationalAges?.forEach((n, age) => n !== undefined && out.push(`00,${age === TOP_AGE ? "100+" : age},${n}`));
  } else {
    out.push("kommun_kod,nyckel,antal");
    for (const [key, byCode] of dataset.counts) {
      for (const [code, n] of [...byCode].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`${code},${key},${n}`);
      const nat = dataset.nationalTotals.get(key);
      if (nat !== undefined) out.push(`00,${key},${nat}`);
    }
  }
  return `${out.join("\n")}\n`;
}
