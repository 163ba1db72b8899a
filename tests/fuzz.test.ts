/**
 * A short, fixed-seed run of the fuzzer (scripts/fuzz.ts; `npm run fuzz` runs 100 000 inputs):
 * every input is either accepted or refused with a typed StimulansmedelError.
 */
import { describe, expect, it } from "vitest";
import { fuzz, fuzzResources, RESOURCE_LIMITS } from "../scripts/fuzz.js";

describe("fuzzing the loaders and the command line (short run)", () => {
  it("lets nothing but typed errors escape from 2 000 generated inputs", async () => {
    const report = await fuzz({ inputs: 2000, seed: 20251 });
    expect(report.failures).toEqual([]);
    expect(report.untyped).toBe(0);
    expect(report.inputs).toBe(2000);
    // Every target got its share, and some inputs were good enough to load and allocate.
    expect(report.byTarget.population).toBeGreaterThan(500);
    expect(report.byTarget.agreement).toBeGreaterThan(500);
    expect(report.byTarget.cli).toBeGreaterThan(150);
    expect(report.accepted).toBeGreaterThan(0);
    expect(Object.keys(report.exitCodes).sort()).toEqual(expect.arrayContaining(["0", "1", "2"]));
  });

  it("ends every resource case (size, depth, sparse sizes, repeats) with a typed error within its limits", () => {
    const results = fuzzResources();
    expect(results.length).toBeGreaterThanOrEqual(9);
    for (const r of results) {
      expect(r.typed, r.name).toBe(true);
      expect(r.ms, r.name).toBeLessThanOrEqual(RESOURCE_LIMITS.ms);
      expect(r.mb, r.name).toBeLessThanOrEqual(RESOURCE_LIMITS.mb);
    }
  }, 120_000);
});
