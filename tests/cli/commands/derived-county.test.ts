/**
 * The derived county bases bundled as datasets 2021-11-01, 2022-11-01 and 2023-11-01: the
 * mental-health county pots of 2023 and 2024 compute for all 21 counties by default, each amount
 * marked derived, and SKR's women's-health agreements reproduce their published tables.
 * Published figures: tests/oracles/mental-health-2023-2024.csv and tests/oracles/kvinnors-halsa.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { captureStdout, isolatedRun as run } from "../run.js";
import { readWorkbookTable } from "../../../src/xlsx/read.js";
import { nodeInflateRaw } from "../../../src/node/xlsx.js";
import { ROOT } from "../../helpers.js";

const stdout = captureStdout();

type Doc = { allocations: { pot: string; level: string; code: string; amount: number; derived?: true }[]; missing: { pot: string; level: string }[] };
const published = readFileSync(resolve(ROOT, "tests/oracles/mental-health-2023-2024.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
const amountOf = (year: string, pot: string) => Number(published.find((r) => r[0] === year && r[1] === pot)![5]);

describe("derived county bases, bundled", () => {
  it("allocate --agreement 2024 --level county: Dalarna's published 5 445 343 and 8 947 874, every amount marked derived", async () => {
    expect(await run(["allocate", "--agreement", "2024", "--level", "county", "--format", "json"])).toBe(3); // pot 1's rule is unknown
    const doc = JSON.parse(stdout.text) as Doc;
    const at = (pot: string, code: string) => doc.allocations.find((a) => a.pot === pot && a.code === code)?.amount;
    expect(at("4", "20")).toBe(amountOf("2024", "suicidprevention"));
    expect(at("5", "20")).toBe(amountOf("2024", "samsjuklighet"));
    for (const pot of ["4", "5"]) expect(doc.allocations.filter((a) => a.pot === pot)).toHaveLength(21);
    // Pot 6 is a stated amount per county: no population, so not derived.
    for (const a of doc.allocations) expect(a.derived === true, `${a.pot} ${a.code}`).toBe(a.pot !== "6");
    stdout.reset();
    await run(["allocate", "--agreement", "2024", "--level", "county"]);
    expect(stdout.text).toMatch(/20\s+Dalarnas län\s+4\s+5 445 343\*/);
    expect(stdout.text).toContain("* bygger på härledda befolkningstal (inte SCB:s statistik), se Källor.");
    expect(stdout.text).toMatch(/HÄRLEDD ur SKR:s tabell "Fördelning av medel\s+2024"/);
  });

  it("allocate --agreement 2023: Stockholm's 46 357 073, 27 019 610 and 11 589 268 by default; municipal pots report what is missing", async () => {
    expect(await run(["allocate", "--agreement", "2023", "--format", "json"])).toBe(3);
    const doc = JSON.parse(stdout.text) as Doc;
    const at = (pot: string, level: string, code: string) => doc.allocations.find((a) => a.pot === pot && a.level === level && a.code === code);
    expect(at("3.6", "county", "01")?.amount).toBe(amountOf("2023", "3.6"));
    expect(at("3.3", "county", "01")?.amount).toBe(amountOf("2023", "3.3"));
    expect(at("3.7", "region", "01")?.amount).toBe(amountOf("2023", "3.7"));
    expect(at("3.6", "county", "01")?.derived).toBe(true);
    // The base has counties only: the municipal half of §3.4 cannot be computed, and says so.
    expect(doc.missing.filter((m) => m.pot === "3.4k" && m.level === "municipality")).toHaveLength(290);
    stdout.reset();
    await run(["allocate", "--agreement", "2023", "--level", "municipality"]);
    expect(stdout.text).toMatch(/pott 3\.4k: befolkningsdata saknar folkmängd/);
  });

  it("csv and xlsx mark the derived amounts; a selection without them has no derived note", async () => {
    await run(["allocate", "--agreement", "2024", "--county", "20", "--pot", "4", "--format", "csv"]);
    expect(stdout.text).toContain("län;20;Dalarnas län;4;5445343;härledd: bygger på härledda befolkningstal");
    const file = join(mkdtempSync(join(tmpdir(), "sm-derived-")), "d.xlsx");
    await run(["allocate", "--agreement", "2024", "--county", "20", "--pot", "4,5", "--out", file]);
    const sheet = readWorkbookTable(readFileSync(file), { inflateRaw: nodeInflateRaw, sheet: "Länsgemensamma medel" });
    expect(sheet.rows.find((r) => r[0] === "20")?.slice(2, 4)).toEqual([5_445_343, 8_947_874]);
    expect(String(sheet.rows.find((r) => r[0] === "20")?.at(-1))).toMatch(/pott 4: härledd.*pott 5: härledd/);
    stdout.reset();
    await run(["allocate", "--agreement", "2024", "--county", "20", "--pot", "6"]);
    expect(stdout.text).not.toContain("härledda befolkningstal");
    expect(stdout.text).not.toContain("HÄRLEDD");
  });

  it("allocate --agreement kvinnors-halsa-2024 --format json reproduces all 21 published amounts", async () => {
    expect(await run(["allocate", "--agreement", "kvinnors-halsa-2024", "--format", "json"])).toBe(0);
    const doc = JSON.parse(stdout.text) as Doc;
    const [head, ...rows] = readFileSync(resolve(ROOT, "tests/oracles/kvinnors-halsa/2024.csv"), "utf8").trim().split("\n");
    const cols = head!.split(",");
    const table = rows.map((r) => r.split(",")).filter((r) => r[0] !== "00");
    expect(table).toHaveLength(21);
    for (const r of table) {
      expect(doc.allocations.find((a) => a.pot === "1" && a.code === r[0])?.amount, r[0]).toBe(Number(r[cols.indexOf("belopp_befolkning_kr")]));
      expect(doc.allocations.find((a) => a.pot === "2" && a.code === r[0])?.amount, r[0]).toBe(Number(r[cols.indexOf("belopp_landsbygdssatsning_kr")]));
    }
  });
});
