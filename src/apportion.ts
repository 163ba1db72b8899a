/**
 * Exact integer kernels for splitting a sum by weights. No knowledge of Sweden or agreements here:
 * amounts are bigint units (kronor), weights are bigint counts, every quotient is exact.
 */
import { raise } from "./errors.js";
import { fitsSafe, floorDiv, SAFE } from "./exact-double.js";

/** How the exact share of each recipient becomes whole kronor. */
export type RoundingMode =
  /** Each share rounded on its own to the nearest krona, halves up (SKR's convention). */
  | "nearest-per-recipient"
  /** Floors, then the leftover kronor to the largest remainders (Hamilton); parts sum exactly. */
  | "largest-remainder"
  /** Each share rounded on its own, then the largest recipient absorbs the difference; parts sum exactly. */
  | "largest-absorbs";

/** The rounding modes, default first. */
export const ROUNDING_MODES: readonly RoundingMode[] = ["nearest-per-recipient", "largest-remainder", "largest-absorbs"];

/** What happened to one exact share when it was rounded. */
export type RoundingStep =
  /** Rounded down to the nearest krona (fraction below one half). */
  | "down"
  /** Rounded up to the nearest krona (fraction above one half). */
  | "up"
  /** Exactly half a krona, rounded up by the half-up convention. */
  | "half-up"
  /** The exact share was a whole number: nothing to round. */
  | "exact"
  /** Largest remainder: kept the floor. */
  | "floor"
  /** Largest remainder: floor plus one leftover krona. */
  | "floor+1"
  /** Largest-absorbs: rounded to the nearest krona, then given the pot's difference so it sums exactly. */
  | "absorbed";

/** One input to a split. */
export interface Weighted {
  /** A stable identifier; the largest-remainder mode breaks ties by ascending id. */
  id: string;
  weight: bigint;
}

/** One part of a split, with everything needed to explain it. */
export interface Part {
  id: string;
  weight: bigint;
  /** The exact share is `numerator / denominator` kronor (not reduced). */
  numerator: bigint;
  denominator: bigint;
  /** The exact share rounded down. */
  floor: bigint;
  /** The whole kronor this part receives. */
  amount: bigint;
  step: RoundingStep;
}

/** Two or more parts whose remainders were equal where the leftover kronor ran out. */
export interface Tie {
  /** The shared fractional remainder, as `numerator / denominator` of a krona. */
  remainderNumerator: bigint;
  denominator: bigint;
  /** Ids that got the extra krona (lowest ids first, by the tie-break). */
  winners: string[];
  /** Ids with the same remainder that did not. */
  losers: string[];
}

/**
 * The result of a split, column by column: index `i` of `amounts` and `steps` belongs to the i-th
 * input item. Columns rather than one object per part keep a split of many recipients from filling
 * the heap with small objects (a BigInt64Array holds the kronor inline), so time grows linearly.
 */
export interface Split {
  /** The sum that was split. */
  readonly total: bigint;
  /** The denominator of every exact share: the weights' sum, or the declared total. */
  readonly denominator: bigint;
  /** Whole kronor per item, in input order (a BigInt64Array for large splits, an array otherwise). */
  readonly amounts: BigInt64Array | bigint[];
  /** How each item's exact share was rounded, in input order. */
  readonly steps: RoundingStep[];
  /** Sum of the amounts. */
  readonly allocated: bigint;
  /** Ties broken by id in largest-remainder mode; always empty in nearest mode. */
  readonly ties: Tie[];
  /**
   * One part per item with its exact share, in input order; built when first read, from the items
   * as they are then (a getter: spreading a split does not copy it).
   */
  readonly parts: Part[];
  /**
   * The part of item `i` (in input order), built on each call and kept by nobody: for reading a
   * large split's explanations one at a time. `parts` holds every part alive at once, which on a
   * split of hundreds of thousands of items costs several times as much per part as on a small
   * one (the garbage collector copies them while they are built); `partAt` costs the same per
   * part at any size. `partAt(i)` equals `parts[i]` field by field.
   *
   * @throws AllocationError when `i` is not the index of an item.
   * @example
   * ```ts
   * splitNearest(10n, [{ id: "a", weight: 1n }, { id: "b", weight: 2n }]).partAt(1);
   * // { id: "b", weight: 2n, numerator: 20n, denominator: 3n, floor: 6n, amount: 7n, step: "up" }
   * ```
   */
  partAt(i: number): Part;
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * A column for amounts up to `total`. Large splits hold their kronor inline in a BigInt64Array
 * (one heap bigint per recipient made time grow faster than linearly); small ones use a plain
 * array, which is cheaper to allocate and to read.
 */
function amountColumn(total: bigint, n: number): BigInt64Array | bigint[] {
  return n > 4096 && total <= INT64_MAX ? new BigInt64Array(n) : new Array<bigint>(n);
}

/** Index of the low 32-bit word of an int64 in a Uint32Array view: 0 on little-endian machines. */
const LOW_WORD = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 0 : 1;

// A weight proven below 2^53 becomes a double through these (a store truncating to 64 bits and two
// word reads), several times cheaper than Number(bigint) on the safe path's every item.
const scratch = new BigInt64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** `w` as a double, for 0 ≤ w < 2^53 (so that both words and their combination are exact). */
function safeNumber(w: bigint): number {
  scratch[0] = w;
  return scratchWords[1 - LOW_WORD]! * 4294967296 + scratchWords[LOW_WORD]!;
}

/**
 * The words of `amounts` when the split may take the safe path: the column is a BigInt64Array
 * (written without a heap bigint per item; into a plain column each amount would need BigInt(q),
 * dearer than the bigint arithmetic it saves) and `total × weight + den` is below 2^53 for every
 * weight up to `max` (the share kernel's bound, {@link fitsSafe}), so the shares are exact in
 * doubles.
 */
function safeWords(total: bigint, max: bigint, den: bigint, amounts: BigInt64Array | bigint[]): Uint32Array | undefined {
  if (!(amounts instanceof BigInt64Array) || den > BigInt(SAFE)) return undefined;
  if (max > BigInt(SAFE) || !fitsSafe(total, Number(max), Number(den))) return undefined;
  return new Uint32Array(amounts.buffer, amounts.byteOffset, amounts.length * 2);
}

/** Writes the whole number `q` (safe, not negative) as item `i`'s kronor, as its two 32-bit words. */
function putAmount(words: Uint32Array, i: number, q: number): void {
  words[2 * i + LOW_WORD] = q >>> 0;
  words[2 * i + 1 - LOW_WORD] = Math.floor(q / 4294967296);
}

/** A {@link Split} whose parts are built from its columns when first read. */
class ColumnSplit implements Split {
  #parts: Part[] | undefined;
  readonly #items: readonly Weighted[];

  constructor(
    readonly total: bigint,
    items: readonly Weighted[],
    readonly denominator: bigint,
    readonly amounts: BigInt64Array | bigint[],
    readonly steps: RoundingStep[],
    readonly allocated: bigint,
    readonly ties: Tie[],
  ) {
    this.#items = items;
  }

  get parts(): Part[] {
    if (this.#parts) return this.#parts;
    const n = this.#items.length;
    const out = new Array<Part>(n);
    for (let i = 0; i < n; i++) out[i] = this.#partAt(i);
    return (this.#parts = out);
  }

  partAt(i: number): Part {
    if (!Number.isInteger(i) || i < 0 || i >= this.#items.length) {
      raise("ALLOCATION_INVALID_INPUT", "no-part", { index: String(i), count: this.#items.length }, { value: String(i) });
    }
    return this.#partAt(i);
  }

  #partAt(i: number): Part {
    const it = this.#items[i]!;
    const denominator = this.denominator;
    const numerator = this.total * it.weight;
    const amount = this.amounts[i]!;
    const step = this.steps[i]!;
    // The step says how the amount relates to the floor, so the floor needs no division and,
    // rounded down, is the amount itself: fewer heap bigints per part.
    const floor = step === "down" || step === "exact" || step === "floor" ? amount : step === "absorbed" ? numerator / denominator : amount - 1n;
    return { id: it.id, weight: it.weight, numerator, denominator, floor, amount, step };
  }
}

/**
 * The k-th smallest value (0-based) of `a` by quickselect (Hoare partition, middle pivot);
 * reorders `a`. Exact: the values are compared, never computed with.
 */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Plain-JS callers may pass numbers or other things: a typed error, not "Cannot mix BigInt". */
function checkTypes(total: unknown, items: unknown, denominator?: unknown): void {
  if (typeof total !== "bigint") raise("ALLOCATION_INVALID_INPUT", "not-bigint", { what: "the total", got: describe(total) }, { value: describe(total) });
  if (denominator !== undefined && typeof denominator !== "bigint") raise("ALLOCATION_INVALID_INPUT", "not-bigint", { what: "the denominator", got: describe(denominator) });
  if (!Array.isArray(items)) raise("ALLOCATION_INVALID_INPUT", "not-bigint", { what: "the weights (a list of { id, weight })", got: describe(items) });
}

function describe(v: unknown): string {
  return typeof v === "number" ? `the number ${v}` : v === null ? "null" : Array.isArray(v) ? "a list" : typeof v;
}

const WORD = 2n ** 32n;
/** Below 2^53 − 2^32, so that adding one more weight below 2^32 stays exact. */
const FLUSH = 2 ** 52;

/** What one pass over the weights finds: their sum and largest value, and what is wrong with them. */
interface Scan {
  readonly sum: bigint;
  readonly max: bigint;
  /** Index of the first negative weight, or −1. */
  readonly negative: number;
  /** Whether the ids are strictly ascending (so distinct without hashing them). */
  readonly ascending: boolean;
}

/**
 * Reads every item once: throws on a weight that is not a bigint, and notes the rest for
 * {@link checkScan}. One pass rather than one per check: on a split of many recipients each pass
 * over the items costs about as much as the arithmetic.
 */
function scanItems(items: readonly Weighted[]): Scan {
  // Weights below 2^32 (every population count) are summed as doubles, flushed into the bigint
  // sum before the double could pass 2^53: exact, and no heap bigint per item.
  let small = 0;
  let sum = 0n;
  let max = 0n;
  let negative = -1;
  let ascending = true;
  let previous: string | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const w = (it as { weight?: unknown } | null)?.weight;
    if (typeof w !== "bigint") raise("ALLOCATION_INVALID_INPUT", "not-bigint", { what: "every weight", got: describe(w) }, { value: describe(w) });
    if (w > max) max = w;
    else if (w < 0n && negative < 0) negative = i;
    if (w >= 0n && w < WORD) {
      small += safeNumber(w);
      if (small >= FLUSH) {
        sum += BigInt(small);
        small = 0;
      }
    } else sum += w;
    const id = it.id;
    if (ascending && i > 0 && !(previous! < id)) ascending = false;
    previous = id;
  }
  return { sum: sum + BigInt(small), max, negative, ascending };
}

/** Throws unless every weight is non-negative and no id appears twice. */
function checkScan(items: readonly Weighted[], scan: Scan): void {
  if (scan.negative >= 0) {
    const it = items[scan.negative]!;
    raise("ALLOCATION_INVALID_INPUT", "negative-weight", { id: String(it.id), weight: String(it.weight) }, { value: String(it.weight) });
  }
  if (!scan.ascending) {
    const seen = new Set<string>();
    for (const it of items) {
      if (seen.has(it.id)) raise("ALLOCATION_INVALID_INPUT", "repeated-id", { id: it.id }, { value: it.id });
      seen.add(it.id);
    }
  }
}

/** The weights checked, with their sum and largest value. */
function checkItems(items: readonly Weighted[]): Scan {
  const scan = scanItems(items);
  checkScan(items, scan);
  return scan;
}

/** Throws unless the total is non-negative and the denominator positive and at least the weights' sum. */
function checkSums(total: bigint, sum: bigint, denominator: bigint): void {
  if (total < 0n) raise("ALLOCATION_INVALID_INPUT", "negative-total", { total: String(total) }, { value: String(total) });
  if (denominator <= 0n) raise("ALLOCATION_NO_WEIGHT", "zero-weights", {}, { value: String(denominator) });
  if (denominator < sum) {
    raise("ALLOCATION_INVALID_INPUT", "denominator-too-small", { denominator: String(denominator), sum: String(sum) }, { value: String(denominator) });
  }
}

/**
 * Weights checked once (none negative, no id twice) with their sum, for splitting many sums by the
 * same weights without checking them again: what-if runs on one population. Made by
 * {@link prepareWeights}; used by {@link splitPrepared}.
 */
export interface PreparedWeights {
  readonly items: readonly Weighted[];
  readonly sum: bigint;
}

// Only what prepareWeights made is trusted: an object of the same shape may hold anything. The
// value is the largest weight, for the kernels' choice of arithmetic.
const preparedSets = new WeakMap<PreparedWeights, bigint>();

/**
 * Checks weights once and keeps a frozen copy with their sum.
 *
 * @throws AllocationError on a negative weight or a repeated id.
 * @example
 * ```ts
 * const w = prepareWeights([{ id: "a", weight: 1n }, { id: "b", weight: 2n }]);
 * w.sum; // 3n
 * splitPrepared(10n, w, "nearest-per-recipient").amounts; // [3n, 7n]
 * splitPrepared(11n, w, "nearest-per-recipient").amounts; // [4n, 7n]
 * ```
 */
export function prepareWeights(items: readonly Weighted[]): PreparedWeights {
  checkTypes(0n, items);
  const { sum, max } = checkItems(items);
  const copy = Object.freeze(items.map((it) => Object.freeze({ id: it.id, weight: it.weight })));
  const prepared: PreparedWeights = Object.freeze({ items: copy, sum });
  preparedSets.set(prepared, max);
  return prepared;
}

/**
 * Splits `total` by weights from {@link prepareWeights} with the named rounding mode, without
 * checking the weights again. Same results as {@link split}.
 *
 * @throws AllocationError on a negative total, weights not made by prepareWeights, a zero or too
 * small denominator, or a declared denominator with largest remainder.
 * @example
 * ```ts
 * const w = prepareWeights([{ id: "a", weight: 1n }, { id: "b", weight: 1n }]);
 * splitPrepared(1n, w, "largest-remainder").ties[0].winners; // ["a"]
 * ```
 */
export function splitPrepared(total: bigint, weights: PreparedWeights, mode: RoundingMode, denominator?: bigint): Split {
  const max = preparedSets.get(weights);
  if (max === undefined) raise("ALLOCATION_INVALID_INPUT", "not-prepared", {});
  return splitChecked(total, weights.items, { sum: weights.sum, max }, mode, denominator);
}

/** Every mode, once the weights are known to be valid and their sum and largest value are known. */
function splitChecked(total: bigint, items: readonly Weighted[], weights: { sum: bigint; max: bigint }, mode: RoundingMode, denominator: bigint | undefined): Split {
  const { sum, max } = weights;
  if (mode === "largest-remainder") {
    if (denominator !== undefined && denominator !== sum) {
      raise("ALLOCATION_INVALID_INPUT", "needs-all-weights", { rounding: "largest-remainder" });
    }
    checkSums(total, sum, sum);
    return largestRemainder(total, items, sum, max);
  }
  if (mode === "largest-absorbs") {
    if (denominator !== undefined && denominator !== sum) {
      raise("ALLOCATION_INVALID_INPUT", "needs-all-weights", { rounding: "largest-absorbs" });
    }
    checkSums(total, sum, sum);
    return largestAbsorbs(total, items, sum, max);
  }
  const den = denominator ?? sum;
  checkSums(total, sum, den);
  return nearest(total, items, den, max);
}

/** Nearest per recipient, then the part with the largest weight (the first such id) takes total − Σ. */
function largestAbsorbs(total: bigint, items: readonly Weighted[], den: bigint, max: bigint): Split {
  const near = nearest(total, items, den, max);
  if (items.length === 0) return near;
  let best = 0;
  for (let i = 1; i < items.length; i++) {
    const w = items[i]!.weight;
    const b = items[best]!.weight;
    if (w > b || (w === b && items[i]!.id < items[best]!.id)) best = i;
  }
  const amounts = near.amounts;
  amounts[best] = BigInt(amounts[best]!) + (total - near.allocated);
  const steps = [...near.steps];
  steps[best] = "absorbed";
  return new ColumnSplit(total, items, den, amounts, steps, total, []);
}

/**
 * Rounds `numerator / denominator` (both non-negative, denominator positive) to the nearest integer,
 * halves up, and says which way it went.
 *
 * @example
 * ```ts
 * roundHalfUp(5n, 2n); // { value: 3n, step: "half-up" }
 * roundHalfUp(7n, 3n); // { value: 2n, step: "down" }
 * ```
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): { value: bigint; step: RoundingStep } {
  const q = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice === 0n) return { value: q, step: "exact" };
  if (twice < denominator) return { value: q, step: "down" };
  if (twice > denominator) return { value: q + 1n, step: "up" };
  return { value: q + 1n, step: "half-up" };
}

/**
 * Splits `total` by weights, rounding each share on its own to the nearest krona (halves up).
 * The parts need not sum to `total`; the caller reports the residue.
 *
 * `denominator` defaults to the sum of the weights. Pass a larger declared total (say Sweden's
 * population aged 0–18) to compute exact amounts for only some recipients.
 *
 * @throws AllocationError on a negative total or weight, a repeated id, or a denominator that is
 * zero or smaller than the weights' sum.
 * @example
 * ```ts
 * splitNearest(10n, [{ id: "a", weight: 1n }, { id: "b", weight: 2n }]).parts.map((p) => p.amount);
 * // [3n, 7n]  (3.33 → 3, 6.67 → 7)
 * ```
 */
export function splitNearest(total: bigint, items: readonly Weighted[], denominator?: bigint): Split {
  checkTypes(total, items, denominator);
  return splitChecked(total, items, checkItems(items), "nearest-per-recipient", denominator);
}

function nearest(total: bigint, items: readonly Weighted[], den: bigint, max: bigint): Split {
  const n = items.length;
  const amounts = amountColumn(total, n);
  const steps = new Array<RoundingStep>(n);
  const words = safeWords(total, max, den, amounts);
  if (words) {
    const allocated = nearestSafe(Number(total), items, Number(den), words, steps);
    return new ColumnSplit(total, items, den, amounts, steps, BigInt(allocated), []);
  }
  let allocated = 0n;
  // roundHalfUp inlined, comparing the remainder with half the denominator instead of doubling it
  // (one bigint less per part on the hot path of allocate). With an odd denominator no remainder
  // is exactly half, and one equal to ⌊den/2⌋ is below it.
  const half = den / 2n;
  const odd = den % 2n === 1n;
  for (let i = 0; i < n; i++) {
    const numerator = total * items[i]!.weight;
    const floor = numerator / den;
    const rem = numerator % den;
    let amount = floor;
    if (rem === 0n) steps[i] = "exact";
    else if (rem < half || (rem === half && odd)) steps[i] = "down";
    else {
      amount = floor + 1n;
      steps[i] = rem === half ? "half-up" : "up";
    }
    allocated += amount;
    amounts[i] = amount;
  }
  return new ColumnSplit(total, items, den, amounts, steps, allocated, []);
}

/**
 * The nearest split in doubles, when {@link safeWords} allows it: every product, quotient check and
 * doubled remainder is a whole number below 2^53, hence exact, and no bigint is made per item.
 * Same amounts and steps as the bigint loop. Returns the sum of the amounts (at most the total
 * plus one krona per positive weight, so at most total + den: safe too).
 */
function nearestSafe(s: number, items: readonly Weighted[], d: number, words: Uint32Array, steps: RoundingStep[]): number {
  let allocated = 0;
  const inv = 1 / d;
  for (let i = 0; i < items.length; i++) {
    const p = s * safeNumber(items[i]!.weight);
    let q = floorDiv(p, d, inv);
    const twice = 2 * (p - q * d);
    if (twice === 0) steps[i] = "exact";
    else if (twice < d) steps[i] = "down";
    else {
      q += 1;
      steps[i] = twice === d ? "half-up" : "up";
    }
    putAmount(words, i, q);
    allocated += q;
  }
  return allocated;
}

/**
 * Splits `total` by weights so that the parts sum exactly to `total` (largest remainder, Hamilton):
 * every part gets the floor of its exact share, and the kronor left over go one each to the parts
 * with the largest remainders. Equal remainders are ordered by ascending id, and every tie that
 * decided a krona is reported. Zero weights always get zero.
 *
 * @throws AllocationError on a negative total or weight, a repeated id, or weights summing to zero.
 * @example
 * ```ts
 * splitLargestRemainder(100n, [
 *   { id: "a", weight: 2n }, { id: "b", weight: 3n }, { id: "c", weight: 1n },
 * ]).parts.map((p) => p.amount); // [33n, 50n, 17n]
 * ```
 */
export function splitLargestRemainder(total: bigint, items: readonly Weighted[]): Split {
  checkTypes(total, items);
  return splitChecked(total, items, checkItems(items), "largest-remainder", undefined);
}

function largestRemainder(total: bigint, items: readonly Weighted[], den: bigint, max: bigint): Split {
  const n = items.length;
  const amounts = amountColumn(total, n);
  const steps = new Array<RoundingStep>(n).fill("floor");
  // The parts with a remainder (the candidates for a leftover krona) and their remainders. Every
  // remainder is below the denominator, so while that is a safe integer each remainder is exactly
  // a number: compared, never computed with, and kept off the heap.
  const exactKeys = den <= BigInt(Number.MAX_SAFE_INTEGER);
  const candidates = new Int32Array(n);
  const keys = new Float64Array(exactKeys ? n : 0);
  const bigRems: bigint[] = [];
  let m = 0;
  let floors = 0n;
  const words = safeWords(total, max, den, amounts);
  if (words) {
    // Doubles holding whole numbers below 2^53: the same floors and remainders, no bigint per item.
    const s = Number(total);
    const d = Number(den);
    const inv = 1 / d;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const p = s * safeNumber(items[i]!.weight);
      const q = floorDiv(p, d, inv);
      const rem = p - q * d;
      sum += q;
      putAmount(words, i, q);
      if (rem > 0) {
        candidates[m] = i;
        keys[m] = rem;
        m++;
      }
    }
    floors = BigInt(sum);
  } else {
    for (let i = 0; i < n; i++) {
      const numerator = total * items[i]!.weight;
      const floor = numerator / den;
      const rem = numerator - floor * den;
      floors += floor;
      amounts[i] = floor;
      if (rem > 0n) {
        candidates[m] = i;
        if (exactKeys) keys[m] = Number(rem);
        else bigRems.push(rem);
        m++;
      }
    }
  }
  const leftover = Number(total - floors); // < number of parts with a remainder, so a safe integer
  if (leftover === 0) return new ColumnSplit(total, items, den, amounts, steps, total, []);
  const win = (i: number): void => {
    amounts[i] = amounts[i]! + 1n;
    steps[i] = "floor+1";
  };
  const byId = (a: number, b: number): number => {
    const ia = items[a]!.id;
    const ib = items[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  // The leftover kronor go to the `leftover` largest remainders, equal remainders by ascending id.
  // `cut` is the smallest remainder that still wins; every larger one wins, and among those equal
  // to it the lowest ids win as many kronor as are left.
  let cut: bigint;
  const tied: number[] = [];
  let won = 0;
  if (exactKeys) {
    // Selection finds the cut in linear time instead of sorting every remainder.
    const cutKey = kthSmallest(keys.slice(0, m), m - leftover);
    cut = BigInt(cutKey);
    for (let k = 0; k < m; k++) {
      const key = keys[k]!;
      if (key > cutKey) {
        win(candidates[k]!);
        won++;
      } else if (key === cutKey) tied.push(candidates[k]!);
    }
  } else {
    const order = Array.from({ length: m }, (_, k) => k);
    order.sort((a, b) => {
      const ra = bigRems[a]!;
      const rb = bigRems[b]!;
      return ra === rb ? byId(candidates[a]!, candidates[b]!) : ra > rb ? -1 : 1;
    });
    cut = bigRems[order[leftover - 1]!]!;
    for (const k of order) {
      if (bigRems[k]! > cut) {
        win(candidates[k]!);
        won++;
      } else if (bigRems[k] === cut) tied.push(candidates[k]!);
    }
  }
  tied.sort(byId);
  const left = leftover - won;
  for (let t = 0; t < left; t++) win(tied[t]!);
  const ties: Tie[] = [];
  if (tied.length > left) {
    ties.push({
      remainderNumerator: cut,
      denominator: den,
      winners: tied.slice(0, left).map((i) => items[i]!.id),
      losers: tied.slice(left).map((i) => items[i]!.id),
    });
  }
  return new ColumnSplit(total, items, den, amounts, steps, total, ties);
}

/**
 * Splits with the named rounding mode. See {@link splitNearest} and {@link splitLargestRemainder}.
 *
 * @example
 * ```ts
 * split(1n, [{ id: "a", weight: 1n }, { id: "b", weight: 1n }], "largest-remainder").ties[0].winners; // ["a"]
 * ```
 */
export function split(total: bigint, items: readonly Weighted[], mode: RoundingMode, denominator?: bigint): Split {
  checkTypes(total, items, denominator);
  // A weight that is not a bigint is named before an unknown rounding, a negative one after it.
  const scan = scanItems(items);
  if (!ROUNDING_MODES.includes(mode)) raise("ALLOCATION_INVALID_INPUT", "unknown-rounding", { rounding: String(mode) }, { value: String(mode) });
  checkScan(items, scan);
  return splitChecked(total, items, scan, mode, denominator);
}

/**
 * A split by {@link splitLargestAbsorbs}: a {@link Split} that also names the recipient that took
 * the difference. Its step is `absorbed`; its amount is its own rounded share plus `absorbed`.
 */
export interface AbsorbingSplit extends Split {
  /** Index (in input order) of the recipient that took the difference. */
  readonly absorberIndex: number;
  /** Id of that recipient. */
  readonly absorber: string;
  /** The kronor added to (positive) or taken from (negative) the absorber: total − Σ rounded shares. */
  readonly absorbed: bigint;
}

/**
 * Splits `total` by weights the third way SKR has been seen to force a sum (the `largest-absorbs`
 * mode of {@link split}): every share rounded on its own to the nearest krona (halves up), then the
 * largest recipient takes the difference `total − Σ parts`, so the parts sum exactly to `total`.
 *
 * The largest recipient is the one with the largest exact share, i.e. the largest weight; equal
 * largest weights are broken by ascending id (the lowest id absorbs), and such a tie is reported in
 * `ties` (the winner first, the others as losers). The result also says who absorbed and how much.
 *
 * `denominator` may be given only equal to the weights' sum: the difference to absorb is known only
 * when every recipient's share is, so a larger declared total (partial data) is refused.
 *
 * @throws AllocationError on a negative total or weight, a repeated id, weights summing to zero, a
 * declared denominator other than the weights' sum, or a difference so large that the absorber's
 * amount would be negative (possible only when the total is tiny for the number of recipients).
 * @example
 * ```ts
 * // 100 by 1:1:1 → 33.33 each → 33 + 33 + 33 = 99; "a" (largest, lowest id) absorbs +1.
 * const s = splitLargestAbsorbs(100n, [{ id: "a", weight: 1n }, { id: "b", weight: 1n }, { id: "c", weight: 1n }]);
 * s.amounts;  // [34n, 33n, 33n]
 * s.steps;    // ["absorbed", "down", "down"]
 * s.absorber; // "a"
 * s.absorbed; // 1n
 * ```
 */
export function splitLargestAbsorbs(total: bigint, items: readonly Weighted[], denominator?: bigint): AbsorbingSplit {
  checkTypes(total, items, denominator);
  const weights = checkItems(items);
  const sum = weights.sum;
  const split = splitChecked(total, items, weights, "largest-absorbs", denominator);
  // The same choice as the kernel's: the largest weight, ties to the lowest id.
  let at = 0;
  for (let i = 1; i < items.length; i++) {
    const w = items[i]!.weight;
    const b = items[at]!.weight;
    if (w > b || (w === b && items[i]!.id < items[at]!.id)) at = i;
  }
  const top = items[at]!;
  const amount = BigInt(split.amounts[at]!);
  if (amount < 0n) raise("ALLOCATION_INVALID_INPUT", "absorber-negative", { id: top.id, share: String(amount) }, { value: String(total) });
  const absorbed = amount - roundHalfUp(total * top.weight, sum).value;
  const others = items.filter((it, i) => i !== at && it.weight === top.weight).map((it) => it.id);
  const ties: Tie[] = others.length > 0 ? [{ remainderNumerator: (total * top.weight) % sum, denominator: sum, winners: [top.id], losers: others.sort() }] : [];
  return Object.assign(new ColumnSplit(total, items, sum, split.amounts, split.steps, split.allocated, ties), { absorberIndex: at, absorber: top.id, absorbed });
}
