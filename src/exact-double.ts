/**
 * Whole numbers in doubles, exact while every intermediate stays below 2^53: the fast path of the
 * split kernels (src/apportion.ts and the share kernel of allocate()), which take it only after
 * {@link fitsSafe} has proven the bound and keep bigint arithmetic for everything else.
 */

/** 2^53 − 1, the largest integer that a double and every smaller one hold exactly. */
export const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Whether `shared × count` for every count up to `maxCount`, plus the denominator, stays below
 * 2^53, so that the product, the floor division's check `q × d` and the remainder are exact in
 * doubles.
 *
 * @example
 * ```ts
 * fitsSafe(500_000_000n, 2_500_000, 10_600_000); // true
 * fitsSafe(10n ** 15n, 10_000_000, 10_600_000);   // false
 * ```
 */
export function fitsSafe(shared: bigint, maxCount: number, denominator: number): boolean {
  if (shared > BigInt(SAFE)) return false;
  const s = Number(shared);
  // s × maxCount + denominator ≤ SAFE, checked without forming a product that may round.
  return maxCount === 0 || s <= Math.floor((SAFE - denominator) / maxCount);
}

/**
 * floor(p / d) for whole doubles with p ≥ 0, d > 0 and p + d below 2^53, given `inv`, the double
 * nearest 1 / d (as `1 / d` computes it; hoisted out of a loop over one denominator): a multiply
 * instead of the division that was the largest single cost of allocate()'s share loops.
 *
 * Why one correction is enough: two roundings of relative size at most 2^-53 put p · inv within
 * (p / d)(2^-52 + 2^-106) of p / d, less than (2^53 / d) · 2^-52 · (1 + 2^-54) = (2 / d)(1 + 2^-54),
 * which is below 1 for d ≥ 3; for d = 1 and 2, 1 / d is exact and so is p / d, a whole number or
 * a half below 2^53.
 * So the floor of the product is the quotient or next to it, and the remainder it leaves (exact:
 * q · d ≤ p + d < 2^53) says which way.
 *
 * @example
 * ```ts
 * floorDiv(7, 2, 1 / 2); // 3
 * floorDiv(10, 3, 1 / 3); // 3
 * ```
 */
export function floorDiv(p: number, d: number, inv: number): number {
  const q = Math.floor(p * inv);
  const r = p - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}
