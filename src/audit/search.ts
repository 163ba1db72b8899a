/**
 * The search behind inferBase: every national key total N in a range for which each published
 * amount has at least one integer count n that reproduces it.
 *
 * Each amount's condition is linear in n and N: `lo·N ≤ den·n < hi·N` (or `lo·N < den·n` when
 * strict). For nearest-krona rounding of `S·n/N` to the amount x, `den = 2S`, `lo = 2x − 1`,
 * `hi = 2x + 1`; for largest remainder (the floor or the floor plus one) `den = S`, `lo = x − 1`,
 * `hi = x + 1`, strict. At a given N the counts that fit form an integer interval.
 *
 * A scan of every N costs one check per N. Instead the amount with the largest `hi` (the largest
 * amount: its interval in N is the narrowest) is the pivot: each of its candidate counts n admits
 * only the N in `(den·n/hi, den·n/lo]`, an interval of length about N/x, so there are about
 * (range × x/S) pivot counts and a handful of N to check exactly. The pivot's N interval is first
 * bounded in binary floating point, widened past its error (see {@link floatWindow}), and every N
 * in the window is then checked in exact integer (bigint) arithmetic: floating point only
 * chooses which N to check and never decides a fit.
 */

/** One amount's condition on its count n at a key total N: `lo·N ≤ den·n < hi·N`. */
export interface CountBound {
  lo: bigint;
  hi: bigint;
  /** `lo·N < den·n` instead of `≤`. */
  loStrict: boolean;
}

/** A key total at which every bound admits an integer count, with each bound's interval. */
export interface KeyTotalHit {
  keyTotal: bigint;
  lo: bigint[];
  hi: bigint[];
}

/** What a search found and what it cost. */
export interface SearchOutcome {
  hits: KeyTotalHit[];
  /** Every fitting N, also those past the kept hits. */
  fits: number;
  /** Key totals checked exactly. */
  checked: number;
  /** Pivot counts visited (0 for a scan). */
  pivotSteps: number;
  /** How the range was searched. */
  method: "pivot-float" | "pivot-exact" | "scan";
  /** True when more than `maxHits` fit and only the first ones were kept. */
  truncated: boolean;
}

/**
 * Floor of a / b for b > 0, also for negative a (bigint division truncates toward zero).
 *
 * @example
 * ```ts
 * floorDiv(-7n, 2n); // -4n
 * ```
 */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * Ceiling of a / b for b > 0.
 *
 * @example
 * ```ts
 * ceilDiv(7n, 2n);  // 4n
 * ceilDiv(-7n, 2n); // -3n
 * ```
 */
export function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/**
 * The integer counts 0 ≤ n ≤ N a bound admits at key total N: `[lo, hi]`, empty when lo > hi.
 *
 * @example
 * ```ts
 * // Falun 2025: 1 109 672 kr of 192 000 000 kr rounded to the krona at N = 2 265 405.
 * countInterval({ lo: 2_219_343n, hi: 2_219_345n, loStrict: false }, 384_000_000n, 2_265_405n); // [13093n, 13093n]
 * ```
 */
export function countInterval(b: CountBound, den: bigint, N: bigint): [bigint, bigint] {
  let lo = b.loStrict ? floorDiv(b.lo * N, den) + 1n : ceilDiv(b.lo * N, den);
  if (lo < 0n) lo = 0n;
  // No recipient counts more persons than the whole country.
  let hi = ceilDiv(b.hi * N, den) - 1n;
  if (hi > N) hi = N;
  return [lo, hi];
}

/** Whether every bound admits a count at N; fills `lo`/`hi` when given. Pivot first, then the rest. */
function fitsAt(bounds: readonly CountBound[], den: bigint, N: bigint, order: readonly number[]): KeyTotalHit | undefined {
  const lo = new Array<bigint>(bounds.length);
  const hi = new Array<bigint>(bounds.length);
  for (const i of order) {
    const [a, b] = countInterval(bounds[i]!, den, N);
    if (a > b) return undefined;
    lo[i] = a;
    hi[i] = b;
  }
  return { keyTotal: N, lo, hi };
}

const TWO52 = 2n ** 52n;

/**
 * The key totals a pivot count n can go with, bounded in floating point and widened so that the
 * window surely contains every N with `den·n/hi < N ≤ den·n/lo` (or `<` when strict).
 *
 * Why the widening suffices: den, n, hi and lo are integers below 2^52, so each is a double
 * exactly; the quotient x̂ = fl(fl(den·n)/hi) then has a relative error of at most 2u + u²
 * (u = 2^-53, one rounding per operation), i.e. |x̂ − x| < 2^-51·|x̂|. The window
 * [floor(x̂ − ε) + 1, floor(ŷ + ε)] with ε = 2^-51·|x̂| + 2^-30 therefore contains
 * [floor(x) + 1, floor(y)], and every N in it is checked exactly.
 *
 * @example
 * ```ts
 * floatWindow(13_093, 384_000_000, 2_219_343, 2_219_345); // [2265404, 2265405]: N = 2 265 405 lies inside
 * ```
 */
export function floatWindow(n: number, den: number, lo: number, hi: number): [number, number] {
  const p = den * n;
  const x = p / hi;
  const y = p / lo;
  const from = Math.floor(x - (x * 2 ** -51 + 2 ** -30)) + 1;
  const to = Math.floor(y + (y * 2 ** -51 + 2 ** -30));
  return [from, to];
}

/** Searches no more pivot counts than this (the float path), or a tenth of it (exact). */
export const MAX_PIVOT_STEPS = 200_000_000;
/** Scans no wider range than this when no amount can serve as a pivot. */
export const MAX_SCAN = 20_000_000n;

/** Options for {@link searchKeyTotals}. */
export interface SearchOptions {
  /** Keep at most this many hits (default 1000); `fits` counts them all. */
  maxHits?: number;
  /** Never use the floating-point window (for testing it against the exact path). */
  exactOnly?: boolean;
  /** Called with every fitting key total, in increasing order. */
  onHit?: (hit: KeyTotalHit) => void;
}

/** Why a search cannot be run. */
export class SearchTooWide extends Error {
  constructor(readonly limit: bigint) {
    super(`the search would take more than ${limit} steps`);
  }
}

/** The N window of one count m of a bound: `den·m/hi < N ≤ den·m/lo` (`<` when strict), exactly. */
function countWindow(b: CountBound, den: bigint, m: bigint): [bigint, bigint | undefined] {
  const from = floorDiv(den * m, b.hi) + 1n;
  if (b.lo <= 0n) return [from, undefined];
  return [from, b.loStrict ? ceilDiv(den * m, b.lo) - 1n : floorDiv(den * m, b.lo)];
}

/** Windows kept before they are merged and checked. */
const FLUSH_AT = 4096;

/**
 * Every N in `[from, to]` at which every bound admits an integer count, in increasing order.
 *
 * The pivot's candidate counts give windows of N (bounded in floating point, see
 * {@link floatWindow}); inside each window the other amounts, largest first, split it further by
 * their own candidate counts (exactly, in bigint), so a window survives only where every amount
 * can fit. An amount whose count interval is a whole person wide or more at the window's top cannot
 * split it (several counts fit each N) and is left to the final check. Every N of the surviving
 * windows is then checked exactly with every amount.
 *
 * @throws SearchTooWide when the range needs more steps than the limits allow.
 * @example
 * ```ts
 * // 10 kr by nearest krona: amounts 3 and 7 fit N = 3 (counts 1 and 2), N = 6 (2 and 4), …
 * const s = searchKeyTotals([{ lo: 5n, hi: 7n, loStrict: false }, { lo: 13n, hi: 15n, loStrict: false }], 20n, 1n, 10n);
 * s.hits.map((h) => h.keyTotal); // [3n, 6n, 7n, 9n, 10n]
 * ```
 */
export function searchKeyTotals(bounds: readonly CountBound[], den: bigint, from: bigint, to: bigint, options: SearchOptions = {}): SearchOutcome {
  const maxHits = options.maxHits ?? 1000;
  const hits: KeyTotalHit[] = [];
  let fits = 0;
  let checked = 0;
  const keep = (h: KeyTotalHit | undefined) => {
    if (!h) return;
    fits++;
    options.onHit?.(h);
    if (hits.length < maxHits) hits.push(h);
  };
  if (from > to) return { hits, fits, checked, pivotSteps: 0, method: "scan", truncated: false };
  if (bounds.length === 0) {
    // Nothing constrains N (a table of one recipient under largest absorbs): every N fits.
    if (to - from + 1n > MAX_SCAN) throw new SearchTooWide(MAX_SCAN);
    for (let N = from; N <= to; N++) keep({ keyTotal: N, lo: [], hi: [] });
    return { hits, fits, checked, pivotSteps: 0, method: "scan", truncated: fits > hits.length };
  }
  // Largest first: the largest amount's windows are the narrowest.
  const order = bounds.map((_, i) => i).sort((a, b) => (bounds[b]!.hi > bounds[a]!.hi ? 1 : bounds[b]!.hi < bounds[a]!.hi ? -1 : a - b));
  const pivot = order[0]!;
  const p = bounds[pivot]!;
  if (p.lo <= 0n) {
    if (to - from + 1n > MAX_SCAN) throw new SearchTooWide(MAX_SCAN);
    for (let N = from; N <= to; N++) {
      checked++;
      keep(fitsAt(bounds, den, N, order));
    }
    return { hits, fits, checked, pivotSteps: 0, method: "scan", truncated: fits > hits.length };
  }

  // Surviving windows, flushed in order: merged, and every N in them checked exactly.
  let windows: [bigint, bigint][] = [];
  let done = from - 1n; // every N ≤ done has been checked or ruled out
  const flush = (below: bigint) => {
    windows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const rest: [bigint, bigint][] = [];
    for (const [a, b] of windows) {
      if (a >= below) {
        rest.push([a, b]);
        continue;
      }
      const end = b < below ? b : below - 1n;
      if (b >= below) rest.push([below, b]);
      for (let N = a > done ? a : done + 1n; N <= end; N++) {
        checked++;
        keep(fitsAt(bounds, den, N, order));
      }
      if (end > done) done = end;
    }
    windows = rest;
  };
  const descend = (depth: number, a: bigint, b: bigint): void => {
    if (depth === order.length) {
      windows.push([a, b]);
      return;
    }
    const bound = bounds[order[depth]!]!;
    // A count interval a person wide or more at N = b admits several counts: no split.
    if ((bound.hi - bound.lo) * b >= den) {
      descend(depth + 1, a, b);
      return;
    }
    const [mFrom] = countInterval(bound, den, a);
    const [, mTo] = countInterval(bound, den, b);
    for (let m = mFrom; m <= mTo; m++) {
      const [x, y] = countWindow(bound, den, m);
      const lo = x > a ? x : a;
      const hi = y === undefined || y > b ? b : y;
      if (lo <= hi) descend(depth + 1, lo, hi);
    }
  };

  const nFrom = countInterval(p, den, from)[0];
  const nTo = countInterval(p, den, to)[1];
  if (nFrom > nTo) return { hits, fits, checked, pivotSteps: 0, method: "pivot-exact", truncated: false };
  const steps = nTo - nFrom + 1n;
  const float = !options.exactOnly && den <= TWO52 && p.hi <= TWO52 && to <= TWO52 && nTo <= TWO52;
  const limit = BigInt(float ? MAX_PIVOT_STEPS : MAX_PIVOT_STEPS / 10);
  if (steps > limit) throw new SearchTooWide(limit);
  let pivotSteps = 0;
  const visit = (a: bigint, b: bigint) => {
    const lo = a > from ? a : from;
    const hi = b < to ? b : to;
    if (lo > hi) return;
    descend(1, lo, hi);
    // Later pivot windows start no lower than this one: what lies below it is final.
    if (windows.length >= FLUSH_AT) flush(lo);
  };
  if (float) {
    const d = Number(den);
    const lo = Number(p.lo);
    const hi = Number(p.hi);
    const last = Number(nTo);
    const fromN = Number(from);
    const toN = Number(to);
    for (let n = Number(nFrom); n <= last; n++) {
      pivotSteps++;
      const [a, b] = floatWindow(n, d, lo, hi);
      if (b < a || b < fromN || a > toN) continue;
      visit(BigInt(a), BigInt(b));
    }
  } else {
    for (let n = nFrom; n <= nTo; n++) {
      pivotSteps++;
      const [a, b] = countWindow(p, den, n);
      visit(a, b ?? to);
    }
  }
  flush(to + 1n);
  return { hits, fits, checked, pivotSteps, method: float ? "pivot-float" : "pivot-exact", truncated: fits > hits.length };
}
