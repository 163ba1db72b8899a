/**
 * Population datasets: a reference date plus counts per municipality and/or per county for one
 * or more keys, with where every count came from.
 *
 * A key is `total` or an inclusive age band such as `0-18` (ages 0 to 18, nineteen one-year
 * classes; `100` stands for SCB's open top class `100+`). Bands are summed from single-year ages
 * when the dataset has them. A county's count is given (a county-level file) or the sum of its
 * municipalities; regions are coded by their county and have the same count.
 *
 * A dataset may be **partial** for a key: counts for only some recipients plus a declared
 * national total. Recipients with counts then get exact amounts; the rest are reported missing.
 * Datasets of one reference date **combine** ({@link mergePopulations}): keys from different
 * sources join, and two sources that disagree about one count are an error naming both.
 */
import { issue, raise, type ErrorLocation, type Issue, errorOf } from "./errors.js";
import { getCounty, getRecipient, isCountyCode, isMunicipalityCode, type Level } from "./geography/index.js";
import { COUNTY_CODES, COUNTY_MUNICIPALITY_END, countyPosition, MUNICIPALITIES_OF_COUNTY, MUNICIPALITY_CODES, municipalityPosition } from "./geography/positions.js";

declare const keyBrand: unique symbol;

/**
 * `total`, or an inclusive age band `FROM-TO` with 0 ≤ FROM ≤ TO ≤ 100, in canonical spelling
 * (digits without leading zeros, a plain hyphen). Made only by {@link normalizeKey} or narrowed
 * by {@link isPopulationKey}, so a key of this type was checked once and is safe to look up.
 *
 * @example
 * ```ts
 * const young: PopulationKey = normalizeKey("0–18"); // "0-18"
 * ```
 */
export type PopulationKey = string & { readonly [keyBrand]: "PopulationKey" };

/** The highest single-year age class; SCB's `100+ år`. */
export const TOP_AGE = 100;

/**
 * The largest count accepted anywhere (ten billion persons): far above any real population, small
 * enough that every count and every sum of counts is an exact whole number in a double, and a
 * typing error such as `99999999999999999999` is refused instead of taking a whole pot.
 */
export const MAX_COUNT = 10_000_000_000n;

/**
 * SCB adds small random noise to every cell from reference year 2025 on (the cell key method), so
 * a total need not equal the sum of its parts from that date. Before it, a disagreement means a
 * wrong file and is refused.
 */
export const NOISE_FROM = "2025-01-01";

/** Where a dataset's numbers come from. Carried into every allocation that uses them. */
export interface PopulationSource {
  /** Short label for people, e.g. `SCB, Folkmängden den 1 november 2024 (TAB1267)` or a file name. */
  title: string;
  /** The publisher's table or the repository the figures were taken from. */
  origin?: string;
  /** sha256 of the source file, when it was read from a file. */
  sha256?: string;
  /** When the figures were retrieved (ISO date or time). */
  retrieved?: string;
  /** True when the counts are not official statistics but worked back or constructed. */
  derived?: boolean;
  /** Anything a reader must know, in plain words. */
  note?: string;
}

/** What one source supplies: per key (or single-year ages), the municipalities and counties it covers. */
export interface SourceCoverage {
  /** Key → codes with a count from this source (4-digit municipalities, 2-digit counties, `00` Sweden). */
  readonly keys: ReadonlyMap<PopulationKey, ReadonlySet<string>>;
  /** Codes with single-year ages from this source (`00` for the national ages). */
  readonly ages: ReadonlySet<string>;
}

/** An immutable population dataset. Build one with {@link createPopulation}. */
export interface PopulationDataset {
  /** ISO date `YYYY-MM-DD` the counts refer to. */
  readonly referenceDate: string;
  /** Counts given directly per key, by municipality code. */
  readonly counts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>;
  /** Counts given directly per key, by county code (county-level files and derived county bases). */
  readonly countyCounts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>;
  /**
   * Single-year ages per municipality code (index = age, 0…100 where 100 is 100+), when the
   * dataset has them. An age class the data does not cover is `undefined`.
   */
  readonly ages: ReadonlyMap<string, readonly (bigint | undefined)[]>;
  /** Single-year ages per county code (county-level files). */
  readonly countyAges: ReadonlyMap<string, readonly (bigint | undefined)[]>;
  /** Declared national single-year counts (same indexing), for partial single-age data. */
  readonly nationalAges?: readonly (bigint | undefined)[];
  /** Declared national totals per key (the denominator for partial data). */
  readonly nationalTotals: ReadonlyMap<PopulationKey, bigint>;
  readonly sources: readonly PopulationSource[];
  /** What each source supplies, parallel to `sources`. */
  readonly coverage: readonly SourceCoverage[];
  /**
   * The same counts as columns by recipient position (municipalities and counties in code order),
   * built with the dataset: what {@link keyCounts} and allocate() read, in one pass per key.
   */
  readonly columns: PopulationColumns;
}

/**
 * A dataset's counts by position: `NaN` where the dataset gives none. Counts are whole numbers of
 * at most {@link MAX_COUNT}, so a double holds each exactly. Built by {@link createPopulation} and
 * {@link mergePopulations} from the maps beside it, never written afterwards.
 */
export interface PopulationColumns {
  /** Given counts per key, by municipality position. */
  readonly municipal: ReadonlyMap<PopulationKey, Float64Array>;
  /** Given counts per key, by county position. */
  readonly county: ReadonlyMap<PopulationKey, Float64Array>;
  /** Single-year ages by municipality position, `TOP_AGE + 1` classes each (row-major), or undefined. */
  readonly ages: AgeColumns | undefined;
  /** Single-year ages by county position, or undefined. */
  readonly countyAges: AgeColumns | undefined;
}

/** Single-year ages as one row of `TOP_AGE + 1` doubles per position; `NaN` for an uncovered class. */
export interface AgeColumns {
  readonly values: Float64Array;
  /** 1 where the position has an age vector at all. */
  readonly present: Uint8Array;
}

type Count = number | bigint;
type ByCode<T> = Readonly<Record<string, T>> | ReadonlyMap<string, T>;
type AgeVector = ReadonlyArray<Count | null | undefined>;

/** Plain input for {@link createPopulation}; counts may be numbers (safe integers) or bigints. */
export interface PopulationInput {
  referenceDate: string;
  /** Key → municipality code → count. */
  counts?: ByCode<ByCode<Count>>;
  /** Key → county code → count (a county-level file). */
  countyCounts?: ByCode<ByCode<Count>>;
  /** Municipality code → single-year ages 0…100. */
  ages?: ByCode<AgeVector>;
  /** County code → single-year ages 0…100. */
  countyAges?: ByCode<AgeVector>;
  nationalAges?: AgeVector;
  nationalTotals?: ByCode<Count>;
  /** The source(s) of everything in this input. */
  sources?: PopulationSource[];
  /** Where the input came from, for error messages. */
  file?: string;
}

/** Parsed form of a key. */
export type ParsedKey = { kind: "total" } | { kind: "ages"; from: number; to: number };

/**
 * Parses a key: `total`, or `FROM-TO` with inclusive ages (en dash accepted).
 *
 * @throws PopulationError `POPULATION_FORMAT` (kind `bad-key`) for anything else.
 * @example
 * ```ts
 * parseKey("0-18"); // { kind: "ages", from: 0, to: 18 }
 * ```
 */
export function parseKey(key: string, where: ErrorLocation = {}): ParsedKey {
  const canonical = canonicalKey(key);
  if (canonical) return canonical;
  const k = key.trim().toLowerCase();
  if (k === "total") return { kind: "total" };
  const m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(k);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from <= to && to <= TOP_AGE) return { kind: "ages", from, to };
  }
  return raise("POPULATION_FORMAT", "bad-key", { key }, { ...where, value: key });
}

const TOTAL: ParsedKey = Object.freeze({ kind: "total" });

/** A key already in canonical spelling (`total`, `0-18`: digits without leading zeros), read without a pattern. */
function canonicalKey(key: string): ParsedKey | undefined {
  if (key === "total") return TOTAL;
  const dash = key.indexOf("-");
  if (dash < 1 || dash > 3 || key.length - dash - 1 < 1 || key.length - dash - 1 > 3) return undefined;
  const from = digits(key, 0, dash);
  const to = digits(key, dash + 1, key.length);
  return from >= 0 && to >= 0 && from <= to && to <= TOP_AGE ? { kind: "ages", from, to } : undefined;
}

/** The whole number written in key[start, end) with plain digits and no leading zero, or −1. */
function digits(key: string, start: number, end: number): number {
  if (end - start > 1 && key.charCodeAt(start) === 48) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = key.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Whether a string is a key in canonical spelling (`total`, `0-18`), narrowing it to the brand.
 * `" Total "` and `"0–18"` are keys but not canonical: {@link normalizeKey} spells them.
 *
 * @example
 * ```ts
 * isPopulationKey("0-18"); // true
 * isPopulationKey("00-18"); // false
 * ```
 */
export function isPopulationKey(key: string): key is PopulationKey {
  return canonicalKey(key) !== undefined;
}

/**
 * The canonical spelling of a key, `total` or `0-18`: the one constructor of a
 * {@link PopulationKey}.
 *
 * @example
 * ```ts
 * normalizeKey("0 – 18"); // "0-18"
 * ```
 */
export function normalizeKey(key: string, where: ErrorLocation = {}): PopulationKey {
  if (canonicalKey(key)) return key as PopulationKey;
  const p = parseKey(key, where);
  return (p.kind === "total" ? "total" : `${p.from}-${p.to}`) as PopulationKey;
}

/**
 * A Swedish label for a key: `folkmängd` or `folkmängd 0–18 år`.
 *
 * @example
 * ```ts
 * keyLabel(normalizeKey("0-18")); // "folkmängd 0–18 år"
 * ```
 */
export function keyLabel(key: PopulationKey): string {
  const p = parseKey(key);
  return p.kind === "total" ? "folkmängd" : `folkmängd ${p.from}–${p.to === TOP_AGE ? "100+" : p.to} år`;
}

function entries<T>(x: ByCode<T> | undefined): [string, T][] {
  if (x === undefined) return [];
  return x instanceof Map ? [...x] : Object.entries(x as Record<string, T>);
}

function toCount(v: Count, where: ErrorLocation): bigint {
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
  else return raise("POPULATION_BAD_COUNT", "not-whole", { value: String(v) }, { ...where, value: String(v) });
  if (n < 0n) return raise("POPULATION_BAD_COUNT", "negative", { value: String(v) }, { ...where, value: String(v) });
  if (n > MAX_COUNT) return raise("POPULATION_BAD_COUNT", "too-large", { value: String(v), limit: String(MAX_COUNT) }, { ...where, value: String(v) });
  return n;
}

function checkDate(date: string, file?: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) {
    raise("POPULATION_FORMAT", "bad-date", { date }, { file, value: date });
  }
}

function ageVector(vector: AgeVector, label: string, file: string | undefined): (bigint | undefined)[] {
  if (!Array.isArray(vector) || vector.length > TOP_AGE + 1) {
    raise("POPULATION_FORMAT", "too-many-ages", { label, count: Array.isArray(vector) ? vector.length : 0 }, { file, value: label });
  }
  return Array.from({ length: TOP_AGE + 1 }, (_, age) => {
    const v = vector[age];
    return v === undefined || v === null ? undefined : toCount(v, { file, path: `ages.${label}[${age}]` });
  });
}

function sourceTitle(d: Pick<PopulationDataset, "sources">): string {
  return d.sources.map((s) => s.title).join(" + ") || "(utan källa)";
}

/**
 * Builds a validated dataset.
 *
 * @throws PopulationError on an unknown municipality or county code, a negative, non-integer or
 *   impossibly large count (over {@link MAX_COUNT}), a bad key or date, a key given twice, an age
 *   vector that is not at most 101 classes, or (before 2025, see {@link NOISE_FROM}) a total that
 *   disagrees with its parts.
 * @example
 * ```ts
 * const pop = createPopulation({
 *   referenceDate: "2024-11-01",
 *   counts: { "0-18": { "2080": 13093 } },
 *   nationalTotals: { "0-18": 2265405 },
 *   sources: [{ title: "Falun, 0–18 år" }],
 * });
 * ```
 */
export function createPopulation(input: PopulationInput): PopulationDataset {
  if (typeof input !== "object" || input === null || typeof input.referenceDate !== "string") {
    raise("POPULATION_FORMAT", "bad-date", { date: String((input as { referenceDate?: unknown } | null)?.referenceDate) });
  }
  const file = input.file;
  checkDate(input.referenceDate, file);
  const keyed = (raw: ByCode<ByCode<Count>> | undefined, isCode: (c: string) => boolean, kind: "municipality" | "county") => {
    const out = new Map<PopulationKey, Map<string, bigint>>();
    for (const [rawKey, byCode] of entries(raw)) {
      const key = normalizeKey(rawKey, { file });
      if (out.has(key)) raise("POPULATION_DUPLICATE", "key-twice", { key }, { file, value: rawKey });
      const m = new Map<string, bigint>();
      for (const [code, v] of entries(byCode)) {
        if (!isCode(code)) raise("POPULATION_UNKNOWN_CODE", kind, { code }, { file, value: code });
        m.set(code, toCount(v, { file, path: `${key}.${code}` }));
      }
      out.set(key, m);
    }
    return out;
  };
  const counts = keyed(input.counts, isMunicipalityCode, "municipality");
  const countyCounts = keyed(input.countyCounts, isCountyCode, "county");
  const ages = new Map<string, (bigint | undefined)[]>();
  for (const [code, vector] of entries(input.ages)) {
    if (!isMunicipalityCode(code)) raise("POPULATION_UNKNOWN_CODE", "municipality", { code }, { file, value: code });
    ages.set(code, ageVector(vector, code, file));
  }
  const countyAges = new Map<string, (bigint | undefined)[]>();
  for (const [code, vector] of entries(input.countyAges)) {
    if (!isCountyCode(code)) raise("POPULATION_UNKNOWN_CODE", "county", { code }, { file, value: code });
    countyAges.set(code, ageVector(vector, code, file));
  }
  const nationalTotals = new Map<PopulationKey, bigint>();
  for (const [rawKey, v] of entries(input.nationalTotals)) {
    const key = normalizeKey(rawKey, { file });
    if (nationalTotals.has(key)) raise("POPULATION_DUPLICATE", "key-twice", { key }, { file, value: rawKey });
    nationalTotals.set(key, toCount(v, { file, path: `nationalTotals.${rawKey}` }));
  }
  const sources = input.sources ?? [];
  const coverage = coverageOf(counts, countyCounts, ages, countyAges, nationalTotals, input.nationalAges !== undefined);
  const dataset: PopulationDataset = {
    referenceDate: input.referenceDate,
    counts,
    countyCounts,
    ages,
    countyAges,
    nationalTotals,
    sources,
    coverage: sources.map(() => coverage),
    columns: columnsOf(counts, countyCounts, ages, countyAges),
    ...(input.nationalAges ? { nationalAges: ageVector(input.nationalAges, "00", file) } : {}),
  };
  const problems = contradictions(dataset, file);
  if (problems.length > 0) throw errorOf(problems);
  return dataset;
}

function keyedColumns(byKey: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>, codes: readonly string[]): Map<PopulationKey, Float64Array> {
  const out = new Map<PopulationKey, Float64Array>();
  for (const [key, byCode] of byKey) {
    const column = new Float64Array(codes.length).fill(NaN);
    // In position order with the geography's own code strings: one lookup per position.
    for (let i = 0; i < codes.length; i++) {
      const v = byCode.get(codes[i]!);
      if (v !== undefined) column[i] = Number(v);
    }
    out.set(key, column);
  }
  return out;
}

function ageColumns(byCode: ReadonlyMap<string, readonly (bigint | undefined)[]>, codes: readonly string[]): AgeColumns | undefined {
  if (byCode.size === 0) return undefined;
  const width = TOP_AGE + 1;
  const values = new Float64Array(codes.length * width).fill(NaN);
  const present = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const vector = byCode.get(codes[i]!);
    if (!vector) continue;
    present[i] = 1;
    for (let a = 0; a < width; a++) {
      const v = vector[a];
      if (v !== undefined) values[i * width + a] = Number(v);
    }
  }
  return { values, present };
}

function columnsOf(
  counts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>,
  countyCounts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>,
  ages: ReadonlyMap<string, readonly (bigint | undefined)[]>,
  countyAges: ReadonlyMap<string, readonly (bigint | undefined)[]>,
): PopulationColumns {
  return {
    municipal: keyedColumns(counts, MUNICIPALITY_CODES),
    county: keyedColumns(countyCounts, COUNTY_CODES),
    ages: ageColumns(ages, MUNICIPALITY_CODES),
    countyAges: ageColumns(countyAges, COUNTY_CODES),
  };
}

function coverageOf(
  counts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>,
  countyCounts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>,
  ages: ReadonlyMap<string, unknown>,
  countyAges: ReadonlyMap<string, unknown>,
  nationalTotals: ReadonlyMap<PopulationKey, bigint>,
  nationalAges: boolean,
): SourceCoverage {
  const keys = new Map<PopulationKey, Set<string>>();
  const add = (key: PopulationKey, code: string) => {
    let s = keys.get(key);
    if (!s) keys.set(key, (s = new Set()));
    s.add(code);
  };
  for (const [key, m] of counts) for (const code of m.keys()) add(key, code);
  for (const [key, m] of countyCounts) for (const code of m.keys()) add(key, code);
  for (const key of nationalTotals.keys()) add(key, "00");
  const ageCodes = new Set<string>([...ages.keys(), ...countyAges.keys()]);
  if (nationalAges) ageCodes.add("00");
  return { keys, ages: ageCodes };
}

/**
 * Totals that disagree with their parts, before SCB's noise ({@link NOISE_FROM}): a county count
 * against its municipalities, a directly given key against the single-year ages it sums.
 */
function contradictions(d: PopulationDataset, file: string | undefined): Issue[] {
  if (d.referenceDate >= NOISE_FROM) return [];
  const out: Issue[] = [];
  for (const [key, byCounty] of d.countyCounts) {
    const municipal = d.counts.get(key);
    for (const [county, given] of byCounty) {
      let sum = 0n;
      let complete = true;
      for (const m of getCounty(county).municipalityCodes) {
        const v = municipal?.get(m) ?? fromAges(d.ages.get(m), key);
        if (v === undefined) {
          complete = false;
          break;
        }
        sum += v;
      }
      if (complete && sum !== given) {
        out.push(issue("POPULATION_TOTAL_MISMATCH", "county-sum", { key, county, name: getCounty(county).name, summed: String(sum), given: String(given) }, { file, value: String(given) }));
      }
    }
  }
  // A national total against complete municipal or county counts (or more than it from some).
  for (const [key, declared] of d.nationalTotals) {
    const k = keyCounts(d, key);
    const national = Number(declared);
    const complete = k.municipalKnown === MUNICIPALITY_CODES.length;
    if (k.municipalKnown > 0 && (complete ? k.municipalSum !== national : k.municipalSum > national)) {
      out.push(issue("POPULATION_TOTAL_MISMATCH", "sum-vs-national", { key, level: "municipality", summed: String(k.municipalSum), declared: String(declared), complete }, { file, value: String(declared) }));
    }
    const given = d.columns.county.get(key);
    if (given) {
      let known = 0;
      let sum = 0;
      for (let c = 0; c < given.length; c++) {
        const v = given[c]!;
        if (v === v) {
          known++;
          sum += v;
        }
      }
      const all = known === COUNTY_CODES.length;
      if (known > 0 && (all ? sum !== national : sum > national)) {
        out.push(issue("POPULATION_TOTAL_MISMATCH", "sum-vs-national", { key, level: "county", summed: String(sum), declared: String(declared), complete: all }, { file, value: String(declared) }));
      }
    }
  }
  for (const [key, byCode] of [...d.counts, ...d.countyCounts]) {
    for (const [code, given] of byCode) {
      const vector = code.length === 4 ? d.ages.get(code) : d.countyAges.get(code);
      const summed = fromAges(vector, key);
      if (summed !== undefined && summed !== given) {
        out.push(issue("POPULATION_TOTAL_MISMATCH", "key-vs-ages", { key, code, given: String(given), summed: String(summed) }, { file, value: String(given) }));
      }
    }
  }
  return out;
}

function fromAges(vector: readonly (bigint | undefined)[] | undefined, key: PopulationKey): bigint | undefined {
  if (!vector) return undefined;
  const p = parseKey(key);
  const sum = sumAges(vector, p.kind === "total" ? 0 : p.from, p.kind === "total" ? TOP_AGE : p.to);
  return typeof sum === "bigint" ? sum : undefined;
}

/**
 * Combines datasets of one reference date into one: the documented way to add population from
 * several sources (the bundled totals and a 0–18 file, a municipal and a county file). Keys and
 * recipients from different sources join; the same count from two sources must agree.
 *
 * @throws PopulationError `POPULATION_DATE_MISMATCH` when the dates differ, naming both sources;
 *   `POPULATION_DUPLICATE` when two sources give different counts for one key and recipient,
 *   naming both sources, the recipient and both counts; `POPULATION_TOTAL_MISMATCH` when a total
 *   from one source disagrees with its parts from another (before 2025).
 * @example
 * ```ts
 * const both = mergePopulations(loadBundledPopulation("2024-11-01"), loadPopulationFile("0-18.csv"));
 * ```
 */
export function mergePopulations(...datasets: PopulationDataset[]): PopulationDataset {
  const first = datasets[0];
  if (!first) return raise("POPULATION_FORMAT", "nothing-to-merge", {});
  if (datasets.length === 1) return first;
  const counts = new Map<PopulationKey, Map<string, bigint>>();
  const countyCounts = new Map<PopulationKey, Map<string, bigint>>();
  const ages = new Map<string, (bigint | undefined)[]>();
  const countyAges = new Map<string, (bigint | undefined)[]>();
  let nationalAges: (bigint | undefined)[] | undefined;
  const nationalTotals = new Map<PopulationKey, bigint>();
  const sources: PopulationSource[] = [];
  const coverage: SourceCoverage[] = [];
  // Who supplied what so far, to name both sides of a disagreement.
  const owner = new Map<string, string>();
  const mergeKeyed = (target: Map<PopulationKey, Map<string, bigint>>, from: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>, title: string, tag: string) => {
    for (const [key, byCode] of from) {
      let t = target.get(key);
      if (!t) target.set(key, (t = new Map()));
      for (const [code, v] of byCode) {
        const prev = t.get(code);
        const who = `${tag}|${key}|${code}`;
        if (prev !== undefined && prev !== v) {
          const name = (code.length === 4 ? getRecipient("municipality", code) : getRecipient("county", code))?.name ?? code;
          raise("POPULATION_DUPLICATE", "merge-count", { code, name, key, first: String(prev), second: String(v), firstSource: owner.get(who)!, secondSource: title }, { value: code });
        }
        if (prev === undefined) owner.set(who, title);
        t.set(code, v);
      }
    }
  };
  const mergeAges = (target: Map<string, (bigint | undefined)[]>, from: ReadonlyMap<string, readonly (bigint | undefined)[]>, title: string, tag: string) => {
    for (const [code, v] of from) {
      const prev = target.get(code);
      if (!prev) {
        target.set(code, [...v]);
        owner.set(`${tag}|${code}`, title);
        continue;
      }
      for (let age = 0; age <= TOP_AGE; age++) {
        const a: bigint | undefined = prev[age];
        const b: bigint | undefined = v[age];
        if (a !== undefined && b !== undefined && a !== b) {
          const name = (code.length === 4 ? getRecipient("municipality", code) : getRecipient("county", code))?.name ?? code;
          const label = age === TOP_AGE ? "100+ år" : `${age} år`;
          raise("POPULATION_DUPLICATE", "merge-count", { code, name, key: label, first: String(a), second: String(b), firstSource: owner.get(`${tag}|${code}`)!, secondSource: title }, { value: code });
        }
        if (a === undefined && b !== undefined) prev[age] = b;
      }
    }
  };
  for (const d of datasets) {
    const title = sourceTitle(d);
    if (d.referenceDate !== first.referenceDate) {
      raise("POPULATION_DATE_MISMATCH", "merge", { first: first.referenceDate, second: d.referenceDate, firstSource: sourceTitle(first), secondSource: title }, { value: d.referenceDate });
    }
    mergeKeyed(counts, d.counts, title, "m");
    mergeKeyed(countyCounts, d.countyCounts, title, "c");
    mergeAges(ages, d.ages, title, "a");
    mergeAges(countyAges, d.countyAges, title, "ca");
    for (const [key, v] of d.nationalTotals) {
      const prev = nationalTotals.get(key);
      if (prev !== undefined && prev !== v) {
        raise("POPULATION_DUPLICATE", "merge-national", { key, first: String(prev), second: String(v), firstSource: owner.get(`n|${key}`)!, secondSource: title }, { value: key });
      }
      if (prev === undefined) owner.set(`n|${key}`, title);
      nationalTotals.set(key, v);
    }
    if (d.nationalAges) {
      if (!nationalAges) {
        nationalAges = [...d.nationalAges];
        owner.set("na", title);
      } else {
        for (let age = 0; age <= TOP_AGE; age++) {
          const a: bigint | undefined = nationalAges[age];
          const b: bigint | undefined = d.nationalAges[age];
          if (a !== undefined && b !== undefined && a !== b) {
            raise("POPULATION_DUPLICATE", "merge-national", { key: age === TOP_AGE ? "100+ år" : `${age} år`, first: String(a), second: String(b), firstSource: owner.get("na")!, secondSource: title }, { value: "00" });
          }
          if (a === undefined && b !== undefined) nationalAges[age] = b;
        }
      }
    }
    sources.push(...d.sources);
    coverage.push(...d.coverage);
  }
  const dataset: PopulationDataset = {
    referenceDate: first.referenceDate,
    counts,
    countyCounts,
    ages,
    countyAges,
    nationalTotals,
    sources,
    coverage,
    columns: columnsOf(counts, countyCounts, ages, countyAges),
    ...(nationalAges ? { nationalAges } : {}),
  };
  const problems = contradictions(dataset, undefined);
  if (problems.length > 0) throw errorOf(problems);
  return dataset;
}

/** Why a key cannot be used at a level: data, rendered in words at the edge. */
export type KeyUnavailableReason =
  /** The dataset has no counts for the key at all. */
  | { kind: "no-key" }
  /** Single-year ages that do not cover the band (the first recipient and age class found). */
  | { kind: "ages-uncovered"; code: string; age: number }
  /** Counts for some recipients only, and no national total to share by. */
  | { kind: "partial-without-national"; have: number; of: number };

/**
 * The counts of one key by position (municipalities and counties in code order), as far as the
 * dataset has them. Counts are whole numbers of at most {@link MAX_COUNT} and their sums at most
 * 290 times that, so a double holds every one exactly; `NaN` marks an unknown count.
 */
export interface KeyCounts {
  readonly key: PopulationKey;
  /** Count per municipality position; NaN where unknown. */
  readonly municipal: ArrayLike<number>;
  /** Count per county position: given, or summed from the county's municipalities; NaN where unknown. */
  readonly county: ArrayLike<number>;
  /** How many municipal / county counts are known. */
  readonly municipalKnown: number;
  readonly countyKnown: number;
  /** The sums of the known municipal / county counts. */
  readonly municipalSum: number;
  readonly countySum: number;
  /**
   * The largest known municipal / county count (0 when none): a bound on every product a share
   * forms, which the split kernels would otherwise find in a pass of their own.
   */
  readonly municipalMax: number;
  readonly countyMax: number;
  /** The national count: declared, or summed over all municipalities or all counties; undefined when neither. */
  readonly national: number | undefined;
  /** Whether `national` was declared by the dataset rather than summed. */
  readonly declared: boolean;
  /** How the counts were obtained. */
  readonly derivation: "given" | "summed from single-year ages";
  /** A declared national total that differs from the sum of complete municipal counts. */
  readonly mismatch?: { declared: bigint; summed: bigint };
  /** Set when the dataset has nothing for the key. */
  readonly unavailable?: KeyUnavailableReason;
}

/**
 * Sums single-year ages from..to (inclusive) of one age vector, or returns the first age class
 * in the band that the data does not cover.
 *
 * @example
 * ```ts
 * sumAges([1n, 2n, 3n], 0, 1); // 3n
 * sumAges([1n, 2n], 0, 5);     // { uncovered: 2 }
 * ```
 */
export function sumAges(vector: readonly (bigint | undefined)[], from: number, to: number): bigint | { uncovered: number } {
  let s = 0n;
  for (let a = from; a <= to; a++) {
    const v = vector[a];
    if (v === undefined) return { uncovered: a };
    s += v;
  }
  return s;
}

/**
 * The counts of a key at both levels, in one pass over the dataset: direct counts, or single-year
 * ages summed; a county is given or the sum of its municipalities.
 *
 * @example
 * ```ts
 * const k = keyCounts(pop, "0-18");
 * k.national; // 2265405
 * k.municipal[municipalityPosition("2080")]; // 13093
 * ```
 */
export function keyCounts(dataset: PopulationDataset, key: string): KeyCounts {
  const k = normalizeKey(key);
  const parsed = canonicalKey(k)!;
  const from = parsed.kind === "total" ? 0 : parsed.from;
  const to = parsed.kind === "total" ? TOP_AGE : parsed.to;
  const cols = dataset.columns;
  let derivation: KeyCounts["derivation"] = "given";
  let uncovered: { code: string; age: number } | undefined;

  // The given column as it is when nothing is to be filled from ages; a copy only to fill it.
  const given = cols.municipal.get(k);
  let filled: Float64Array | undefined;
  const ages = cols.ages;
  if (ages) {
    // In code order, so that the first uncovered recipient reported does not depend on how the input was keyed.
    for (let i = 0; i < MUNICIPALITY_CODES.length; i++) {
      if (!ages.present[i] || (given !== undefined && given[i] === given[i])) continue;
      const sum = bandSum(ages.values, i, from, to);
      if (sum >= 0) {
        filled ??= given ? given.slice() : new Float64Array(MUNICIPALITY_CODES.length).fill(NaN);
        filled[i] = sum;
        derivation = "summed from single-year ages";
      } else uncovered ??= { code: MUNICIPALITY_CODES[i]!, age: -sum - 1 };
    }
  }
  const municipal = filled ?? given ?? NO_MUNICIPAL;
  // One pass over the municipalities, a county's run at a time: every county's sum of its
  // municipalities (NaN when one is unknown), in a plain array for the 21 counties (a typed array
  // costs more to make than this whole pass), and their known count and sum, counted one by one
  // only in a run with an unknown count (complete data has none).
  let municipalKnown = 0;
  let municipalSum = 0;
  let municipalMax = 0;
  const county: number[] = new Array<number>(COUNTY_CODES.length).fill(0);
  for (let c = 0, i = 0; c < county.length; c++) {
    const start = i;
    const end = COUNTY_MUNICIPALITY_END[c]!;
    let s = 0;
    for (; i < end; i++) {
      const v = municipal[i]!;
      s += v;
      // False for NaN: an unknown count bounds nothing.
      if (v > municipalMax) municipalMax = v;
    }
    county[c] = s;
    if (s === s) {
      municipalKnown += end - start;
      municipalSum += s;
    } else {
      for (let j = start; j < end; j++) {
        const v = municipal[j]!;
        if (v === v) {
          municipalKnown++;
          municipalSum += v;
        }
      }
    }
  }
  // A county's own count comes first, then its single-year ages, then the sum of its municipalities.
  const givenCounty = cols.county.get(k);
  const countyAges = cols.countyAges;
  let countyKnown = 0;
  let countySum = 0;
  let countyMax = 0;
  for (let c = 0; c < county.length; c++) {
    const given = givenCounty ? givenCounty[c]! : NaN;
    if (given === given) county[c] = given;
    else if (countyAges?.present[c]) {
      const sum = bandSum(countyAges.values, c, from, to);
      if (sum >= 0) {
        county[c] = sum;
        derivation = "summed from single-year ages";
      } else {
        uncovered ??= { code: COUNTY_CODES[c]!, age: -sum - 1 };
        if (MUNICIPALITIES_OF_COUNTY[c]!.length === 0) county[c] = NaN;
      }
    } else if (MUNICIPALITIES_OF_COUNTY[c]!.length === 0) county[c] = NaN;
    const v = county[c]!;
    if (v === v) {
      countyKnown++;
      countySum += v;
      if (v > countyMax) countyMax = v;
    }
  }
  let declaredTotal = dataset.nationalTotals.get(k);
  if (declaredTotal === undefined && dataset.nationalAges) {
    const national = sumAges(dataset.nationalAges, from, to);
    if (typeof national === "bigint") declaredTotal = national;
  }
  const summed = municipalKnown === municipal.length ? municipalSum : countyKnown === county.length ? countySum : undefined;
  const out: { -readonly [P in keyof KeyCounts]: KeyCounts[P] } = {
    key: k,
    municipal,
    county,
    municipalKnown,
    countyKnown,
    municipalSum,
    countySum,
    municipalMax,
    countyMax,
    national: declaredTotal !== undefined ? Number(declaredTotal) : summed,
    declared: declaredTotal !== undefined,
    derivation,
  };
  if (declaredTotal !== undefined && summed !== undefined && BigInt(summed) !== declaredTotal) out.mismatch = { declared: declaredTotal, summed: BigInt(summed) };
  if (municipalKnown === 0 && countyKnown === 0) out.unavailable = uncovered ? { kind: "ages-uncovered", ...uncovered } : { kind: "no-key" };
  return out;
}

const NO_MUNICIPAL = new Float64Array(MUNICIPALITY_CODES.length).fill(NaN);

/** The band's sum for row `i`, or −(first uncovered age + 1). */
function bandSum(values: Float64Array, i: number, from: number, to: number): number {
  const row = i * (TOP_AGE + 1);
  let s = 0;
  for (let a = from; a <= to; a++) {
    const v = values[row + a]!;
    if (v !== v) return -a - 1;
    s += v;
  }
  return s;
}

/**
 * Counts per recipient at a level, as bigints by code (counties and regions: given or summed).
 *
 * @example
 * ```ts
 * levelCounts(keyCounts(pop, "total"), "region").get("20"); // 286368n on 1 Nov 2024
 * ```
 */
export function levelCounts(counts: KeyCounts, level: Level): Map<string, bigint> {
  const out = new Map<string, bigint>();
  if (level === "skr") return out;
  const [column, codes] = level === "municipality" ? [counts.municipal, MUNICIPALITY_CODES] : [counts.county, COUNTY_CODES];
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v === v) out.set(codes[i]!, BigInt(v));
  }
  return out;
}

/**
 * The keys a dataset can serve directly or from single-year ages (`total` when it has ages).
 *
 * @example
 * ```ts
 * availableKeys(loadBundledPopulation("2024-11-01")); // ["total", "0-18"]
 * ```
 */
export function availableKeys(dataset: PopulationDataset): PopulationKey[] {
  const keys = new Set<PopulationKey>([...dataset.counts.keys(), ...dataset.countyCounts.keys()]);
  if (dataset.ages.size > 0 || dataset.countyAges.size > 0) keys.add("total" as PopulationKey);
  return [...keys];
}

/**
 * The sources an amount at a level used for a key: those supplying the recipient's count (for a
 * county or region, the county's count or its municipalities') or its single-year ages. A derived
 * source is left out where an official one supplies the same.
 *
 * @example
 * ```ts
 * sourcesUsed(pop, "0-18", "municipality", "2080"); // [the derived Dalarna 0–18 source]
 * sourcesUsed(pop, "0-18", "municipality", "2505"); // []
 * ```
 */
export function sourcesUsed(dataset: Pick<PopulationDataset, "sources" | "coverage">, key: string, level: Level, code: string): PopulationSource[] {
  if (level === "skr") return [];
  const k = normalizeKey(key);
  const codes = level === "municipality" ? [code] : [code, ...(getRecipient("county", code) ? getCounty(code).municipalityCodes : [])];
  const used: PopulationSource[] = [];
  dataset.sources.forEach((s, i) => {
    const cov = dataset.coverage[i];
    if (!cov) return;
    const byKey = cov.keys.get(k);
    if (codes.some((c) => byKey?.has(c) || cov.ages.has(c))) used.push(s);
  });
  return used.some((s) => !s.derived) ? used.filter((s) => !s.derived) : used;
}
