import { describe, expect, it } from "vitest";
import { allocate } from "../../src/allocate.js";
import { toJson } from "../../src/report/json.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";

describe("the JSON contract", () => {
  const doc = toJson(allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01")));

  it("has the fields other tools rely on, amounts as integer kronor", () => {
    expect(doc.agreement).toBe("2025");
    expect(doc.referenceDate).toBe("2024-11-01");
    expect(doc.pots.map((p) => p.id)).toEqual(["1a", "1b", "1c", "2", "3a", "3b", "4a", "4b", "5"]);
    const p3a = doc.pots.find((p) => p.id === "3a")!;
    expect(p3a).toMatchObject({ level: "county", amount: 200_000_000, allocated: 199_999_999, residue: -1 });
    expect(doc.allocations.find((a) => a.pot === "2" && a.code === "2080")).toEqual({ pot: "2", part: 0, level: "municipality", code: "2080", name: "Falun", amount: 1_309_672, derived: true });
    expect(doc.missing).toHaveLength(275);
    expect(doc.missing[0]).toMatchObject({
      pot: "2",
      code: "0114",
      name: "Upplands Väsby",
      reasonCode: "COUNT_MISSING",
      reason: "kommunens folkmängd 0–18 år saknas i befolkningsdata",
      command: "stimulansmedel population fetch --agreement 2025",
      table: "TAB1267",
    });
    // An unknown amount is null, never 0: in totals too.
    expect(doc.totals.find((t) => t.code === "2505")).toEqual({ level: "municipality", code: "2505", name: "Arvidsjaur", amount: null, computed: 0, unknown: 1, complete: false });
    for (const t of doc.totals) if (t.unknown > 0) expect(t.amount, t.code).toBeNull();
    expect(doc.pots.find((p) => p.id === "2")!.residue).toBeNull();
    expect(doc.population.sources.length).toBe(2);
  });

  it("round-trips through JSON.stringify without bigint", () => {
    expect(() => JSON.stringify(doc)).not.toThrow();
  });
});
