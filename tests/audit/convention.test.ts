import { describe, expect, it } from "vitest";
import { CONVENTION_WORDS, isRoundingConvention, ROUNDING_CONVENTIONS, splitByConvention } from "../../src/audit/convention.js";

describe("rounding conventions as data", () => {
  it("lists three conventions with their Swedish words", () => {
    expect(ROUNDING_CONVENTIONS).toEqual(["nearest", "largest-remainder", "largest-absorbs"]);
    expect(CONVENTION_WORDS).toEqual({
      nearest: "varje belopp avrundat för sig till närmaste krona",
      "largest-remainder": "största rest (Hamilton), lika rester till lägst kod",
      "largest-absorbs": "varje belopp avrundat, den största mottagaren tar skillnaden så att potten går jämnt ut",
    });
    expect(ROUNDING_CONVENTIONS.every(isRoundingConvention)).toBe(true);
    expect(isRoundingConvention("nearest-per-recipient")).toBe(false);
  });

  it("splits with the kernel of each: 10 kr by four equal weights", () => {
    const w = ["a", "b", "c", "d"].map((id) => ({ id, weight: 1n }));
    expect([...splitByConvention(10n, w, "nearest").amounts]).toEqual([3n, 3n, 3n, 3n]);
    expect([...splitByConvention(10n, w, "largest-remainder").amounts]).toEqual([3n, 3n, 2n, 2n]);
    expect([...splitByConvention(10n, w, "largest-absorbs").amounts]).toEqual([1n, 3n, 3n, 3n]);
  });
});
