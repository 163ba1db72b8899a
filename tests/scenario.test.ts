import { describe, expect, it } from "vitest";
import { allocate } from "../src/allocate.js";
import { AgreementError } from "../src/errors.js";
import { toJson } from "../src/report/json.js";
import { applyScenario, parseScenarioSet } from "../src/scenario.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node/bundled.js";
import { issueWith } from "./helpers.js";

const a2025 = loadBundledAgreement("2025");

describe("parseScenarioSet", () => {
  it("reads POT.FIELD=VALUE by the kronor rule of agreement files", () => {
    expect(parseScenarioSet("2.amount=300000000")).toEqual({ pot: "2", field: "amount", value: 300_000_000n });
    expect(parseScenarioSet("2.base=2.5e5")).toEqual({ pot: "2", field: "base", value: 250_000n });
    expect(parseScenarioSet("3.1k.perRecipient=1000")).toEqual({ pot: "3.1k", field: "perRecipient", value: 1000n });
    for (const bad of ["2.amount", "amount=5", "2.size=5", "2.base=200 000", "2.base=1.5"]) {
      expect(() => parseScenarioSet(bad), bad).toThrowError(issueWith("AGREEMENT_SCENARIO", { value: bad }));
    }
    try {
      parseScenarioSet("2.base=200 000");
    } catch (e) {
      expect((e as AgreementError).code).toBe("AGREEMENT_SCENARIO");
      expect((e as AgreementError).message).toMatch(/expected a whole number of kronor, got "200 000"/);
    }
  });
});

describe("applyScenario", () => {
  it("moves the total and the level total with a pot's amount, and records every change", () => {
    const s = applyScenario(a2025, [
      { pot: "2", field: "amount", value: 300_000_000n },
      { pot: "2", field: "base", value: 250_000n },
    ]);
    expect(s.agreement.total).toBe(1_610_000_000n);
    expect(s.agreement.levelTotals?.municipality).toBe(300_000_000n);
    expect(s.agreement.levelTotals?.region).toBe(788_000_000n);
    expect(s.changes).toEqual([
      { path: "pots[3].amount", pot: "2", field: "amount", from: 250_000_000n, to: 300_000_000n, kind: "set" },
      { path: "pots[3].rule.base", pot: "2", field: "base", from: 200_000n, to: 250_000n, kind: "set" },
      { path: "total", field: "total", from: 1_560_000_000n, to: 1_610_000_000n, kind: "derived" },
      { path: "levelTotals.municipality", field: "levelTotal", from: 250_000_000n, to: 300_000_000n, kind: "derived" },
    ]);
    // The original is untouched.
    expect(a2025.total).toBe(1_560_000_000n);
    expect(a2025.pots[3]!.rule).toMatchObject({ base: 200_000n });
    // Copy on write: the changed pot is new, the others are the original's own objects.
    expect(s.agreement.pots[3]).not.toBe(a2025.pots[3]);
    expect(s.agreement.pots.filter((p, i) => p === a2025.pots[i]).map((p) => p.id)).toEqual(["1a", "1b", "1c", "3a", "3b", "4a", "4b", "5"]);
  });

  it("gives the same amounts as the changed agreement read from a file", () => {
    // The scenario's pot 2 at 300 M against the same agreement edited by hand and parsed anew.
    const s = applyScenario(a2025, [{ pot: "2", field: "amount", value: 300_000_000n }]);
    const edited = structuredClone(a2025);
    edited.pots[3]!.amount = 300_000_000n;
    edited.total = 1_610_000_000n;
    edited.levelTotals!.municipality = 300_000_000n;
    const pop = loadBundledPopulation("2019-12-31");
    const amounts = (a: typeof a2025) => allocate(a, pop).lines.map((l) => `${l.pot} ${l.code} ${l.amount}`);
    expect(amounts(s.agreement)).toEqual(amounts(edited));
    // Falun, 2019: 200 000 + (300 000 000 − 290 × 200 000) × its 0–18 / Sweden's 0–18.
    expect(allocate(s.agreement, pop).lines.find((l) => l.pot === "2" && l.code === "2080")!.calculation).toMatchObject({ shared: 242_000_000n });
  });

  it("a per-recipient sum moves its pot, the total and the level total", () => {
    // 1b: 18 × 1 000 000 + 3 × 2 000 000 = 24 000 000; at 1 500 000 it is 18 × 1,5 M + 3 × 2 M = 33 000 000.
    const s = applyScenario(a2025, [{ pot: "1b", field: "perRecipient", value: 1_500_000n }]);
    expect(s.agreement.pots[1]!.amount).toBe(33_000_000n);
    expect(s.agreement.total).toBe(1_569_000_000n);
    expect(s.agreement.levelTotals?.county).toBe(502_000_000n);
    expect(s.changes.map((c) => `${c.path} ${c.kind}`)).toEqual(["pots[1].rule.amount set", "pots[1].amount derived", "total derived", "levelTotals.county derived"]);
  });

  it("re-validates: a base that no longer fits, an unknown pot, a field the rule lacks", () => {
    expect(() => applyScenario(a2025, [{ pot: "2", field: "base", value: 1_000_000n }])).toThrowError(
      expect.objectContaining({
        code: "AGREEMENT_SCENARIO",
        kind: "breaks",
        issues: [
          expect.objectContaining({ code: "AGREEMENT_SCENARIO" }),
          expect.objectContaining({ code: "AGREEMENT_RULE_EXCEEDS_POT", path: "pots[3].rule.base", message: "the bases add up to 290000000 kr, more than the pot's 250000000 kr" }),
        ],
      }),
    );
    expect(() => applyScenario(a2025, [{ pot: "9", field: "amount", value: 1n }])).toThrowError(issueWith("AGREEMENT_SCENARIO", { value: "9" }));
    expect(() => applyScenario(a2025, [{ pot: "3b", field: "base", value: 1n }])).toThrowError(issueWith("AGREEMENT_SCENARIO", { value: "3b", params: { rule: "share" } }));
    expect(() => applyScenario(a2025, [{ pot: "1a", field: "amount", value: 1n }])).toThrowError(
      expect.objectContaining({ issues: expect.arrayContaining([expect.objectContaining({ message: "the per-recipient sums add up to 45000000 kr, but the pot is 1 kr" })]) }),
    );
  });
});

describe("what-if acceptance: pot 2 raised to 300 000 000 on complete 0–18 data (31 Dec 2019)", () => {
  const population = loadBundledPopulation("2019-12-31");
  const baseline = allocate(a2025, population);
  const scenario = applyScenario(a2025, [parseScenarioSet("2.amount=300000000")]);
  const whatIf = allocate(scenario.agreement, population, { scenario: scenario.changes });

  it("raises every municipality's amount and keeps the base", () => {
    const before = new Map(baseline.lines.filter((l) => l.pot === "2").map((l) => [l.code, l.amount]));
    const after = whatIf.lines.filter((l) => l.pot === "2");
    expect(after).toHaveLength(290);
    expect(before.size).toBe(290);
    for (const l of after) {
      expect(l.amount > before.get(l.code)!, l.name).toBe(true);
      expect(l.calculation, l.name).toMatchObject({ base: 200_000n, shared: 300_000_000n - 290n * 200_000n });
    }
  });

  it("keeps the residue within ±145 kr (half a krona per municipality)", () => {
    const pot = whatIf.pots.find((p) => p.id === "2")!;
    if (pot.status !== "known") throw new Error("pot 2 is known");
    expect(pot.amount).toBe(300_000_000n);
    expect(pot.complete).toBe(true);
    expect(pot.residue! >= -145n && pot.residue! <= 145n).toBe(true);
    expect(pot.allocated - pot.amount).toBe(pot.residue);
  });

  it("says in the JSON that it is a scenario, with the changes applied", () => {
    const doc = toJson(whatIf);
    expect(doc.scenario).toBe(true);
    expect(doc.changes).toEqual([
      { path: "pots[3].amount", pot: "2", field: "amount", from: 250_000_000, to: 300_000_000, kind: "set" },
      { path: "total", pot: null, field: "total", from: 1_560_000_000, to: 1_610_000_000, kind: "derived" },
      { path: "levelTotals.municipality", pot: null, field: "levelTotal", from: 250_000_000, to: 300_000_000, kind: "derived" },
    ]);
    expect(toJson(baseline).scenario).toBe(false);
  });
});

describe("applyScenario on an incomplete agreement", () => {
  it("sets an incomplete pot's amount without inventing a total the sources do not give", () => {
    const a2023 = loadBundledAgreement("2023");
    const s = applyScenario(a2023, [parseScenarioSet("3.2um.amount=130000000")]);
    expect(s.agreement.total).toBeUndefined();
    expect(s.agreement.pots.find((p) => p.id === "3.2um")!.amount).toBe(130_000_000n);
    expect(s.agreement.pots.find((p) => p.id === "3.2um")!.status).toBe("incomplete");
    expect(s.changes).toEqual([{ path: "pots[3].amount", pot: "3.2um", field: "amount", from: null, to: 130_000_000n, kind: "set" }]);
  });
});
