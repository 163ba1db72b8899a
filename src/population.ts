/**
 * Population datasets: a reference date plus counts per municipality for one or more keys.
 *
 * A key is `total` or an inclusive age band such as `0-18` (ages 0 to 18, nineteen one-year
 * classes; `100` stands for SCB's open top class `100+`). Bands are summed from single-year ages
 * when the dataset has them. County and region counts are sums of their municipalities.
 *
 * A dataset may be **partial** for a key: counts for only some municipalities plus a declared
 * national total. Recipients with counts then get exact amounts; the rest are reported missing.
 */
import { PopulationError, type ErrorLocation } from "./errors.js";
import { allCounties, allMunicipalities, getRecipient, isMunicipalityCode, type Level } from "./geography/index.js";

/** `total`, or an inclusive age band `FROM-TO` with 0 ≤ FROM ≤ TO ≤ 100. */
export type PopulationKey = string;

/** The highest single-year age class; SCB's `100+ år`. */
export const TOP_AGE = 100;

/** Where a dataset's numbers come from. Carried into every allocation that uses them. */
export interface PopulationSource {
  /** Short label, e.g. `SCB FolkmangdNov 2024` or a file name. */
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

/** An immutable population dataset. Build one with {@link createPopulation}. */
export interface PopulationDataset {
  /** ISO date `YYYY-MM-DD` the counts refer to. */
  readonly referenceDate: string;
  /** Counts given directly per key, by municipality code. */
  readonly counts: ReadonlyMap<PopulationKey, ReadonlyMap<string, bigint>>;
  /**
   * Single-year ages per municipality code (index = age, 0…100 where 100 is 100+), when the
   * dataset has them. An age class the data does not cover is `undefined`.
   */
  readonly ages: ReadonlyMap<string, readonly (bigint | undefined)[]>;
  /** Declared national single-year counts (same indexing), for partial single-age data. */
  readonly nationalAges?: readonly (bigint | undefined)[];
  /** Declared national totals per key (the denominator for partial data). */
  readonly nationalTotals: ReadonlyMap<PopulationKey, bigint>;
  readonly sources: readonly PopulationSource[];
}

/** Plain input for {@link createPopulation}; counts may be numbers (safe integers) or bigints. */
export interface PopulationInput {
  referenceDate: string;
  counts?: Record<PopulationKey, Record<string, number | bigint>>;
  ages?: Record<string, ReadonlyArray<number | bigint | null | undefined>>;
  nationalAges?: ReadonlyArray<number | bigint | null | undefined>;
  nationalTotals?: Record<PopulationKey, number | bigint>;
  sources?: PopulationSource[];
  /** Where the input came from, for error messages. */
  file?: string;
}

/** Parsed form of a key. */
export type ParsedKey = { kind: "total" } | { kind: "ages"; from: number; to: number };

/**
 * Parses a key: `total`, or `FROM-TO` with inclusive ages (en dash accepted).
 *
 * @throws PopulationError `POPULATION_FORMAT` for anything else.
 * @example
 * ```ts
 * parseKey("0-18"); // { kind: "ages", from: 0, to: 18 }
 * ```
 */
export function parseKey(key: string, where: ErrorLocation = {}): ParsedKey {
  const k = key.trim().toLowerCase();
  if (k === "total") return { kind: "total" };
  const m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(k);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from <= to && to <= TOP_AGE) return { kind: "ages", from, to };
  }
  throw new PopulationError(
    "POPULATION_FORMAT",
    `"${key}" is not a population key: use "total" or an inclusive age band such as "0-18" (ages 0 to ${TOP_AGE})`,
    { ...where, value: key },
  );
}

/** The canonical spelling of a key: `total` or `0-18`. */
export function normalizeKey(key: string, where: ErrorLocation = {}): PopulationKey {
  const p = parseKey(key, where);
  return p.kind === "total" ? "total" : `${p.from}-${p.to}`;
}

/** A Swedish label for a key: `folkmängd` or `folkmängd 0–18 år`. */
export function keyLabel(key: PopulationKey): string {
  const p = parseKey(key);
  return p.kind === "total" ? "folkmängd" : `folkmängd ${p.from}–${p.to === TOP_AGE ? "100+" : p.to} år`;
}

function toCount(v: number | bigint, where: ErrorLocation): bigint {
  if (typeof v === "bigint") {
    if (v < 0n) throw new PopulationError("POPULATION_BAD_COUNT", `a count cannot be negative: ${v}`, { ...where, value: String(v) });
    return v;
  }
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new PopulationError("POPULATION_BAD_COUNT", `a count must be a whole number of persons, not ${v}`, { ...where, value: String(v) });
  }
  return BigInt(v);
}

function checkDate(date: string, file?: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) {
    throw new PopulationError("POPULATION_FORMAT", `reference date "${date}" is not a date YYYY-MM-DD`, { file, value: date });
  }
}

function checkCode(code: string, where: ErrorLocation): void {
  if (!isMunicipalityCode(code)) {
    throw new PopulationError("POPULATION_UNKNOWN_CODE", `"${code}" is not one of the 290 municipality codes`, { ...where, value: code });
  }
}

/**
 * Builds a validated dataset.
 *
 * @throws PopulationError on an unknown municipality code, a negative or non-integer count, a bad
 *   key or date, or an age vector that is not 101 classes (0…99 and 100+).
 * @example
 * ```ts
 * const pop = createPopulation({
 *   referenceDate: "2024-11-01",
 *   counts: { "0-18": { "2080": 13093 } },
 *   nationalTotals: { "0-18": 2265405 },
 * });
 * ```
 */
export function createPopulation(input: PopulationInput): PopulationDataset {
  const file = input.file;
  checkDate(input.referenceDate, file);
  const counts = new Map<PopulationKey, Map<string, bigint>>();
  for (const [rawKey, byCode] of Object.entries(input.counts ?? {})) {
    const key = normalizeKey(rawKey);
    if (counts.has(key)) throw new PopulationError("POPULATION_DUPLICATE", `key "${key}" is given twice`, { file, value: rawKey });
    const m = new Map<string, bigint>();
    for (const [code, v] of Object.entries(byCode)) {
      checkCode(code, { file });
      m.set(code, toCount(v, { file, path: `${key}.${code}` }));
    }
    counts.set(key, m);
  }
  const ageVector = (vector: ReadonlyArray<number | bigint | null | undefined>, label: string): (bigint | undefined)[] => {
    if (vector.length > TOP_AGE + 1) {
      throw new PopulationError("POPULATION_FORMAT", `${label} has ${vector.length} age classes; at most 0–99 and 100+ (${TOP_AGE + 1})`, {
        file,
        value: label,
      });
    }
    return Array.from({ length: TOP_AGE + 1 }, (_, age) => {
      const v = vector[age];
      return v === undefined || v === null ? undefined : toCount(v, { file, path: `ages.${label}[${age}]` });
    });
  };
  const ages = new Map<string, (bigint | undefined)[]>();
  for (const [code, vector] of Object.entries(input.ages ?? {})) {
    checkCode(code, { file });
    ages.set(code, ageVector(vector, code));
  }
  const nationalTotals = new Map<PopulationKey, bigint>();
  for (const [rawKey, v] of Object.entries(input.nationalTotals ?? {})) {
    nationalTotals.set(normalizeKey(rawKey), toCount(v, { file, path: `nationalTotals.${rawKey}` }));
  }
  const out: PopulationDataset = { referenceDate: input.referenceDate, counts, ages, nationalTotals, sources: input.sources ?? [] };
  return input.nationalAges ? { ...out, nationalAges: ageVector(input.nationalAges, "00") } : out;
}

/**
 * Combines datasets for the same reference date, e.g. official totals plus a band from elsewhere.
 *
 * @throws PopulationError `POPULATION_DATE_MISMATCH` when the dates differ, `POPULATION_DUPLICATE`
 *   when both give a different count for the same key and municipality.
 * @example
 * ```ts
 * const both = mergePopulations(totals, dalarna0to18);
 * ```
 */
export function mergePopulations(...datasets: PopulationDataset[]): PopulationDataset {
  const first = datasets[0];
  if (!first) throw new PopulationError("POPULATION_FORMAT", "nothing to merge");
  const counts = new Map<PopulationKey, Map<string, bigint>>();
  const ages = new Map<string, readonly (bigint | undefined)[]>();
  let nationalAges: readonly (bigint | undefined)[] | undefined;
  const nationalTotals = new Map<PopulationKey, bigint>();
  const sources: PopulationSource[] = [];
  for (const d of datasets) {
    if (d.referenceDate !== first.referenceDate) {
      throw new PopulationError(
        "POPULATION_DATE_MISMATCH",
        `cannot merge population for ${d.referenceDate} with population for ${first.referenceDate}`,
        { value: d.referenceDate },
      );
    }
    for (const [key, byCode] of d.counts) {
      const target = counts.get(key) ?? new Map<string, bigint>();
      for (const [code, v] of byCode) {
        const prev = target.get(code);
        if (prev !== undefined && prev !== v) {
          throw new PopulationError("POPULATION_DUPLICATE", `two counts for ${code}, key ${key}: ${prev} and ${v}`, { value: code });
        }
        target.set(code, v);
      }
      counts.set(key, target);
    }
    for (const [code, v] of d.ages) {
      const prev = ages.get(code);
      if (prev && prev.some((x, i) => x !== v[i])) {
        throw new PopulationError("POPULATION_DUPLICATE", `two different age profiles for ${code}`, { value: code });
      }
      ages.set(code, v);
    }
    for (const [key, v] of d.nationalTotals) {
      const prev = nationalTotals.get(key);
      if (prev !== undefined && prev !== v) {
        throw new PopulationError("POPULATION_DUPLICATE", `two national totals for ${key}: ${prev} and ${v}`, { value: key });
      }
      nationalTotals.set(key, v);
    }
    if (d.nationalAges) {
      if (nationalAges && nationalAges.some((x, i) => x !== d.nationalAges![i])) {
        throw new PopulationError("POPULATION_DUPLICATE", "two different national age profiles", { value: "00" });
      }
      nationalAges = d.nationalAges;
    }
    sources.push(...d.sources);
  }
  const out: PopulationDataset = { referenceDate: first.referenceDate, counts, ages, nationalTotals, sources };
  return nationalAges ? { ...out, nationalAges } : out;
}

/** The counts of one key, as far as the dataset has them. */
export interface KeyCounts {
  key: PopulationKey;
  /** Counts per municipality code, for the municipalities that have one. */
  byMunicipality: ReadonlyMap<string, bigint>;
  /** Municipality codes without a count, in code order. */
  missing: readonly string[];
  /** The national count: declared, or the sum over all 290 municipalities. */
  national: bigint;
  /** Whether `national` was declared by the dataset rather than summed. */
  declared: boolean;
  /** How the counts were obtained. */
  derivation: "given" | "summed from single-year ages";
  /** A declared national total that differs from the sum of complete municipal counts. */
  mismatch?: { declared: bigint; summed: bigint };
}

/** Why a key cannot be used at all. */
export interface KeyUnavailable {
  key: PopulationKey;
  reason: string;
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
 * The counts of a key per municipality, from direct counts or summed from single-year ages.
 * Returns a reason instead when the key cannot be used: no data for it, or partial data without
 * a declared national total (which would silently shrink the denominator).
 *
 * @example
 * ```ts
 * const k = keyCounts(pop, "0-18");
 * if ("reason" in k) console.log(k.reason); else console.log(k.national); // 2265405n
 * ```
 */
export function keyCounts(dataset: PopulationDataset, key: PopulationKey): KeyCounts | KeyUnavailable {
  const k = normalizeKey(key);
  const parsed = parseKey(k);
  let byMunicipality: Map<string, bigint> | undefined;
  let derivation: KeyCounts["derivation"] = "given";
  let declaredFromAges: bigint | undefined;
  const given = dataset.counts.get(k);
  if (given) {
    byMunicipality = new Map(given);
  } else if (dataset.ages.size > 0) {
    const [from, to] = parsed.kind === "total" ? [0, TOP_AGE] : [parsed.from, parsed.to];
    byMunicipality = new Map();
    for (const [code, vector] of dataset.ages) {
      const sum = sumAges(vector, from, to);
      if (typeof sum !== "bigint") {
        const label = sum.uncovered === TOP_AGE ? "100+" : String(sum.uncovered);
        return { key: k, reason: `åldersdata för kommun ${code} täcker inte ${label} år, som ${keyLabel(k)} kräver` };
      }
      byMunicipality.set(code, sum);
    }
    derivation = "summed from single-year ages";
    if (dataset.nationalAges && !dataset.nationalTotals.has(k)) {
      const national = sumAges(dataset.nationalAges, from, to);
      if (typeof national === "bigint") declaredFromAges = national;
    }
  }
  if (!byMunicipality || byMunicipality.size === 0) {
    return { key: k, reason: `befolkningsdata saknar nyckeln ${keyLabel(k)}` };
  }
  const missing = allMunicipalities()
    .map((m) => m.code)
    .filter((c) => !byMunicipality.has(c));
  let summed = 0n;
  for (const v of byMunicipality.values()) summed += v;
  const declaredTotal = dataset.nationalTotals.get(k) ?? declaredFromAges;
  if (missing.length > 0) {
    if (declaredTotal === undefined) {
      return {
        key: k,
        reason: `${keyLabel(k)} finns för ${byMunicipality.size} av 290 kommuner och riket saknas, så andelarna kan inte beräknas`,
      };
    }
    if (summed > declaredTotal) {
      throw new PopulationError(
        "POPULATION_TOTAL_MISMATCH",
        `the municipal counts for ${k} sum to ${summed}, more than the declared national total ${declaredTotal}`,
        { value: String(declaredTotal) },
      );
    }
    return { key: k, byMunicipality, missing, national: declaredTotal, declared: true, derivation };
  }
  const out: KeyCounts = {
    key: k,
    byMunicipality,
    missing,
    national: declaredTotal ?? summed,
    declared: declaredTotal !== undefined,
    derivation,
  };
  if (declaredTotal !== undefined && declaredTotal !== summed) out.mismatch = { declared: declaredTotal, summed };
  return out;
}

/**
 * Counts per recipient at a level: municipalities as they are; counties and regions as the sum of
 * their municipalities (a county with any municipality missing is itself missing).
 *
 * @example
 * ```ts
 * const k = keyCounts(pop, "total");
 * if (!("reason" in k)) levelCounts(k, "region").get("20"); // 286368n on 1 Nov 2024
 * ```
 */
export function levelCounts(counts: KeyCounts, level: Level): Map<string, bigint> {
  if (level === "municipality") return new Map(counts.byMunicipality);
  if (level === "skr") return new Map();
  const out = new Map<string, bigint>();
  for (const county of allCounties()) {
    let sum = 0n;
    let complete = true;
    for (const code of county.municipalityCodes) {
      const v = counts.byMunicipality.get(code);
      if (v === undefined) {
        complete = false;
        break;
      }
      sum += v;
    }
    if (complete && getRecipient(level, county.code)) out.set(county.code, sum);
  }
  return out;
}

/** The keys a dataset can serve directly or from single-year ages (bands only when ages exist). */
export function availableKeys(dataset: PopulationDataset): PopulationKey[] {
  const keys = [...dataset.counts.keys()];
  if (dataset.ages.size > 0 && !keys.includes("total")) keys.push("total");
  return keys;
}
