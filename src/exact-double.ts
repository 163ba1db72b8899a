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
 * floor(p / d) for whole doubles with p ≥ 0, d > 0 and p + d below 2^53. The double quotient may
 * be off by one next to a whole number; the remainder it leaves tells which way.
 *
 * @example
 * ```ts
 * floorDiv(7, 2); // 3
 * ```
 */
export function floorDiv(p: number, d: number): number {
  const q = Math.floor(p / d);
  const r = p - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}
