/**
 * Selecting part of an allocation (selectAllocation, totalsOfLines), on the 2025 agreement and the
 * bundled 1 November 2024 population, whose Dalarna amounts are published (tests/oracles).
 */
import { describe, expect, it } from "vitest";
import { allocate, type AllocationLine, type MissingLine } from "../../src/allocate.js";
import { resolveSelection, selectAllocation, totalsOfLines } from "../../src/allocation/select.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";

const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
const line = (level: AllocationLine["level"], code: string, pot: string, amount: bigint) => ({ level, code, pot, amount }) as unknown as AllocationLine;
const missing = (level: MissingLine["level"], code: string, pot: string) => ({ level, code, pot }) as unknown as MissingLine;

describe("totalsOfLines", () => {
  it("sums each recipient's lines, in level then code order, and an unknown part makes the total saknas", () => {
    const totals = totalsOfLines(
      [line("municipality", "2080", "2", 10n), line("county", "20", "1a", 7n), line("municipality", "2080", "6", 5n), line("region", "20", "3b", 3n), line("municipality", "0114", "2", 1n)],
      [missing("municipality", "2080", "7"), missing("municipality", "2080", "8"), missing("county", "01", "1a")],
    );
    expect(totals.map((t) => [t.level, t.code, t.amount, t.computed, t.unknown])).toEqual([
      ["region", "20", 3n, 3n, 0],
      ["county", "01", null, 0n, 1],
      ["county", "20", 7n, 7n, 0],
      ["municipality", "0114", 1n, 1n, 0],
      ["municipality", "2080", null, 15n, 2],
    ]);
    expect(totals.find((t) => t.code === "2080")!.name).toBe("Falun");
  });

  it("leaves out codes that are not recipients and gives nothing for nothing", () => {
    expect(totalsOfLines([line("municipality", "9999", "2", 10n)], [missing("county", "99", "1a")])).toEqual([]);
    expect(totalsOfLines([], [])).toEqual([]);
  });
});

describe("selectAllocation", () => {
  it("a county and a pot: only Region Dalarna's published 3b amount, and the pot list narrowed", () => {
    const s = selectAllocation(result, { county: "Dalarna", pots: ["3b"] });
    expect(s.lines.map((l) => [l.level, l.code, l.pot, l.amount])).toEqual([["region", "20", "3b", 13_524_332n]]);
    expect(s.pots.map((p) => p.id)).toEqual(["3b"]);
    expect(s.selection).toEqual({ county: "20", pots: ["3b"] });
    expect(s.totals.map((t) => [t.level, t.code, t.amount])).toEqual([["region", "20", 13_524_332n]]);
  });

  it("a level keeps that level only; a county never keeps SKR", () => {
    const skr = selectAllocation(result, { level: "skr" });
    expect(skr.lines.map((l) => [l.code, l.pot, l.amount])).toEqual([["SKR", "5", 29_000_000n]]);
    expect(skr.pots).toEqual(result.pots);
    const dalarna = selectAllocation(result, { county: "20" });
    expect(dalarna.lines.some((l) => l.level === "skr")).toBe(false);
    expect(new Set(dalarna.lines.map((l) => l.level))).toEqual(new Set(["region", "county", "municipality"]));
    expect(dalarna.lines.filter((l) => l.level === "municipality").every((l) => l.code.startsWith("20"))).toBe(true);
  });

  it("a municipality keeps its own lines only, not its county's or region's", () => {
    const s = selectAllocation(result, { municipality: "Malung/Sälen" });
    expect(s.lines.map((l) => [l.level, l.code, l.amount])).toEqual([["municipality", "2023", 354_674n]]);
    expect(s.selection).toEqual({ municipality: "2023" });
  });

  it("an empty pot list or no selection keeps everything, and records no selection", () => {
    for (const sel of [{}, { pots: [] }]) {
      const s = selectAllocation(result, sel);
      expect(s.lines).toEqual(result.lines);
      expect(s.missing).toEqual(result.missing);
      expect(s.selection).toEqual({});
      expect(s.agreement).toBe(result.agreement);
      expect(s.complete).toBe(result.complete);
    }
  });

  it("says which selection matched nothing", () => {
    // 3b is paid to regions only; naming a municipality matches none of its lines.
    expect(() => selectAllocation(result, { municipality: "2080", pots: ["3b"] })).toThrowError(
      expect.objectContaining({ code: "ALLOCATION_EMPTY_SELECTION", kind: "nothing-matches", message: "the selection (municipality=2080, pots=3b) matches no amount" }),
    );
    // Only pot 5 pays SKR, so SKR within Dalarna is not "a level no pot pays" but nothing at all.
    expect(() => selectAllocation(result, { level: "skr", county: "20" })).toThrowError(expect.objectContaining({ kind: "nothing-matches" }));
    expect(() => selectAllocation(result, { level: "skr", pots: ["3b", "4b"] })).toThrowError(
      expect.objectContaining({ kind: "level-not-paid", issues: [expect.objectContaining({ params: { level: "skr", pots: ["3b", "4b"] } })] }),
    );
  });

  it("refuses a level that does not exist", () => {
    expect(() => resolveSelection(result, { level: "parish" as never })).toThrowError(expect.objectContaining({ code: "USAGE", kind: "bad-choice" }));
  });
});
