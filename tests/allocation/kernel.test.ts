/**
 * The share kernel of allocate() on small hand-computed splits, in both arithmetic paths (doubles
 * below 2^53, bigint above), and at the bound between them.
 */
import { describe, expect, it } from "vitest";
import { fitsSafe, nearestAllocated, shareColumns, STEP, STEP_NAMES } from "../../src/allocation/kernel.js";

const SAFE = Number.MAX_SAFE_INTEGER;
const nums = (xs: Float64Array | bigint[]) => Array.from(xs as ArrayLike<number | bigint>, (x) => BigInt(x));
const stepNames = (s: Uint8Array) => Array.from(s, (c) => STEP_NAMES[c]);

describe("fitsSafe", () => {
  it("holds exactly while shared × largest count + denominator stays at or below 2^53 − 1", () => {
    // 1 × (SAFE − 10) + 10 = SAFE: fits; one more in the denominator does not.
    expect(fitsSafe(1n, SAFE - 10, 10)).toBe(true);
    expect(fitsSafe(1n, SAFE - 10, 11)).toBe(false);
    // 2025's largest pot by Sweden's largest municipality.
    expect(fitsSafe(500_000_000n, 2_500_000, 10_600_000)).toBe(true);
    expect(fitsSafe(10n ** 15n, 10_000_000, 10_600_000)).toBe(false);
  });

  it("with no positive count only asks that the sum itself be a safe integer", () => {
    expect(fitsSafe(BigInt(SAFE), 0, 1)).toBe(true);
    // Even with the denominator at 2^53 − 1 (no room left for a product, and none needed).
    expect(fitsSafe(1n, 0, SAFE)).toBe(true);
    expect(fitsSafe(BigInt(SAFE) + 1n, 0, 1)).toBe(false);
  });

  it("the step codes name the public steps", () => {
    expect(STEP_NAMES[STEP.down]).toBe("down");
    expect(STEP_NAMES[STEP.up]).toBe("up");
    expect(STEP_NAMES[STEP.halfUp]).toBe("half-up");
    expect(STEP_NAMES[STEP.exact]).toBe("exact");
    expect(STEP_NAMES[STEP.floor]).toBe("floor");
    expect(STEP_NAMES[STEP.floorPlus1]).toBe("floor+1");
    expect(STEP_NAMES[STEP.absorbed]).toBe("absorbed");
  });
});

describe("shareColumns, nearest per recipient (doubles)", () => {
  it("10 kr by 1:2 is 3.33 → 3 down and 6.67 → 7 up", () => {
    const r = shareColumns(10n, Float64Array.of(1, 2), 3, "nearest-per-recipient", ["a", "b"]);
    expect(r.shares).toBeInstanceOf(Float64Array);
    expect(nums(r.shares)).toEqual([3n, 7n]);
    expect(stepNames(r.steps)).toEqual(["down", "up"]);
    expect(r.allocated).toBe(10n);
    expect(r.ties).toEqual([]);
  });

  it("a half krona goes up and says so; whole shares are exact", () => {
    const half = shareColumns(1n, Float64Array.of(1, 1), 2, "nearest-per-recipient", ["a", "b"]);
    expect(nums(half.shares)).toEqual([1n, 1n]);
    expect(stepNames(half.steps)).toEqual(["half-up", "half-up"]);
    // Two kronor more than the pot: the residue is the caller's to report.
    expect(half.allocated).toBe(2n);
    const exact = shareColumns(6n, Float64Array.of(1, 2, 0), 3, "nearest-per-recipient", ["a", "b", "c"]);
    expect(nums(exact.shares)).toEqual([2n, 4n, 0n]);
    expect(stepNames(exact.steps)).toEqual(["exact", "exact", "exact"]);
  });

  it("a declared denominator above the counts' sum gives only those recipients' shares", () => {
    // 10 kr over 10 persons of whom 1 + 2 are known: 1 and 2 kr, 3 kr allocated.
    const r = shareColumns(10n, Float64Array.of(1, 2), 10, "nearest-per-recipient", ["a", "b"]);
    expect(nums(r.shares)).toEqual([1n, 2n]);
    expect(r.allocated).toBe(3n);
  });

  it("stays exact for products next to 2^53 and remainders of one either side of a multiple", () => {
    // The expected values are bigint arithmetic on the same numbers.
    const d = 2 ** 27 + 1;
    for (const c of [SAFE - 1 - d, SAFE - d, d * 1000 - 1, d * 1000 + 1, (d - 1) / 2]) {
      const r = shareColumns(1n, Float64Array.of(c), d, "nearest-per-recipient", ["a"]);
      const q = BigInt(c) / BigInt(d);
      const rem = BigInt(c) % BigInt(d);
      expect(nums(r.shares)[0]).toBe(2n * rem >= BigInt(d) ? q + 1n : q);
    }
  });
});

describe("shareColumns, largest remainder (doubles)", () => {
  it("100 kr by 2:3:1 is 33, 50 and 16 + the leftover krona (remainder 4/6)", () => {
    const r = shareColumns(100n, Float64Array.of(2, 3, 1), 6, "largest-remainder", ["a", "b", "c"]);
    expect(nums(r.shares)).toEqual([33n, 50n, 17n]);
    expect(stepNames(r.steps)).toEqual(["floor", "floor", "floor+1"]);
    expect(r.allocated).toBe(100n);
    expect(r.ties).toEqual([]);
  });

  it("gives a larger remainder its krona before a tie, and reports the tie it broke by id", () => {
    // 2 kr by 5:3:3 over 11: remainders 10, 6, 6 (elevenths), floors 0; two kronor left: "a"
    // (10/11) and then "b" over "c" (both 6/11).
    const r = shareColumns(2n, Float64Array.of(5, 3, 3), 11, "largest-remainder", ["a", "b", "c"]);
    expect(nums(r.shares)).toEqual([1n, 1n, 0n]);
    expect(stepNames(r.steps)).toEqual(["floor+1", "floor+1", "floor"]);
    expect(r.allocated).toBe(2n);
    expect(r.ties).toEqual([{ remainderNumerator: 6n, denominator: 11n, winners: ["b"], losers: ["c"] }]);
  });

  it("2 kr by 1:1:1: the two lowest ids win, the third is the loser", () => {
    const r = shareColumns(2n, Float64Array.of(1, 1, 1), 3, "largest-remainder", ["a", "b", "c"]);
    expect(nums(r.shares)).toEqual([1n, 1n, 0n]);
    expect(r.ties).toEqual([{ remainderNumerator: 2n, denominator: 3n, winners: ["a", "b"], losers: ["c"] }]);
  });

  it("a tie that every tied recipient wins is no tie, and a zero count never gets a krona", () => {
    // 3 kr by 0:1:1:1 over 3: each 1 exactly; then 2 kr by 0:1:1 over 2: each 1 exactly.
    const r = shareColumns(2n, Float64Array.of(1, 2, 2, 0), 5, "largest-remainder", ["a", "b", "c", "d"]);
    // 2/5 = 0 r2, 4/5 = 0 r4, 0 r4, 0: two kronor to the two 4/5 remainders, both of them.
    expect(nums(r.shares)).toEqual([0n, 1n, 1n, 0n]);
    expect(stepNames(r.steps)).toEqual(["floor", "floor+1", "floor+1", "floor"]);
    expect(r.ties).toEqual([]);
  });
});

describe("shareColumns, largest absorbs (doubles)", () => {
  it("100 kr by 1:1:1: 33 each and the first of the largest takes the missing krona", () => {
    const r = shareColumns(100n, Float64Array.of(1, 1, 1), 3, "largest-absorbs", ["a", "b", "c"]);
    expect(nums(r.shares)).toEqual([34n, 33n, 33n]);
    expect(stepNames(r.steps)).toEqual(["absorbed", "down", "down"]);
    expect(r.allocated).toBe(100n);
  });

  it("the largest count absorbs a krona too many, wherever it stands", () => {
    // 10 kr by 1:1:4 over 6: 1.67 → 2, 1.67 → 2, 6.67 → 7 = 11; "c" gives one back.
    const r = shareColumns(10n, Float64Array.of(1, 1, 4), 6, "largest-absorbs", ["a", "b", "c"]);
    expect(nums(r.shares)).toEqual([2n, 2n, 6n]);
    expect(stepNames(r.steps)).toEqual(["up", "up", "absorbed"]);
    expect(r.allocated).toBe(10n);
  });

  it("refuses an absorber that would get less than nothing, naming it and the share", () => {
    // 2 kr by 1:1:1:1: each 0.5 → 1, 4 kr; the absorber would get 1 − 2 = −1.
    expect(() => shareColumns(2n, Float64Array.of(1, 1, 1, 1), 4, "largest-absorbs", ["a", "b", "c", "d"])).toThrowError(
      expect.objectContaining({ code: "ALLOCATION_INVALID_INPUT", kind: "absorber-negative", issues: [expect.objectContaining({ params: { id: "a", share: "-1" } })] }),
    );
  });

  it("lets an absorber end at exactly nothing", () => {
    // 1 kr by 1:1: each 0.5 → 1, 2 kr; "a" gives its krona back and gets 0.
    const r = shareColumns(1n, Float64Array.of(1, 1), 2, "largest-absorbs", ["a", "b"]);
    expect(nums(r.shares)).toEqual([0n, 1n]);
    expect(stepNames(r.steps)).toEqual(["absorbed", "half-up"]);
  });

  it("with no recipient allocates nothing", () => {
    // Largest remainder is left out: it needs the denominator to be the counts' sum, here 0.
    for (const rounding of ["nearest-per-recipient", "largest-absorbs"] as const) {
      const r = shareColumns(5n, new Float64Array(0), 1, rounding, []);
      expect([r.allocated, r.shares.length, r.ties]).toEqual([0n, 0, []]);
    }
  });
});

describe("shareColumns above 2^53 (bigint)", () => {
  it("with no recipient allocates nothing", () => {
    for (const rounding of ["nearest-per-recipient", "largest-absorbs"] as const) {
      expect(shareColumns(2n ** 60n, new Float64Array(0), 1, rounding, []).allocated).toBe(0n);
    }
  });

  it("lets an absorber end at exactly nothing", () => {
    // 1 kr by 2^52 : 2^52 over 2^53 (the product passes 2^53): each 0.5 → 1; "a" gives one back.
    const c = 2 ** 52;
    const r = shareColumns(1n, Float64Array.of(c, c), 2 ** 53, "largest-absorbs", ["a", "b"]);
    expect(r.shares).toEqual([0n, 1n]);
    expect(stepNames(r.steps)).toEqual(["absorbed", "half-up"]);
  });

  const big = 2n ** 60n; // 1 152 921 504 606 846 976 = 3 × 384 307 168 202 282 325 + 1

  it("nearest: 2^60 by 1:2 is …325.33 down and …650.67 up", () => {
    const r = shareColumns(big, Float64Array.of(1, 2), 3, "nearest-per-recipient", ["a", "b"]);
    expect(Array.isArray(r.shares)).toBe(true);
    expect(r.shares).toEqual([384_307_168_202_282_325n, 768_614_336_404_564_651n]);
    expect(stepNames(r.steps)).toEqual(["down", "up"]);
    expect(r.allocated).toBe(big);
  });

  it("largest remainder: 2^60 by 1:1:1 leaves one krona, which the lowest id wins", () => {
    const r = shareColumns(big, Float64Array.of(1, 1, 1), 3, "largest-remainder", ["a", "b", "c"]);
    expect(r.shares).toEqual([384_307_168_202_282_326n, 384_307_168_202_282_325n, 384_307_168_202_282_325n]);
    expect(stepNames(r.steps)).toEqual(["floor+1", "floor", "floor"]);
    expect(r.ties).toEqual([{ remainderNumerator: 1n, denominator: 3n, winners: ["a"], losers: ["b", "c"] }]);
    expect(r.allocated).toBe(big);
  });

  it("largest absorbs: 2^60 by 1:1:4 rounds each share and the largest takes the difference", () => {
    // 2^60 / 6 = 192 153 584 101 141 162.67 → …163 (twice), × 4 = …650.67 → …651; sum is 2^60 + 1.
    const r = shareColumns(big, Float64Array.of(1, 1, 4), 6, "largest-absorbs", ["a", "b", "c"]);
    expect(r.shares).toEqual([192_153_584_101_141_163n, 192_153_584_101_141_163n, 768_614_336_404_564_650n]);
    expect(stepNames(r.steps)).toEqual(["up", "up", "absorbed"]);
    expect(r.allocated).toBe(big);
  });

  it("takes the bigint path when the product, not the sum, passes 2^53, and refuses a negative absorber there", () => {
    // 2 kr by four counts of 2^51 over 2^53: each share is exactly half → 1, 4 kr; absorber −1.
    const c = 2 ** 51;
    expect(fitsSafe(2n, c, 2 ** 53)).toBe(false);
    const near = shareColumns(2n, Float64Array.of(c, c, c, c), 2 ** 53, "nearest-per-recipient", ["a", "b", "c", "d"]);
    expect(near.shares).toEqual([1n, 1n, 1n, 1n]);
    expect(stepNames(near.steps)).toEqual(["half-up", "half-up", "half-up", "half-up"]);
    expect(() => shareColumns(2n, Float64Array.of(c, c, c, c), 2 ** 53, "largest-absorbs", ["a", "b", "c", "d"])).toThrowError(
      expect.objectContaining({ code: "ALLOCATION_INVALID_INPUT", kind: "absorber-negative" }),
    );
  });
});

describe("nearestAllocated, the sum of the nearest-krona shares without their columns", () => {
  const viaColumns = (shared: bigint, counts: number[], d: number) => shareColumns(shared, Float64Array.from(counts), d, "nearest-per-recipient", counts.map((_, i) => `r${i}`)).allocated;

  it("10 kr by 1:2 is 3 + 7; a half krona goes up for each recipient", () => {
    expect(nearestAllocated(10n, Float64Array.of(1, 2), 3)).toBe(10n);
    // 1 kr by 1:1 is 0,5 + 0,5, each up: 2 kronor for 1.
    expect(nearestAllocated(1n, Float64Array.of(1, 1), 2)).toBe(2n);
    // 100 kr by 1:1:1 is 33,33 × 3, each down: 99.
    expect(nearestAllocated(100n, Float64Array.of(1, 1, 1), 3)).toBe(99n);
    // 0,49 down, 0,51 up over a declared 100: 0 + 1.
    expect(nearestAllocated(1n, Float64Array.of(49, 51), 100)).toBe(1n);
    expect(nearestAllocated(5n, new Float64Array(0), 1)).toBe(0n);
  });

  it("equals the columns' sum next to 2^53 and on many small splits", () => {
    // The largest products that fit: remainders of 1 either side of a multiple of d.
    const d = 1_000_003;
    const shared = BigInt(Math.floor((SAFE - d) / 3));
    expect(nearestAllocated(shared, Float64Array.of(1, 2, 3), d)).toBe(viaColumns(shared, [1, 2, 3], d));
    for (let total = 0n; total < 60n; total += 7n) {
      for (const counts of [[1, 2], [3, 3, 1], [5, 0, 7, 2], [1, 1, 1, 1, 1, 1, 1]]) {
        const sum = counts.reduce((a, b) => a + b, 0);
        for (const den of [sum, sum + 3]) expect(nearestAllocated(total, Float64Array.from(counts), den), `${total} ${counts} / ${den}`).toBe(viaColumns(total, counts, den));
      }
    }
  });

  it("bounds its products by a given largest count, or finds it: the bound alone decides the bigint path", () => {
    const d = 1_000_003;
    // 3 × shared + d is exactly 2^53 − 1: with the counts' own largest (3) the doubles are exact…
    const shared = BigInt((SAFE - d) / 3);
    expect(nearestAllocated(shared, Float64Array.of(1, 2, 3), d)).toBe(viaColumns(shared, [1, 2, 3], d));
    expect(nearestAllocated(shared, Float64Array.of(1, 2, 3), d, 3)).toBe(viaColumns(shared, [1, 2, 3], d));
    // …a bound of 4 says a product may not be, so the sum is left to the bigint columns.
    expect(nearestAllocated(shared, Float64Array.of(1, 2, 3), d, 4)).toBeUndefined();
    // shareColumns takes the same bound: past it the shares are bigints, the same amounts.
    const big = shareColumns(shared, Float64Array.of(1, 2, 3), d, "nearest-per-recipient", ["a", "b", "c"], undefined, 4);
    expect(big.shares.every((v) => typeof v === "bigint")).toBe(true);
    expect(big.allocated).toBe(viaColumns(shared, [1, 2, 3], d));
  });

  it("equals the columns' sum on both sides of the 2^30 denominator where the krona is found by a sign bit", () => {
    // Below 2^30 the half krona is decided by the sign of 2r − d in int32; above, by comparing.
    // Counts whose remainders sit at 0, just under half, at half, just over half and at d − 1,
    // for denominators either side of 2^30 and at 3 · 2^30 (where 2r − d would not fit an int32).
    for (const d of [2 ** 30 - 1, 2 ** 30, 2 ** 30 + 1, 3 * 2 ** 30 + 1]) {
      const half = Math.floor(d / 2);
      const counts = [0, 1, half - 1, half, half + 1, d - 1 - half, 1];
      const sum = counts.reduce((a, b) => a + b, 0);
      const den = Math.max(d, sum);
      for (const shared of [1n, 2n, 3n, 1_000_001n]) {
        expect(nearestAllocated(shared, Float64Array.from(counts), den), `${shared} / ${den}`).toBe(viaColumns(shared, counts, den));
      }
    }
    // Exact halves at d = 2^30 − 2 (even): 1 kr by (d/2, d/2) rounds both up, 2 kr in all.
    expect(nearestAllocated(1n, Float64Array.of(2 ** 29 - 1, 2 ** 29 - 1), 2 ** 30 - 2)).toBe(2n);
    expect(nearestAllocated(1n, Float64Array.of(2 ** 30, 2 ** 30), 2 ** 31)).toBe(2n);
    // Just under half rounds down on either side of the bound: 1 kr by (d/2 − 1) of d.
    expect(nearestAllocated(1n, Float64Array.of(2 ** 29 - 1), 2 ** 30)).toBe(0n);
    expect(nearestAllocated(1n, Float64Array.of(3 * 2 ** 29 - 1), 3 * 2 ** 30)).toBe(0n);
    expect(nearestAllocated(1n, Float64Array.of(3 * 2 ** 29 + 1), 3 * 2 ** 30)).toBe(1n);
  });

  it("is undefined where a product could pass 2^53, whichever count is the largest", () => {
    // 10^7 × 10^9 = 10^16 > 2^53: the bigint path must do it.
    expect(nearestAllocated(10_000_000n, Float64Array.of(1, 1e9), 2e9)).toBeUndefined();
    expect(nearestAllocated(10_000_000n, Float64Array.of(1e9, 1), 2e9)).toBeUndefined();
    expect(nearestAllocated(10n ** 16n, Float64Array.of(1e9), 2e9)).toBeUndefined();
    // The sum alone past 2^53, with no count at all.
    expect(nearestAllocated(BigInt(SAFE) + 1n, new Float64Array(0), 1)).toBeUndefined();
  });
});
