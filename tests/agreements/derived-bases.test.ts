/**
 * The agreements that rest on county bases worked back from SKR's women's-health tables
 * (data/population/derived, written by scripts/derive-county-bases.ts): SKR's women's-health
 * tables themselves, and the mental-health amounts published separately for Dalarna 2024 and
 * Stockholm 2023 (tests/oracles/mental-health-2023-2024.csv).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allocate, type Allocation } from "../../src/allocate.js";
import { createPopulation } from "../../src/population.js";
import { loadBundledAgreement } from "../../src/node/bundled.js";
import { ROOT } from "../helpers.js";

/** The derived county base, read here independently of the library's readers. */
function base(date: string) {
  const counts: Record<string, number> = {};
  for (const line of readFileSync(resolve(ROOT, `data/population/derived/${date}_lan_harledd.csv`), "utf8").split("\n")) {
    const m = /^(\d{2}),total,(\d+)$/.exec(line);
    if (m && m[1] !== "00") counts[m[1]!] = Number(m[2]);
  }
  expect(Object.keys(counts)).toHaveLength(21);
  return createPopulation({ referenceDate: date, countyCounts: { total: counts }, sources: [{ title: `härledd ${date}`, derived: true }] });
}

function published(year: string): { code: string; population: bigint; rural: bigint | undefined }[] {
  const [head, ...rows] = readFileSync(resolve(ROOT, `tests/oracles/kvinnors-halsa/${year}.csv`), "utf8").trim().split("\n");
  const cols = head!.split(",");
  return rows
    .map((r) => r.split(","))
    .filter((r) => r[0] !== "00")
    .map((r) => {
      const get = (c: string) => r[cols.indexOf(c)];
      const rural = get("belopp_landsbygdssatsning_kr");
      return { code: r[0]!, population: BigInt(get("belopp_befolkning_kr") ?? get("belopp_kr")!), rural: rural ? BigInt(rural) : undefined };
    });
}

const amount = (a: Allocation, pot: string, code: string) => a.lines.find((l) => l.pot === pot && l.code === code)?.amount;

describe("SKR's women's-health tables, as agreements of their own", () => {
  for (const [year, date, rounding] of [
    ["2022", "2021-11-01", "largest-remainder"],
    ["2023", "2022-11-01", "largest-absorbs"],
    ["2024", "2023-11-01", "nearest-per-recipient"],
  ] as const) {
    it(`kvinnors-halsa-${year} reproduces all 21 published amounts with its rounding (${rounding})`, () => {
      const a = allocate(loadBundledAgreement(`kvinnors-halsa-${year}`), base(date));
      expect(a.complete).toBe(true);
      const pot = a.pots.find((p) => p.id === "1")!;
      expect(pot.status === "known" && pot.rounding).toBe(rounding);
      expect(pot.status === "known" && pot.residue).toBe(0n);
      const rows = published(year);
      expect(rows).toHaveLength(21);
      for (const r of rows) {
        expect(amount(a, "1", r.code), `${year} ${r.code}`).toBe(r.population);
        if (r.rural !== undefined) expect(amount(a, "2", r.code), `${year} ${r.code} landsbygd`).toBe(r.rural);
      }
    });
  }

  it("needs the convention: 2022 with plain rounding, or 2023 with largest remainder, misses published amounts", () => {
    const plain = allocate(loadBundledAgreement("kvinnors-halsa-2022"), base("2021-11-01"), { rounding: "nearest-per-recipient" });
    const wrong = published("2022").filter((r) => amount(plain, "1", r.code) !== r.population).map((r) => r.code);
    expect(wrong).toEqual(["18", "24"]); // Örebro and Västerbotten, a krona each
    const lr = allocate(loadBundledAgreement("kvinnors-halsa-2023"), base("2022-11-01"), { rounding: "largest-remainder" });
    expect(published("2023").some((r) => amount(lr, "1", r.code) !== r.population)).toBe(true);
  });
});

describe("mental-health amounts published separately, on the same bases", () => {
  it("2024: Dalarna's 5 445 343 and 8 947 874 kr, and every county's county pots", () => {
    const a = allocate(loadBundledAgreement("2024"), base("2023-11-01"));
    expect(amount(a, "4", "20")).toBe(5_445_343n);
    expect(amount(a, "5", "20")).toBe(8_947_874n);
    for (const pot of ["4", "5", "6"]) expect(a.lines.filter((l) => l.pot === pot && l.level === "county"), pot).toHaveLength(21);
  });

  it("2023: Stockholm's §3.3, §3.6 and §3.7 with plain per-county rounding; §3.4 is the pot that does not fit", () => {
    const a = allocate(loadBundledAgreement("2023"), base("2022-11-01"));
    expect(amount(a, "3.3", "01")).toBe(27_019_610n);
    expect(amount(a, "3.6", "01")).toBe(46_357_073n);
    expect(amount(a, "3.7", "01")).toBe(11_589_268n);
    // Published 23 178 535 kr: two kronor below what the rule gives on this base.
    expect(amount(a, "3.4r", "01")).toBe(23_178_537n);
    for (const pot of ["3.3", "3.6"]) {
      const p = a.pots.find((x) => x.id === pot)!;
      expect(p.status === "known" && p.roundingLevel, pot).toBe("recipient");
    }
  });
});
