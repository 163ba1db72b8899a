/**
 * The fixed part of each recipient (levelBases): a rule's amount, a group exception, a code
 * exception, by position, on the real geography (21 counties, 290 municipalities).
 */
import { describe, expect, it } from "vitest";
import { baseAt, basesSumAt, levelBases, levelBasesSum } from "../../src/allocation/bases.js";
import type { Exception } from "../../src/rules.js";
import { levelCodes, levelPosition } from "../../src/geography/positions.js";
import type { Level } from "../../src/geography/index.js";

const at = (level: Level, r: ReturnType<typeof levelBases>, code: string) => {
  const i = levelPosition(level, code);
  return { base: baseAt(r, i), exception: r.exceptions[i] };
};
const METRO = { kind: "group", group: "metropolitan" } as const;

describe("levelBases", () => {
  it("no exception: every county the same amount, 21 of them", () => {
    const r = levelBases("county", 1_000_000n, []);
    expect(r.values).toHaveLength(21);
    // No exception anywhere: the list is empty (not 21 undefined entries), every position reads undefined.
    expect(r.sum).toBe(21_000_000n);
    for (let i = 0; i < 21; i++) expect(r.exceptions[i]).toBeUndefined();
    for (let i = 0; i < 21; i++) expect(baseAt(r, i)).toBe(1_000_000n);
  });

  it("the metropolitan group gives Stockholm, Skåne and Västra Götaland their own amount", () => {
    const r = levelBases("county", 1_000_000n, [{ group: "metropolitan", amount: 2_000_000n }]);
    // 18 × 1 000 000 + 3 × 2 000 000.
    expect(r.sum).toBe(24_000_000n);
    for (const code of ["01", "12", "14"]) expect(at("county", r, code)).toEqual({ base: 2_000_000n, exception: METRO });
    expect(at("county", r, "20")).toEqual({ base: 1_000_000n, exception: undefined });
    expect(levelBases("region", 1_000_000n, [{ group: "metropolitan", amount: 2_000_000n }]).sum).toBe(24_000_000n);
  });

  it("at municipality level a group of counties covers every municipality in them", () => {
    // Stockholm's 26, Skåne's 33 and Västra Götaland's 49 municipalities: 108 of 290.
    const r = levelBases("municipality", 1n, [{ group: "metropolitan", amount: 2n }]);
    expect(r.values).toHaveLength(290);
    expect(r.sum).toBe(108n * 2n + 182n * 1n);
    expect(at("municipality", r, "0180")).toEqual({ base: 2n, exception: METRO });
    expect(at("municipality", r, "1280")).toEqual({ base: 2n, exception: METRO });
    expect(at("municipality", r, "1480")).toEqual({ base: 2n, exception: METRO });
    expect(at("municipality", r, "2080")).toEqual({ base: 1n, exception: undefined });
  });

  it("a code exception beats a group, whichever is listed first", () => {
    const before = levelBases("county", 10n, [{ code: "12", amount: 7n }, { group: "metropolitan", amount: 2n }]);
    const after = levelBases("county", 10n, [{ group: "metropolitan", amount: 2n }, { code: "12", amount: 7n }]);
    for (const r of [before, after]) {
      expect(at("county", r, "12")).toEqual({ base: 7n, exception: { kind: "code", code: "12" } });
      expect(at("county", r, "01")).toEqual({ base: 2n, exception: METRO });
      // 18 × 10 + 2 × 2 + 7.
      expect(r.sum).toBe(191n);
    }
  });

  it("a code of another level or an unknown group changes nothing", () => {
    const r = levelBases("county", 10n, [{ code: "2080", amount: 1n }, { group: "nowhere", amount: 1n }]);
    expect(r.sum).toBe(210n);
    expect(r.exceptions.every((e) => e === undefined)).toBe(true);
    const m = levelBases("municipality", 10n, [{ code: "20", amount: 1n }]);
    expect(m.sum).toBe(2900n);
  });

  it("SKR is one recipient; its code exception replaces the amount", () => {
    expect(levelCodes("skr")).toHaveLength(1);
    const r = levelBases("skr", 5n, [{ code: levelCodes("skr")[0]!, amount: 9n }]);
    expect(r.values).toHaveLength(1);
    expect(baseAt(r, 0)).toBe(9n);
    expect(r.sum).toBe(9n);
    expect(r.exceptions).toEqual([{ kind: "code", code: levelCodes("skr")[0] }]);
  });

  it("with one exception, the exception list has an entry (maybe undefined) for every position", () => {
    const r = levelBases("county", 10n, [{ code: "01", amount: 1n }]);
    expect(r.exceptions).toHaveLength(21);
    expect(Object.keys(r.exceptions)).toHaveLength(21);
    expect(r.exceptions[0]).toEqual({ kind: "code", code: "01" });
  });
});

describe("levelBasesSum, the sum without the columns", () => {
  const cases: [Level, bigint, Exception[]][] = [
    ["county", 1_000_000n, []],
    ["county", 1_000_000n, [{ group: "metropolitan", amount: 2_000_000n }]],
    ["county", 10n, [{ code: "12", amount: 7n }, { group: "metropolitan", amount: 2n }]],
    ["region", 10n, [{ group: "metropolitan", amount: 2n }, { code: "09", amount: 0n }]],
    ["municipality", 1n, [{ group: "metropolitan", amount: 2n }]],
    ["municipality", 1000n, [{ code: "2080", amount: 2000n }, { code: "20", amount: 5n }, { group: "nowhere", amount: 9n }]],
    ["skr", 5n, [{ code: "SKR", amount: 9n }]],
  ];

  it("equals levelBases' sum, hand-computed, case after case (nothing left over from the call before)", () => {
    const expected = [21_000_000n, 24_000_000n, 191n, 18n * 10n + 3n * 2n - 10n, 108n * 2n + 182n, 289n * 1000n + 2000n, 9n];
    // Twice over, so that a buffer reused from the previous call would show.
    for (let round = 0; round < 2; round++) {
      cases.forEach(([level, amount, exceptions], i) => {
        expect(levelBasesSum(level, amount, exceptions), `${level} ${i}`).toBe(expected[i]);
        expect(levelBases(level, amount, exceptions).sum).toBe(expected[i]);
      });
    }
  });

  it("an exception above 2^53 / n takes the bigint path and stays exact", () => {
    // 20 × 10 + 2^60 + 1: no double holds it.
    const big = 2n ** 60n + 1n;
    expect(levelBasesSum("county", 10n, [{ code: "20", amount: big }])).toBe(200n + big);
    const r = levelBases("county", 10n, [{ code: "20", amount: big }]);
    expect(Array.isArray(r.values)).toBe(true);
    expect(r.sum).toBe(200n + big);
    expect(baseAt(r, levelPosition("county", "20"))).toBe(big);
    expect(basesSumAt(r, Int32Array.of(0, levelPosition("county", "20")))).toBe(10n + big);
    // The amount itself past the bound, and no exception: the product, exactly.
    expect(levelBasesSum("municipality", big, [])).toBe(290n * big);
    expect(levelBasesSum("municipality", big, [{ code: "2080", amount: 1n }])).toBe(289n * big + 1n);
    // A negative amount is measured by its size too.
    expect(levelBasesSum("county", -big, [{ code: "20", amount: 1n }])).toBe(-20n * big + 1n);
  });

  it("at the bound: the largest amount whose 290 bases still sum in doubles", () => {
    const max = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 290));
    expect(levelBasesSum("municipality", max, [{ code: "2080", amount: max - 1n }])).toBe(290n * max - 1n);
    expect(levelBases("municipality", max, [{ code: "2080", amount: max - 1n }]).values).toBeInstanceOf(Float64Array);
    expect(levelBases("municipality", max + 1n, [{ code: "2080", amount: max }]).values).not.toBeInstanceOf(Float64Array);
    expect(levelBases("municipality", 1n, [{ code: "2080", amount: max + 1n }]).values).not.toBeInstanceOf(Float64Array);
    expect(levelBasesSum("municipality", 1n, [{ code: "2080", amount: max + 1n }])).toBe(289n + max + 1n);
  });

  it("basesSumAt sums the given positions in either column type", () => {
    const r = levelBases("county", 10n, [{ group: "metropolitan", amount: 2n }]);
    expect(basesSumAt(r, Int32Array.of(levelPosition("county", "01"), levelPosition("county", "20")))).toBe(12n);
    expect(basesSumAt(r, new Int32Array(0))).toBe(0n);
  });
});
