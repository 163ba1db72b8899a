/**
 * What {@link inferBase} found, as a report: how many bases reproduce a published table, the
 * counts and national total N, how improbable a chance fit is, which rounding convention the table
 * follows (for a complete table), and how the counts compare with known datasets (which date they
 * fit, by how many persons). Pure: the datasets to compare with are handed in.
 */
import { compareCounts, type CountComparison, type CountVector } from "../audit/compare.js";
import { CONVENTION_WORDS, type RoundingConvention } from "../audit/convention.js";
import type { BaseSolution, InferResult } from "../audit/infer.js";
import type { PublishedTable } from "../audit/rows.js";
import { formatInteger, formatSigned } from "../format.js";
import { getRecipient, type Level } from "../geography/index.js";
import { keyCounts, keyLabel, levelCounts, type PopulationDataset, type PopulationKey } from "../population.js";
import { LEVEL_WORD } from "../sv/words.js";
import { renderColumns, wrap } from "./text.js";

/** A dataset to compare the inferred counts with: its name (a reference date) and counts. */
export interface NamedCounts extends CountVector {
  name: string;
  /** The data is derived, not SCB's. */
  derived?: boolean;
}

/** The outcome of {@link buildInferReport}. */
export interface InferReport {
  result: InferResult;
  key: PopulationKey;
  /** Recipient names by code. */
  names: ReadonlyMap<string, string>;
  /** The published amounts by code. */
  amounts: ReadonlyMap<string, bigint>;
  /** The conventions that reproduce the table (complete tables), simplest first; `[convention]` otherwise when a base fits. */
  fitting: RoundingConvention[];
  /** The distinct bases found, over every fitting convention. */
  bases: BaseSolution[];
  /** The first base against each dataset, closest first (by Σ |difference|, then by N). */
  comparisons: (CountComparison & { derived: boolean; covered: number })[];
}

function sameBase(a: BaseSolution, b: BaseSolution): boolean {
  return a.keyTotal === b.keyTotal && a.counts.every((c, i) => c.lo === b.counts[i]!.lo && c.hi === b.counts[i]!.hi);
}

/**
 * Puts an inference, its table and the datasets to compare with into a report.
 *
 * @example
 * ```ts
 * const r = buildInferReport(inferBase({ amounts: table.rows, potAmount: 250_000_000, base: 200_000, level: "municipality", range: [1_500_000, 3_500_000] }), table, { key: normalizeKey("0-18"), datasets: [] });
 * r.bases.length;            // 1
 * r.bases[0].keyTotal;       // 2265405n
 * ```
 */
export function buildInferReport(result: InferResult, table: PublishedTable, options: { key: PopulationKey; datasets: readonly NamedCounts[] }): InferReport {
  const names = new Map(table.rows.map((r) => [r.code, r.name]));
  const amounts = new Map(table.rows.map((r) => [r.code, r.amount]));
  let fitting: RoundingConvention[];
  let candidates: BaseSolution[];
  if (result.conventions) {
    const fits = result.conventions.filter((c) => c.fits);
    fitting = fits.map((c) => c.convention);
    candidates = fits.flatMap((c) => c.solutions);
  } else {
    fitting = result.solutions.length > 0 ? [result.convention] : [];
    candidates = result.solutions;
  }
  const bases: BaseSolution[] = [];
  for (const s of candidates) if (!bases.some((b) => sameBase(b, s))) bases.push(s);
  const first = bases[0];
  const comparisons = first
    ? compareCounts(first, Object.fromEntries(options.datasets.map((d) => [d.name, d])))
        .map((c) => ({ ...c, derived: options.datasets.find((d) => d.name === c.name)?.derived === true, covered: c.rows.filter((r) => r.given !== null).length }))
        .filter((c) => c.covered > 0)
        .sort((a, b) => b.covered - a.covered || (a.absoluteSum < b.absoluteSum ? -1 : a.absoluteSum > b.absoluteSum ? 1 : 0) || (abs(a.national.difference) < abs(b.national.difference) ? -1 : 1))
    : [];
  return { result, key: options.key, names, amounts, fitting, bases, comparisons };
}

/**
 * A dataset's counts for a key at a level, to compare an inferred base with; undefined when the
 * dataset has no count for the key there (or not even a national total).
 *
 * @example
 * ```ts
 * countsOf(loadBundledPopulation("2024-11-01"), "0-18", "municipality", "2024-11-01")?.counts.get("2080"); // 13093n
 * ```
 */
export function countsOf(dataset: PopulationDataset, key: string, level: Level, name: string): NamedCounts | undefined {
  const k = keyCounts(dataset, key);
  if (k.unavailable || k.national === undefined || level === "skr") return undefined;
  const counts = levelCounts(k, level === "municipality" ? "municipality" : "county");
  if (counts.size === 0) return undefined;
  return { name, counts, total: BigInt(k.national), derived: dataset.sources.length > 0 && dataset.sources.every((s) => s.derived === true) };
}

/**
 * The search range around known national totals: 10 % below the smallest, 10 % above the largest.
 *
 * @example
 * ```ts
 * defaultRange([2_265_405n]); // [2038864n, 2491946n]
 * ```
 */
export function defaultRange(totals: readonly bigint[]): [bigint, bigint] | undefined {
  if (totals.length === 0) return undefined;
  let lo = totals[0]!;
  let hi = totals[0]!;
  for (const t of totals) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return [(lo * 9n) / 10n, (hi * 11n + 9n) / 10n];
}

const abs = (v: bigint) => (v < 0n ? -v : v);
const n = (v: bigint) => formatInteger(v);

function chanceText(log10: number): string {
  if (!Number.isFinite(log10)) return "ingen (inget belopp begränsar N)";
  const e = Math.floor(log10);
  const m = 10 ** (log10 - e);
  return `≈ ${m.toFixed(1).replace(".", ",")}·10^${e}`;
}

function countText(lo: bigint, hi: bigint): string {
  return lo === hi ? n(lo) : `${n(lo)}–${n(hi)}`;
}

/**
 * The report as Swedish text: the search, the answer (how many bases, unique or not), the chance of
 * a fit by accident, the conventions, the counts, and the comparison with the datasets.
 *
 * @example
 * ```ts
 * formatInferTable(report).includes("exakt en lösning"); // true for Dalarna's 15 amounts
 * ```
 */
export function formatInferTable(r: InferReport): string {
  const x = r.result;
  const level: Level = x.level;
  const out: string[] = [];
  out.push(
    ...wrap(
      `Härledning ur ${x.rows} publicerade belopp (${LEVEL_WORD[level]}, ${x.complete ? "alla" : `${x.rows} av ${x.recipients}`} mottagare): pott ${n(x.potAmount)} kr, grundbelopp sammanlagt ${n(x.baseTotal)} kr, ${n(x.shared)} kr fördelat efter ${keyLabel(r.key)}.`,
      "",
    ),
  );
  out.push(...wrap(`Sökt rikets antal N i ${n(x.range[0])}–${n(x.range[1])}.`, ""));
  out.push("");
  const count = r.bases.length;
  if (count === 0) out.push("Ingen lösning: inget N i intervallet ger alla belopp exakt.");
  else {
    const unique = count === 1 && r.bases[0]!.exact;
    out.push(
      unique
        ? `Exakt en lösning: N = ${n(r.bases[0]!.keyTotal)}.`
        : `${count === 1 ? "En lösning" : `${count}${x.truncated ? " eller fler" : ""} lösningar`}${count === 1 && !r.bases[0]!.exact ? " (några antal är intervall)" : ""}: N = ${r.bases.slice(0, 5).map((b) => n(b.keyTotal)).join(", ")}${count > 5 ? " …" : ""}.`,
    );
  }
  const chance = x.conventions?.find((c) => c.fits)?.chance ?? x.chance;
  out.push(...wrap(`Väntat antal N som skulle passa av en slump: ${chanceText(chance.log10)}.`, ""));
  if (x.conventions) {
    out.push("", "Avrundning (hela tabellen, så N = summan av antalen):");
    for (const c of x.conventions) {
      if (c.fits) out.push(...wrap(`passar: ${c.words}`));
      else {
        const why = c.reason === "rows-do-not-sum-to-pot" ? `beloppen summerar till ${n(x.amountsSum)} kr, inte pottens ${n(x.potAmount)} kr` : c.reason === "undecided" ? "kunde inte avgöras" : "inget N ger alla belopp";
        const rows = c.breaking.map((b) => `${r.names.get(b.code) ?? b.code} ${formatSigned(b.difference)} kr`);
        out.push(...wrap(`passar inte: ${c.words} – ${why}${rows.length > 0 ? `; rader som blir annorlunda: ${rows.join(", ")}` : ""}`));
      }
    }
    if (r.fitting.length > 1) out.push(...wrap("Beloppen går jämnt ut utan justering, så de passande reglerna ger samma belopp; den enklaste är den första.", "  "));
  } else if (count > 0) out.push(...wrap(`Avrundning: ${CONVENTION_WORDS[x.convention]}.`, ""));
  const base = r.bases[0];
  if (base) {
    out.push("", `Antal per mottagare (N = ${n(base.keyTotal)}):`);
    const rows: (string[] | null)[] = [["Kod", "Mottagare", "Belopp", "Antal"]];
    for (const c of base.counts) rows.push([c.code, r.names.get(c.code) ?? getRecipient(level === "region" ? "region" : level, c.code)?.name ?? c.code, n(r.amounts.get(c.code) ?? 0n), countText(c.lo, c.hi)]);
    out.push(...renderColumns(rows, ["left", "left", "right", "right"]));
  }
  if (r.comparisons.length > 0) {
    out.push("", `Jämfört med kända data (${keyLabel(r.key)}), närmast först:`);
    const rows: (string[] | null)[] = [["Data", "Riket", "Skillnad", "Σ|skillnad|", "Mottagare", "Störst"]];
    for (const c of r.comparisons) {
      const big = c.largest && c.largest.difference !== null ? `${r.names.get(c.largest.code) ?? c.largest.code} ${formatSigned(c.largest.difference)}` : "–";
      rows.push([`${c.name}${c.derived ? " (härledd)" : ""}`, n(c.national.given), formatSigned(c.national.difference), n(c.absoluteSum), `${c.covered} av ${base!.counts.length}`, big]);
    }
    out.push(...renderColumns(rows, ["left", "right", "right", "right", "right", "left"]));
    const best = r.comparisons[0]!;
    out.push(
      ...wrap(
        best.absoluteSum === 0n && best.national.difference === 0n
          ? `Underlaget är exakt ${best.name}${best.derived ? " (härledda data, kanske ur just denna tabell)" : ""}.`
          : `Närmast: ${best.name}, ${n(best.absoluteSum)} personer från underlaget sammanlagt, riket ${formatSigned(best.national.difference)}. Skillnad = data − underlag.`,
        "",
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/**
 * The report as JSON (counts and kronor as numbers; exact, they are far below 2^53).
 *
 * @example
 * ```ts
 * JSON.parse(formatInferJson(report)).solutions; // 1
 * ```
 */
export function formatInferJson(r: InferReport): string {
  const x = r.result;
  const doc = {
    level: x.level,
    key: r.key,
    potAmount: x.potAmount,
    baseTotal: x.baseTotal,
    shared: x.shared,
    range: x.range,
    rows: x.rows,
    recipients: x.recipients,
    complete: x.complete,
    solutions: r.bases.length,
    unique: r.bases.length === 1 && r.bases[0]!.exact,
    truncated: x.truncated,
    keyTotals: r.bases.map((b) => b.keyTotal),
    fitting: r.fitting,
    chance: { expected: (x.conventions?.find((c) => c.fits)?.chance ?? x.chance).expected, log10: (x.conventions?.find((c) => c.fits)?.chance ?? x.chance).log10 },
    conventions: x.conventions?.map((c) => ({ convention: c.convention, words: c.words, fits: c.fits, reason: c.reason, keyTotals: c.solutions.map((s) => s.keyTotal), breaking: c.breaking })) ?? null,
    bases: r.bases.map((b) => ({ keyTotal: b.keyTotal, exact: b.exact, counts: b.counts.map((c) => ({ code: c.code, name: r.names.get(c.code) ?? null, amount: r.amounts.get(c.code) ?? null, lo: c.lo, hi: c.hi })) })),
    comparisons: r.comparisons.map((c) => ({ name: c.name, derived: c.derived, covered: c.covered, national: c.national, absoluteSum: c.absoluteSum, largest: c.largest ?? null })),
    search: x.search,
  };
  return `${JSON.stringify(plain(doc), null, 2)}\n`;
}
