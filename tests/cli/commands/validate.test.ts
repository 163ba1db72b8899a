import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../helpers.js";
import { cli } from "../run.js";

describe("stimulansmedel validate", () => {
  it("says ok, with a summary, for the bundled agreement and population files", async () => {
    const r = await cli(["validate", "data/agreements/2025.json", "data/population/2024-12-31_total.csv", "data/population/2024-11-01_dalarna_0-18_harledd.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "data/agreements/2025.json: ok (överenskommelse 2025, 9 pottar, 1 560 000 000 kr)",
      "data/population/2024-12-31_total.csv: ok (befolkning 2024-12-31, 290 kommuner, nycklar: total)",
      "data/population/2024-11-01_dalarna_0-18_harledd.csv: ok (befolkning 2024-11-01, 15 kommuner, nycklar: 0-18; HÄRLEDDA tal)",
      "",
    ]);
  });

  it("lists every problem of an agreement at once and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-validate-"));
    const doc = JSON.parse(readFileSync(join(ROOT, "data/agreements/2025.json"), "utf8"));
    doc.pots[0].amount = "45 000 000";
    doc.pots[3].level = "kommun";
    doc.pots[5].rule.key = "barn";
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli(["validate", file]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(`${file}: 3 problem`);
    expect(lines.slice(1).join("\n")).toMatch(/pots\[0\]\.amount: .*"45 000 000"/);
    expect(lines.slice(1).join("\n")).toMatch(/pots\[3\]\.level/);
    expect(lines.slice(1).join("\n")).toMatch(/pots\[5\]\.rule\.key.*barn/);
  });

  it("reports invariant problems (pots not summing to the total) with their JSON path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-validate-"));
    const doc = JSON.parse(readFileSync(join(ROOT, "data/agreements/2025.json"), "utf8"));
    doc.pots[0].amount = 63000000;
    const file = join(dir, "63.json");
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${file}, pots[0].rule: beloppen per mottagare summerar till 45 000 000 kr, men potten är 63 000 000 kr`);
    expect(r.stdout).not.toMatch(/AGREEMENT_|\[[A-Z_]+\]/);
  });

  it("names file, line and value for a bad population file, also from stdin, and keeps going", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-validate-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n2081,0-18,-5\n00,0-18,10\n");
    const r = await cli(["validate", bad, join(dir, "missing.csv"), "data/agreements/2025.json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${bad}, rad 4: `);
    expect(r.stdout).toContain(`${join(dir, "missing.csv")}: 1 problem\n  ${join(dir, "missing.csv")}: filen finns inte\n`);
    expect(r.stdout).toContain("data/agreements/2025.json: ok");
    const s = await cli(["validate", "-"], { input: readFileSync(bad) });
    expect(s.code).toBe(2);
    expect(s.stdout).toMatch(/<stdin>, rad 4: .*"-5"/);
    const unknown = await cli(["validate", "-"], { input: "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n9999,total,5\n" });
    expect(unknown.stdout).toMatch(/<stdin>, rad 3: .*9999/);
  });

  it("reports every bad row of a population file at once", async () => {
    const input = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n2081,0-18,-5\n9999,0-18,3\n2082,0-18,12x\n2080,0-18,4\n00,0-18,2265405\n";
    const r = await cli(["validate", "-"], { input });
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split("\n")).toEqual([
      "-: 4 problem",
      expect.stringMatching(/^  <stdin>, rad 4: .*"-5"/),
      expect.stringMatching(/^  <stdin>, rad 5: .*"9999"/),
      expect.stringMatching(/^  <stdin>, rad 6: .*"12x"/),
      expect.stringMatching(/^  <stdin>, rad 7: .*2080/),
    ]);
    const noDate = await cli(["validate", "-"], { input: "kommun_kod,nyckel,antal\n2080,0-18,-1\n" });
    expect(noDate.stdout).toMatch(/^-: 1 problem\n  <stdin>, rad 1: /);
  });

  it("needs a file, and has help with an example", async () => {
    expect((await cli(["validate"])).code).toBe(1);
    expect((await cli(["validate", "x.csv", "--kind", "pdf"])).code).toBe(1);
    expect((await cli(["validate", "--help"])).stdout).toMatch(/Exempel:\n  stimulansmedel validate/);
  });
});
