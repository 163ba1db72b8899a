/**
 * The fixed part of each recipient (levelBases): a rule's amount, a group exception, a code
 * exception, by position, on the real geography (21 counties, 290 municipalities).
 */
import { describe, expect, it } from "vitest";
import { baseAt, levelBases } from "../../src/allocation/bases.js";
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
});
