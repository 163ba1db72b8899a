/**
 * How many key totals would fit a table by chance: the measure of how much a fit proves.
 *
 * At a key total N an amount admits the counts n in an interval of length w·N (w = 1/S for
 * nearest-krona rounding of S·n/N, 2/S for largest remainder, which allows the floor or the floor
 * plus one). If the amounts were unrelated to any population, the interval's position would be
 * arbitrary and it would contain an integer with probability min(1, w·N). Taking the amounts as
 * independent, the expected number of fitting N in the range is
 *
 *     E = Σ_{N = A}^{B} Π_i min(1, w·N)  =  Σ_N min(1, w·N)^k,
 *
 * computed here as the integral of (w·N)^k over [A − ½, B + ½] (exact for a power law up to the
 * midpoint rule's error, far below the estimate's own precision). It ignores the condition that
 * the counts of a complete table sum to N, which makes chance fits rarer still, so for complete
 * tables E is an upper estimate. This is a probability estimate in floating point; it decides no
 * krona and no fit, it only says how surprising a fit is.
 */

/** An expected number of chance fits, also as a base-10 logarithm (E itself underflows below 1e-308). */
export interface ChanceEstimate {
  /** E, or 0 when it is below what a double holds. */
  expected: number;
  /** log10(E); -Infinity when there is nothing to fit. */
  log10: number;
  /** The amounts that constrain N (k). */
  amounts: number;
  /** The interval length per unit of N (w), as a double. */
  widthPerPerson: number;
}

/**
 * The expected number of key totals in `[from, to]` at which `k` amounts, each admitting an
 * interval of length `w·N`, would all fit by chance.
 *
 * @example
 * ```ts
 * // Dalarna's 15 municipal amounts of 192 000 000 kr over N in [1 500 000, 3 500 000]:
 * const e = expectedChanceFits(15, 1 / 192_000_000, 1_500_000n, 3_500_000n);
 * Math.round(e.log10); // -21 (about 1.8e-21)
 * ```
 */
export function expectedChanceFits(k: number, w: number, from: bigint, to: bigint): ChanceEstimate {
  const out = (log10: number): ChanceEstimate => ({ expected: log10 === -Infinity ? 0 : 10 ** log10, log10, amounts: k, widthPerPerson: w });
  if (to < from || k < 0) return out(-Infinity);
  const A = Number(from) - 0.5;
  const B = Number(to) + 0.5;
  if (k === 0) return out(Math.log10(B - A));
  // Where w·N reaches 1 every N fits; below it the power law.
  const cap = 1 / w;
  const upper = Math.min(B, cap);
  const terms: number[] = [];
  if (upper > A) {
    const lnW = Math.log(w);
    const ratio = A / upper;
    // ln ∫_A^U (wN)^k dN = k·ln w + (k+1)·ln U + ln(1 − (A/U)^(k+1)) − ln(k+1); for a range
    // too narrow for that difference, the midpoint: (U − A)·(w·(A+U)/2)^k.
    const tail = (k + 1) * Math.log(ratio);
    terms.push(
      tail > -1e-6
        ? k * Math.log((w * (A + upper)) / 2) + Math.log(upper - A)
        : k * lnW + (k + 1) * Math.log(upper) + Math.log1p(-Math.exp(tail)) - Math.log(k + 1),
    );
  }
  if (B > cap) terms.push(Math.log(B - Math.max(A, cap)));
  if (terms.length === 0) return out(-Infinity);
  const m = Math.max(...terms);
  const ln = m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0));
  return out(ln / Math.LN10);
}
