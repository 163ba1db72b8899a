import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../run.js";

describe("stimulansmedel explain", () => {
  it("shows Falun's pot 2 equation and points to Dalarna's county and region amounts (acceptance)", async () => {
    const r = await cli(["explain", "--agreement", "2025", "Falun"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr");
    expect(r.stdout).toMatch(/Falun: 1 309 672 kr/);
    // 4 000 000 (1a–1c) + 5 409 733 (3a) + 7 569 623 (4a), and 13 524 332 (3b) + 7 790 015 (4b)
    expect(r.stdout).toMatch(/Dalarnas län: 16 979 356 kr \(gemensamt för länet; Falun delar i det\)/);
    expect(r.stdout).toMatch(/Region Dalarna: 21 314 347 kr \(gemensamt för länet; Falun delar i det\)/);
    expect(r.stdout).toMatch(/länsgemensamma medel\s+för Dalarnas län, som Region Dalarna och länets 15 kommuner delar på/);
    expect(r.stdout).toContain("200 000 000 × 286 368 / 10 587 140 = 5 409 732,94 → 5 409 733 kr");
    expect(r.stdout).toMatch(/HÄRLEDD/);
    for (const pot of ["1a", "1b", "1c", "2", "3a", "3b", "4a", "4b"]) expect(r.stdout).toContain(`Pott ${pot} – `);
    expect(r.stdout).not.toContain("Pott 5 – ");
    for (const line of r.stdout.split("\n")) if (!line.includes(" → ")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it("keeps every line within 80 columns: a long equation breaks before its \"=\", never inside a number", async () => {
    // Stockholm's pot 4a equation is 81 columns on one line.
    const r = await cli(["explain", "--agreement", "2025", "Stockholm"]);
    for (const line of r.stdout.split("\n")) if (!line.startsWith("    https://")) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain("  5 000 000 + 95 000 000 × 2 471 773 / 10 587 140\n    = 27 179 590,99 → 27 179 591 kr\n");
    // A short equation stays on one line.
    expect(r.stdout).toContain("  500 000 000 × 2 471 773 / 10 587 140 = 116 734 689,44 → 116 734 689 kr\n");
  });

  it("takes codes, --municipality, --pot and --level", async () => {
    const byCode = await cli(["explain", "2080", "--pot", "2"]);
    expect(byCode.code).toBe(0);
    expect(byCode.stdout).toContain("1 309 671,78 → 1 309 672 kr");
    expect(byCode.stdout).not.toContain("Pott 3a");
    expect((await cli(["explain", "--municipality", "falun", "--pot", "2"])).stdout).toBe(byCode.stdout);
    const region = await cli(["explain", "Dalarna", "--level", "region"]);
    expect(region.stdout).toMatch(/Pott 3b[\s\S]*13 524 332,35 → 13 524 332 kr[\s\S]*Pott 4b[\s\S]*7 790 015,43 → 7 790 015 kr/);
    expect(region.stdout).not.toContain("Pott 1a");
    expect((await cli(["explain", "SKR"])).stdout).toContain("Hela potten går till Sveriges Kommuner och Regioner: 29 000 000 kr.");
  });

  it("writes JSON with the contract's fields plus the explanations", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-explain-"));
    const file = join(dir, "falun.json");
    expect((await cli(["explain", "Falun", "--out", file])).code).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.allocations).toContainEqual({ pot: "2", part: 0, level: "municipality", code: "2080", name: "Falun", amount: 1309672, derived: true });
    expect(doc.allocations).toContainEqual({ pot: "4b", part: 0, level: "region", code: "20", name: "Region Dalarna", amount: 7790015 });
    expect(doc.allocations.some((a: { code: string }) => a.code === "2081")).toBe(false);
    const e3a = doc.explanations.find((e: { pot: string }) => e.pot === "3a");
    expect(e3a).toMatchObject({ level: "county", code: "20", via: { code: "2080", name: "Falun" }, amount: 5409733 });
    expect(doc.pots.map((p: { id: string }) => p.id)).toEqual(["1a", "1b", "1c", "2", "3a", "3b", "4a", "4b"]);
  });

  it("says plainly when an amount cannot be computed, and exits 3", async () => {
    const r = await cli(["explain", "Uppsala", "--pot", "2"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Uppsala: saknas \(1 belopp kan inte beräknas\)/);
    expect(r.stdout).toMatch(/Beloppet kan inte beräknas: kommunens folkmängd 0–18 år saknas/);
    expect(r.stdout).toMatch(/stimulansmedel population fetch --agreement 2025/);
    expect(r.stdout).not.toMatch(/Uppsala: 0 kr/);
  });

  it("reads the population from standard input", async () => {
    const input = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n00,0-18,2265405\n";
    const r = await cli(["explain", "Falun", "--pot", "2", "--population", "-"], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr");
  });

  it("answers usage and input errors in one line with a hint", async () => {
    const none = await cli(["explain"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe("stimulansmedel: explain behöver en mottagare, t.ex. stimulansmedel explain Falun (se stimulansmedel explain --help)\n");
    expect((await cli(["explain", "Falun", "Mora"])).code).toBe(1);
    expect((await cli(["explain", "Falun", "--format", "csv"])).code).toBe(1);
    expect((await cli(["explain", "Falun", "--pot", "9"])).stderr).toMatch(/^stimulansmedel: det finns ingen pott "9"; pottarna är 1a, 1b, 1c, 2, 3a, 3b, 4a, 4b, 5/);
    const typo = await cli(["explain", "Faluun"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^stimulansmedel: ingen .* heter "Faluun"; menar du "Falun"/);
    expect((await cli(["explain", "--help"])).stdout).toMatch(/Exempel:\n  stimulansmedel explain --agreement 2025 Falun/);
  });
});
