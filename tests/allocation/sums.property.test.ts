/**
 * The sums allocate() takes without building columns (nearestAllocated, levelBasesSum) equal the
 * sums of the columns built when an amount is read (shareColumns, levelBases), on both sides of
 * the 2^53 bound and at it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelBases, levelBasesSum } from "../../src/allocation/bases.js";
import { fitsSafe, nearestAllocated, shareColumns } from "../../src/allocation/kernel.js";
import { allCounties, allMunicipalities, type Level } from "../../src/geography/index.js";
import type { Exception } from "../../src/rules.js";

const SAFE = Number.MAX_SAFE_INTEGER;

describe("nearestAllocated", () => {
  it("equals the sum of shareColumns' nearest shares, or is undefined exactly where the bigint path is taken", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 300 }),
        fc.bigInt(0n, 10n ** 12n),
        (counts, shared) => {
          const column = Float64Array.from(counts);
          const d = counts.reduce((a, b) => a + b, 0);
          if (d === 0) return;
          const sum = nearestAllocated(shared, column, d);
          const max = Math.max(...counts);
          expect(sum === undefined).toBe(!fitsSafe(shared, max, d));
          const full = shareColumns(shared, column, d, "nearest-per-recipient", counts.map((_, i) => String(i)));
          if (sum !== undefined) expect(sum).toBe(full.allocated);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("at the bound: shared × max + d = 2^53 − 1 is summed in doubles, one krona more is not", () => {
    // 1 + 2 = 3 persons; the largest count 2: shared ≤ (SAFE − 3) / 2.
    const shared = BigInt(Math.floor((SAFE - 3) / 2));
    const counts = Float64Array.of(1, 2);
    const exact = shareColumns(shared, counts, 3, "nearest-per-recipient", ["a", "b"]).allocated;
    expect(nearestAllocated(shared, counts, 3)).toBe(exact);
    expect(nearestAllocated(shared + 1n, counts, 3)).toBeUndefined();
    // 4 503 599 627 370 494 by 1:2 over 3: 1 501 199 875 790 164.67 → …165, 3 002 399 751 580 329.33 → …329.
    expect(exact).toBe(1_501_199_875_790_165n + 3_002_399_751_580_329n);
  });

  it("rounds halves up: 1 kr by 1:1 is 0.5 + 0.5 → 2 kr (a residue of +1)", () => {
    expect(nearestAllocated(1n, Float64Array.of(1, 1), 2)).toBe(2n);
    expect(nearestAllocated(10n, Float64Array.of(1, 2), 3)).toBe(10n);
    expect(nearestAllocated(2n, Float64Array.of(1, 1, 1), 3)).toBe(3n);
  });
});

describe("levelBasesSum", () => {
  const counties = allCounties().map((c) => c.code);
  const municipalities = allMunicipalities().map((m) => m.code);
  const exceptionArb = fc.oneof(
    fc.record({ group: fc.constantFrom("metropolitan", "nowhere"), amount: fc.bigInt(0n, 10n ** 9n) }),
    fc.record({ code: fc.constantFrom(...counties, ...municipalities.slice(0, 40), "9999"), amount: fc.bigInt(0n, 10n ** 9n) }),
  );

  it("equals levelBases(…).sum for any exceptions at every level", () => {
    fc.assert(
      fc.property(fc.constantFrom<Level>("municipality", "county", "region", "skr"), fc.bigInt(0n, 10n ** 9n), fc.array(exceptionArb, { maxLength: 5 }), (level, amount, exceptions) => {
        expect(levelBasesSum(level, amount, exceptions as Exception[])).toBe(levelBases(level, amount, exceptions as Exception[]).sum);
      }),
      { numRuns: 300 },
    );
  });

  it("takes bigints above 2^53 and gives the same sum", () => {
    const amount = 10n ** 15n; // 290 × 10^15 passes 2^53.
    const exceptions: Exception[] = [{ group: "metropolitan", amount: 2n * amount }, { code: "2080", amount: 7n }];
    // 108 metropolitan municipalities at 2·10^15, Falun at 7, the other 181 at 10^15.
    expect(levelBasesSum("municipality", amount, exceptions)).toBe(108n * 2n * amount + 7n + 181n * amount);
    expect(levelBases("municipality", amount, exceptions).sum).toBe(108n * 2n * amount + 7n + 181n * amount);
  });

  it("2025's pots 1a and 4a: 18 × 2 000 000 + 3 × 3 000 000, and 21 × 5 000 000", () => {
    expect(levelBasesSum("county", 2_000_000n, [{ group: "metropolitan", amount: 3_000_000n }])).toBe(45_000_000n);
    expect(levelBasesSum("county", 5_000_000n, [])).toBe(105_000_000n);
  });
});
