/**
 * What SCB's population tables have in common, whatever the file format: region, age, sex and
 * marital-status codes and labels, SCB's missing-value symbols, the reference-date rule, and the
 * step from SCB's cells to a {@link PopulationDataset}. The CSV and JSON-stat2 readers turn their
 * input into {@link ScbCell}s and hand them to {@link buildScbPopulation}.
 *
 * Reference-date rule (one rule for every SCB file):
 * 1. A month period `2024M10` means the last day of that month (2024-10-31): SCB's monthly
 *    population is the stock on the month's last day.
 * 2. A year period `2024` (or no period) takes its day and month from the table title or label,
 *    e.g. "Folkmängden den 1 november …" → 2024-11-01, "… 31 december …" → 2024-12-31, or from the
 *    table id when the file names it (TAB1267 → 1 November, TAB638 → 31 December).
 * 3. Otherwise the caller's `referenceDate` (`--population-date` on the command line).
 * When the caller gives a date and the file gives another, that is an error naming both; when
 * neither gives one, a `POPULATION_DATE_UNKNOWN` error says how to give it.
 *
 * Pure: no files, no network.
 */
import { raise, type ErrorLocation } from "../errors.js";
import { allMunicipalities, getRecipient, isCountyCode, isMunicipalityCode } from "../geography/index.js";
import { createPopulation, MAX_COUNT, NOISE_FROM, TOP_AGE, type PopulationDataset, type PopulationSource } from "../population.js";
import { keyAgeClasses, scbSource } from "./scb-build.js";

/** A count, or one of SCB's missing-value symbols (`..` one to six dots). */
export type CellValue = { kind: "count"; n: bigint } | { kind: "missing"; symbol: string };

/** One number from an SCB table, with its coordinates and where it was read. */
export interface ScbCell {
  /** Region code as SCB writes it: `00`, `20`, `2080`. */
  region: string;
  /** Single-year age (100 = 100+), or `total` for "totalt ålder" (or a table without age). */
  age: number | "total";
  /** `total` when the table has no sex variable or this is the total row. */
  sex: "total" | "men" | "women";
  /** `total`, or the label of one marital status (summed with the others). */
  marital: string;
  /** Period code as written (`2024`, `2024M10`), or `""` when the file has none. */
  period: string;
  value: CellValue;
  where: ErrorLocation;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Day and month SCB's population tables refer to, by table id (SCB: TAB1267 Folkmängden den 1 november, TAB638 BefolkningNy). */
export const TABLE_DAY_MONTH: Readonly<Record<string, string>> = { TAB1267: "11-01", TAB638: "12-31" };

/**
 * Reads a region value: `2080 Falun`, `2080 - Falun`, `2080`, `20 Dalarnas län`, `00 Riket`, `Riket`.
 *
 * @throws PopulationError `POPULATION_UNKNOWN_CODE` when the value carries no code (or a code
 *   whose leading zero was lost, as Excel does with `0114` → `114`).
 * @example
 * ```ts
 * parseRegionCode("2080 Falun", {}); // "2080"
 * ```
 */
export function parseRegionCode(raw: string, where: ErrorLocation): string {
  const v = raw.trim();
  const m = /^(\d+)(?:\s*[-–]\s*|\s+|$)/.exec(v);
  if (m && (m[1]!.length === 2 || m[1]!.length === 4)) return m[1]!;
  if (/^(riket|sweden|hela riket)$/i.test(v)) return "00";
  const padded = m && (m[1]!.length === 1 || m[1]!.length === 3) ? m[1]!.padStart(m[1]!.length + 1, "0") : undefined;
  return raise("POPULATION_UNKNOWN_CODE", "region-without-code", { region: raw, ...(padded !== undefined ? { padded } : {}) }, { ...where, value: raw });
}

/**
 * Reads an age value: `0 år` … `99 år`, `100+ år`, `totalt ålder`, or SCB's codes `0`, `100+`, `tot`.
 *
 * @throws PopulationError `POPULATION_FORMAT` for anything else (age groups such as `0-9 år` too).
 * @example
 * ```ts
 * parseAge("100+ år", {}); // 100
 * ```
 */
export function parseAge(raw: string, where: ErrorLocation): number | "total" {
  const v = raw.normalize("NFC").trim().toLowerCase();
  const m = /^(\d{1,3})(\+)?\s*(år|ar|years?|year)?$/.exec(v);
  if (m) {
    const n = Number(m[1]);
    if (n <= TOP_AGE) return n;
  }
  if (/^(tot|totsa|total|totalt|totalt ålder|totalt alder|total age|all ages|samtliga åldrar|alla åldrar)$/.test(v) || /^totalt?,?\s+(samtliga åldrar|alla åldrar|all ages)$/.test(v)) return "total";
  return raise("POPULATION_FORMAT", "scb-age", { age: raw }, { ...where, value: raw });
}

/**
 * True when a table's content label names the population (folkmängd), not births, deaths,
 * migration, densities or means, which an SCB table of the same shape can hold instead.
 *
 * @example
 * ```ts
 * isPopulationContent("Folkmängd");      // true
 * isPopulationContent("Levande födda");  // false
 * ```
 */
export function isPopulationContent(label: string): boolean {
  const v = label.normalize("NFC").trim().toLowerCase();
  if (/födda|fodda|döda|doda|dödstal|avlidna|flytt|in- och utflytt|invandr|utvandr|täthet|tathet|per km|medel|genomsnitt|andel|procent|kvot|birth|death|migra|density|mean|average|share|rate|percent/.test(v)) return false;
  return /folkmängd|folkmangd|befolkning|population|invånare|invanare|inhabitants|^antal( personer)?$|^number( of persons)?$/.test(v);
}

/**
 * Reads a sex value: `män`/`1`, `kvinnor`/`2`, `totalt`/`TotSa`.
 *
 * @throws PopulationError `POPULATION_FORMAT` for anything else.
 * @example
 * ```ts
 * parseSex("kvinnor", {}); // "women"
 * ```
 */
export function parseSex(raw: string, where: ErrorLocation): ScbCell["sex"] {
  const v = raw.normalize("NFC").trim().toLowerCase();
  if (/^(män|man|men|male|males|1)$/.test(v)) return "men";
  if (/^(kvinnor|kvinna|women|woman|female|females|2)$/.test(v)) return "women";
  if (/^(tot|total|totsa|samtliga|1\+2|båda könen|both sexes)$/.test(v) || v.startsWith("totalt")) return "total";
  return raise("POPULATION_FORMAT", "scb-sex", { sex: raw }, { ...where, value: raw });
}

/**
 * Reads a marital-status value: `total` for a total, otherwise the label itself (a part to sum).
 *
 * @example
 * ```ts
 * parseMarital("totalt"); // "total"
 * parseMarital("ogifta"); // "ogifta"
 * ```
 */
export function parseMarital(raw: string): string {
  const v = raw.normalize("NFC").trim().toLowerCase();
  return /^(tot|total|totsa|samtliga)$/.test(v) || v.startsWith("totalt") ? "total" : v;
}

/**
 * Reads a count as SCB writes it: digits (spaces as thousands separators are accepted), `..` (one
 * to six dots: missing) or `-` (SCB's nil: a true zero).
 *
 * `column`, when given, becomes the error's path (the column's header), so that a bad count names
 * its line and column.
 *
 * @throws PopulationError `POPULATION_BAD_COUNT` for a negative, non-integer, empty or other value.
 * @example
 * ```ts
 * parseScbValue("13 093", {}); // { kind: "count", n: 13093n }
 * parseScbValue("..", {});     // { kind: "missing", symbol: ".." }
 * ```
 */
export function parseScbValue(raw: string, where: ErrorLocation, column?: string): CellValue {
  const v = raw.trim();
  // Nearly every cell; at most 10 digits, so under the limit unless it is 10^10 exactly or more.
  if (/^\d{1,10}$/.test(v)) return { kind: "count", n: BigInt(v) };
  if (/^\.{1,6}$/.test(v)) return { kind: "missing", symbol: v };
  if (v === "-") return { kind: "count", n: 0n };
  const digits = /^\d{1,3}([ \u00a0\u202f]\d{3})+$/.test(v) ? v.replace(/[ \u00a0\u202f]/g, "") : v;
  if (/^\d+$/.test(digits)) {
    const n = BigInt(digits);
    if (n <= MAX_COUNT) return { kind: "count", n };
    const at = { ...where, ...(column !== undefined ? { path: column } : {}), value: raw };
    return raise("POPULATION_BAD_COUNT", "too-large", { value: v, limit: String(MAX_COUNT) }, at);
  }
  const reason = v === "" ? "empty" : /^[-\u2212]\s*\d/.test(v) ? "negative" : /^\d{1,3}([.,]\d{3})+$/.test(v) ? "separator" : /^\d+[.,]\d+$/.test(v) ? "decimal" : "text";
  // The column is added here, on failure only: a location object per cell would cost every row.
  const at = { ...where, ...(column !== undefined ? { path: column } : {}), value: raw };
  return raise("POPULATION_BAD_COUNT", "scb-count", { value: raw, reason, ...(reason === "separator" ? { digits: v.replace(/[.,]/g, "") } : {}) }, at);
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function dayMonthFromText(text: string): string | undefined {
  const re = /\b(\d{1,2})\s+([a-zåäö]+)/gi;
  for (const m of text.matchAll(re)) {
    const word = m[2]!.toLowerCase();
    const i = MONTHS.indexOf(word) >= 0 ? MONTHS.indexOf(word) : MONTHS_EN.indexOf(word);
    const day = Number(m[1]);
    if (i >= 0 && day >= 1 && day <= 31) return `${String(i + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return undefined;
}

/**
 * The reference date an SCB period means, by the module's rule; `undefined` when it cannot be told.
 *
 * @example
 * ```ts
 * scbReferenceDate("2024M10");                                        // "2024-10-31"
 * scbReferenceDate("2024", { title: "Folkmängden den 1 november …" }); // "2024-11-01"
 * ```
 */
export function scbReferenceDate(period: string, hints: { title?: string | undefined; tableId?: string | undefined } = {}): string | undefined {
  const month = /^(\d{4})M(\d{2})$/.exec(period);
  if (month) {
    const mm = Number(month[2]);
    return mm >= 1 && mm <= 12 ? lastDayOfMonth(Number(month[1]), mm) : undefined;
  }
  let year = /^\d{4}$/.test(period) ? period : undefined;
  if (year === undefined && period === "" && hints.title) {
    const years = [...new Set(hints.title.match(/\b(19|20)\d{2}\b/g) ?? [])];
    if (years.length === 1) year = years[0];
  }
  if (year === undefined) return undefined;
  const dm = (hints.title ? dayMonthFromText(hints.title) : undefined) ?? (hints.tableId ? TABLE_DAY_MONTH[hints.tableId.toUpperCase()] : undefined);
  if (!dm) return undefined;
  const date = `${year}-${dm}`;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCDate() === d ? date : undefined;
}

/** Options shared by the SCB readers. */
export interface ScbReadOptions {
  /** Name for error messages. */
  file?: string;
  /** The reference date, when the file does not tell it (or to check the file's). */
  referenceDate?: string;
  /**
   * Population keys the caller will use (e.g. `["0-18", "total"]`). A missing count (`..`) or an
   * absent age that such a key needs is an error naming the line, when the file carries that key
   * at all; without `keys`, holes stay holes and a key that touches one is reported unavailable.
   */
  keys?: readonly string[];
  /** Also fail (`POPULATION_AGES_INCOMPLETE`) when the file does not carry one of `keys` at all. */
  requireKeys?: boolean;
}

/** What a reader knows about the file besides its cells. */
export interface ScbMeta {
  /** The table title (CSV title line, JSON-stat `label`). */
  title?: string;
  /** SCB table id, e.g. `TAB1267`, when the file names it. */
  tableId?: string;
  /** Describes the layout and encoding, e.g. `SCB CSV (bred, semikolon, windows-1252)`. */
  format: string;
  /** More text that may name the day, e.g. a value column "Folkmängden den 1 november". */
  context?: string;
  /** Extra lines for the source note (e.g. footnotes of the file). */
  notes?: string[];
  /** Provenance to keep (e.g. from the fetch command). */
  source?: Partial<PopulationSource>;
}

export function choosePeriod(cells: readonly Pick<ScbCell, "period">[], meta: ScbMeta, options: ScbReadOptions): { period: string; date: string } {
  const file = options.file;
  const periods = [...new Set(cells.map((c) => c.period))];
  const hints = { title: [meta.title, meta.context].filter((t) => t !== undefined).join(" ") || undefined, tableId: meta.tableId };
  const wanted = options.referenceDate;
  let period: string;
  if (periods.length === 1) period = periods[0]!;
  else if (wanted !== undefined) {
    const match = periods.filter((p) => scbReferenceDate(p, hints) === wanted || (scbReferenceDate(p, hints) === undefined && p === wanted.slice(0, 4)));
    if (match.length !== 1) {
      raise("POPULATION_DATE_MISMATCH", "no-period-matches", { periods, given: wanted }, { file, value: wanted });
    }
    period = match[0]!;
  } else {
    raise("POPULATION_DATE_UNKNOWN", "several-periods", { periods }, { file, value: periods.join(", ") });
  }
  const fromFile = scbReferenceDate(period, hints);
  if (wanted !== undefined) {
    const year = /^(\d{4})/.exec(period)?.[1];
    if ((fromFile !== undefined && fromFile !== wanted) || (fromFile === undefined && year !== undefined && year !== wanted.slice(0, 4))) {
      raise("POPULATION_DATE_MISMATCH", "period-vs-date", { period, ...(fromFile !== undefined ? { date: fromFile } : { year: year! }), given: wanted }, { file, value: period });
    }
    return { period, date: wanted };
  }
  if (fromFile === undefined) {
    raise("POPULATION_DATE_UNKNOWN", "period-no-day", { period }, { file, value: period });
  }
  return { period, date: fromFile };
}

/** An age as SCB labels it: `totalt ålder`, `5 år`, `100+ år`. */
export function describeAge(age: number | "total"): string {
  return age === "total" ? "totalt ålder" : age === TOP_AGE ? "100+ år" : `${age} år`;
}

interface Resolved {
  value: CellValue;
  where: ErrorLocation;
}

const SEX_WORD: Record<ScbCell["sex"], string> = { total: "totalt", men: "män", women: "kvinnor" };

/** Sums cells, or the first missing one. */
function sumCells(cells: readonly ScbCell[]): Resolved {
  let sum = 0n;
  for (const c of cells) {
    if (c.value.kind === "missing") return { value: c.value, where: c.where };
    sum += c.value.n;
  }
  return { value: { kind: "count", n: sum }, where: cells[0]!.where };
}

/**
 * One count from a total and its parts: the total when given, else the parts' sum. With
 * `check` (before SCB's noise), a total beside parts must equal their sum: a file where they
 * differ is wrong, and which of the two is meant cannot be told.
 */
function totalOrParts(total: ScbCell | undefined, parts: readonly ScbCell[], check: boolean, describe: () => { region: string; age: string; dimension: string }, file: string | undefined): Resolved {
  if (total === undefined) return sumCells(parts);
  const chosen: Resolved = { value: total.value, where: total.where };
  if (!check || parts.length === 0 || total.value.kind !== "count") return chosen;
  const summed = sumCells(parts);
  if (summed.value.kind === "count" && summed.value.n !== total.value.n) {
    raise("POPULATION_TOTAL_MISMATCH", "total-vs-parts", { ...describe(), total: String(total.value.n), summed: String(summed.value.n) }, { file, ...total.where, value: String(total.value.n) });
  }
  return chosen;
}

/**
 * Sums one region × age group over sex and marital status. A total is used instead of its parts
 * (and checked against them, see {@link totalOrParts}); parts without a total must be complete:
 * both sexes, and every marital status the file has (`maritalParts`).
 */
function resolveGroup(group: readonly ScbCell[], file: string | undefined, maritalParts: ReadonlySet<string>, check: boolean): Resolved {
  const first = group[0]!;
  const describe = (dimension: string) => () => ({ region: first.region, age: describeAge(first.age), dimension });
  const bySex = new Map<ScbCell["sex"], ScbCell[]>();
  for (const c of group) {
    const list = bySex.get(c.sex);
    if (list) list.push(c);
    else bySex.set(c.sex, [c]);
  }
  const men = bySex.has("men");
  const women = bySex.has("women");
  if (!bySex.has("total") && men !== women) {
    raise("POPULATION_FORMAT", "one-sex", { region: first.region, age: describeAge(first.age), sex: men ? "män" : "kvinnor" }, { file, ...first.where, value: men ? "män" : "kvinnor" });
  }
  const perSex = new Map<ScbCell["sex"], Resolved>();
  for (const [sex, cells] of bySex) {
    const total = cells.find((c) => c.marital === "total");
    const parts = cells.filter((c) => c.marital !== "total");
    const have = new Set(parts.map((c) => c.marital));
    const complete = have.size === maritalParts.size;
    if (total === undefined && !complete) {
      for (const m of maritalParts) {
        if (!have.has(m)) {
          const where = parts[0]?.where ?? first.where;
          raise(
            "POPULATION_FORMAT",
            "incomplete-dimension",
            { region: first.region, age: describeAge(first.age) + (sex !== "total" ? `, ${SEX_WORD[sex]}` : ""), dimension: "civilstånd", missing: m },
            { file, ...where, value: m },
          );
        }
      }
    }
    perSex.set(sex, totalOrParts(total, parts, check && complete, describe(`civilstånd${sex !== "total" ? ` (${SEX_WORD[sex]})` : ""}`), file));
  }
  const parts = [men ? perSex.get("men")! : undefined, women ? perSex.get("women")! : undefined].filter((r) => r !== undefined);
  const total = perSex.get("total");
  if (total === undefined) {
    let sum = 0n;
    for (const r of parts) {
      if (r.value.kind === "missing") return r;
      sum += r.value.n;
    }
    return { value: { kind: "count", n: sum }, where: parts[0]!.where };
  }
  if (check && parts.length === 2 && total.value.kind === "count" && parts.every((r) => r.value.kind === "count")) {
    const summed = parts.reduce((a, r) => a + (r.value as { n: bigint }).n, 0n);
    if (summed !== total.value.n) {
      raise("POPULATION_TOTAL_MISMATCH", "total-vs-parts", { ...describe("kön")(), total: String(total.value.n), summed: String(summed) }, { file, ...total.where, value: String(total.value.n) });
    }
  }
  return total;
}

function missingMunicipalities(present: ReadonlySet<string>, file: string | undefined): never {
  const absent = allMunicipalities().filter((m) => !present.has(m.code));
  const names = absent.slice(0, 5).map((m) => `${m.code} ${m.name}`);
  return raise("POPULATION_MISSING_MUNICIPALITIES", "municipalities", { missing: absent.length, names, scb: true }, { file, ...(absent[0] ? { value: absent[0].code } : {}) });
}

/** The sex and marital status of a cell as the duplicate message names them (empty for totals). */
export function cellWords(sex: ScbCell["sex"], marital: string): { sex: string; marital: string } {
  return { sex: sex === "total" ? "" : SEX_WORD[sex], marital: marital === "total" ? "" : marital };
}

/**
 * Turns SCB cells into a dataset: picks the period, applies the reference-date rule, checks codes
 * (municipalities and `00 Riket` only), sums sexes and marital statuses (totals are used instead
 * of their parts, never with them), and checks the keys asked for.
 *
 * @throws PopulationError naming file, line (or JSON path) and value for every malformed case.
 * @example
 * ```ts
 * const pop = buildScbPopulation(cells, { format: "SCB CSV" }, { file: "scb.csv" });
 * ```
 */
export function buildScbPopulation(cells: readonly ScbCell[], meta: ScbMeta, options: ScbReadOptions = {}): PopulationDataset {
  const file = options.file;
  if (cells.length === 0) raise("POPULATION_FORMAT", "no-rows", {}, { file });
  const { period, date } = choosePeriod(cells, meta, options);
  // Cells grouped by region and age (the sexes and marital statuses of one count), in the order
  // the groups first occur; nested maps rather than string keys, one lookup per cell.
  const groups: { region: string; age: number | "total"; cells: ScbCell[] }[] = [];
  const byRegion = new Map<string, Map<number | "total", ScbCell[]>>();
  const firstLine = new Map<string, ErrorLocation>();
  let regionLevel: "municipality" | "county" | undefined;
  for (const c of cells) {
    if (c.period !== period) continue;
    // A file is by municipality or, as SCB also exports, by county (enough for the region and
    // county pots; the municipal pots then report what is missing) — never both.
    const county = c.region !== "00" && isCountyCode(c.region);
    if (c.region !== "00" && !isMunicipalityCode(c.region) && !county) {
      raise("POPULATION_UNKNOWN_CODE", "municipality-or-county", { code: c.region }, { file, ...c.where, value: c.region });
    }
    if (c.region !== "00") {
      const level = county ? "county" : "municipality";
      if (regionLevel === undefined) regionLevel = level;
      else if (regionLevel !== level) {
        raise("POPULATION_UNKNOWN_CODE", "mixed-level", { code: c.region, level, name: getRecipient(level, c.region)?.name ?? c.region }, { file, ...c.where, value: c.region });
      }
    }
    let byAge = byRegion.get(c.region);
    if (!byAge) {
      byRegion.set(c.region, (byAge = new Map()));
      firstLine.set(c.region, c.where);
    }
    const list = byAge.get(c.age);
    if (!list) {
      const fresh = [c];
      byAge.set(c.age, fresh);
      groups.push({ region: c.region, age: c.age, cells: fresh });
      continue;
    }
    const prev = list.find((p) => p.sex === c.sex && p.marital === c.marital);
    if (prev) {
      const first = prev.where.line !== undefined ? { firstLine: prev.where.line } : prev.where.path !== undefined ? { firstPath: prev.where.path } : {};
      raise("POPULATION_DUPLICATE", "cell-twice", { region: c.region, age: describeAge(c.age), ...cellWords(c.sex, c.marital), ...first }, { file, ...c.where, value: c.region });
    }
    list.push(c);
  }

  // Every marital status the file has (other than the total): each count summed from parts must have them all.
  const maritalParts = new Set<string>();
  for (const c of cells) if (c.period === period && c.marital !== "total") maritalParts.add(c.marital);
  const ages: Record<string, (bigint | undefined)[]> = {};
  const nationalAges: (bigint | undefined)[] = [];
  const totals: Record<string, bigint> = {};
  let nationalTotal: bigint | undefined;
  const holes = new Map<string, Resolved>(); // `${region}|${age}` → the missing cell
  const agesInFile = new Set<number | "total">();
  const regions = new Set<string>();
  for (const { region, age, cells: group } of groups) {
    regions.add(region);
    agesInFile.add(age);
    const r = resolveGroup(group, file, maritalParts, date < NOISE_FROM);
    if (r.value.kind === "missing") {
      holes.set(`${region}|${age}`, r);
      continue;
    }
    const n = r.value.n;
    if (age === "total") {
      if (region === "00") nationalTotal = n;
      else totals[region] = n;
    } else if (region === "00") nationalAges[age] = n;
    else (ages[region] ??= [])[age] = n;
  }
  const municipalities = new Set([...regions].filter((r) => r !== "00"));
  if (municipalities.size === 0) raise("POPULATION_FORMAT", "no-region-rows", {}, { file });
  if (regionLevel === "county") {
    if (municipalities.size < 21 && !regions.has("00")) {
      raise("POPULATION_FORMAT", "scb-counties-partial", { count: municipalities.size }, { file, value: String(municipalities.size) });
    }
  } else if (municipalities.size < 290 && !regions.has("00")) missingMunicipalities(municipalities, file);

  for (const key of options.keys ?? []) {
    const needed = keyAgeClasses(key, agesInFile.has("total"));
    const uncovered = needed.find((a) => !agesInFile.has(a));
    if (uncovered !== undefined) {
      if (options.requireKeys) {
        raise("POPULATION_AGES_INCOMPLETE", "key-ages", { age: describeAge(uncovered), key }, { file, value: describeAge(uncovered) });
      }
      continue; // the key is not carried: allocation reports its recipients missing
    }
    for (const region of regions) {
      for (const age of needed) {
        const g = `${region}|${age}`;
        const hole = holes.get(g);
        if (hole) {
          const symbol = hole.value.kind === "missing" ? hole.value.symbol : "";
          raise("POPULATION_BAD_COUNT", "missing-needed", { region, age: describeAge(age), symbol, key }, { file, ...hole.where, value: symbol });
        }
        if (!byRegion.get(region)?.has(age)) {
          raise("POPULATION_AGES_INCOMPLETE", "region-age", { region, age: describeAge(age), key }, { file, ...firstLine.get(region), value: describeAge(age) });
        }
      }
    }
  }

  const notes = [...(meta.notes ?? [])];
  const otherPeriods = [...new Set(cells.map((c) => c.period))].filter((p) => p !== period);
  if (otherPeriods.length > 0) notes.push(`perioden ${period} används; filen har också ${otherPeriods.join(", ")}`);
  if (cells.some((c) => c.sex === "total") && cells.some((c) => c.sex !== "total")) notes.push("kön: raderna totalt används, män och kvinnor räknas inte dubbelt");
  if (holes.size > 0) notes.push(`${holes.size} värden saknas (SCB:s ..)`);
  if (regionLevel === "county") notes.push("länsnivå: regionernas och länens pottar kan beräknas, kommunernas saknas");
  const source = scbSource(meta, file, period, notes);
  const byCounty = regionLevel === "county";
  return createPopulation({
    referenceDate: date,
    ...(byCounty ? { countyAges: ages } : { ages }),
    ...(byCounty
      ? { countyCounts: Object.keys(totals).length > 0 ? { total: totals } : {} }
      : { counts: Object.keys(totals).length > 0 ? { total: totals } : {} }),
    nationalTotals: nationalTotal !== undefined ? { total: nationalTotal } : {},
    ...(nationalAges.length > 0 ? { nationalAges } : {}),
    sources: [source],
    ...(file !== undefined ? { file } : {}),
  });
}
