import { raise } from "./errors.js";

/**
 * Swedish number formatting without Intl, so output is identical on every machine and ICU
 * version: thousands grouped by a space, decimal comma, minus sign as a hyphen.
 */

/**
 * Groups the digits of a whole number in threes: `1309672n` → `"1 309 672"`.
 *
 * @example
 * ```ts
 * formatInteger(-1234567n); // "-1 234 567"
 * ```
 */
export function formatInteger(value: bigint | number, separator = " "): string {
  const v = BigInt(value);
  const digits = (v < 0n ? -v : v).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return v < 0n ? `-${grouped}` : grouped;
}

/**
 * Whole kronor in Swedish style: `1309672n` → `"1 309 672 kr"`.
 *
 * @example
 * ```ts
 * formatKronor(4000000n); // "4 000 000 kr"
 * ```
 */
export function formatKronor(value: bigint | number): string {
  return `${formatInteger(value)} kr`;
}

/**
 * The exact value of `numerator / denominator` to a number of decimals (half up), with a decimal
 * comma: `(251468700000000n, 2265405n)` → `"1 109 671,78"`. Exact inputs, exact rounding.
 *
 * @example
 * ```ts
 * formatFraction(7n, 2n); // "3,50"
 * ```
 */
export function formatFraction(numerator: bigint, denominator: bigint, decimals = 2): string {
  if (typeof numerator !== "bigint" || typeof denominator !== "bigint") raise("ALLOCATION_INVALID_INPUT", "not-bigint", { what: "a fraction's numerator and denominator", got: `${typeof numerator} and ${typeof denominator}` });
  if (denominator === 0n) raise("ALLOCATION_INVALID_INPUT", "zero-denominator", {});
  const sign = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scale = 10n ** BigInt(decimals);
  const scaled = (n * scale * 2n + d) / (2n * d);
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(decimals, "0");
  const text = decimals > 0 ? `${formatInteger(whole)},${frac}` : formatInteger(whole);
  // A value that rounds to zero has no sign: -0,001 is "0,00", not "-0,00".
  return sign && scaled !== 0n ? `-${text}` : text;
}

/**
 * A signed difference for reports: `+1 234`, `-56`, `0`.
 *
 * @example
 * ```ts
 * formatSigned(-3n); // "-3"
 * ```
 */
export function formatSigned(value: bigint): string {
  return value > 0n ? `+${formatInteger(value)}` : formatInteger(value);
}
