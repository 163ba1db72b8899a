import { describe, expect, it } from "vitest";
import { allocate, selectAllocation, type Allocation } from "../src/allocate.js";
import { allCounties } from "../src/geography/index.js";
import { createPopulation } from "../src/population.js";
import { parseAgreement, type AgreementInput } from "../src/rules.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node/bundled.js";
import { hasShared, readOracle } from "./helpers.js";

if (process.env.CI && !hasShared) throw new Error("CI must have ../shared/oracles beside the clone");

const amountOf = (a: Allocation, pot: string, code: string) => a.lines.find((l) => l.pot === pot && l.code === code)?.amount;

describe("the 2025 agreement on the bundled 1 November 2024 population", () => {
  const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));

  it("reproduces Region Dalarna's and Dalarna county's published amounts from real SCB totals", () => {
    expect(amountOf(result, "3b", "20")).toBe(13_524_332n);
    expect(amountOf(result, "4b", "20")).toBe(7_790_015n);
    expect(amountOf(result, "3a", "20")).toBe(5_409_733n);
    expect(amountOf(result, "4a", "20")).toBe(7_569_623n);
    const county1 = ["1a", "1b", "1c"].reduce((s, p) => s + amountOf(result, p, "20")!, 0n);
    expect(county1).toBe(4_000_000n);
  });

  it("gives the metropolitan counties 7 000 000 for 1a+1b+1c and the others 4 000 000", () => {
    for (const c of allCounties()) {
      const sum = ["1a", "1b", "1c"].reduce((s, p) => s + amountOf(result, p, c.code)!, 0n);
      expect(sum, c.name).toBe(["01", "12", "14"].includes(c.code) ? 7_000_000n : 4_000_000n);
    }
  });

  it.skipIf(!hasShared)("equals every published Dalarna amount in ../shared/oracles/dalarna-2025.csv", () => {
    const oracle = readOracle();
    expect(oracle).toHaveLength(20);
    for (const row of oracle) {
      const pots = row.pot.split("+");
      const got = pots.reduce((s, p) => s + (amountOf(result, p, row.code) ?? -1_000_000_000n), 0n);
      expect(got, `${row.pot} ${row.name}`).toBe(row.amount);
    }
  });

  it("computes all 21 regions and counties for every region and county pot, and reports each residue", () => {
    for (const pot of ["1a", "1b", "1c", "3a", "3b", "4a", "4b"]) {
      const lines = result.lines.filter((l) => l.pot === pot);
      expect(lines, pot).toHaveLength(21);
      const p = result.pots.find((x) => x.id === pot)!;
      expect(p.complete).toBe(true);
      expect(p.residue).toBe(p.allocated - p.amount!);
      // Nearest-per-recipient: at most half a krona per recipient either way.
      expect(p.residue! * 2n <= 21n && p.residue! * 2n >= -21n).toBe(true);
    }
    // Hand-checked: 3a sums to 199 999 999 (-1) and 4a to 200 000 001 (+1); 3b and 4b are exact.
    expect(result.pots.find((p) => p.id === "3a")!.residue).toBe(-1n);
    expect(result.pots.find((p) => p.id === "4a")!.residue).toBe(1n);
    expect(result.pots.find((p) => p.id === "3b")!.residue).toBe(0n);
  });

  it("gives the fifteen Dalarna municipalities their pot-2 amounts and lists the other 275 as missing", () => {
    const muni = result.lines.filter((l) => l.pot === "2");
    expect(muni).toHaveLength(15);
    expect(muni.every((l) => l.code.startsWith("20"))).toBe(true);
    const missing = result.missing.filter((m) => m.pot === "2");
    expect(missing).toHaveLength(275);
    expect(missing.every((m) => m.reasonCode === "COUNT_MISSING" && !m.code.startsWith("20"))).toBe(true);
    expect(missing.find((m) => m.code === "0180")?.name).toBe("Stockholm");
    const pot2 = result.pots.find((p) => p.id === "2")!;
    expect(pot2.residue).toBeNull();
    expect(pot2.allocated).toBe(8_006_024n);
    expect(result.complete).toBe(false);
    expect(result.warnings.map((w) => w.code)).toContain("POPULATION_DERIVED");
  });

  it("keeps Dalarna's lines with selectAllocation and nothing is missing there", () => {
    const d = selectAllocation(result, { county: "20" });
    expect(d.lines).toHaveLength(15 + 2 + 5);
    expect(d.missing).toHaveLength(0);
    expect(d.totals.find((t) => t.level === "region")!.amount).toBe(13_524_332n + 7_790_015n);
  });

  it("gives the SKR pot to SKR", () => {
    expect(amountOf(result, "5", "SKR")).toBe(29_000_000n);
  });

  it("is identical on a second run", () => {
    const again = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
    expect(again.lines.map((l) => `${l.pot}${l.code}${l.amount}`)).toEqual(result.lines.map((l) => `${l.pot}${l.code}${l.amount}`));
  });

  it("with largest remainder, every region/county pot sums exactly, and pot 2 is missing rather than guessed", () => {
    const lr = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"), { rounding: "largest-remainder" });
    for (const p of lr.pots.filter((x) => x.level !== "municipality")) expect(p.residue, p.id).toBe(0n);
    expect(lr.lines.filter((l) => l.pot === "2")).toHaveLength(0);
    expect(lr.missing.filter((m) => m.pot === "2" && m.reasonCode === "ROUNDING_NEEDS_ALL")).toHaveLength(290);
  });
});

// A small agreement with hand-computed results for every rule primitive.
const tiny = (pots: AgreementInput["pots"], total: number, rounding?: "largest-remainder"): ReturnType<typeof parseAgreement> =>
  parseAgreement({ id: "t", title: "test", source: "hand", referenceDate: "2024-11-01", total, pots, ...(rounding ? { rounding } : {}) });

// Every municipality gets 1 person, Dalarna's 2080 gets 3: 292 in all.
const counts: Record<string, number> = {};
const pop = (() => {
  for (const c of allCounties()) for (const m of c.municipalityCodes) counts[m] = m === "2080" ? 3 : 1;
  return createPopulation({ referenceDate: "2024-11-01", counts: { total: counts } });
})();

describe("rule primitives, hand-computed", () => {
  it("fixed: the whole pot to SKR", () => {
    const r = allocate(tiny([{ id: "s", name: "SKR", source: "x", amount: 29, level: "skr", status: "known", rule: { type: "fixed" } }], 29), pop);
    expect(r.lines).toEqual([expect.objectContaining({ code: "SKR", amount: 29n })]);
  });

  it("perRecipient with a group and a code exception", () => {
    // 21 counties: 17 × 10 + metropolitan 3 × 20 + Gotland (code 09) 5 = 235.
    const a = tiny(
      [
        {
          id: "p",
          name: "p",
          source: "x",
          amount: 235,
          level: "county",
          status: "known",
          rule: { type: "perRecipient", amount: 10, exceptions: [{ group: "metropolitan", amount: 20 }, { code: "09", amount: 5 }] },
        },
      ],
      235,
    );
    const r = allocate(a, pop);
    expect(amountOf(r, "p", "01")).toBe(20n);
    expect(amountOf(r, "p", "09")).toBe(5n);
    expect(amountOf(r, "p", "20")).toBe(10n);
    expect(r.lines.find((l) => l.code === "14")!.calculation.exception).toBe("grupp metropolitan");
    expect(r.pots[0]!.residue).toBe(0n);
  });

  it("basePlusShare: base for every municipality, the rest by population, rounded per recipient", () => {
    // 290 × 1 000 = 290 000 in bases; 1 000 shared by 292 persons: 1 person → 3.42 → 3; Falun (3) → 10.27 → 10.
    const a = tiny([{ id: "b", name: "b", source: "x", amount: 291_000, level: "municipality", status: "known", rule: { type: "basePlusShare", base: 1000, key: "total" } }], 291_000);
    const r = allocate(a, pop);
    expect(amountOf(r, "b", "0114")).toBe(1_003n);
    expect(amountOf(r, "b", "2080")).toBe(1_010n);
    // 289 × 3 + 10 = 877 of 1 000 shared: residue -123 kronor.
    expect(r.pots[0]!.residue).toBe(290_000n + 877n - 291_000n);
  });

  it("basePlusShare with largest remainder sums exactly, ties broken by code and reported", () => {
    const a = tiny(
      [{ id: "b", name: "b", source: "x", amount: 291_000, level: "municipality", status: "known", rule: { type: "basePlusShare", base: 1000, key: "total" } }],
      291_000,
      "largest-remainder",
    );
    const r = allocate(a, pop);
    expect(r.pots[0]!.residue).toBe(0n);
    // 1 000 × 1/292 = 3.4246: floor 3, remainder 124/292; Falun 10.27: floor 10, remainder 80/292.
    // Floors: 289 × 3 + 10 = 877; 123 kronor go to the first 123 codes among the 289 tied at 124/292.
    const tie = r.pots[0]!.ties[0]!;
    expect(tie.winners).toHaveLength(123);
    expect(tie.losers).toHaveLength(289 - 123);
    expect(tie.winners[0]).toBe("0114");
    expect(amountOf(r, "b", "0114")).toBe(1_004n);
    expect(amountOf(r, "b", "2080")).toBe(1_010n);
  });

  it("share at region level: counties are sums of their municipalities", () => {
    const a = tiny([{ id: "r", name: "r", source: "x", amount: 292, level: "region", status: "known", rule: { type: "share", key: "total" } }], 292);
    const r = allocate(a, pop);
    expect(amountOf(r, "r", "20")).toBe(17n); // 15 municipalities, Falun 3: 17 persons of 292
    expect(amountOf(r, "r", "09")).toBe(1n); // Gotland: one municipality
  });

  it("an incomplete pot is listed as missing for every recipient, with the reason", () => {
    const a = parseAgreement({
      id: "t",
      title: "t",
      source: "x",
      total: 100,
      pots: [
        { id: "k", name: "k", source: "x", amount: 10, level: "skr", status: "known", rule: { type: "fixed" } },
        { id: "u", name: "u", source: "x", level: "region", status: "incomplete", missing: ["belopp", "nyckel"] },
      ],
    });
    const r = allocate(a, pop);
    expect(r.missing.filter((m) => m.pot === "u")).toHaveLength(21);
    expect(r.missing[0]!.reason).toMatch(/belopp, nyckel/);
    expect(r.agreement.complete).toBe(false);
    expect(r.warnings.map((w) => w.code)).toContain("AGREEMENT_INCOMPLETE");
  });

  it("a key the population lacks makes its pot missing, not zero", () => {
    const a = tiny([{ id: "y", name: "y", source: "x", amount: 100, level: "municipality", status: "known", rule: { type: "share", key: "0-25" } }], 100);
    const r = allocate(a, pop);
    expect(r.lines).toHaveLength(0);
    expect(r.missing).toHaveLength(290);
    expect(r.missing[0]!.reasonCode).toBe("KEY_UNAVAILABLE");
  });

  it("warns when the population's date differs from the agreement's", () => {
    const a = tiny([{ id: "s", name: "s", source: "x", amount: 1, level: "skr", status: "known", rule: { type: "fixed" } }], 1);
    const other = createPopulation({ referenceDate: "2024-12-31", counts: { total: counts } });
    expect(allocate(a, other).warnings[0]!.code).toBe("POPULATION_DATE_MISMATCH");
  });

  it("says truthfully which denominator it used when a declared national total differs from the sum", () => {
    // 292 persons summed; Sweden declared as 300. The complete level is shared by the sum (292),
    // so the pot is shared fully, and the warning must say so (it used to claim the opposite).
    const declared = createPopulation({ referenceDate: "2024-11-01", counts: { total: counts }, nationalTotals: { total: 300 } });
    const a = tiny([{ id: "p", name: "p", source: "x", amount: 2920, level: "municipality", status: "known", rule: { type: "share", key: "total" } }], 2920);
    const r = allocate(a, declared);
    expect(amountOf(r, "p", "2080")).toBe(30n); // 2920 × 3 / 292, not 2920 × 3 / 300 = 29.2
    expect(r.lines.find((l) => l.code === "2080")!.calculation).toMatchObject({ keyTotal: 292n, keyTotalDeclared: false });
    expect(r.pots[0]!.residue).toBe(0n);
    const w = r.warnings.find((x) => x.code === "POPULATION_TOTAL_MISMATCH")!;
    expect(w.message).toMatch(/angiven summa 300 skiljer sig från kommunernas summa 292; kommunernas summa används som nämnare/);
  });
});
