/**
 * Amounts as published: "1 309 672", "1 309 672 kr", "1.309.672", "1309672,00", with ordinary,
 * non-breaking (U+00A0) or narrow non-breaking (U+202F) spaces between the thousands. Read
 * exactly, as whole kronor; anything else is a typed problem naming the value, never a guess.
 */

/** Amounts above this are refused as misreadings (a thousand billion kronor). */
export const MAX_PUBLISHED_AMOUNT = 10n ** 15n;

/** What {@link parsePublishedAmount} found. */
export type AmountReading =
  /** Whole kronor. `irregular` is true when the digits were not grouped in threes ("42 045981"). */
  | { ok: true; value: bigint; irregular: boolean }
  | { ok: false; kind: "not-a-number" | "negative" | "fraction" | "too-large" };

const SUFFIX = /\s*(?:kr\.?|kronor|sek|:-|,-)$/i;
const MINUS = /^[-\u2212\u2013]\s*/;

/**
 * Reads one published amount exactly.
 *
 * Rules: spaces (also U+00A0, U+202F, thin spaces) or dots separate thousands; a comma, or a dot
 * followed by one or two final digits, starts öre, which must be zero ("1 309 672,00"); a single
 * comma followed by three digits ("309,672") is Swedish for a fraction and refused; "kr", "kronor",
 * "SEK", ":-" may follow. Digits not grouped in threes ("42 045981") are read as their digits with
 * `irregular: true`: whether that reading is right is for the caller to confirm (a published total
 * does, see parsePublishedTable). A dash alone is not read as zero: an amount is given or missing.
 *
 * @example
 * ```ts
 * parsePublishedAmount("1 309 672 kr");      // { ok: true, value: 1309672n, irregular: false }
 * parsePublishedAmount("1\u00A0309\u00A0672"); // { ok: true, value: 1309672n, irregular: false }
 * parsePublishedAmount("1.309.672");         // { ok: true, value: 1309672n, irregular: false }
 * parsePublishedAmount("42 045981");         // { ok: true, value: 42045981n, irregular: true }
 * parsePublishedAmount("309,672");           // { ok: false, kind: "fraction" }
 * ```
 */
export function parsePublishedAmount(raw: string | number): AmountReading {
  if (typeof raw === "number") return fromNumber(raw);
  let s = raw.trim();
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(SUFFIX, "").trim();
  }
  let negative = false;
  if (MINUS.test(s)) {
    negative = true;
    s = s.replace(MINUS, "");
  }
  if (!/^\d/.test(s) || !/^[\d \u00A0\u202F\u2009\u2007.,]+$/.test(s)) return { ok: false, kind: "not-a-number" };
  // Öre: ",d" / ",dd" at the end, or ".d" / ".dd" at the end. They must be zero.
  const ore = /[.,](\d{1,2})$/.exec(s);
  if (ore) {
    if (/[1-9]/.test(ore[1]!)) return { ok: false, kind: "fraction" };
    s = s.slice(0, ore.index);
  }
  // A remaining comma is a thousands separator only in the English "1,309,672" form (two or more
  // groups); one comma before three digits is a Swedish decimal comma.
  if (s.includes(",")) {
    if (!/^\d{1,3}(,\d{3}){2,}$/.test(s)) return { ok: false, kind: s.includes(".") ? "not-a-number" : "fraction" };
  }
  const groups = s.split(/[ \u00A0\u202F\u2009\u2007.,]+/);
  if (groups.some((g) => g === "" || !/^\d+$/.test(g))) return { ok: false, kind: "not-a-number" };
  const irregular = groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3));
  const value = BigInt(groups.join(""));
  if (negative && value > 0n) return { ok: false, kind: "negative" };
  if (value > MAX_PUBLISHED_AMOUNT) return { ok: false, kind: "too-large" };
  return { ok: true, value, irregular };
}

function fromNumber(n: number): AmountReading {
  if (!Number.isFinite(n)) return { ok: false, kind: "not-a-number" };
  if (n < 0) return { ok: false, kind: "negative" };
  if (!Number.isInteger(n)) return { ok: false, kind: "fraction" };
  if (n > Number(MAX_PUBLISHED_AMOUNT) || !Number.isSafeInteger(n)) return { ok: false, kind: "too-large" };
  return { ok: true, value: BigInt(n), irregular: false };
}

/**
 * Whether a whitespace-free token of a text line is (part of) an amount: digits, possibly with
 * dots or commas inside, a leading minus, or a trailing "kr".
 *
 * @example
 * ```ts
 * isAmountToken("309");   // true
 * isAmountToken("2080");  // true (a code looks like an amount; the line's layout decides)
 * isAmountToken("Falun"); // false
 * ```
 */
export function isAmountToken(token: string): boolean {
  return /^[-\u2212\u2013]?\d[\d.,]*$/.test(token);
}

/**
 * Splits a text into its whitespace-separated tokens (any Unicode space or tab).
 *
 * @example
 * ```ts
 * amountGroups("Falun\t1\u00A0309 672"); // ["Falun", "1", "309", "672"]
 * ```
 */
export function amountGroups(text: string): string[] {
  // \s covers tabs and every Unicode space (U+00A0, U+202F, thin and figure spaces).
  return text.trim().split(/\s+/).filter((g) => g !== "");
}
