import { describe, expect, it } from "vitest";
import { formatFraction, formatInteger, formatKronor, formatSigned } from "../src/format.js";

describe("Swedish number formatting", () => {
  it("groups thousands with spaces", () => {
    expect(formatInteger(1_309_672n)).toBe("1 309 672");
    expect(formatInteger(999n)).toBe("999");
    expect(formatInteger(1000)).toBe("1 000");
    expect(formatInteger(-1_234_567n)).toBe("-1 234 567");
    expect(formatKronor(4_000_000n)).toBe("4 000 000 kr");
    expect(formatSigned(3n)).toBe("+3");
    expect(formatSigned(-3n)).toBe("-3");
    expect(formatSigned(0n)).toBe("0");
  });

  it("writes exact fractions with a decimal comma, rounded half up", () => {
    // 192 000 000 × 13 093 / 2 265 405 = 1 109 671.7773… (Falun's share in pot 2, 2025)
    expect(formatFraction(192_000_000n * 13_093n, 2_265_405n)).toBe("1 109 671,78");
    expect(formatFraction(7n, 2n)).toBe("3,50");
    expect(formatFraction(1n, 8n)).toBe("0,13"); // 0.125 → 0.13 (half up)
    expect(formatFraction(-7n, 2n)).toBe("-3,50");
    expect(formatFraction(2n, 3n, 0)).toBe("1");
    expect(() => formatFraction(1n, 0n)).toThrowError(expect.objectContaining({ code: "ALLOCATION_INVALID_INPUT", kind: "zero-denominator" }));
    // A negative value that rounds to zero carries no sign.
    expect(formatFraction(-1n, 1000n)).toBe("0,00");
    expect(formatFraction(-5n, 1000n)).toBe("-0,01");
    expect(() => formatFraction(1 as unknown as bigint, 2n)).toThrowError(expect.objectContaining({ code: "ALLOCATION_INVALID_INPUT", kind: "not-bigint" }));
  });
});
