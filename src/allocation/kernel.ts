/**
 * The share kernel of allocate(): splits a sum by the counts of the recipients that have one, in
 * one of the three roundings, as columns. Exact integer arithmetic in two paths: doubles holding
 * whole numbers where every intermediate is proven below 2^53 (the common case: 2025's largest
 * product is about 1.3 · 10^15), bigint otherwise. Both give the same amounts, steps and ties as
 * the public kernels in apportion.ts, which the property tests check on both sides of the bound.
 */
import { raise } from "../errors.js";
import { fitsSafe, floorDiv } from "../exact-double.js";
import { splitLargestRemainder as splitLargestRemainderChecked, splitNearest, type RoundingMode, type RoundingStep, type Tie, type Weighted } from "../apportion.js";

// Re-exported: the share kernel's callers and tests know the bound by this module.
export { fitsSafe };

/** Step codes in the columns; {@link STEP_NAMES} maps them to {@link RoundingStep}. */
export const STEP = { down: 0, up: 1, halfUp: 2, exact: 3, floor: 4, floorPlus1: 5, absorbed: 6 } as const;
/** The rounding step of each code. */
export const STEP_NAMES: readonly RoundingStep[] = ["down", "up", "half-up", "exact", "floor", "floor+1", "absorbed"];

/** A share split as columns, parallel to the counts given. */
export interface ShareColumns {
  /** Whole kronor of each share: doubles holding exact whole numbers, or bigints. */
  readonly shares: Float64Array | bigint[];
  readonly steps: Uint8Array;
  readonly ties: Tie[];
  /** The sum of the shares. */
  readonly allocated: bigint;
}

/** Recipient names by index into the counts, looked up only when a tie or an error needs them. */
interface Ids {
  at(j: number): string;
}

/**
 * Below this denominator the nearest-krona sum needs no branch per recipient: 2r − d lies in
 * [−d, d), so it is an int32 and its sign bit says up or down. 2^30 leaves a factor of two of room
 * under int32's 2^31.
 */
const SIGN_BIT_BELOW = 2 ** 30;

/** The largest of the counts, 0 for none: what the kernels bound their products by when not told. */
function largest(counts: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > max) max = counts[i]!;
  return max;
}

/**
 * Splits `shared` by `counts` (whole numbers in doubles) over `denominator`, in the given rounding.
 * `codes[positions[j]]` names recipient j for ties (ascending, as codes are; without `positions`,
 * `codes[j]`); the names are looked up only for a tie or an error. Largest remainder and
 * largest-absorbs need `denominator` to be the counts' sum (the caller checks). `maxCount`, when
 * given, must be at least every count (a column's largest, known from the pass that made it).
 *
 * @example
 * ```ts
 * const r = shareColumns(10n, Float64Array.of(1, 2), 3, "nearest-per-recipient", ["a", "b"]);
 * [...r.shares]; // [3, 7]
 * ```
 */
export function shareColumns(shared: bigint, counts: ArrayLike<number>, denominator: number, rounding: RoundingMode, codes: readonly string[], positions?: Int32Array, maxCount: number = largest(counts)): ShareColumns {
  const ids: Ids = positions ? { at: (j) => codes[positions[j]!]! } : { at: (j) => codes[j]! };
  if (fitsSafe(shared, maxCount, denominator)) return safeShares(Number(shared), counts, denominator, rounding, ids);
  return bigShares(shared, counts, denominator, rounding, ids);
}

/**
 * The sum of the shares `shareColumns(…, "nearest-per-recipient")` gives, without building its
 * columns, when every intermediate fits a double exactly ({@link fitsSafe}); undefined otherwise.
 * `maxCount`, when given, must be at least every count.
 * allocate() needs only this sum on every call; the columns are built when an amount is read.
 *
 * @example
 * ```ts
 * nearestAllocated(10n, Float64Array.of(1, 2), 3); // 10n (3 + 7)
 * nearestAllocated(10n ** 16n, Float64Array.of(1e9), 2e9); // undefined: bigint work
 * ```
 */
export function nearestAllocated(shared: bigint, counts: ArrayLike<number>, denominator: number, maxCount: number = largest(counts)): bigint | undefined {
  const n = counts.length;
  if (!fitsSafe(shared, maxCount, denominator)) return undefined;
  const s = Number(shared);
  const d = denominator;
  const inv = 1 / d;
  let allocated = 0;
  if (d < SIGN_BIT_BELOW) {
    // Rounding up or down is a coin toss per recipient, and a branch on it is mispredicted about
    // every other time: with 2r − d in int32 range, its sign bit gives the krona without one
    // ((x >> 31) + 1 is 1 for x ≥ 0, 0 below).
    for (let i = 0; i < n; i++) {
      const p = s * counts[i]!;
      const q = floorDiv(p, d, inv);
      allocated += q + (((2 * (p - q * d) - d) >> 31) + 1);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const p = s * counts[i]!;
      const q = floorDiv(p, d, inv);
      allocated += 2 * (p - q * d) >= d ? q + 1 : q;
    }
  }
  return BigInt(allocated);
}

function safeShares(s: number, counts: ArrayLike<number>, d: number, rounding: RoundingMode, ids: Ids): ShareColumns {
  const n = counts.length;
  const shares = new Float64Array(n);
  const steps = new Uint8Array(n);
  const rems = rounding === "largest-remainder" ? new Float64Array(n) : undefined;
  let allocated = 0;
  const inv = 1 / d;
  for (let i = 0; i < n; i++) {
    const p = s * counts[i]!;
    let q = floorDiv(p, d, inv);
    const r = p - q * d;
    if (rems) {
      rems[i] = r;
      shares[i] = q;
      steps[i] = STEP.floor;
      allocated += q;
      continue;
    }
    const twice = 2 * r;
    if (twice === 0) steps[i] = STEP.exact;
    else if (twice < d) steps[i] = STEP.down;
    else {
      q += 1;
      steps[i] = twice === d ? STEP.halfUp : STEP.up;
    }
    shares[i] = q;
    allocated += q;
  }
  const total = s;
  const ties: Tie[] = [];
  if (rems) {
    const leftover = total - allocated;
    if (leftover > 0) {
      const order = Array.from({ length: n }, (_, i) => i).filter((i) => rems[i]! > 0);
      order.sort((a, b) => rems[b]! - rems[a]! || a - b);
      const cut = rems[order[leftover - 1]!]!;
      const tied = order.filter((i) => rems[i] === cut);
      let won = 0;
      for (const i of order) {
        if (rems[i]! > cut) {
          shares[i] = shares[i]! + 1;
          steps[i] = STEP.floorPlus1;
          won++;
        }
      }
      const left = leftover - won;
      for (let t = 0; t < left; t++) {
        shares[tied[t]!] = shares[tied[t]!]! + 1;
        steps[tied[t]!] = STEP.floorPlus1;
      }
      if (tied.length > left) {
        ties.push({ remainderNumerator: BigInt(cut), denominator: BigInt(d), winners: tied.slice(0, left).map((i) => ids.at(i)), losers: tied.slice(left).map((i) => ids.at(i)) });
      }
      allocated = total;
    }
  } else if (rounding === "largest-absorbs" && n > 0) {
    const i = largestIndex(counts);
    shares[i] = shares[i]! + (total - allocated);
    if (shares[i]! < 0) absorberNegative(ids.at(i), String(shares[i]));
    steps[i] = STEP.absorbed;
    allocated = total;
  }
  return { shares, steps, ties, allocated: BigInt(allocated) };
}

function absorberNegative(id: string, share: string): never {
  return raise("ALLOCATION_INVALID_INPUT", "absorber-negative", { id, share });
}

/** The recipient with the largest exact share (the largest count), the first one on a tie. */
function largestIndex(counts: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  return best;
}

function bigShares(shared: bigint, counts: ArrayLike<number>, d: number, rounding: RoundingMode, ids: Ids): ShareColumns {
  const items: Weighted[] = Array.from(counts, (c, i) => ({ id: ids.at(i), weight: BigInt(c) }));
  const den = BigInt(d);
  if (rounding === "largest-remainder") {
    // The public kernel, which the property tests hold against an independent computation.
    return fromSplit(splitLargestRemainderChecked(shared, items));
  }
  const split = splitNearest(shared, items, den);
  const out = fromSplit(split);
  if (rounding === "largest-absorbs" && items.length > 0) {
    const i = largestIndex(counts);
    const shares = out.shares as bigint[];
    shares[i] = shares[i]! + (shared - out.allocated);
    if (shares[i]! < 0n) absorberNegative(ids.at(i), String(shares[i]));
    out.steps[i] = STEP.absorbed;
    return { ...out, allocated: shared };
  }
  return out;
}

function fromSplit(split: { amounts: BigInt64Array | bigint[]; steps: readonly RoundingStep[]; ties: Tie[]; allocated: bigint }): ShareColumns {
  const shares = Array.from(split.amounts, (v) => BigInt(v));
  const steps = Uint8Array.from(split.steps, (s) => STEP_NAMES.indexOf(s));
  return { shares, steps, ties: [...split.ties], allocated: split.allocated };
}
