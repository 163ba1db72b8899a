import { describe, expect, it } from "vitest";
import { allocate } from "../src/allocate.js";
import { split, splitLargestRemainder, splitNearest, type Weighted } from "../src/apportion.js";
import { createPopulation } from "../src/population.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node/bundled.js";

/** What a plain-JavaScript caller can pass by mistake: every one is a typed error, never a TypeError. */
const typed = (fn: () => unknown, kind: string) => {
  expect(fn).toThrowError(expect.objectContaining({ code: "ALLOCATION_INVALID_INPUT", kind }));
};

describe("plain-JS misuse of the library's entry points", () => {
  it("refuses numbers where the kernels take bigints", () => {
    const items = [{ id: "a", weight: 1 }] as unknown as Weighted[];
    typed(() => splitNearest(10n, items), "not-bigint");
    typed(() => splitNearest(10 as unknown as bigint, [{ id: "a", weight: 1n }]), "not-bigint");
    typed(() => splitLargestRemainder(10n, "ab" as unknown as Weighted[]), "not-bigint");
    typed(() => split(10n, [{ id: "a", weight: 1n }], "bankers" as never), "unknown-rounding");
    typed(() => splitNearest(10n, [{ id: "a", weight: 1n }], 3 as unknown as bigint), "not-bigint");
  });

  it("refuses what is not an agreement or a population", () => {
    const agreement = loadBundledAgreement("2025");
    typed(() => allocate(agreement, {} as never), "not-a-population");
    typed(() => allocate(agreement, null as never), "not-a-population");
    typed(() => allocate({} as never, loadBundledPopulation("2024-11-01")), "not-an-agreement");
    typed(() => allocate(agreement, loadBundledPopulation("2024-11-01"), { rounding: "up" as never }), "unknown-rounding");
    expect(() => createPopulation(undefined as never)).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT" }));
    expect(() => createPopulation({ referenceDate: 20241101 } as never)).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT" }));
  });
});
