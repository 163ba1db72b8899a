/**
 * Independent exact references for the property tests, written without looking at the kernels'
 * arithmetic: rationals as bigint pairs, rank counting instead of sorting.
 */

/** Half-up rounding of total × weight / denominator: floor((2·T·w + D) / 2D). */
export function nearestReference(total: bigint, weight: bigint, denominator: bigint): bigint {
  return (2n * total * weight + denominator) / (2n * denominator);
}

/**
 * Hamilton's method by counting: a part gets its floor plus one when fewer than `leftover` other
 * parts rank above it (larger remainder, or equal remainder and smaller id).
 */
export function largestRemainderReference(total: bigint, items: readonly { id: string; weight: bigint }[]): Map<string, bigint> {
  const den = items.reduce((s, x) => s + x.weight, 0n);
  const rows = items.map((x) => ({ id: x.id, floor: (total * x.weight) / den, rem: (total * x.weight) % den }));
  const leftover = total - rows.reduce((s, r) => s + r.floor, 0n);
  const out = new Map<string, bigint>();
  for (const r of rows) {
    if (r.rem === 0n) {
      out.set(r.id, r.floor);
      continue;
    }
    const above = rows.filter((o) => o.rem > r.rem || (o.rem === r.rem && o.id < r.id)).length;
    out.set(r.id, r.floor + (BigInt(above) < leftover ? 1n : 0n));
  }
  return out;
}

/**
 * Round each part to the nearest krona, then the part with the largest weight (the smallest id on
 * a tie) takes the pot's difference, so the parts sum exactly.
 */
export function largestAbsorbsReference(total: bigint, items: readonly { id: string; weight: bigint }[]): Map<string, bigint> {
  const den = items.reduce((s, x) => s + x.weight, 0n);
  const out = new Map(items.map((x) => [x.id, nearestReference(total, x.weight, den)]));
  let largest = items[0]!;
  for (const x of items) if (x.weight > largest.weight || (x.weight === largest.weight && x.id < largest.id)) largest = x;
  const sum = [...out.values()].reduce((s, v) => s + v, 0n);
  out.set(largest.id, out.get(largest.id)! + total - sum);
  return out;
}

/** Deterministic Fisher–Yates with a seed, so a failing case shrinks and replays. */
export function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Hamilton's method by sorting (remainder descending, then id ascending): the first `leftover`
 * parts get their floor plus one. O(n log n), for the splits of thousands of recipients where
 * {@link largestRemainderReference} would count quadratically.
 */
export function largestRemainderBySort(total: bigint, items: readonly { id: string; weight: bigint }[]): Map<string, bigint> {
  const den = items.reduce((s, x) => s + x.weight, 0n);
  const rows = items.map((x) => ({ id: x.id, floor: (total * x.weight) / den, rem: (total * x.weight) % den }));
  let leftover = total - rows.reduce((s, r) => s + r.floor, 0n);
  const ranked = [...rows].sort((a, b) => (a.rem === b.rem ? (a.id < b.id ? -1 : 1) : a.rem > b.rem ? -1 : 1));
  const out = new Map<string, bigint>();
  for (const r of ranked) {
    const extra = leftover > 0n && r.rem > 0n ? 1n : 0n;
    leftover -= extra;
    out.set(r.id, r.floor + extra);
  }
  return out;
}
