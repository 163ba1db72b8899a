/**
 * Whole kronor read exactly, without zod: the one rule for amounts in agreement files and
 * scenario changes, shared by the zod schema (src/rules.ts) and by code that must start without
 * loading zod (the CLI's `--set`, the engine).
 */

/** Amounts above this are refused as typing errors (a thousand billion kronor), as numbers and as strings. */
export const MAX_KRONOR = 10n ** 15n;
/** Digits of MAX_KRONOR: a longer whole part is over the cap, whatever its exponent says. */
const MAX_KRONOR_DIGITS = MAX_KRONOR.toString().length;

/**
 * The exact whole value of a plain decimal string ("1.5e6", "200000.00"), or undefined when it is
 * not whole, negative or above MAX_KRONOR. Exact in bigint: the digits are shifted by the
 * exponent, and the exponent is bounded before any power is taken, so "1e999999999" is refused
 * without building a billion-digit number.
 */
export function wholeKronor(text: string): bigint | undefined {
  const m = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return undefined;
  const fraction = m[2] ?? "";
  const digits = `${m[1]}${fraction}`.replace(/^0+/, "");
  if (digits === "") return 0n;
  const significant = digits.replace(/0+$/, "");
  // value = significant × 10^shift
  const shift = BigInt(m[3] ?? "0") - BigInt(fraction.length) + BigInt(digits.length - significant.length);
  if (shift < 0n) return undefined; // a fraction of a krona remains
  if (BigInt(significant.length) + shift > BigInt(MAX_KRONOR_DIGITS)) return undefined;
  const value = BigInt(significant) * 10n ** shift;
  return value > MAX_KRONOR ? undefined : value;
}

/**
 * A whole number of kronor from a JSON number or a plain decimal string, or undefined when it is
 * not whole, negative or above 10^15 kr.
 *
 * @example
 * ```ts
 * parseKronor("1.5e6"); // 1500000n
 * parseKronor("200000.50"); // undefined
 * ```
 */
export function parseKronor(v: unknown): bigint | undefined {
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 && BigInt(v) <= MAX_KRONOR ? BigInt(v) : undefined;
  return typeof v === "string" ? wholeKronor(v) : undefined;
}

/** The longest description of a value in a message: a whole (maybe huge or deep) value is never stringified. */
const DESCRIBE_LIMIT = 80;

/**
 * A short description of a value for a message: strings cut at 80 characters, containers by
 * their first keys only, so a huge or deep value is never stringified.
 *
 * @example
 * ```ts
 * describeValue([1, 2, 3]); // "[3 items]"
 * ```
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > DESCRIBE_LIMIT ? `${v.slice(0, DESCRIBE_LIMIT - 1)}…` : v);
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v !== "object" || v === null) return String(JSON.stringify(v) ?? String(v));
  // Containers are described by their first items only, iteratively, so depth and size cost nothing.
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `[${v.length} items]`;
  const keys = Object.keys(v);
  const shown = keys.slice(0, 3).map((k) => JSON.stringify(k.length > 20 ? `${k.slice(0, 19)}…` : k));
  return keys.length === 0 ? "{}" : `{${shown.join(", ")}${keys.length > 3 ? ", …" : ""}}`;
}
