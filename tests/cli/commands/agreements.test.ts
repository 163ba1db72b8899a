import { describe, expect, it } from "vitest";
import { cli } from "../run.js";

describe("stimulansmedel agreements (acceptance)", () => {
  it("lists 2016–2026 with totals and status, as a Swedish table", async () => {
    const r = await cli(["agreements"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^20\d\d\s/.test(l));
    expect(rows.map((l) => l.slice(0, 4))).toEqual(["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
    expect(r.stdout).toMatch(/2016\s+845 000 000\s+okänt\s+ofullständig\s+2 av 6/);
    expect(r.stdout).toMatch(/2017\s+885 000 000\s+2016-11-01\s+ofullständig\s+5 av 6/);
    expect(r.stdout).toMatch(/2023\s+okänt\s+2022-11-01 \(slutsats\)\s+ofullständig\s+6 av 11/);
    expect(r.stdout).toMatch(/2024\s+1 560 000 000\s+2023-11-01 \(slutsats\)\s+ofullständig\s+4 av 6/);
    expect(r.stdout).toMatch(/2025\s+1 560 000 000\s+2024-11-01\s+känd\s+9 av 9/);
    expect(r.stdout).toMatch(/2026\s+1 320 000 000\s+okänt\s+ofullständig\s+1 av 4/);
    expect(r.stdout).toMatch(/kvinnors-halsa-2022\s+1 382 000 000\s+2021-11-01 \(slutsats\)\s+känd\s+1 av 1/);
    for (const line of r.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it("writes JSON with --format json", async () => {
    const r = await cli(["agreements", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { id: string; total: number | null; status: string; knownPots: number; potCount: number; incompletePots: { id: string; missing: string[] }[] }[];
    expect(doc.map((d) => d.id)).toEqual(["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "kvinnors-halsa-2022", "kvinnors-halsa-2023", "kvinnors-halsa-2024"]);
    expect(doc.find((d) => d.id === "kvinnors-halsa-2024")).toMatchObject({ total: 1_517_000_000, status: "known", knownPots: 2, potCount: 2 });
    expect(doc.find((d) => d.id === "2018")).toMatchObject({ total: 1_414_000_000, status: "incomplete", knownPots: 3, potCount: 7 });
    expect(doc.find((d) => d.id === "2018")!.incompletePots.find((p) => p.id === "3")!.missing).toEqual(["fördelningsnyckel"]);
    expect(doc.find((d) => d.id === "2023")!.total).toBeNull();
    expect(doc.find((d) => d.id === "2025")).toMatchObject({ status: "known", knownPots: 9, potCount: 9 });
  });
});

describe("stimulansmedel allocate --set", () => {
  it("runs a what-if without a file, and the JSON says scenario: true with the changes", async () => {
    const r = await cli(["allocate", "--population", "2019-12-31", "--set", "2.amount=300000000", "--set", "2.base=250000", "--municipality", "Falun", "--pot", "2", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenario).toBe(true);
    expect(doc.changes.map((c: { path: string; to: number }) => `${c.path}=${c.to}`)).toEqual([
      "pots[3].amount=300000000",
      "pots[3].rule.base=250000",
      "total=1610000000",
      "levelTotals.municipality=300000000",
    ]);
    expect(doc.agreementTotal).toBe(1_610_000_000);
    expect(doc.allocations[0].amount).toBeGreaterThan(250_000);
  });

  it("says an incomplete agreement is incomplete, in the table and the JSON", async () => {
    const t = await cli(["allocate", "--agreement", "2017", "--population", "2016-12-31", "--county", "20"]);
    expect(t.code).toBe(3);
    expect(t.stdout).toMatch(/Överenskommelse 2017: 885 000 000 kr \(ofullständig: 5 av 6 pottar kända\)/);
    expect(t.stdout).toMatch(/är inte helt känd: 5 av 6 pottar har känd regel/);
    const j = JSON.parse((await cli(["allocate", "--agreement", "2017", "--population", "2016-12-31", "--format", "json"])).stdout);
    expect(j.agreementComplete).toBe(false);
    expect(j.pots.find((p: { id: string }) => p.id === "4")).toMatchObject({ status: "incomplete", level: "split", levels: ["region", "municipality"] });
  });

  it("exits 3 for an agreement whose pots are all unknown, and fits every line in 80 columns", async () => {
    for (const id of ["2021", "2024"]) {
      const r = await cli(["allocate", "--agreement", id, "--population", "2023-12-31"]);
      expect(r.code, id).toBe(3);
      expect(r.stdout, id).toMatch(/ofullständig: \d+ av \d+ pottar kända/);
      for (const line of r.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
  });

  it("refuses a bad --set with a typed one-line error", async () => {
    const r = await cli(["allocate", "--set", "2.base=200 000"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stimulansmedel: --set 2.base=200 000: väntade ett helt antal kronor, fick "200 000"\n');
    expect(r.error?.describe()).toBe('--set 2.base=200 000: expected a whole number of kronor, got "200 000" [AGREEMENT_SCENARIO]');
  });
});
