/**
 * An inferred base against known counts: how far the worked-back counts are from a dataset's
 * (SCB's totals on 31 December, say), per recipient and nationally, in persons. A base that is
 * off by thousands from every known date, or lies between two of them, says which date it is.
 */
import type { BaseSolution, Whole } from "./infer.js";

/** Counts by recipient code, with the national total (default: their sum). */
export interface CountVector {
  counts: ReadonlyMap<string, Whole> | Readonly<Record<string, Whole>>;
  total?: Whole;
}

/** One recipient's inferred count against a dataset's. */
export interface CountDifference {
  code: string;
  /** The inferred count (or its interval). */
  lo: bigint;
  hi: bigint;
  /** The dataset's count, or null when it has none for the recipient. */
  given: bigint | null;
  /**
   * given − inferred, in persons: 0 when the dataset's count lies in the inferred interval,
   * otherwise the distance to its nearer end (signed). Null when the dataset has no count.
   */
  difference: bigint | null;
}

/** An inferred base against one named dataset. */
export interface CountComparison {
  name: string;
  national: { inferred: bigint; given: bigint; difference: bigint };
  rows: CountDifference[];
  /** Σ |difference| over the rows with a count. */
  absoluteSum: bigint;
  /** The row with the largest |difference|, if any row has a count. */
  largest: CountDifference | undefined;
}

function big(v: Whole): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

function get(counts: CountVector["counts"], code: string): Whole | undefined {
  return counts instanceof Map ? counts.get(code) : (counts as Readonly<Record<string, Whole>>)[code];
}

/**
 * Compares a solution of {@link inferBase} with named count vectors.
 *
 * @example
 * ```ts
 * const [dec] = compareCounts(r.solutions[0], { "2023-12-31": { counts: countyTotals } });
 * dec.national.difference; // persons more (+) or fewer (−) on 31 December than in the base
 * dec.largest?.code;       // the county furthest from the base
 * ```
 */
export function compareCounts(solution: BaseSolution, vectors: Readonly<Record<string, CountVector>>): CountComparison[] {
  return Object.entries(vectors).map(([name, v]) => {
    const entries = v.counts instanceof Map ? [...v.counts.values()] : Object.values(v.counts as Readonly<Record<string, Whole>>);
    const given = v.total !== undefined ? big(v.total) : entries.reduce<bigint>((s, x) => s + big(x), 0n);
    const rows = solution.counts.map((c): CountDifference => {
      const g = get(v.counts, c.code);
      if (g === undefined) return { code: c.code, lo: c.lo, hi: c.hi, given: null, difference: null };
      const n = big(g);
      const difference = n < c.lo ? n - c.lo : n > c.hi ? n - c.hi : 0n;
      return { code: c.code, lo: c.lo, hi: c.hi, given: n, difference };
    });
    let absoluteSum = 0n;
    let largest: CountDifference | undefined;
    for (const r of rows) {
      if (r.difference === null) continue;
      const a = r.difference < 0n ? -r.difference : r.difference;
      absoluteSum += a;
      if (!largest || a > (largest.difference! < 0n ? -largest.difference! : largest.difference!)) largest = r;
    }
    return { name, national: { inferred: solution.keyTotal, given, difference: given - solution.keyTotal }, rows, absoluteSum, largest };
  });
}
