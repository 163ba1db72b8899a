/**
 * How a pot's exact shares become whole kronor, as data. SKR's published tables show three
 * conventions (one per year in the women's-health tables 2022–2024, see docs/audit.md): a table is
 * audited against each, and an agreement names the one it uses.
 */
import { splitLargestAbsorbs, splitLargestRemainder, splitNearest, type Split, type Weighted } from "../apportion.js";

/**
 * - `nearest`: every amount rounded on its own to the nearest krona (halves up); the parts may
 *   miss the pot by a few kronor.
 * - `largest-remainder`: floors, then the leftover kronor one each to the largest remainders
 *   (Hamilton), equal remainders to the lowest code; the parts sum exactly to the pot.
 * - `largest-absorbs`: every amount rounded on its own, then the largest recipient takes the
 *   difference so that the parts sum exactly to the pot.
 */
export type RoundingConvention = "nearest" | "largest-remainder" | "largest-absorbs";

/** The conventions, in the order an audit tries them (the one needing no adjustment first). */
export const ROUNDING_CONVENTIONS: readonly RoundingConvention[] = ["nearest", "largest-remainder", "largest-absorbs"];

/** Each convention in the words a finance officer reads (Swedish). */
export const CONVENTION_WORDS: Readonly<Record<RoundingConvention, string>> = {
  nearest: "varje belopp avrundat för sig till närmaste krona",
  "largest-remainder": "största rest (Hamilton), lika rester till lägst kod",
  "largest-absorbs": "varje belopp avrundat, den största mottagaren tar skillnaden så att potten går jämnt ut",
};

/**
 * Whether a value is one of the {@link ROUNDING_CONVENTIONS}.
 *
 * @example
 * ```ts
 * isRoundingConvention("largest-absorbs"); // true
 * isRoundingConvention("nearest-per-recipient"); // false (that is the allocation's RoundingMode)
 * ```
 */
export function isRoundingConvention(value: unknown): value is RoundingConvention {
  return typeof value === "string" && (ROUNDING_CONVENTIONS as readonly string[]).includes(value);
}

/**
 * Splits `total` by weights under a convention, with the kernel that implements it.
 *
 * @throws AllocationError as the kernel does (see {@link splitNearest},
 * {@link splitLargestRemainder}, {@link splitLargestAbsorbs}).
 * @example
 * ```ts
 * const w = [{ id: "a", weight: 1n }, { id: "b", weight: 1n }, { id: "c", weight: 1n }];
 * splitByConvention(100n, w, "nearest").amounts;           // [33n, 33n, 33n]
 * splitByConvention(100n, w, "largest-remainder").amounts; // [34n, 33n, 33n]
 * splitByConvention(100n, w, "largest-absorbs").amounts;   // [34n, 33n, 33n]
 * ```
 */
export function splitByConvention(total: bigint, items: readonly Weighted[], convention: RoundingConvention): Split {
  switch (convention) {
    case "nearest":
      return splitNearest(total, items);
    case "largest-remainder":
      return splitLargestRemainder(total, items);
    case "largest-absorbs":
      return splitLargestAbsorbs(total, items);
  }
}
