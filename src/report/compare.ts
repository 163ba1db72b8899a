/**
 * Comparing two allocations recipient by recipient: two agreements, or one agreement on two
 * population datasets. Pure data plus a Swedish 80-column table. Amounts that could not be
 * computed on a side are `null` — never zero — and then there is no difference either.
 */
import type { Allocation } from "../allocate.js";
import { LEVEL_LABELS, LEVELS, type Level } from "../geography/index.js";
import { formatFraction, formatInteger, formatSigned } from "../format.js";
import { renderColumns, truncate, wrap } from "./text.js";

/** What one side of a comparison is. */
export interface ComparisonSide {
  agreement: string;
  title: string;
  /** Reference date of the population used. */
  referenceDate: string;
  /** Short Swedish label, e.g. `2025, befolkning 2024-11-01`. */
  label: string;
  /** Population sources, for provenance. */
  sources: readonly { title: string; derived?: boolean }[];
}

/** An exact change in percent, `numerator / denominator`. */
export interface PercentChange {
  numerator: bigint;
  denominator: bigint;
}

interface ComparisonRowBase {
  level: Level;
  code: string;
  name: string;
  /** Pots whose amount is missing on each side. */
  missingBefore: string[];
  missingAfter: string[];
}

/** A recipient known on both sides: both amounts and their difference. */
export interface KnownComparisonRow extends ComparisonRowBase {
  before: bigint;
  after: bigint;
  /** `after − before`. */
  difference: bigint;
  /** The exact change in percent, `difference × 100 / before`; null when before is 0. */
  percent: PercentChange | null;
}

/** A recipient with an amount that could not be computed on at least one side: no difference. */
export interface UnknownComparisonRow extends ComparisonRowBase {
  before: bigint | null;
  after: bigint | null;
  difference: null;
  percent: null;
}

/**
 * One recipient in a comparison. Amounts are whole kronor; `null` = could not be computed. A row
 * whose `difference` is not null has both amounts (the check narrows it to {@link KnownComparisonRow}).
 */
export type ComparisonRow = KnownComparisonRow | UnknownComparisonRow;

/** The result of {@link compareAllocations}. */
export interface Comparison {
  before: ComparisonSide;
  after: ComparisonSide;
  /** Grouped by level (regions, counties, municipalities, SKR), each sorted by difference, largest first. */
  rows: ComparisonRow[];
}

function side(a: Allocation): ComparisonSide {
  return {
    agreement: a.agreement.id,
    title: a.agreement.title,
    referenceDate: a.population.referenceDate,
    label: `${a.agreement.id}, befolkning ${a.population.referenceDate}`,
    sources: a.population.sources.map((s) => ({ title: s.title, ...(s.derived ? { derived: true } : {}) })),
  };
}

interface Sum {
  level: Level;
  code: string;
  name: string;
  amount: bigint;
  missing: string[];
}

function sums(a: Allocation): Map<string, Sum> {
  const out = new Map<string, Sum>();
  const get = (x: { level: Level; code: string; name: string }) => {
    const k = `${x.level}:${x.code}`;
    let s = out.get(k);
    if (!s) out.set(k, (s = { level: x.level, code: x.code, name: x.name, amount: 0n, missing: [] }));
    return s;
  };
  for (const l of a.lines) get(l).amount += l.amount;
  for (const m of a.missing) get(m).missing.push(m.pot);
  return out;
}

/**
 * Whether a recipient absent from a side truly gets nothing there: only when every pot of that
 * side is known and names its levels. Otherwise its amount on that side is unknown.
 */
function absentIsZero(a: Allocation, level: Level): boolean {
  return a.agreement.complete && a.pots.every((p) => p.status === "known" || (p.levels.length > 0 && !p.levels.includes(level)));
}

function unknownPots(a: Allocation): string[] {
  return a.pots.filter((p) => p.status !== "known").map((p) => p.id);
}

/**
 * Compares two allocations per recipient over all their (selected) pots. A recipient absent from
 * one side receives nothing there (allocate lists every recipient of a pot's level, computed or
 * missing); one with a missing pot on a side has no amount on that side.
 *
 * @example
 * ```ts
 * const c = compareAllocations(allocate(a2025, nov), allocate(a2025, dec));
 * c.rows.find((r) => r.level === "region" && r.code === "20")?.difference; // bigint kronor
 * ```
 */
export function compareAllocations(before: Allocation, after: Allocation): Comparison {
  const b = sums(before);
  const a = sums(after);
  // Every recipient of either side, named as before names it when both do (the rows are sorted below).
  const refs = new Map<string, Sum>([...a, ...b]);
  const rows: ComparisonRow[] = [];
  for (const [k, ref] of refs) {
    const x = b.get(k);
    const y = a.get(k);
    const bv = x ? (x.missing.length > 0 ? null : x.amount) : absentIsZero(before, ref.level) ? 0n : null;
    const av = y ? (y.missing.length > 0 ? null : y.amount) : absentIsZero(after, ref.level) ? 0n : null;
    const missingBefore = x?.missing ?? (bv === null ? unknownPots(before) : []);
    const missingAfter = y?.missing ?? (av === null ? unknownPots(after) : []);
    if (bv !== null && av !== null) {
      const difference = av - bv;
      const percent = bv !== 0n ? { numerator: difference * 100n, denominator: bv } : null;
      rows.push({ level: ref.level, code: ref.code, name: ref.name, before: bv, after: av, difference, percent, missingBefore, missingAfter });
    } else {
      rows.push({ level: ref.level, code: ref.code, name: ref.name, before: bv, after: av, difference: null, percent: null, missingBefore, missingAfter });
    }
  }
  rows.sort((p, q) => {
    const l = LEVELS.indexOf(p.level) - LEVELS.indexOf(q.level);
    if (l !== 0) return l;
    if (p.difference === null || q.difference === null) {
      if (p.difference !== q.difference) return p.difference === null ? 1 : -1;
    } else if (p.difference !== q.difference) return p.difference > q.difference ? -1 : 1;
    return p.code < q.code ? -1 : p.code > q.code ? 1 : 0;
  });
  return { before: side(before), after: side(after), rows };
}

/**
 * A change in percent, exact and rounded half away from zero: `"+1,23"`, `"-0,5"` with
 * `decimals = 1`, or `null` when it has no value.
 *
 * @example
 * ```ts
 * formatPercent({ numerator: 100n, denominator: 3n }); // "+33,33"
 * ```
 */
export function formatPercent(p: PercentChange, decimals?: number, separator?: string): string;
export function formatPercent(p: PercentChange | null, decimals?: number, separator?: string): string | null;
export function formatPercent(p: PercentChange | null, decimals = 2, separator = ","): string | null {
  if (p === null) return null;
  const text = formatFraction(p.numerator, p.denominator, decimals).replace(",", separator);
  return p.numerator > 0n ? `+${text}` : text;
}

function why(r: ComparisonRow): string {
  const parts: string[] = [];
  if (r.missingBefore.length > 0) parts.push(`före: pott ${[...new Set(r.missingBefore)].join(", ")} saknas`);
  if (r.missingAfter.length > 0) parts.push(`efter: pott ${[...new Set(r.missingAfter)].join(", ")} saknas`);
  return parts.join("; ");
}

/**
 * The reason a row has no difference, in Swedish (empty when it has one).
 *
 * @example
 * ```ts
 * comparisonNote(row); // "efter: pott 2 saknas"
 * ```
 */
export function comparisonNote(r: ComparisonRow): string {
  return why(r);
}

/**
 * Renders a comparison as Swedish text tables, one per level, each with a totals row, at most
 * 80 columns wide.
 *
 * @example
 * ```ts
 * console.log(formatComparisonTable(compareAllocations(before, after)));
 * ```
 */
export function formatComparisonTable(c: Comparison): string {
  const out: string[] = [];
  out.push("Jämförelse per mottagare. Belopp i kronor.");
  out.push(...wrap(`Före:  ${c.before.label} – ${c.before.title}`, "", 80));
  out.push(...wrap(`Efter: ${c.after.label} – ${c.after.title}`, "", 80));
  out.push("Sorterat efter skillnad (efter − före), störst ökning först.");
  let unknown = 0;
  for (const level of LEVELS) {
    const rows = c.rows.filter((r) => r.level === level);
    if (rows.length === 0) continue;
    const known = rows.filter((r) => r.difference !== null);
    const sum = (f: (r: KnownComparisonRow) => bigint) => known.reduce((s, r) => s + f(r), 0n);
    const tb = sum((r) => r.before);
    const ta = sum((r) => r.after);
    const render = (nameWidth: number) =>
      renderColumns(
        [
          ["Kod", "Mottagare", "Före", "Efter", "Skillnad", "%"],
          null,
          ...rows.map((r) => [
            r.code,
            truncate(r.name, nameWidth) + (r.difference === null ? " *" : ""),
            r.before === null ? "saknas" : formatInteger(r.before),
            r.after === null ? "saknas" : formatInteger(r.after),
            r.difference === null ? "–" : formatSigned(r.difference),
            formatPercent(r.percent) ?? "–",
          ]),
          null,
          [
            "",
            `Summa (${known.length}${known.length < rows.length ? ` av ${rows.length}` : ""})`,
            known.length === 0 ? "–" : formatInteger(tb),
            known.length === 0 ? "–" : formatInteger(ta),
            known.length === 0 ? "–" : formatSigned(ta - tb),
            formatPercent(tb === 0n ? null : { numerator: (ta - tb) * 100n, denominator: tb }) ?? "–",
          ],
        ],
        ["left", "left", "right", "right", "right", "right"],
      );
    let width = 26;
    let lines = render(width);
    while (width > 10 && Math.max(...lines.map((l) => [...l].length)) > 80) lines = render(--width);
    out.push("", LEVEL_LABELS[level], ...lines);
    unknown += rows.length - known.length;
  }
  if (unknown > 0) {
    out.push("", `* ${unknown} mottagare saknar belopp på minst en sida och räknas inte i summorna:`);
    const reasons = new Map<string, number>();
    for (const r of c.rows) if (r.difference === null) reasons.set(why(r), (reasons.get(why(r)) ?? 0) + 1);
    for (const [text, n] of reasons) out.push(...wrap(`${text} (${n} mottagare)`));
  }
  out.push("", "Källor");
  for (const [label, s] of [["Före", c.before], ["Efter", c.after]] as const) {
    for (const src of s.sources) out.push(...wrap(`${label}: ${src.title}${src.derived ? " [härledd]" : ""}`));
  }
  return `${out.join("\n")}\n`;
}

/**
 * The comparison as JSON-ready data: amounts as integer kronor (`null` when unknown), percent as
 * a number rounded half away from zero to two decimals (for display; the difference is exact).
 *
 * @example
 * ```ts
 * comparisonToJson(c).rows[0]; // { level: "region", code: "20", before: 21314347, after: …, percent: 0.06, … }
 * ```
 */
export function comparisonToJson(c: Comparison) {
  const n = (v: bigint | null) => (v === null ? null : Number(v));
  return {
    before: c.before,
    after: c.after,
    rows: c.rows.map((r) => ({
      level: r.level,
      code: r.code,
      name: r.name,
      before: n(r.before),
      after: n(r.after),
      difference: n(r.difference),
      percent: r.percent === null ? null : Number(formatPercent(r.percent, 2, ".")),
      missingBefore: r.missingBefore,
      missingAfter: r.missingAfter,
    })),
  };
}

/**
 * {@link comparisonToJson} as two-space indented text with a final newline.
 *
 * @example
 * ```ts
 * process.stdout.write(formatComparisonJson(c));
 * ```
 */
export function formatComparisonJson(c: Comparison): string {
  return `${JSON.stringify(comparisonToJson(c), null, 2)}\n`;
}
