import { describe, expect, it } from "vitest";
import { completePopulation, decimalBaseline, dineroSharePots, sharePotInputs, toPlain } from "../../bench/baselines.js";
import { allocate } from "../../src/allocate.js";
import { GROUPS, recipients } from "../../src/geography/index.js";
import { createPopulation, mergePopulations, normalizeKey } from "../../src/population.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { parseAgreement } from "../../src/rules.js";

const geography = { recipients, groups: GROUPS };

// A small national population: every municipality 1000 + its index persons, 0–18 a fifth of that.
function smallPopulation() {
  const total: Record<string, number> = {};
  const young: Record<string, number> = {};
  recipients("municipality").forEach((m, i) => {
    total[m.code] = 1000 + i;
    young[m.code] = Math.floor((1000 + i) / 5);
  });
  return createPopulation({ referenceDate: "2024-11-01", counts: { total, "0-18": young } });
}

describe("the decimal.js baseline of the bench", () => {
  it("computes the same amounts as allocate() on a small case with bases, exceptions and shares", () => {
    const agreement = parseAgreement({
      id: "t",
      title: "test",
      source: "test",
      total: 3_000_101,
      pots: [
        { id: "a", name: "a", source: "s", amount: 1_000_001, level: "municipality", status: "known", rule: { type: "basePlusShare", base: 1000, key: "0-18" } },
        { id: "b", name: "b", source: "s", amount: 2_000_000, level: "county", status: "known", rule: { type: "basePlusShare", base: 10_000, exceptions: [{ group: "metropolitan", amount: 30_000 }], key: "total" } },
        { id: "c", name: "c", source: "s", amount: 100, level: "region", status: "known", rule: { type: "share", key: "total" } },
      ],
    });
    const pop = smallPopulation();
    const lib = allocate(agreement, pop);
    const base = decimalBaseline(agreement, toPlain(pop, [normalizeKey("total"), normalizeKey("0-18")]), geography);
    expect(base).toHaveLength(lib.lines.length);
    const byKey = new Map(lib.lines.map((l) => [`${l.pot}|${l.code}`, l.amount]));
    for (const b of base) expect(BigInt(b.amount.toFixed(0))).toBe(byKey.get(`${b.pot}|${b.code}`));
    // Stockholm (01) is metropolitan: its base is 30 000, so its amount exceeds any non-metropolitan county's base + share.
    expect(base.find((b) => b.pot === "b" && b.code === "01")!.amount.greaterThan(30_000)).toBe(true);
  });

  it("matches allocate() on the bench's complete 2025 population, which covers every recipient", () => {
    const agreement = loadBundledAgreement("2025");
    const pop = completePopulation({ createPopulation, mergePopulations, normalizeKey }, loadBundledPopulation("2024-11-01"), loadBundledPopulation("2019-12-31"));
    const result = allocate(agreement, pop);
    expect(result.complete).toBe(true);
    expect(result.lines).toHaveLength(438);
    const base = decimalBaseline(agreement, toPlain(pop, [normalizeKey("total"), normalizeKey("0-18")]), geography);
    expect(base.map((b) => BigInt(b.amount.toFixed(0)))).toEqual(result.lines.map((l) => l.amount));
  });

  it("gives dinero.js the share pots whole: each pot's parts sum to the pot", () => {
    const agreement = loadBundledAgreement("2025");
    const pop = completePopulation({ createPopulation, mergePopulations, normalizeKey }, loadBundledPopulation("2024-11-01"), loadBundledPopulation("2019-12-31"));
    const inputs = sharePotInputs(agreement, toPlain(pop, [normalizeKey("total")]), geography);
    expect(inputs.map((p) => p.pot)).toEqual(["3a", "3b", "4b"]);
    const parts = dineroSharePots(inputs);
    inputs.forEach((p, i) => expect(parts[i]!.reduce((s, x) => s + x, 0n)).toBe(p.amount));
  });
});
