/**
 * allocate with population files the way SCB delivers them (the acceptance of issue 3).
 * In-process through the CLI's run(), like tests/cli/main.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../run.js";
import { getRecipient, allMunicipalities } from "../../../src/geography/index.js";
import { loadBundledPopulation } from "../../../src/node/bundled.js";
import { readOracle, ROOT } from "../../helpers.js";
import { FIXTURES } from "../../io/fixtures-helpers.js";


interface Doc {
  allocations: { pot: string; level: string; code: string; amount: number }[];
  missing: { pot: string; level: string; code: string; reasonCode: string }[];
  pots: { id: string; allocated: number; residue: number | null }[];
  warnings: { code: string; message: string }[];
}

describe("allocate --population with SCB files", () => {
  it("an SCB-layout file with Dalarna's 0–18 counts and 00 Riket gives the 15 published Dalarna amounts", async () => {
    const file = join(FIXTURES, "dalarna-0-18_bred_komma_windows-1252.csv");
    const r = await cli(["allocate", "--agreement", "2025", "--population", file, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(3); // the file carries only 0–18 for Dalarna: everything else is missing
    const doc = JSON.parse(r.stdout) as Doc;
    const oracle = readOracle().filter((o) => o.pot === "2");
    expect(oracle).toHaveLength(15);
    for (const row of oracle) {
      const got = doc.allocations.find((a) => a.pot === "2" && a.code === row.code);
      expect(got?.amount, row.name).toBe(Number(row.amount));
    }
    expect(doc.allocations.filter((a) => a.pot === "2")).toHaveLength(15);
    expect(doc.missing.filter((m) => m.pot === "2")).toHaveLength(275);
  });

  it("the same counts in the long semicolon UTF-8-BOM layout and in JSON-stat2 give the same amounts", async () => {
    const amounts = async (name: string) =>
      (JSON.parse((await cli(["allocate", "--population", join(FIXTURES, name), "--pot", "2", "--county", "20", "--format", "json"])).stdout) as Doc).allocations;
    const long = await amounts("dalarna-0-18_lang_semikolon_utf-8-bom.csv");
    expect(long).toHaveLength(15);
    expect(long.find((a) => a.code === "2080")?.amount).toBe(1_309_672); // Falun, as SKR published
    expect(await amounts("dalarna-0-18_TAB1267.json-stat2.json")).toEqual(long);
  });

  it("a file with only ages 0–18 (all 290, no totals) computes pot 2 and lists the other pots' recipients missing, exit 3", async () => {
    // SCB long layout, 31 Dec 2019 ages 0–18 for every municipality (the bundled real data).
    const pop = loadBundledPopulation("2019-12-31");
    const lines = ['"Folkmängden efter region, ålder och år"', "", '"region","ålder","år","Folkmängd"'];
    for (const m of allMunicipalities()) {
      for (let age = 0; age <= 18; age++) lines.push(`"${m.code} ${getRecipient("municipality", m.code)!.name}","${age} år","2019",${pop.ages.get(m.code)![age]}`);
    }
    const dir = mkdtempSync(join(tmpdir(), "sm-"));
    const file = join(dir, "0-18.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);

    const noDate = await cli(["allocate", "--population", file]);
    expect(noDate.code).toBe(2);
    expect(noDate.error?.code).toBe("POPULATION_DATE_UNKNOWN");
    expect(noDate.error?.message).toMatch(/cannot tell the reference date.*--population-date YYYY-MM-DD\)/);
    expect(noDate.stderr.trim().split("\n")).toHaveLength(1);

    // On the bundled 31 December 2019 totals of the same date, every pot is computed.
    const joined = await cli(["allocate", "--agreement", "2025", "--population", file, "--population-date", "2019-12-31", "--format", "json"]);
    expect(joined.code).toBe(0);
    expect((JSON.parse(joined.stdout) as Doc).missing).toEqual([]);
    const r = await cli(["allocate", "--agreement", "2025", "--population", file, "--population-date", "2019-12-31", "--no-bundled", "--format", "json"]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as Doc;
    const pot2 = doc.allocations.filter((a) => a.pot === "2");
    expect(pot2).toHaveLength(290);
    expect(doc.pots.find((p) => p.id === "2")!.allocated).toBe(pot2.reduce((s, a) => s + a.amount, 0));
    expect(Math.abs(doc.pots.find((p) => p.id === "2")!.residue!)).toBeLessThanOrEqual(145); // at most ½ kr per municipality
    for (const pot of ["3a", "3b", "4a", "4b"]) {
      const missing = doc.missing.filter((m) => m.pot === pot);
      expect(missing.length, pot).toBe(21);
      expect(new Set(missing.map((m) => m.reasonCode))).toEqual(new Set(["KEY_UNAVAILABLE"]));
    }
    expect(doc.missing.every((m) => ["3a", "3b", "4a", "4b"].includes(m.pot))).toBe(true);
    expect(doc.warnings.find((w) => w.code === "POPULATION_DATE_MISMATCH")?.message).toMatch(/2024-11-01.*2019-12-31/);

    const strict = await cli(["allocate", "--population", file, "--population-date", "2019-12-31", "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toBe("stimulansmedel: befolkningens datum 2019-12-31 är inte överenskommelsens 2025 datum 2024-11-01 (--strict)\n");
    expect(strict.error?.code).toBe("POPULATION_DATE_MISMATCH");
  });

  it("a malformed SCB file fails with exit 2 in one line naming file, line and value", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-"));
    const file = join(dir, "bad.csv");
    writeFileSync(file, '"Folkmängden den 1 november efter region och år"\n\n"region","2024"\n"2080 Falun",59892\n"20 Dalarnas län",286368\n"00 Riket",10587140\n');
    const r = await cli(["allocate", "--population", file]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(r.stderr).toContain(`stimulansmedel: ${file}, rad 5`);
    expect(r.error?.describe()).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:5: "20" is a county \\(Dalarnas län\\).*\\[POPULATION_UNKNOWN_CODE\\]$`));
    const hole = join(dir, "hole.csv");
    const rows = ['"Folkmängden den 1 november efter region, ålder och år"', "", '"region","ålder","2024"'];
    for (const region of ["2080 Falun", "00 Riket"]) for (let age = 0; age <= 18; age++) rows.push(`"${region}","${age} år",${region === "2080 Falun" && age === 7 ? ".." : 700}`);
    writeFileSync(hole, `${rows.join("\n")}\n`);
    const h = await cli(["allocate", "--population", hole, "--pot", "2"]);
    expect(h.code).toBe(2);
    expect(h.error?.describe()).toMatch(/hole\.csv:11: 2080, 7 år: the count is missing \(SCB's ".."\), and the key 0-18 needs it/);
  });

  it("--population-date with a bundled population must match it", async () => {
    expect((await cli(["allocate", "--population-date", "2024-12-31"])).code).toBe(1);
    expect((await cli(["allocate", "--population-date", "1 nov"])).stderr).toBe('stimulansmedel: --population-date ska vara ett datum ÅÅÅÅ-MM-DD, inte "1 nov" (se stimulansmedel allocate --help)\n');
  });
});
