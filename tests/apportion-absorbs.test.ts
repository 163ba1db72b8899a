import { describe, expect, it } from "vitest";
import { splitLargestAbsorbs } from "../src/apportion.js";
import { AllocationError } from "../src/errors.js";
import { issueWith } from "./helpers.js";

const w = (pairs: [string, bigint][]) => pairs.map(([id, weight]) => ({ id, weight }));

describe("splitLargestAbsorbs", () => {
  it("rounds every share and lets the largest take what is left: 100 by 1:1:1 (33.33 each)", () => {
    const s = splitLargestAbsorbs(100n, w([["a", 1n], ["b", 1n], ["c", 1n]]));
    expect([...s.amounts]).toEqual([34n, 33n, 33n]);
    expect(s.absorber).toBe("a");
    expect(s.absorberIndex).toBe(0);
    expect(s.absorbed).toBe(1n);
    expect(s.allocated).toBe(100n);
    expect(s.steps).toEqual(["absorbed", "down", "down"]);
    // Three equal largest weights: "a" wins by the lowest id; the tie is reported.
    expect(s.ties).toEqual([{ remainderNumerator: 1n, denominator: 3n, winners: ["a"], losers: ["b", "c"] }]);
  });

  it("takes kronor away from the largest when the rounded parts overshoot: 10 by 1:1:1:1 (2.5 each → 3)", () => {
    const s = splitLargestAbsorbs(10n, w([["d", 1n], ["c", 1n], ["b", 1n], ["a", 1n]]));
    // 4 × 3 = 12, two too many; the lowest id "a" (fourth in input order) absorbs −2.
    expect([...s.amounts]).toEqual([3n, 3n, 3n, 1n]);
    expect(s.absorber).toBe("a");
    expect(s.absorberIndex).toBe(3);
    expect(s.absorbed).toBe(-2n);
    // Each share was exactly 2.5 (half up to 3); the absorber's step says it took the difference.
    expect(s.steps).toEqual(["half-up", "half-up", "half-up", "absorbed"]);
  });

  it("the largest weight absorbs, not the first or the lowest id, and its step is its own rounding", () => {
    // 1000 by 1:2:4 → 142.86, 285.71, 571.43 → 143 + 286 + 571 = 1000: nothing to absorb.
    const even = splitLargestAbsorbs(1000n, w([["a", 1n], ["b", 2n], ["c", 4n]]));
    expect([...even.amounts]).toEqual([143n, 286n, 571n]);
    expect(even.absorber).toBe("c");
    expect(even.absorbed).toBe(0n);
    expect(even.ties).toEqual([]);
    // 200 by 1:1:1:3 → 33.33 ×3 → 33, 100 → 199; "d" (weight 3) gets 101.
    const s = splitLargestAbsorbs(200n, w([["a", 1n], ["b", 1n], ["c", 1n], ["d", 3n]]));
    expect([...s.amounts]).toEqual([33n, 33n, 33n, 101n]);
    expect(s.absorber).toBe("d");
    expect(s.steps).toEqual(["down", "down", "down", "absorbed"]);
    expect(s.parts[3]).toMatchObject({ id: "d", numerator: 600n, denominator: 6n, floor: 100n, amount: 101n });
  });

  it("differs from largest remainder where the overshoot is spread: 10 by four equal weights", () => {
    // Largest remainder: floors 2, two leftover kronor to the lowest ids → 3, 3, 2, 2.
    const s = splitLargestAbsorbs(10n, w([["a", 1n], ["b", 1n], ["c", 1n], ["d", 1n]]));
    expect([...s.amounts]).toEqual([1n, 3n, 3n, 3n]);
  });

  it("refuses a declared denominator other than the weights' sum, and a total too small to absorb", () => {
    expect(() => splitLargestAbsorbs(10n, w([["a", 1n]]), 5n)).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { params: { rounding: "largest-absorbs" } }));
    expect(splitLargestAbsorbs(10n, w([["a", 1n], ["b", 4n]]), 5n).amounts).toEqual([2n, 8n]);
    // 5 by ten equal weights: every 0.5 rounds up to 1, Σ = 10, the absorber would get 1 − 5 = −4.
    expect(() => splitLargestAbsorbs(5n, w(Array.from({ length: 10 }, (_, i): [string, bigint] => [`r${i}`, 1n])))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { params: { id: "r0", share: "-4" } }));
    expect(() => splitLargestAbsorbs(5n, [])).toThrowError(issueWith("ALLOCATION_NO_WEIGHT", { value: "0" }));
    expect(() => splitLargestAbsorbs(-1n, w([["a", 1n]]))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "-1" }));
    expect(() => splitLargestAbsorbs(1n, w([["a", 1n], ["a", 2n]]))).toThrowError(issueWith("ALLOCATION_INVALID_INPUT", { value: "a" }));
  });
});
