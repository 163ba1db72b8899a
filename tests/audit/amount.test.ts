import { describe, expect, it } from "vitest";
import { isAmountToken, parsePublishedAmount } from "../../src/audit/amount.js";

const ok = (value: bigint, irregular = false) => ({ ok: true, value, irregular });
const bad = (kind: string) => ({ ok: false, kind });

describe("parsePublishedAmount", () => {
  it.each([
    ["1309672", ok(1_309_672n)],
    ["1 309 672", ok(1_309_672n)],
    ["1\u00A0309\u00A0672", ok(1_309_672n)],
    ["1\u202F309\u202F672", ok(1_309_672n)],
    ["1.309.672", ok(1_309_672n)],
    ["1,309,672", ok(1_309_672n)],
    ["1 309 672 kr", ok(1_309_672n)],
    ["1 309 672 kr.", ok(1_309_672n)],
    ["1 309 672 SEK", ok(1_309_672n)],
    ["1 309 672:-", ok(1_309_672n)],
    ["1 309 672,00", ok(1_309_672n)],
    ["1309672.00", ok(1_309_672n)],
    ["  354 674  ", ok(354_674n)],
    ["0", ok(0n)],
    ["42 045981", ok(42_045_981n, true)],
    ["4 20 45 981", ok(42_045_981n, true)],
    ["1309 672", ok(1_309_672n, true)],
  ])("%j", (raw, expected) => {
    expect(parsePublishedAmount(raw)).toEqual(expected);
  });

  it.each([
    ["309,672", "fraction"],
    ["1 309 672,50", "fraction"],
    ["12.5", "fraction"],
    ["-5", "negative"],
    ["−1 000", "negative"],
    ["–", "not-a-number"],
    ["", "not-a-number"],
    ["kr", "not-a-number"],
    ["1 309 672 euro", "not-a-number"],
    ["12a", "not-a-number"],
    ["1.309,672", "not-a-number"],
    ["2 000 000 000 000 000", "too-large"],
  ])("refuses %j (%s)", (raw, kind) => {
    expect(parsePublishedAmount(raw)).toEqual(bad(kind));
  });

  it("takes spreadsheet numbers only when they are whole, non-negative and exact", () => {
    expect(parsePublishedAmount(1309672)).toEqual(ok(1_309_672n));
    expect(parsePublishedAmount(1309672.5)).toEqual(bad("fraction"));
    expect(parsePublishedAmount(-1)).toEqual(bad("negative"));
    expect(parsePublishedAmount(Number.NaN)).toEqual(bad("not-a-number"));
    expect(parsePublishedAmount(2 ** 60)).toEqual(bad("too-large"));
  });

  it("tells the tokens of an amount from words", () => {
    expect(["309", "1.309.672", "672,00", "-5", "2080"].every(isAmountToken)).toBe(true);
    expect(["Falun", "kr", "(kr)", "Sälen"].some(isAmountToken)).toBe(false);
  });
});
