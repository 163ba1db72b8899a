import { describe, expect, it } from "vitest";
import { compareCounts } from "../../src/audit/compare.js";
import type { BaseSolution } from "../../src/audit/infer.js";

const solution: BaseSolution = {
  keyTotal: 100n,
  counts: [
    { code: "01", lo: 40n, hi: 40n },
    { code: "03", lo: 25n, hi: 27n },
    { code: "04", lo: 10n, hi: 10n },
  ],
  exact: false,
  verified: true,
};

describe("compareCounts", () => {
  it("gives the difference per recipient (0 inside an interval) and nationally, largest first found", () => {
    const [a, b] = compareCounts(solution, {
      "31 dec": { counts: { "01": 43, "03": 26, "04": 9 }, total: 104 },
      map: { counts: new Map([["01", 38n], ["03", 30n]]) },
    });
    expect(a).toEqual({
      name: "31 dec",
      national: { inferred: 100n, given: 104n, difference: 4n },
      rows: [
        { code: "01", lo: 40n, hi: 40n, given: 43n, difference: 3n },
        { code: "03", lo: 25n, hi: 27n, given: 26n, difference: 0n },
        { code: "04", lo: 10n, hi: 10n, given: 9n, difference: -1n },
      ],
      absoluteSum: 4n,
      largest: { code: "01", lo: 40n, hi: 40n, given: 43n, difference: 3n },
    });
    // Without a total, the counts' sum; a recipient without a count has no difference.
    expect(b!.national).toEqual({ inferred: 100n, given: 68n, difference: -32n });
    expect(b!.rows.map((r) => r.difference)).toEqual([-2n, 3n, null]);
    expect(b!.largest?.code).toBe("03");
  });
});
