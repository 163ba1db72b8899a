/**
 * src/exact-double.ts: floorDiv by a reciprocal is the exact quotient wherever the kernels use it
 * (p ≥ 0, d > 0, p + d < 2^53), held to bigint division; fitsSafe at its bound.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitsSafe, floorDiv, SAFE } from "../src/exact-double.js";

const exact = (p: number, d: number) => Number(BigInt(p) / BigInt(d));
const check = (p: number, d: number): void => {
  expect([p, d, floorDiv(p, d, 1 / d)]).toEqual([p, d, exact(p, d)]);
};

describe("floorDiv(p, d, 1 / d)", () => {
  it("is the floor of hand-computed quotients, small and at 2^53", () => {
    expect([floorDiv(7, 2, 1 / 2), floorDiv(10, 3, 1 / 3), floorDiv(0, 5, 1 / 5), floorDiv(9, 9, 1 / 9), floorDiv(8, 9, 1 / 9)]).toEqual([3, 3, 0, 1, 0]);
    // Products that land on the wrong side of a whole number (found by search, checked by bigint):
    // 7 252 982 319 128 270 = 13 514 870 × 536 666 821 exactly, but p · (1 / d) floors to one less,
    // so the remainder comes out as d and the quotient is corrected up;
    // 9 007 199 254 740 984 / 5 = 1 801 439 850 948 196.8, but p · (1 / 5) floors to one more, so the
    // remainder comes out negative and the quotient is corrected down.
    expect(Math.floor(7_252_982_319_128_270 * (1 / 13_514_870))).toBe(536_666_820);
    expect(floorDiv(7_252_982_319_128_270, 13_514_870, 1 / 13_514_870)).toBe(536_666_821);
    expect(Math.floor(9_007_199_254_740_984 * (1 / 5))).toBe(1_801_439_850_948_197);
    expect(floorDiv(9_007_199_254_740_984, 5, 1 / 5)).toBe(1_801_439_850_948_196);
    expect(floorDiv(SAFE - 1, 3, 1 / 3)).toBe(3_002_399_751_580_330);
    expect(floorDiv(SAFE - 1, 1, 1)).toBe(SAFE - 1);
    expect(floorDiv(SAFE - 2, 2, 1 / 2)).toBe((SAFE - 2 - 1) / 2);
  });

  it("equals bigint division next to every multiple, over the whole range", () => {
    // q · d − 1, q · d and q · d + 1 for any d and q with p + d below 2^53: where a product one
    // rounding off lands on the wrong side of a whole number.
    const arb = fc
      .tuple(
        fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 31 }), fc.double({ min: 1, max: 2 ** 52, noNaN: true }).map(Math.floor)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -1, max: 1 }),
      )
      .map(([d, f, off]) => {
        const qMax = Math.floor((SAFE - 2 * d) / d);
        const p = Math.max(0, Math.floor(f * qMax) * d + off);
        return { p, d };
      });
    fc.assert(
      fc.property(arb, ({ p, d }) => {
        check(p, d);
      }),
      { numRuns: 4_000 },
    );
  });

  it("equals bigint division on denominators like the 2025 keys' and shares up to 2^53", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 11_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (d, f) => {
        const p = Math.floor(f * (SAFE - d));
        check(p, d);
      }),
      { numRuns: 4_000 },
    );
  });
});

describe("fitsSafe", () => {
  it("holds exactly up to shared × maxCount + denominator = 2^53 − 1", () => {
    expect(fitsSafe(BigInt(Math.floor((SAFE - 10) / 7)), 7, 10)).toBe(true);
    expect(fitsSafe(BigInt(Math.floor((SAFE - 10) / 7)) + 1n, 7, 10)).toBe(false);
    expect(fitsSafe(BigInt(SAFE) + 1n, 0, 1)).toBe(false);
  });
});
