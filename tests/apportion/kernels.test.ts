/**
 * The public kernels of apportion.ts on hand-computed splits: ties broken by id whatever the input
 * order, remainders above 2^53, the largest-absorbs tie, and what each refusal names.
 */
import { describe, expect, it } from "vitest";
import { roundHalfUp, split, splitLargestAbsorbs, splitLargestRemainder, splitNearest } from "../../src/apportion.js";

const w = (...xs: [string, bigint][]) => xs.map(([id, weight]) => ({ id, weight }));
const params = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; kind: string; issues: { params: unknown }[] };
    return { code: err.code, kind: err.kind, params: err.issues[0]!.params };
  }
  throw new Error("did not throw");
};

describe("ties go to the lowest id, whatever order the items come in", () => {
  it("largest remainder: 1 kr by c:a:b = 1:1:1 goes to a", () => {
    const s = splitLargestRemainder(1n, w(["c", 1n], ["a", 1n], ["b", 1n]));
    expect([...s.amounts]).toEqual([0n, 1n, 0n]);
    expect(s.steps).toEqual(["floor", "floor+1", "floor"]);
    expect(s.ties).toEqual([{ remainderNumerator: 1n, denominator: 3n, winners: ["a"], losers: ["b", "c"] }]);
  });

  it("largest remainder above 2^53: the same split by weights of 2^53 each", () => {
    // Denominator 3 × 2^53 is not a safe integer, so the remainders are compared as bigints.
    const big = 2n ** 53n;
    const s = splitLargestRemainder(2n, w(["c", big], ["a", big], ["b", big]));
    expect([...s.amounts]).toEqual([0n, 1n, 1n]);
    expect(s.ties).toEqual([{ remainderNumerator: 2n * big, denominator: 3n * big, winners: ["a", "b"], losers: ["c"] }]);
    // 5 kr by 2^53 : 2^53 + 1 : 1: floors 2, 2, 0; remainders 2^53 − 1, 2^53 + 4, 5 (of 2^54 + 2);
    // one krona left, to "b", the largest remainder, not the lowest id.
    const t = splitLargestRemainder(5n, w(["a", big], ["b", big + 1n], ["c", 1n]));
    expect([...t.amounts]).toEqual([2n, 3n, 0n]);
    expect(t.ties).toEqual([]);
  });

  it("largest absorbs: equal largest weights, given b before a, and a absorbs", () => {
    // 10 by 1:1 over 2 → 5 each exactly; nothing to absorb, but the tie is reported.
    const s = splitLargestAbsorbs(10n, w(["b", 1n], ["a", 1n]));
    expect([s.absorber, s.absorberIndex, s.absorbed]).toEqual(["a", 1, 0n]);
    expect(s.steps).toEqual(["exact", "absorbed"]);
    expect(s.ties).toEqual([{ remainderNumerator: 0n, denominator: 2n, winners: ["a"], losers: ["b"] }]);
    expect(split(10n, w(["b", 1n], ["a", 1n]), "largest-absorbs").steps).toEqual(["exact", "absorbed"]);
  });

  it("largest absorbs: the losers of a three-way tie are listed in id order", () => {
    // 100 by c:b:a = 1:1:1 → 33.33 → 33 each; a absorbs +1.
    const s = splitLargestAbsorbs(100n, w(["c", 1n], ["b", 1n], ["a", 1n]));
    expect([...s.amounts]).toEqual([33n, 33n, 34n]);
    expect(s.ties).toEqual([{ remainderNumerator: 1n, denominator: 3n, winners: ["a"], losers: ["b", "c"] }]);
  });

  it("largest absorbs: an absorber may end at exactly zero", () => {
    // 1 by 1:1 → 0.5 → 1 each, 2 in all; a gives one back and gets 0.
    const s = splitLargestAbsorbs(1n, w(["a", 1n], ["b", 1n]));
    expect([...s.amounts]).toEqual([0n, 1n]);
    expect(s.absorbed).toBe(-1n);
  });
});

describe("nearest per recipient", () => {
  it("says exact, down, half-up and up", () => {
    const s = splitNearest(10n, w(["a", 2n], ["b", 1n], ["c", 3n], ["d", 14n]));
    // 20/20 = 1 exact; 10/20 = 0.5 half-up; 30/20 = 1.5 half-up; 140/20 = 7 exact.
    expect([...s.amounts]).toEqual([1n, 1n, 2n, 7n]);
    expect(s.steps).toEqual(["exact", "half-up", "half-up", "exact"]);
    const t = splitNearest(10n, w(["a", 1n], ["b", 2n]));
    expect(t.steps).toEqual(["down", "up"]);
    expect(t.ties).toEqual([]);
    expect(roundHalfUp(6n, 3n)).toEqual({ value: 2n, step: "exact" });
  });

  it("largest remainder accepts the weights' own sum as denominator", () => {
    expect([...split(100n, w(["a", 2n], ["b", 3n], ["c", 1n]), "largest-remainder", 6n).amounts]).toEqual([33n, 50n, 17n]);
    expect([...split(10n, w(["a", 1n], ["b", 1n]), "largest-absorbs", 2n).amounts]).toEqual([5n, 5n]);
  });

  it("largest absorbs refuses an empty list: there is no weight to share by", () => {
    expect(() => splitLargestAbsorbs(10n, [])).toThrowError(expect.objectContaining({ code: "ALLOCATION_NO_WEIGHT" }));
  });
});

describe("each refusal names what it refused", () => {
  it("negative total and weight, repeated id, zero weights, a denominator too small or not allowed", () => {
    expect(params(() => splitNearest(-1n, w(["a", 1n])))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "negative-total", params: { total: "-1" } });
    expect(params(() => splitNearest(1n, w(["a", -2n])))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "negative-weight", params: { id: "a", weight: "-2" } });
    expect(params(() => splitNearest(1n, w(["b", 1n], ["a", 1n], ["b", 2n])))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "repeated-id", params: { id: "b" } });
    expect(params(() => splitNearest(1n, w(["a", 1n], ["a", 1n])))).toMatchObject({ kind: "repeated-id" });
    expect(params(() => splitNearest(1n, w(["a", 0n])))).toEqual({ code: "ALLOCATION_NO_WEIGHT", kind: "zero-weights", params: {} });
    expect(params(() => splitNearest(1n, w(["a", 3n]), 2n))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "denominator-too-small", params: { denominator: "2", sum: "3" } });
    expect(params(() => split(1n, w(["a", 1n]), "largest-remainder", 2n))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "needs-all-weights", params: { rounding: "largest-remainder" } });
    expect(params(() => split(1n, w(["a", 1n]), "largest-absorbs", 2n))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "needs-all-weights", params: { rounding: "largest-absorbs" } });
  });

  it("plain-JS callers: what was not a bigint, and an unknown rounding", () => {
    expect(params(() => splitNearest(10 as never, w(["a", 1n])))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "not-bigint", params: { what: "the total", got: "the number 10" } });
    expect(params(() => splitNearest(10n, w(["a", 1n]), null as never))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "not-bigint", params: { what: "the denominator", got: "null" } });
    expect(params(() => splitNearest(10n, {} as never))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "not-bigint", params: { what: "the weights (a list of { id, weight })", got: "object" } });
    expect(params(() => splitNearest(10n, [null] as never))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "not-bigint", params: { what: "every weight", got: "undefined" } });
    expect(params(() => splitNearest(10n, [{ id: "a", weight: [1] }] as never))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "not-bigint", params: { what: "every weight", got: "a list" } });
    expect(params(() => split(10n, w(["a", 1n]), "bankers" as never))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "unknown-rounding", params: { rounding: "bankers" } });
  });
});

describe("the safe path of large splits", () => {
  it("writes amounts above 2^32 exactly (both words of the int64)", () => {
    // 4097 equal weights share 2^45 + 5 kr: 2^45 + 5 = 4097 × 8 587 837 951 + 3 590 (checked by
    // the bigint identity below); a remainder of 3 590/4 097 is above one half, so every share
    // rounds up to 8 587 837 952, above 2^32 = 4 294 967 296 (the high word is 2).
    const total = 2n ** 45n + 5n;
    const items = Array.from({ length: 4097 }, (_, i) => ({ id: `r${String(i).padStart(4, "0")}`, weight: 1n }));
    expect(4097n * 8_587_837_951n + 3_590n).toBe(total);
    const s = splitNearest(total, items);
    expect(s.amounts).toBeInstanceOf(BigInt64Array);
    expect([s.amounts[0], s.amounts[4096]]).toEqual([8_587_837_952n, 8_587_837_952n]);
    expect(s.steps[0]).toBe("up");
    expect(s.allocated).toBe(4097n * 8_587_837_952n);
    expect(s.ties).toEqual([]);
    // Largest remainder: the 3 590 leftover kronor go to the lowest ids (all remainders are equal).
    const t = splitLargestRemainder(total, items);
    expect([t.amounts[0], t.amounts[3589], t.amounts[3590], t.amounts[4096]]).toEqual([8_587_837_952n, 8_587_837_952n, 8_587_837_951n, 8_587_837_951n]);
    expect([t.steps[3589], t.steps[3590]]).toEqual(["floor+1", "floor"]);
    expect(t.ties).toEqual([{ remainderNumerator: 3_590n, denominator: 4097n, winners: items.slice(0, 3590).map((x) => x.id), losers: items.slice(3590).map((x) => x.id) }]);
  });

  it("names every rounding step as roundHalfUp does", () => {
    // Weights 0…6 over an even denominator 2m: a total of m makes every share w/2 (exact for even
    // w, half-up for odd), a total of m + 1 adds w/2m (up for odd w, down for even w > 0).
    const items = Array.from({ length: 4100 }, (_, i) => ({ id: `r${String(i).padStart(4, "0")}`, weight: BigInt(i % 7) }));
    const sum = items.reduce((a, x) => a + x.weight, 0n);
    const den = sum % 2n === 0n ? sum : sum + 1n;
    for (const total of [den / 2n, den / 2n + 1n]) {
      const s = splitNearest(total, items, den);
      expect(s.amounts).toBeInstanceOf(BigInt64Array);
      const want = items.map((x) => roundHalfUp(total * x.weight, den));
      expect([...s.amounts]).toEqual(want.map((r) => r.value));
      expect(s.steps).toEqual(want.map((r) => r.step));
      expect(new Set(s.steps)).toEqual(total === den / 2n ? new Set(["exact", "half-up"]) : new Set(["exact", "up", "down"]));
    }
  });

  it("keeps the bigint path for weights whose products pass 2^53", () => {
    // One weight of 1 and 4096 of 2^50 share 8 × 4097 kr: each 2^50 share is
    // 8 × 4097 × 2^50 / (4096 × 2^50 + 1) = 8 + (2^53 − 8) / (4096 × 2^50 + 1), a product far above
    // 2^53, so the split runs in bigints: floor 8, a remainder of about 1/512 (rounds down), and the
    // 8 leftover kronor of largest remainder go to the eight lowest such ids.
    const items = Array.from({ length: 4097 }, (_, i) => ({ id: `r${String(i).padStart(4, "0")}`, weight: i === 0 ? 1n : 2n ** 50n }));
    const den = 4096n * 2n ** 50n + 1n;
    expect(8n * 4097n * 2n ** 50n).toBe(8n * den + 2n ** 53n - 8n);
    const s = splitLargestRemainder(8n * 4097n, items);
    expect(s.denominator).toBe(den);
    expect([s.amounts[0], s.amounts[1], s.amounts[8], s.amounts[9], s.amounts[4096]]).toEqual([0n, 9n, 9n, 8n, 8n]);
    const t = splitNearest(8n * 4097n, items);
    expect([t.amounts[0], t.amounts[1], t.steps[1]]).toEqual([0n, 8n, "down"]);
  });
});

describe("the weights' sum", () => {
  it("is exact where the part summed in doubles passes 2^52 and is flushed into the bigint", () => {
    // 2^20 + 1 weights of 2^32 − 1: the double sum reaches 2^52 − 2^20 after 2^20 of them and passes
    // 2^52 with the last, so the flush runs once; 2^32 is summed in bigints, as every weight from
    // 2^32 up is. The denominator is the sum: (2^20 + 1)(2^32 − 1) + 2^32 + 2^60.
    const n = 2 ** 20 + 1;
    const items = Array.from({ length: n + 2 }, (_, i) => ({ id: `r${String(i).padStart(7, "0")}`, weight: i === n ? 2n ** 32n : i === n + 1 ? 2n ** 60n : 2n ** 32n - 1n }));
    const want = BigInt(n) * (2n ** 32n - 1n) + 2n ** 32n + 2n ** 60n;
    expect(items.reduce((a, x) => a + x.weight, 0n)).toBe(want);
    expect(splitNearest(0n, items).denominator).toBe(want);
  });

  it("is exact on weights of every width, below and above 2^32 and 2^53", () => {
    const weights = [0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 10n ** 30n];
    const items = weights.map((weight, i) => ({ id: `r${i}`, weight }));
    expect(splitLargestRemainder(0n, items).denominator).toBe(weights.reduce((a, b) => a + b, 0n));
  });
});

describe("refusals name the first bad weight", () => {
  it("the first of two negative weights, the first one in the list", () => {
    expect(params(() => splitNearest(1n, w(["a", -1n], ["b", -2n])))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "negative-weight", params: { id: "a", weight: "-1" } });
    expect(params(() => splitNearest(1n, w(["a", 1n], ["b", -2n], ["c", -3n]))).params).toEqual({ id: "b", weight: "-2" });
  });

  it("counts a remainder of one as a candidate for a leftover krona", () => {
    // 1 kr by 4097 equal weights: every share is 1/4097, every remainder 1; the krona goes to the
    // lowest id and the 4096 others are the tie's losers.
    const items = Array.from({ length: 4097 }, (_, i) => ({ id: `r${String(i).padStart(4, "0")}`, weight: 1n }));
    const s = splitLargestRemainder(1n, items);
    expect([s.amounts[0], s.amounts[1], s.allocated]).toEqual([1n, 0n, 1n]);
    expect(s.ties).toEqual([{ remainderNumerator: 1n, denominator: 4097n, winners: ["r0000"], losers: items.slice(1).map((x) => x.id) }]);
    expect(splitNearest(1n, items).steps[0]).toBe("down");
  });
});

describe("partAt: one part at a time, equal to parts[i]", () => {
  it("gives each part of a hand-computed split in every rounding", () => {
    // 100 kr by 2:3:1 (denominator 6): exact 33⅓, 50, 16⅔.
    const items = w(["a", 2n], ["b", 3n], ["c", 1n]);
    const near = splitNearest(100n, items);
    expect(near.partAt(0)).toEqual({ id: "a", weight: 2n, numerator: 200n, denominator: 6n, floor: 33n, amount: 33n, step: "down" });
    expect(near.partAt(1)).toEqual({ id: "b", weight: 3n, numerator: 300n, denominator: 6n, floor: 50n, amount: 50n, step: "exact" });
    expect(near.partAt(2)).toEqual({ id: "c", weight: 1n, numerator: 100n, denominator: 6n, floor: 16n, amount: 17n, step: "up" });
    const lr = splitLargestRemainder(100n, items);
    expect(lr.partAt(2)).toEqual({ id: "c", weight: 1n, numerator: 100n, denominator: 6n, floor: 16n, amount: 17n, step: "floor+1" });
    // 100 by 1:1:1: 33 + 33 + 33 = 99, a absorbs +1 and its floor is still 33.
    const absorbs = splitLargestAbsorbs(100n, w(["a", 1n], ["b", 1n], ["c", 1n]));
    expect(absorbs.partAt(0)).toEqual({ id: "a", weight: 1n, numerator: 100n, denominator: 3n, floor: 33n, amount: 34n, step: "absorbed" });
    for (const s of [near, lr, absorbs]) for (let i = 0; i < 3; i++) expect(s.partAt(i)).toEqual(s.parts[i]);
  });

  it("equals parts on a split large enough for the columns held as 64-bit words", () => {
    // 5 000 items (the word columns start above 4 096): weight i + 1, total 1 560 000 000.
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: `r${String(i).padStart(4, "0")}`, weight: BigInt(i + 1) }));
    const s = splitNearest(1_560_000_000n, items);
    const den = 5000n * 5001n / 2n;
    // Item 4 999: 1 560 000 000 × 5 000 / 12 502 500 = 623 875.22… → 623 875, down.
    expect(s.partAt(4999)).toEqual({ id: "r4999", weight: 5000n, numerator: 7_800_000_000_000n, denominator: den, floor: 623_875n, amount: 623_875n, step: "down" });
    for (const i of [0, 1, 2047, 4096, 4998]) expect(s.partAt(i)).toEqual(s.parts[i]);
  });

  it("refuses an index that is not an item's", () => {
    const s = splitNearest(10n, w(["a", 1n], ["b", 1n]));
    for (const i of [-1, 2, 0.5, Number.NaN]) {
      expect(params(() => s.partAt(i))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "no-part", params: { index: String(i), count: 2 } });
    }
    expect(params(() => splitNearest(10n, [], 1n).partAt(0))).toEqual({ code: "ALLOCATION_INVALID_INPUT", kind: "no-part", params: { index: "0", count: 0 } });
  });
});
