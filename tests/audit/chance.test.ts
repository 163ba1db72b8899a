import { describe, expect, it } from "vitest";
import { expectedChanceFits } from "../../src/audit/chance.js";

/** Σ_N min(1, wN)^k summed term by term. */
const direct = (k: number, w: number, from: number, to: number) => {
  let s = 0;
  for (let N = from; N <= to; N++) s += Math.min(1, w * N) ** k;
  return s;
};

describe("expectedChanceFits", () => {
  it("agrees with the sum term by term to within one per cent", () => {
    for (const [k, w, from, to] of [
      [15, 1 / 192_000_000, 1_500_000, 3_500_000],
      [3, 1 / 1000, 1, 5000],
      [21, 1 / 1_367_000_000, 10_000_000, 10_100_000],
      [2, 0.1, 1, 10],
      [5, 1 / 100, 50, 50],
    ] as const) {
      const e = expectedChanceFits(k, w, BigInt(from), BigInt(to));
      expect(Math.abs(e.expected / direct(k, w, from, to) - 1)).toBeLessThan(1e-2);
    }
  });

  it("keeps the logarithm where the value underflows: 290 municipal amounts", () => {
    const e = expectedChanceFits(290, 1 / 192_000_000, 1_500_000n, 3_500_000n);
    expect(e.expected).toBe(0);
    // 290 · log10(3.5e6 / 1.92e8) ≈ −504, plus the range.
    expect(e.log10).toBeLessThan(-490);
    expect(e.log10).toBeGreaterThan(-510);
    expect(expectedChanceFits(3, 0.1, 5n, 4n).log10).toBe(-Infinity);
  });
});
