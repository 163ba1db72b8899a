import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareWeights, roundHalfUp, split, splitLargestRemainder, splitNearest, splitPrepared } from "../src/apportion.js";
import { largestRemainderReference, nearestReference } from "./properties/exact.js";
import { issueWith } from "./helpers.js";

const w = (pairs: [string, number][]) => pairs.map(([id, weight]) => ({ id, weight: BigInt(weight) }));
const amounts = (s: { parts: { amount: bigint }[] }) => s.parts.map((p) => p.amount);

describe("roundHalfUp", () => {
  it("rounds down below a half, up above, and halves up", () => {
    expect(roundHalfUp(7n, 3n)).toEqual({ value: 2n, step: "down" }); // 2.33
    expect(roundHalfUp(8n, 3n)).toEqual({ value: 3n, step: "up" }); // 2.67
    expect(roundHalfUp(5n, 2n)).toEqual({ value: 3n, step: "half-up" }); // 2.5
    expect(roundHalfUp(6n, 2n)).toEqual({ value: 3n, step: "exact" });
    expect(roundHalfUp(0n, 9n)).toEqual({ value: 0n, step: "exact" });
  });
});

describe("splitNearest", () => {
  it("rounds each share on its own and reports a sum that may differ from the total", () => {
    // 10 by 1:1:1 → 3.33 each → 3, 3, 3: one krona short.
    const s = splitNearest(10n, w([["a", 1], ["b", 1], ["c", 1]]));
    expect(amounts(s)).toEqual([3n, 3n, 3n]);
    expect(s.allocated).toBe(9n);
    // 20 by 1:1:1 → 6.67 each → 7, 7, 7: one krona over.
    expect(splitNearest(20n, w([["a", 1], ["b", 1], ["c", 1]])).allocated).toBe(21n);
  });

  it("rounds an exact half-krona tie up for every recipient", () => {
    // 5 kr by 1:1 → 2.5 each → 3 and 3, residue +1.
    const s = splitNearest(5n, w([["a", 1], ["b", 1]]));
    expect(amounts(s)).toEqual([3n, 3n]);
    expect(s.parts.map((p) => p.step)).toEqual(["half-up", "half-up"]);
    expect(s.allocated - 5n).toBe(1n);
  });

  it("shares by a declared denominator larger than the known weights (partial data)", () => {
    // Falun 2025: 192 000 000 × 13 093 / 2 265 405 = 1 109 671.78 → 1 109 672.
    const s = splitNearest(192_000_000n, w([["2080", 13093]]), 2_265_405n);
    expect(s.parts[0]!.amount).toBe(1_109_672n);
    expect(s.parts[0]!.step).toBe("up");
  });

  it("gives zero weight zero", () => {
    expect(amounts(splitNearest(100n, w([["a", 0], ["b", 3]])))).toEqual([0n, 100n]);
  });

  it("refuses negative weights, negative totals, repeated ids and zero total weight", () => {
    expect(() => splitNearest(10n, w([["a", -1], ["b", 2]]))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "-1" }));
    expect(() => splitNearest(-10n, w([["a", 1]]))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "-10" }));
    expect(() => splitNearest(10n, w([["a", 1], ["a", 2]]))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "a" }));
    expect(() => splitNearest(10n, w([["a", 0]]))).toThrowError(issueWith("ALLOCATION_NO_WEIGHT"));
  });
});

// The definition, written plainly: sort every part by remainder (largest first, equal ones by
// ascending id), give the first `leftover` one krona each, report the remainder group cut in two.
function referenceLargestRemainder(total: bigint, items: { id: string; weight: bigint }[]) {
  const den = items.reduce((s, it) => s + it.weight, 0n);
  const rows = items.map((it, i) => ({ i, id: it.id, floor: (total * it.weight) / den, rem: (total * it.weight) % den }));
  const leftover = Number(total - rows.reduce((s, r) => s + r.floor, 0n));
  const order = rows.filter((r) => r.rem > 0n).sort((a, b) => (a.rem === b.rem ? (a.id < b.id ? -1 : 1) : a.rem > b.rem ? -1 : 1));
  const plus = new Set(order.slice(0, leftover).map((r) => r.i));
  const amounts = rows.map((r) => r.floor + (plus.has(r.i) ? 1n : 0n));
  const ties = [];
  if (leftover > 0 && leftover < order.length && order[leftover]!.rem === order[leftover - 1]!.rem) {
    const cut = order[leftover - 1]!.rem;
    const tied = order.filter((r) => r.rem === cut);
    ties.push({ remainderNumerator: cut, denominator: den, winners: tied.filter((r) => plus.has(r.i)).map((r) => r.id), losers: tied.filter((r) => !plus.has(r.i)).map((r) => r.id) });
  }
  return { amounts, ties };
}

describe("splitLargestRemainder against its plain definition", () => {
  it("gives the same amounts and ties for random weights, ids in any order, small and huge denominators", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), weight: fc.bigInt({ min: 0n, max: 12n }) }), { minLength: 1, maxLength: 40, selector: (r) => r.id }),
        fc.constantFrom(1n, 1000n, 2n ** 60n),
        (total, raw, scale) => {
          const items = raw.map((r) => ({ id: r.id, weight: r.weight * scale }));
          fc.pre(items.some((it) => it.weight > 0n));
          const got = splitLargestRemainder(total, items);
          const want = referenceLargestRemainder(total, items);
          expect(got.parts.map((p) => p.amount)).toEqual(want.amounts);
          expect(got.ties).toEqual(want.ties);
          expect(got.parts.reduce((s, p) => s + p.amount, 0n)).toBe(total);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("agrees on longer splits too, where the cut is found by selection", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 50, maxLength: 400 }), (total, weights) => {
        fc.pre(weights.some((x) => x > 0n));
        // Ids in descending order, so the tie-break cannot lean on the input order.
        const items = weights.map((weight, i) => ({ id: `r${String(100_000 - i)}`, weight }));
        const got = splitLargestRemainder(total, items);
        const want = referenceLargestRemainder(total, items);
        expect(got.parts.map((p) => p.amount)).toEqual(want.amounts);
        expect(got.ties).toEqual(want.ties);
      }),
      { numRuns: 100 },
    );
  });
});

describe("splitLargestRemainder", () => {
  it("orders remainders the same when the denominator is beyond 2^53 (bigint comparison path)", () => {
    // Weights scaled by 2^60 keep every share and remainder proportionally the same as 2:3:1 and 1:1:1.
    const big = 2n ** 60n;
    const scaled = (pairs: [string, number][]) => pairs.map(([id, weight]) => ({ id, weight: BigInt(weight) * big }));
    expect(amounts(splitLargestRemainder(100n, scaled([["a", 2], ["b", 3], ["c", 1]])))).toEqual([33n, 50n, 17n]);
    const s = splitLargestRemainder(10n, scaled([["c", 1], ["a", 1], ["b", 1]]));
    expect(amounts(s)).toEqual([3n, 4n, 3n]);
    expect(s.ties).toEqual([{ remainderNumerator: big, denominator: 3n * big, winners: ["a"], losers: ["b", "c"] }]);
  });

  it("sums exactly to the total, giving leftovers to the largest remainders", () => {
    // 100 by 2:3:1 → 33.33, 50, 16.67 → floors 33, 50, 16; one krona left → c (remainder 4/6).
    const s = splitLargestRemainder(100n, w([["a", 2], ["b", 3], ["c", 1]]));
    expect(amounts(s)).toEqual([33n, 50n, 17n]);
    expect(s.allocated).toBe(100n);
    expect(s.parts.map((p) => p.step)).toEqual(["floor", "floor", "floor+1"]);
    expect(s.ties).toEqual([]);
  });

  it("breaks a tie between two equal remainders by ascending id, and reports it", () => {
    // 10 by 1:1:1 → 3.33 each; one krona left, three equal remainders: "a" wins by code.
    const s = splitLargestRemainder(10n, w([["c", 1], ["a", 1], ["b", 1]]));
    expect(amounts(s)).toEqual([3n, 4n, 3n]);
    expect(s.ties).toEqual([{ remainderNumerator: 1n, denominator: 3n, winners: ["a"], losers: ["b", "c"] }]);
    // 5 by 1:1 → 2.5 each: a half-krona tie between two, decided by id.
    const half = splitLargestRemainder(5n, w([["2081", 1], ["2080", 1]]));
    expect(amounts(half)).toEqual([2n, 3n]);
    expect(half.ties[0]!.winners).toEqual(["2080"]);
    expect(half.ties[0]!.losers).toEqual(["2081"]);
  });

  it("reports a tie only when equal remainders straddle the last leftover krona", () => {
    const s = splitLargestRemainder(11n, w([["a", 1], ["b", 1], ["c", 1], ["d", 1]])); // 2.75 each, 3 left
    expect(amounts(s)).toEqual([3n, 3n, 3n, 2n]);
    expect(s.ties).toHaveLength(1);
    const noTie = splitLargestRemainder(7n, w([["a", 1], ["b", 1], ["c", 2]])); // 1.75, 1.75, 3.5
    expect(amounts(noTie)).toEqual([2n, 2n, 3n]);
    expect(noTie.ties).toEqual([]);
  });

  it("never gives a leftover krona to a zero weight", () => {
    expect(amounts(splitLargestRemainder(10n, w([["a", 0], ["b", 1], ["c", 2]])))).toEqual([0n, 3n, 7n]);
  });

  it("stays exact for 10^12 kronor and 10^8 persons", () => {
    const s = splitLargestRemainder(10n ** 12n, w([["a", 100_000_000], ["b", 1], ["c", 2]]));
    expect(s.allocated).toBe(10n ** 12n);
    // a: 10^12 × 10^8 / (10^8 + 3) = 999 999 970 000.0009 → floor 999 999 970 000
    expect(s.parts[0]!.floor).toBe(999_999_970_000n);
  });
});

describe("large splits (the column storage)", () => {
  // Deterministic weights for more recipients than the plain-array threshold (4 096).
  const many = (n: number, scale: bigint) => Array.from({ length: n }, (_, i) => ({ id: `r${String(i).padStart(5, "0")}`, weight: (BigInt((i * 7919) % 1000) + 1n) * scale }));

  it("agree with the exact references for 5 000 recipients in both modes", () => {
    const items = many(5000, 1n);
    const den = items.reduce((s, x) => s + x.weight, 0n);
    const near = splitNearest(1_560_000_000n, items);
    expect(near.amounts).toBeInstanceOf(BigInt64Array);
    expect([...near.amounts]).toEqual(items.map((x) => nearestReference(1_560_000_000n, x.weight, den)));
    const lr = splitLargestRemainder(1_560_000_000n, items);
    const ref = largestRemainderReference(1_560_000_000n, items);
    expect([...lr.amounts]).toEqual(items.map((x) => ref.get(x.id)));
    expect(lr.allocated).toBe(1_560_000_000n);
  });

  it("keep sums above 2^63 − 1 kronor exact in a plain array", () => {
    const total = 2n ** 64n + 7n;
    const items = many(5000, 1n);
    const s = splitLargestRemainder(total, items);
    expect(Array.isArray(s.amounts)).toBe(true);
    expect([...s.amounts].reduce((a, b) => a + b, 0n)).toBe(total);
    const ref = largestRemainderReference(total, items);
    expect([...s.amounts]).toEqual(items.map((x) => ref.get(x.id)));
  });

  it("sort remainders as bigints when the weights sum past 2^53", () => {
    // Weights near 2^60: remainders are no longer exact as numbers, so the kernel sorts bigints.
    const items = many(50, 2n ** 50n);
    const s = splitLargestRemainder(1_000_003n, items);
    const ref = largestRemainderReference(1_000_003n, items);
    items.forEach((x, i) => expect(s.amounts[i]).toBe(ref.get(x.id)));
    // Equal weights tie on equal remainders; the lowest ids win.
    const tied = splitLargestRemainder(2n, [{ id: "b", weight: 2n ** 60n }, { id: "a", weight: 2n ** 60n }, { id: "c", weight: 2n ** 60n }]);
    expect(tied.ties).toEqual([{ remainderNumerator: 2n ** 61n, denominator: 3n * 2n ** 60n, winners: ["a", "b"], losers: ["c"] }]);
  });
});

describe("prepareWeights and splitPrepared", () => {
  it("split many sums by weights checked once, with split()'s results", () => {
    const items = w([["0180", 10], ["1280", 7], ["2080", 3]]);
    const prepared = prepareWeights(items);
    expect(prepared.sum).toBe(20n);
    for (const total of [0n, 1n, 99n, 1_000_001n]) {
      for (const mode of ["nearest-per-recipient", "largest-remainder"] as const) {
        const got = splitPrepared(total, prepared, mode);
        const want = split(total, items, mode);
        expect([[...got.amounts], got.steps, got.allocated, got.ties]).toEqual([[...want.amounts], want.steps, want.allocated, want.ties]);
      }
    }
    // 99 × 10 / 25 = 39.6 → 40; 99 × 7 / 25 = 27.72 → 28; 99 × 3 / 25 = 11.88 → 12
    expect([...splitPrepared(99n, prepared, "nearest-per-recipient", 25n).amounts]).toEqual([40n, 28n, 12n]);
  });

  it("keep a frozen copy, so changing the caller's items afterwards changes nothing", () => {
    const items = w([["a", 1], ["b", 3]]);
    const prepared = prepareWeights(items);
    items[0]!.weight = -5n;
    expect([...splitPrepared(8n, prepared, "largest-remainder").amounts]).toEqual([2n, 6n]);
    expect(Object.isFrozen(prepared.items[0])).toBe(true);
  });

  it("refuse bad weights once, look-alike objects, too small denominators and negative sums", () => {
    expect(() => prepareWeights(w([["a", -1]]))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "-1" }));
    expect(() => prepareWeights(w([["a", 1], ["a", 2]]))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "a" }));
    const prepared = prepareWeights(w([["a", 1], ["b", 3]]));
    expect(() => splitPrepared(8n, { items: prepared.items, sum: 4n }, "nearest-per-recipient")).toThrowError(expect.objectContaining({ code: "ALLOCATION_INVALID_INPUT", message: expect.stringContaining("prepareWeights()") }));
    expect(() => splitPrepared(8n, prepared, "nearest-per-recipient", 3n)).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "3", params: { sum: "4" } }));
    expect(() => splitPrepared(8n, prepared, "largest-remainder", 5n)).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { params: { rounding: "largest-remainder" } }));
    expect(() => splitPrepared(-1n, prepared, "largest-remainder")).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "-1" }));
    expect(() => splitNearest(8n, w([["a", 1], ["b", 3]]), 3n)).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "3", params: { sum: "4" } }));
  });
});

describe("split", () => {
  it("dispatches on the mode and refuses largest remainder on partial data", () => {
    expect(split(10n, w([["a", 1], ["b", 1], ["c", 1]]), "nearest-per-recipient").allocated).toBe(9n);
    expect(split(10n, w([["a", 1], ["b", 1], ["c", 1]]), "largest-remainder").allocated).toBe(10n);
    expect(() => split(10n, w([["a", 1]]), "largest-remainder", 5n)).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { params: { rounding: "largest-remainder" } }));
  });
});
