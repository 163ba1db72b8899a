import { describe, expect, it } from "vitest";
import { splitLargestAbsorbs, splitLargestRemainder, splitNearest } from "../../src/apportion.js";
import { inferBase, type InferResult } from "../../src/audit/infer.js";
import { parsePublishedTable } from "../../src/audit/table.js";
import { renderIssue, StimulansmedelError } from "../../src/errors.js";
import { readOracle } from "../helpers.js";
import { POPULATION_COLUMN, womensHealthCsv, womensHealthPlain } from "./helpers.js";

const dalarna = () => readOracle().filter((r) => r.pot === "2").map((r) => ({ code: r.code, amount: r.amount }));
const womensHealth = (year: 2022 | 2023 | 2024) => {
  const t = parsePublishedTable(womensHealthCsv(year), { amountColumn: POPULATION_COLUMN[year] });
  return { amounts: t.rows, pot: t.totals[0]!.amount };
};
const infer = (year: 2022 | 2023 | 2024, convention?: "nearest" | "largest-remainder" | "largest-absorbs") => {
  const { amounts, pot } = womensHealth(year);
  return inferBase({ amounts, potAmount: pot, level: "region", range: [10_000_000, 11_000_000], ...(convention ? { convention } : {}) });
};
const fit = (r: InferResult, c: string) => r.conventions!.find((x) => x.convention === c)!;
const counts = (r: InferResult["solutions"][number]) => r.counts.map((c) => c.lo);

describe("inferBase: Dalarna's 15 published municipal amounts of 2025 (pot 2)", () => {
  const r = inferBase({ amounts: dalarna(), potAmount: 250_000_000, base: 200_000, level: "municipality", range: [1_500_000, 3_500_000] });

  it("has exactly one national 0–18 total in 1.5–3.5 million, 2 265 405, with Falun 13 093", () => {
    expect(r.shared).toBe(192_000_000n);
    expect(r.baseTotal).toBe(290n * 200_000n);
    expect(r.complete).toBe(false);
    expect(r.fits).toBe(1);
    expect(r.unique).toBe(true);
    expect(r.solutions[0]!.keyTotal).toBe(2_265_405n);
    expect(r.solutions[0]!.counts.find((c) => c.code === "2080")).toEqual({ code: "2080", lo: 13_093n, hi: 13_093n });
    expect(r.conventions).toBeUndefined();
  });

  it("each count reproduces its amount: 200 000 + round(192 000 000 × n / 2 265 405)", () => {
    const s = r.solutions[0]!;
    for (const [i, a] of dalarna().entries()) {
      const n = s.counts[i]!.lo;
      expect(200_000n + (2n * 192_000_000n * n + s.keyTotal) / (2n * s.keyTotal)).toBe(a.amount);
      // n − 1 and n + 1 do not: the count is pinned.
      for (const m of [n - 1n, n + 1n]) expect(200_000n + (2n * 192_000_000n * m + s.keyTotal) / (2n * s.keyTotal)).not.toBe(a.amount);
    }
  });

  it("would fit by chance about 1.8e-21 times: Σ over N of (N / 192 000 000)^15", () => {
    expect(r.chance.amounts).toBe(15);
    expect(r.chance.log10).toBeGreaterThan(-21);
    expect(r.chance.log10).toBeLessThan(-20.5);
  });

  it("finds nothing with a base of 199 999 kr; over 1–100 million it also finds 2N, 3N … (the same shares) and chance fits", () => {
    expect(inferBase({ amounts: dalarna(), potAmount: 250_000_000, base: 199_999, level: "municipality", range: [1_500_000, 3_500_000] }).fits).toBe(0);
    const wide = inferBase({ amounts: dalarna(), potAmount: 250_000_000, base: 200_000, level: "municipality", range: [1, 100_000_000] });
    const totals = wide.solutions.map((s) => s.keyTotal);
    expect(totals[0]).toBe(2_265_405n);
    expect(totals).toContain(2n * 2_265_405n);
    expect(totals).toContain(3n * 2_265_405n);
    // Far above 2 265 405 an amount's interval of counts is half a person wide: chance fits abound.
    expect(wide.fits).toBeGreaterThan(100);
    expect(wide.chance.expected).toBeGreaterThan(100);
  });
});

describe("inferBase: SKR's women's-health tables 2022–2024 (21 regions, every region)", () => {
  it("2024: one base, national total 10 557 682, plain nearest-krona rounding (the parts already sum to the pot)", () => {
    const r = infer(2024);
    expect(r.complete).toBe(true);
    expect(r.unique).toBe(true);
    const s = r.solutions[0]!;
    expect(s.keyTotal).toBe(10_557_682n);
    expect(counts(s).reduce((a, b) => a + b, 0n)).toBe(10_557_682n);
    const weights = s.counts.map((c) => ({ id: c.code, weight: c.lo }));
    const nearest = splitNearest(1_367_000_000n, weights);
    expect([...nearest.amounts]).toEqual(womensHealthPlain(2024).rows.map((x) => x[2]));
    expect(nearest.allocated).toBe(1_367_000_000n);
    // With no difference to force, the three conventions give the same amounts and all fit.
    expect(r.conventions!.map((c) => [c.convention, c.fits, c.solutions.map((x) => x.keyTotal)])).toEqual([
      ["nearest", true, [10_557_682n]],
      ["largest-remainder", true, [10_557_682n]],
      ["largest-absorbs", true, [10_557_682n]],
    ]);
    expect(fit(r, "largest-absorbs").solutions[0]!.absorber).toEqual({ code: "01", absorbed: 0n });
  });

  it("2022: only largest remainder fits (N = 10 443 100); nearest rounding breaks Örebro and Västerbotten", () => {
    const r = infer(2022);
    expect(r.fits).toBe(0);
    const lr = fit(r, "largest-remainder");
    expect(lr.fits).toBe(true);
    expect(lr.solutions).toHaveLength(1);
    const s = lr.solutions[0]!;
    expect(s).toMatchObject({ keyTotal: 10_443_100n, exact: true, verified: true, vectors: 1 });
    const split = splitLargestRemainder(1_382_000_000n, s.counts.map((c) => ({ id: c.code, weight: c.lo })));
    expect([...split.amounts]).toEqual(womensHealthPlain(2022).rows.map((x) => x[2]));
    const nearest = fit(r, "nearest");
    expect(nearest.fits).toBe(false);
    expect(nearest.reference).toEqual({ keyTotal: 10_443_100n, from: "largest-remainder" });
    expect(nearest.breaking).toEqual([
      { code: "18", published: 40_585_919n, computed: 40_585_920n, difference: -1n },
      { code: "24", published: 36_330_649n, computed: 36_330_650n, difference: -1n },
    ]);
    expect(fit(r, "largest-absorbs").fits).toBe(false);
    // Σ nearest = pot + 2: Stockholm absorbing −2 is not what was published either.
    expect(fit(r, "largest-absorbs").breaking.map((b) => b.code)).toEqual(["01", "18", "24"]);
  });

  it("2023: only largest absorbs fits (N = 10 514 719); Stockholm absorbs −1, the others are plain nearest", () => {
    const r = infer(2023);
    expect(r.fits).toBe(0);
    const abs = fit(r, "largest-absorbs");
    expect(abs.fits).toBe(true);
    expect(abs.solutions).toHaveLength(1);
    const s = abs.solutions[0]!;
    expect(s).toMatchObject({ keyTotal: 10_514_719n, exact: true, absorber: { code: "01", absorbed: -1n } });
    expect(s.counts.find((c) => c.code === "01")).toEqual({ code: "01", lo: 2_437_158n, hi: 2_437_158n });
    const split = splitLargestAbsorbs(1_437_000_000n, s.counts.map((c) => ({ id: c.code, weight: c.lo })));
    expect([...split.amounts]).toEqual(womensHealthPlain(2023).rows.map((x) => x[2]));
    expect(fit(r, "nearest").breaking).toEqual([{ code: "01", published: 333_075_571n, computed: 333_075_572n, difference: -1n }]);
    expect(fit(r, "largest-remainder").fits).toBe(false);
    expect(fit(r, "largest-remainder").breaking.map((b) => b.code)).toEqual(["01", "09"]);
    // Asked directly, largest absorbs gives the same base.
    const direct = infer(2023, "largest-absorbs");
    expect(direct.unique).toBe(true);
    expect(direct.solutions[0]!.keyTotal).toBe(10_514_719n);
  });

  it("estimates chance fits far below one for every convention", () => {
    for (const year of [2022, 2023, 2024] as const) for (const c of infer(year).conventions!) expect(c.chance.log10).toBeLessThan(-30);
  });
});

describe("inferBase: what it refuses", () => {
  const fail = (input: Parameters<typeof inferBase>[0]) => {
    try {
      inferBase(input);
    } catch (e) {
      if (e instanceof StimulansmedelError) return e.issues;
      throw e;
    }
    throw new Error("expected a refusal");
  };

  it("names every bad input at once", () => {
    const issues = fail({ amounts: [{ code: "2080", amount: -1 }, { code: "2080", amount: 1.5 }, { code: "9999", amount: 5 }], potAmount: 10, level: "municipality", range: [10, 1] });
    expect(issues.map((i) => [i.code, i.kind])).toEqual([
      ["TABLE_INFER_INPUT", "amount"],
      ["TABLE_DUPLICATE", "code"],
      ["TABLE_INFER_INPUT", "amount"],
      ["GEOGRAPHY_UNKNOWN_CODE", "level"],
      ["TABLE_INFER_INPUT", "range"],
    ]);
    expect(renderIssue(issues[4]!, "sv")).toBe("intervallet för rikets antal, 10–1, är tomt eller inte positivt");
  });

  it("refuses an amount below its base, bases above the pot, a sum-forcing convention on a partial table, a range too wide", () => {
    const below = fail({ amounts: [{ code: "2080", amount: 100_000 }], potAmount: 250_000_000, base: 200_000, level: "municipality", range: [1, 10] });
    expect(below.map((i) => [i.code, i.kind])).toEqual([["TABLE_INFER_INPUT", "below-base"]]);
    expect(renderIssue(below[0]!, "sv")).toBe("2080: beloppet 100 000 kr är mindre än grundbeloppet 200 000 kr, så ingen befolkning ger det");
    expect(fail({ amounts: [{ code: "2080", amount: 1 }], potAmount: 1_000, base: 200_000, level: "municipality", range: [1, 10] })[0]).toMatchObject({ kind: "bases-exceed-pot" });
    const partial = fail({ amounts: dalarna(), potAmount: 250_000_000, base: 200_000, level: "municipality", range: [1, 10], convention: "largest-remainder" });
    expect(partial[0]).toMatchObject({ code: "TABLE_INFER_INPUT", kind: "needs-complete" });
    expect(renderIssue(partial[0]!, "sv")).toBe('regeln "största rest (Hamilton), lika rester till lägst kod" kan bara prövas på en tabell med alla kommunerna (tabellen har 15 av 290)');
    const wide = fail({ amounts: [{ code: "01", amount: 3 }], potAmount: 10, level: "region", range: [1, 10n ** 12n] });
    expect(wide[0]).toMatchObject({ code: "TABLE_INFER_INPUT", kind: "range-too-wide" });
  });
});

describe("inferBase: bases with exceptions and counts given as a number", () => {
  it("takes the exceptions' bases out of the pot: 45 000 000 of which 18 × 2 M + 3 × 3 M leaves nothing", () => {
    const e = (() => {
      try {
        return inferBase({ amounts: [{ code: "01", amount: 3_000_000 }], potAmount: 45_000_000, base: { amount: 2_000_000, exceptions: { "01": 3_000_000, "12": 3_000_000, "14": 3_000_000 } }, level: "county", range: [1, 10] });
      } catch (x) {
        return x as StimulansmedelError;
      }
    })();
    expect((e as StimulansmedelError).issues[0]).toMatchObject({ kind: "bases-exceed-pot", params: { pot: "45000000", bases: "45000000" } });
    // 5 M per county, 200 M pot: S = 95 M; Dalarna's 2025 4a amount 7 569 623 with Dalarna 286 368 of 10 587 140.
    const r = inferBase({ amounts: [{ code: "20", amount: 7_569_623 }], potAmount: 200_000_000, base: 5_000_000, level: "county", range: [10_587_140, 10_587_140] });
    expect(r.shared).toBe(95_000_000n);
    expect(r.solutions[0]!.counts[0]!.lo).toBeLessThanOrEqual(286_368n);
    expect(r.solutions[0]!.counts[0]!.hi).toBeGreaterThanOrEqual(286_368n);
  });

  it("treats a table of every listed recipient as complete: 4 + 3 + 3 of 10 kr fits each convention with other counts", () => {
    const r = inferBase({ amounts: [{ code: "a", amount: 4 }, { code: "b", amount: 3 }, { code: "c", amount: 3 }], potAmount: 10, level: "municipality", recipientsAtLevel: ["a", "b", "c"], range: [1, 12] });
    expect(r.complete).toBe(true);
    const at = (c: string, N: bigint) => fit(r, c).solutions.find((s) => s.keyTotal === N);
    // Nearest at N = 7, counts 3, 2, 2: 4.29 → 4, 2.86 → 3, 2.86 → 3; N = 3 (3.33 each) gives 3 + 3 + 3.
    expect(counts(at("nearest", 7n)!)).toEqual([3n, 2n, 2n]);
    expect(at("nearest", 3n)).toBeUndefined();
    // Largest remainder at N = 3, counts 1, 1, 1: floors 3, 3, 3 and the leftover krona to the lowest id.
    expect(counts(at("largest-remainder", 3n)!)).toEqual([1n, 1n, 1n]);
    // Largest absorbs at N = 4, counts 2, 1, 1: 5 + 3 + 3 = 11, "a" absorbs −1.
    expect(at("largest-absorbs", 4n)).toMatchObject({ absorber: { code: "a", absorbed: -1n } });
    expect(counts(at("largest-absorbs", 4n)!)).toEqual([2n, 1n, 1n]);
    // At N = 12 several count vectors reproduce the table: intervals, and how many vectors.
    const wide = at("largest-absorbs", 12n)!;
    expect(wide.exact).toBe(false);
    expect(wide.vectors).toBeGreaterThan(1);
  });
});
