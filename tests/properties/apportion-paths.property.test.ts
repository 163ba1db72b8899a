/**
 * The two arithmetic paths of the public kernels (src/apportion.ts): splits of more than 4096
 * recipients whose `total × largest weight + denominator` stays below 2^53 are computed in doubles
 * holding whole numbers, every other one in bigints. Both are held to independent exact
 * computations (./exact.ts) on both sides of the bound, and to each other.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { split, splitLargestRemainder, splitNearest, type Weighted } from "../../src/apportion.js";
import { fitsSafe, SAFE } from "../../src/exact-double.js";
import { largestRemainderBySort, nearestReference, shuffle } from "./exact.js";

// No shrinking: a failing split of 4000 recipients would take minutes to shrink; the first
// counterexample is reported as found (replay it with its seed).
const RUNS = { numRuns: 40, endOnFailure: true };

const smallWeight = fc.oneof({ weight: 1, arbitrary: fc.constant(0n) }, { weight: 6, arbitrary: fc.bigInt(1n, 4n) });
const anyWeight = fc.oneof({ weight: 1, arbitrary: fc.constant(0n) }, { weight: 3, arbitrary: fc.bigInt(1n, 4n) }, { weight: 3, arbitrary: fc.bigInt(1n, 1_000_000n) });

/**
 * 4097 to 4400 recipients (large enough for the safe path), in a shuffled order; half the time
 * with weights of at most 4 only, so that exact halves and equal remainders are common.
 */
const itemsArb = fc
  .tuple(
    fc.boolean().chain((small) => fc.array(small ? smallWeight : anyWeight, { minLength: 4097, maxLength: 4400 })),
    fc.integer(),
  )
  .map(([weights, seed]) => shuffle(weights.map((weight, i) => ({ id: `r${String(i).padStart(5, "0")}`, weight })), seed))
  .filter((items) => items.some((x) => x.weight > 0n)) as fc.Arbitrary<Weighted[]>;

const facts = (items: readonly Weighted[]) => {
  const den = items.reduce((s, x) => s + x.weight, 0n);
  const max = items.reduce((m, x) => (x.weight > m ? x.weight : m), 0n);
  // The largest total whose every product plus the denominator is at most 2^53 − 1.
  const bound = (BigInt(SAFE) - den) / max;
  return { den, max, bound };
};

/**
 * A total at the bound, just above it, or below it: tiny or small (remainders of one krona, many
 * ties), near half the denominator (exact halves for weight 1), or anywhere.
 */
const caseArb = fc.tuple(itemsArb, fc.constantFrom("at", "above", "tiny", "small", "half", "inside"), fc.bigInt(0n, 2n ** 53n)).map(([items, where, r]) => {
  const { den, max, bound } = facts(items);
  const total = { at: bound, above: bound + 1n, tiny: r % 8n, small: r % 1000n, half: den / 2n + (r % 4n), inside: r % (bound + 1n) }[where];
  // The cases straddle the bound the kernels test, by the share kernel's own predicate.
  expect(fitsSafe(total, Number(max), Number(den))).toBe(where !== "above");
  return { items, total, den };
});

const stepOf = (total: bigint, weight: bigint, den: bigint) => {
  const twice = 2n * ((total * weight) % den);
  return twice === 0n ? "exact" : twice < den ? "down" : twice === den ? "half-up" : "up";
};

describe("the safe and the bigint path of the public kernels (properties)", () => {
  it("nearest: every amount and step as the exact rational gives them, on both sides of 2^53", () => {
    fc.assert(
      fc.property(caseArb, ({ items, total, den }) => {
        const s = splitNearest(total, items);
        expect(s.amounts).toBeInstanceOf(BigInt64Array);
        const want = items.map((it) => nearestReference(total, it.weight, den));
        expect([...s.amounts]).toEqual(want);
        expect(s.steps).toEqual(items.map((it) => stepOf(total, it.weight, den)));
        expect(s.allocated).toBe(want.reduce((a, b) => a + b, 0n));
      }),
      RUNS,
    );
  });

  it("largest remainder: the amounts of Hamilton's method by sorting, summing to the total", () => {
    fc.assert(
      fc.property(caseArb, ({ items, total }) => {
        const s = splitLargestRemainder(total, items);
        const want = largestRemainderBySort(total, items);
        expect([...s.amounts]).toEqual(items.map((it) => want.get(it.id)));
        expect(s.allocated).toBe(total);
        expect(items.reduce((sum, _, i) => sum + s.amounts[i]!, 0n)).toBe(total);
      }),
      RUNS,
    );
  });

  it("give the same amounts, steps and ties as the bigint path on the same shares", () => {
    // Every weight × 2^53 leaves each exact share as it was but puts the denominator above 2^53,
    // so the second split runs in bigints; its remainders are the first's × 2^53.
    const k = 2n ** 53n;
    fc.assert(
      fc.property(caseArb, fc.constantFrom("nearest-per-recipient", "largest-remainder", "largest-absorbs" as const), ({ items, total }, mode) => {
        const a = split(total, items, mode);
        const b = split(
          total,
          items.map((x) => ({ id: x.id, weight: x.weight * k })),
          mode,
        );
        expect(b.denominator > BigInt(SAFE)).toBe(true);
        expect([...b.amounts]).toEqual([...a.amounts]);
        expect(b.steps).toEqual(a.steps);
        expect(b.allocated).toBe(a.allocated);
        expect(b.ties).toEqual(a.ties.map((t) => ({ ...t, remainderNumerator: t.remainderNumerator * k, denominator: t.denominator * k })));
      }),
      RUNS,
    );
  });
});
