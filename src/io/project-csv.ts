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
 * only some municipalities usable) or, for a county-level file, `lan_kod` (2 digits, `00` again
 * the national count: `20,total,287966`), then either `nyckel` (`total` or an inclusive band such as
 * `0-18`) or `alder` (single years `0`…`99`, `100+`), then `antal` (whole persons). Other columns
 * (such as `kommun`) are allowed and ignored. Header lines: `referensdatum` (required), `källa`,
 * `ursprung`, `sha256`, `hämtad`, `härledd` (`ja`/`nej`), `not`.
 *
 * Pure: text in, dataset out, so it runs in a browser too.
 */
import { CsvSyntaxError, eachCsvRecord, headLines } from "./csv.js";
import { attempt, clipValue, errorOf, issue, MAX_ISSUES, PopulationError, raise, StimulansmedelError, type ErrorLocation, type Issue } from "../errors.js";
import { allCounties, allMunicipalities, getRecipient, isCountyCode, isMunicipalityCode } from "../geography/index.js";
import { own } from "../own.js";
import { createPopulation, normalizeKey, TOP_AGE, type PopulationDataset, type PopulationKey, type PopulationSource } from "../population.js";

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

/** How many lines may precede the header (the `#` provenance lines). */
const HEAD_LINES = 1000;

/** A header line that starts a further section of the file. */
const SECTION_START = /^(kommun_kod|lan_kod|län_kod)$/i;

/** Thrown by the row reader to stop at the first repeated row. */
const STOP = Symbol("stop");

/** Counts above this are refused as typing errors: ten thousand million persons. */
const MAX_COUNT = 10n ** 10n;

/** Parses a count: digits only, no signs, separators or decimals, at most ten thousand million. */
export function parseCount(raw: string, where: ErrorLocation): bigint {
  const v = raw.trim();
  if (/^\d+$/.test(v)) {
    const n = BigInt(v);
    if (n <= MAX_COUNT) return n;
    // The value is clipped in the message too: a 10 MB field is never echoed whole.
    raise("POPULATION_BAD_COUNT", "implausible", { value: clipValue(raw), limit: String(MAX_COUNT) }, { ...where, value: raw });
  }
  // "46,786" may be 46 786 persons with a thousands separator or 46.786 with a decimal comma:
  // said as such, with the digits to write if thousands were meant.
  const reason =
    v === ""
      ? "empty"
      : /^-\d/.test(v)
        ? "negative"
        : /^\d{1,3}[.,]\d{3}$/.test(v)
          ? "ambiguous"
          : /^\d+[.,]\d+$/.test(v)
            ? "fraction"
            : /^\d{1,3}([ \u00a0.,]\d{3})+$/.test(v)
              ? "thousands"
              : "text";
  raise("POPULATION_BAD_COUNT", "not-a-count", { value: clipValue(raw), reason, ...(reason === "ambiguous" ? { digits: v.replace(/[.,]/, "") } : {}) }, { ...where, value: raw });
}

/** The result of {@link safeParseProjectCsv}. */
export type ProjectCsvResult = { ok: true; dataset: PopulationDataset } | { ok: false; issues: Issue[] };

/**
 * Reads the project's long population CSV without throwing: every problem in the file at once
 * (each with its line and value), or the dataset.
 *
 * @example
 * ```ts
 * const r = safeParseProjectCsv(text, { file: "pop.csv" });
 * if (!r.ok) for (const i of r.issues) console.error(describeIssue(i));
 * ```
 */
export function safeParseProjectCsv(text: string, options: ProjectCsvOptions = {}): ProjectCsvResult {
  const r = attempt(() => parseProjectCsv(text, options));
  return r.ok ? { ok: true, dataset: r.value } : r;
}

/**
 * Reads the project's long population CSV.
 *
 * Every data row is used or refused: a row that cannot be read is an error naming its line, and
 * all such rows are reported together (in `issues`), never skipped. Only blank lines, `#` lines
 * before the header and columns other than the three named ones are ignored.
 *
 * @throws PopulationError naming the file and line: missing header or reference date, unknown or
 *   county codes, duplicate rows, bad counts, rows with the wrong number of fields, `#` lines among
 *   the data, or missing municipalities without a `00` row. `issues` holds every problem found.
 * @example
 * ```ts
 * const pop = parseProjectCsv("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n00,0-18,2265405\n");
 * ```
 */
export function parseProjectCsv(text: string, options: ProjectCsvOptions = {}): PopulationDataset {
  const file = options.file;
  const body = text.replace(/^\uFEFF/, "");
  // Only the head is split into lines (the # lines and the header); the rows are read in place.
  const { lines, starts } = headLines(body, HEAD_LINES);
  const source: PopulationSource = { title: file ?? "befolkningsfil" };
  let referenceDate = options.referenceDate;
  let dateLine: number | undefined;
  let first = 0;
  for (; first < lines.length; first++) {
    const line = lines[first]!;
    if (line.trim() === "") continue;
    if (!line.startsWith("#")) break;
    const m = /^#\s*([^:]+?)\s*:\s*(.*)$/.exec(line);
    const name = m?.[1]!.toLowerCase();
    // Own keys only: "# constructor: x" is a free comment, not Object.prototype's constructor.
    const field = name !== undefined ? own(META_KEYS, name) : undefined;
    if (!m || !field) continue; // free comment
    const value = m[2]!.trim();
    if (field === "referenceDate") {
      // A second, different date would silently decide which counts the file means.
      if (dateLine !== undefined && value !== referenceDate) {
        raise("POPULATION_FORMAT", "two-reference-dates", { first: referenceDate ?? "", line: dateLine, second: value }, { file, line: first + 1, value });
      }
      referenceDate = value;
      dateLine = first + 1;
    } else if (field === "derived") source.derived = /^(ja|yes|true)$/i.test(value);
    else source[field] = value;
  }
  if (first >= lines.length) raise("POPULATION_FORMAT", "no-header", {}, { file, line: lines.length });
  if (referenceDate === undefined) {
    raise("POPULATION_FORMAT", "no-reference-date", {}, { file, line: 1 });
  }
  const from = starts[first]!;
  let headerRow: string[] = [];
  let iCode = -1;
  let iKey = -1;
  let iAge = -1;
  let iCount = -1;
  // One level per section: a county row among municipalities would be a second, competing count.
  // A file may hold several sections (a header line each): ages and keyed counts, municipalities
  // and counties, as formatProjectCsv writes a dataset that has them all.
  let countyLevel = false;
  let headerLine = first + 1;
  const levels = new Set<"county" | "municipality">();
  const setHeader = (fields: string[], line = first + 1): void => {
    headerRow = fields;
    headerLine = line;
    const header = headerRow.map((h) => h.normalize("NFC").trim().toLowerCase());
    const iMunicipality = header.indexOf("kommun_kod");
    const iCounty = header.indexOf("lan_kod") >= 0 ? header.indexOf("lan_kod") : header.indexOf("län_kod");
    countyLevel = iCounty >= 0 && iMunicipality < 0;
    iCode = countyLevel ? iCounty : iMunicipality;
    iKey = header.indexOf("nyckel");
    iAge = header.indexOf("alder") >= 0 ? header.indexOf("alder") : header.indexOf("ålder");
    iCount = header.indexOf("antal");
    // Two columns of one name: which one holds the counts cannot be told, so neither is picked.
    for (const names of [["kommun_kod"], ["lan_kod", "län_kod"], ["nyckel"], ["alder", "ålder"], ["antal"]]) {
      const at = header.flatMap((h, i) => (names.includes(h) ? [i] : []));
      if (at.length > 1) raise("POPULATION_FORMAT", "duplicate-column", { column: headerRow[at[1]!]!, first: at[0]! + 1, second: at[1]! + 1 }, { file, line, value: headerRow[at[1]!]! });
    }
    if (iCode < 0 || iCount < 0 || (iKey < 0) === (iAge < 0)) {
      const raw = line === first + 1 ? lines[first]! : fields.join(",");
      const delimiter = [";", "\t", "|"].find((d) => header.length === 1 && raw.includes(d));
      raise("POPULATION_FORMAT", "project-header", { got: headerRow.join(","), ...(delimiter !== undefined ? { delimiter } : {}) }, { file, line, value: headerRow.join(",") });
    }
    levels.add(countyLevel ? "county" : "municipality");
    ({ counts, ages } = countyLevel ? county : municipal);
  };
  const municipal = { counts: {} as Record<string, Record<string, bigint>>, ages: {} as Record<string, (bigint | undefined)[]> };
  const county = { counts: {} as Record<string, Record<string, bigint>>, ages: {} as Record<string, (bigint | undefined)[]> };
  let { counts, ages } = municipal;
  const nationalTotals: Record<string, bigint> = {};
  const nationalAges: (bigint | undefined)[] = [];
  const seen = new Map<string, number>();
  // Every row problem is collected, so a file with many mistakes is fixed in one round.
  const issues: Issue[] = [];
  // Problems are collected so one round fixes many, but at most MAX_ISSUES are kept: a file of a
  // million bad rows is not a million lines of output. The rest are only counted.
  let notKept = 0;
  // Once MAX_ISSUES are kept the rest are only counted, so their errors need no stack trace:
  // capturing one per row was most of the time on a file of 200 000 bad rows.
  // V8's knob (Node, Chromium); elsewhere the property is absent and setting it does nothing.
  const V8Error = Error as { stackTraceLimit?: number };
  const stackLimit = V8Error.stackTraceLimit;
  const problem = (e: unknown): void => {
    if (!(e instanceof StimulansmedelError)) throw e;
    for (const i of e.issues) {
      if (issues.length < MAX_ISSUES) issues.push(i);
      else notKept++;
    }
    if (issues.length >= MAX_ISSUES && stackLimit !== undefined) V8Error.stackTraceLimit = 0;
  };
  let stopped = false;
  let rows = 0;
  const readRow = (rec: string[], line: number): void => {
    rows++;
    const where = { file, line };
    try {
      if (rec.length !== headerRow.length) {
        const raw = rec.join(",");
        if (raw.startsWith("#")) raise("POPULATION_FORMAT", "hash-among-data", {}, { ...where, value: raw });
        raise("POPULATION_FORMAT", "row-width", { fields: rec.length, header: headerRow.length }, { ...where, value: raw });
      }
      const code = rec[iCode]!;
      if (countyLevel && code !== "00" && !isCountyCode(code)) raise("POPULATION_UNKNOWN_CODE", "county", { code }, { ...where, value: code });
      if (!countyLevel && code !== "00" && !isMunicipalityCode(code)) {
        const at = { ...where, value: code };
        if (isCountyCode(code)) raise("POPULATION_UNKNOWN_CODE", "county-in-municipal", { code, name: getRecipient("county", code)!.name }, at);
        if (/^\d{3}$/.test(code) && isMunicipalityCode(`0${code}`)) raise("POPULATION_UNKNOWN_CODE", "lost-zero", { code }, at);
        raise("POPULATION_UNKNOWN_CODE", "municipality", { code: clipValue(code) }, at);
      }
      let slot: string;
      if (iKey >= 0) {
        slot = normalizeKey(rec[iKey]!, where);
      } else {
        const a = rec[iAge]!.replace(/\s*år$/i, "");
        const age = a === "100+" ? TOP_AGE : /^\d{1,2}$/.test(a) ? Number(a) : NaN;
        if (Number.isNaN(age)) raise("POPULATION_FORMAT", "bad-age", { age: clipValue(rec[iAge]!) }, { ...where, value: rec[iAge]! });
        slot = String(age);
      }
      const id = `${code}|${slot}`;
      const prev = seen.get(id);
      if (prev !== undefined) {
        // The first repeated row stops the file: a file of repeats says nothing more row by row.
        stopped = true;
        raise("POPULATION_DUPLICATE", "row-twice", { code, ...(iKey >= 0 ? { key: slot } : { age: slot === String(TOP_AGE) ? "100+" : slot }), first: prev }, { ...where, value: code });
      }
      seen.set(id, line);
      const count = parseCount(rec[iCount]!, where);
      if (iKey >= 0) {
        if (code === "00") nationalTotals[slot] = count;
        else (counts[slot] ??= {})[code] = count;
      } else if (code === "00") nationalAges[Number(slot)] = count;
      else (ages[code] ??= [])[Number(slot)] = count;
    } catch (e) {
      problem(e);
      if (stopped) throw STOP;
    }
  };
  let haveHeader = false;
  try {
    // Rows are checked as they are read and dropped: memory stays with the counts, not the file.
    eachCsvRecord(body, { delimiter: ",", trim: true, from, firstLine: first + 1, skip: "lines" }, (fields, line) => {
      if (haveHeader && !SECTION_START.test(fields[0] ?? "")) return readRow(fields, line);
      if (haveHeader) return setHeader(fields, line);
      haveHeader = true;
      setHeader(fields);
    });
  } catch (e) {
    if (e !== STOP) {
      V8Error.stackTraceLimit = stackLimit;
      if (!(e instanceof CsvSyntaxError)) throw e;
      raise("POPULATION_FORMAT", "csv", { problem: e.problem, char: e.char, opened: e.line }, { file, line: e.line });
    }
  } finally {
    V8Error.stackTraceLimit = stackLimit;
  }
  if (!haveHeader) setHeader([]);
  if (notKept > 0) issues.push(issue("POPULATION_FORMAT", "more-problems", { count: notKept }, { file }));
  if (rows === 0) issues.push(issue("POPULATION_FORMAT", "no-data-rows", {}, { file, line: first + 1 }));
  const hasCounty = levels.has("county");
  const hasMunicipal = levels.has("municipality");
  // Sweden's rows are one per key (and age) for the whole file; each level is checked against the
  // national rows of the keys it has, and a national row must belong to some level.
  const nationalOf = (c: Record<string, unknown>, orphans: boolean) =>
    Object.fromEntries(Object.entries(nationalTotals).filter(([k]) => c[k] !== undefined || (orphans && county.counts[k] === undefined && municipal.counts[k] === undefined)));
  const municipalAges = Object.keys(municipal.ages).length > 0 || !hasCounty;
  if (issues.length === 0 && hasCounty) {
    issues.push(...countyChecks(county.counts, hasMunicipal ? nationalOf(county.counts, false) : nationalTotals, county.ages, municipalAges && hasMunicipal ? [] : nationalAges, seen, file, first + 1));
  }
  if (issues.length > 0) throw collected(issues);
  if (!hasMunicipal) {
    return createPopulation({
      referenceDate,
      countyCounts: county.counts,
      nationalTotals,
      countyAges: county.ages,
      ...(nationalAges.length > 0 ? { nationalAges } : {}),
      sources: [source],
      ...(file !== undefined ? { file } : {}),
    });
  }
  ({ counts, ages } = municipal);
  const municipalNational = hasCounty ? nationalOf(municipal.counts, true) : nationalTotals;
  if (issues.length === 0) {
    for (const [key, byCode] of Object.entries(counts)) {
      if (Object.keys(byCode).length < 290 && municipalNational[key] === undefined) problem(missingError(key, Object.keys(byCode), file));
    }
    for (const [key, national] of Object.entries(municipalNational)) {
      const line = seen.get(`00|${key}`)!;
      // A national row with no municipal rows would be read and then never used.
      if (!counts[key]) {
        issues.push(issue("POPULATION_MISSING_MUNICIPALITIES", "national-without-municipalities", { key }, { file, line, value: key }));
        continue;
      }
      const byCode = Object.values(counts[key]!);
      const summed = byCode.reduce((s, v) => s + v, 0n);
      if (byCode.length < 290 && summed > national) {
        issues.push(issue("POPULATION_TOTAL_MISMATCH", "municipal-vs-national", { key, summed: String(summed), declared: String(national) }, { file, line, value: String(national) }));
      }
    }
    if (Object.keys(ages).length > 0 && Object.keys(ages).length < 290 && nationalAges.length === 0) {
      problem(missingError("alder", Object.keys(ages), file));
    }
    if (nationalAges.length > 0 && Object.keys(ages).length === 0 && municipalAges) {
      issues.push(issue("POPULATION_MISSING_MUNICIPALITIES", "national-ages-only", {}, { file, line: seen.get("00|0") ?? first + 1, value: "00" }));
    }
  }
  if (issues.length > 0) throw collected(issues);
  try {
    return createPopulation({
      referenceDate,
      counts,
      nationalTotals,
      ages,
      ...(hasCounty ? { countyCounts: county.counts, countyAges: county.ages } : {}),
      ...(nationalAges.length > 0 ? { nationalAges } : {}),
      sources: [source],
      ...(file !== undefined ? { file } : {}),
    });
  } catch (e) {
    // createPopulation only checks the date here (rows are valid); point at the line that set it.
    if (e instanceof PopulationError && e.line === undefined && dateLine !== undefined) {
      const line = dateLine;
      throw errorOf(e.issues.map((i) => (i.line === undefined ? { ...i, line } : i)));
    }
    throw e;
  }
}

/**
 * The checks of a county-level file, after its rows were read: a count for every county or Sweden's
 * on a `00` row, a `00` row only beside county rows, and county counts that agree with it.
 */
function countyChecks(
  counts: Readonly<Record<string, Record<string, bigint>>>,
  nationalTotals: Readonly<Record<string, bigint>>,
  ages: Readonly<Record<string, unknown>>,
  nationalAges: readonly unknown[],
  seen: ReadonlyMap<string, number>,
  file: string | undefined,
  headerLine: number,
): Issue[] {
  const out: Issue[] = [];
  const where = (line: number | undefined, value: string) => ({ ...(file !== undefined ? { file } : {}), line: line ?? headerLine, value });
  const missingOf = (present: readonly string[]) => allCounties().filter((c) => !present.includes(c.code));
  for (const [key, byCode] of Object.entries(counts)) {
    const absent = missingOf(Object.keys(byCode));
    const national = nationalTotals[key];
    if (absent.length > 0 && national === undefined) {
      out.push(issue("POPULATION_MISSING_MUNICIPALITIES", "counties", { key, missing: absent.length, names: absent.slice(0, 5).map((c) => `${c.code} ${c.name}`) }, where(headerLine, absent[0]!.code)));
      continue;
    }
    if (national === undefined) continue;
    const summed = Object.values(byCode).reduce((s, v) => s + v, 0n);
    // All 21 counties are Sweden: a different 00 row would make the shares of county pots not sum to one.
    if (absent.length === 0 ? summed !== national : summed > national) {
      out.push(issue("POPULATION_TOTAL_MISMATCH", "counties-vs-national", { key, summed: String(summed), declared: String(national), complete: absent.length === 0 }, where(seen.get(`00|${key}`), String(national))));
    }
  }
  for (const key of Object.keys(nationalTotals)) {
    if (!counts[key]) out.push(issue("POPULATION_MISSING_MUNICIPALITIES", "national-only", { key }, where(seen.get(`00|${key}`), key)));
  }
  const ageCodes = Object.keys(ages);
  if (ageCodes.length > 0 && ageCodes.length < 21 && nationalAges.length === 0) {
    const absent = missingOf(ageCodes);
    out.push(issue("POPULATION_MISSING_MUNICIPALITIES", "counties", { key: "alder", missing: absent.length, names: absent.slice(0, 5).map((c) => `${c.code} ${c.name}`) }, where(headerLine, absent[0]!.code)));
  }
  if (nationalAges.length > 0 && ageCodes.length === 0) out.push(issue("POPULATION_MISSING_MUNICIPALITIES", "national-only", { key: "alder" }, where(seen.get("00|0"), "00")));
  return out;
}

/** One error carrying every issue; the first issue is the error's own code and location. */
function collected(issues: readonly Issue[]): PopulationError {
  // The error adds "(and N more problems)" itself.
  return errorOf(issues) as PopulationError;
}

function missingError(key: string, present: readonly string[], file: string | undefined): PopulationError {
  const have = new Set(present);
  const absent = allMunicipalities().filter((m) => !have.has(m.code));
  const names = absent.slice(0, 5).map((m) => `${m.code} ${m.name}`);
  return errorOf([issue("POPULATION_MISSING_MUNICIPALITIES", "municipalities", { key, missing: absent.length, names, scb: false }, { file, ...(absent[0] ? { value: absent[0].code } : {}) })]) as PopulationError;
}

/**
 * Writes a dataset's given counts in the project's CSV, with provenance lines: one section per
 * kind (keyed municipal counts, municipal ages, keyed county counts, county ages), each under its
 * own header, Sweden's `00` rows once. Round-trips through {@link parseProjectCsv}.
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
  // One section per level and kind, each under its own header; Sweden's rows (00) are written
  // once, in the first section that has their key or the ages.
  const byCode = <T>(m: ReadonlyMap<string, T>): [string, T][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const nationalDone = new Set<string>();
  const keyed = (column: string, counts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>): void => {
    if (counts.size === 0) return;
    out.push(`${column},nyckel,antal`);
    for (const [key, m] of counts) {
      for (const [code, n] of byCode(m)) out.push(`${code},${key},${n}`);
      const nat = dataset.nationalTotals.get(key);
      if (nat !== undefined && !nationalDone.has(key)) out.push(`00,${key},${nat}`);
      nationalDone.add(key);
    }
  };
  const aged = (column: string, ages: ReadonlyMap<string, readonly (bigint | undefined)[]>): void => {
    if (ages.size === 0) return;
    out.push(`${column},alder,antal`);
    for (const [code, v] of byCode(ages)) v.forEach((n, age) => n !== undefined && out.push(`${code},${age === TOP_AGE ? "100+" : age},${n}`));
    if (!nationalDone.has("|ages")) dataset.nationalAges?.forEach((n, age) => n !== undefined && out.push(`00,${age === TOP_AGE ? "100+" : age},${n}`));
    nationalDone.add("|ages");
  };
  keyed("kommun_kod", dataset.counts);
  aged("kommun_kod", dataset.ages);
  keyed("lan_kod", dataset.countyCounts);
  aged("lan_kod", dataset.countyAges);
  if (out.every((l) => l.startsWith("#"))) out.push("kommun_kod,nyckel,antal");
  return `${out.join("\n")}\n`;
}
