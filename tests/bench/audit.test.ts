import { describe, expect, it } from "vitest";
import { naiveComplete, naivePartial } from "../../bench/audit.js";
import * as lib from "../../src/index.js";
import { readOracle } from "../helpers.js";
import { POPULATION_COLUMN, womensHealthCsv } from "../audit/helpers.js";

describe("the naive scans of the audit bench", () => {
  it("find what inferBase finds on Dalarna's 2025 amounts (a narrower range than the bench's)", () => {
    const rows = readOracle().filter((r) => r.pot === "2");
    const naive = naivePartial({ codes: rows.map((r) => r.code), shares: rows.map((r) => r.amount - 200_000n), S: 192_000_000n, from: 2_200_000n, to: 2_300_000n });
    const fast = lib.inferBase({ amounts: rows, potAmount: 250_000_000, base: 200_000, level: "municipality", range: [2_200_000, 2_300_000] });
    expect(naive).toEqual([2_265_405n]);
    expect(fast.solutions.map((s) => s.keyTotal)).toEqual(naive);
  });

  it("find each convention's fits on the complete 2022 and 2023 tables as inferBase does", () => {
    for (const [year, from, to] of [
      [2022, 10_440_000n, 10_446_000n],
      [2023, 10_510_000n, 10_516_000n],
    ] as const) {
      const t = lib.parsePublishedTable(womensHealthCsv(year), { amountColumn: POPULATION_COLUMN[year] });
      const pot = t.totals[0]!.amount;
      const naive = naiveComplete(lib, { codes: t.rows.map((r) => r.code), shares: t.rows.map((r) => r.amount), S: pot, from, to });
      const fast = lib.inferBase({ amounts: t.rows, potAmount: pot, level: "region", range: [from, to] });
      for (const c of fast.conventions!) expect(naive[c.convention], `${year} ${c.convention}`).toEqual(c.solutions.map((s) => s.keyTotal));
      expect(Object.values(naive).flat()).toEqual([year === 2022 ? 10_443_100n : 10_514_719n]);
    }
  });
});
