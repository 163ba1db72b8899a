import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run.js";
import { loadCommands } from "../../src/cli/commands/index.js";
import { commandHelp } from "../../src/cli/spec.js";
import { readOracle } from "../helpers.js";

describe("stimulansmedel allocate", () => {
  it("prints Dalarna's 2025 allocation as a Swedish table (the README's main command)", async () => {
    const r = await cli(["allocate", "--agreement", "2025", "--county", "20"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/20\s+Region Dalarna\s+13 524 332\s+7 790 015\s+21 314 347/);
    expect(r.stdout).toMatch(/2080\s+Falun\s+1 309 672/);
    expect(r.stdout).toMatch(/Summa \(15\)\s+8 006 024/);
    expect(r.stdout).toMatch(/HÄRLEDD/);
    for (const line of r.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it("writes the JSON contract, equal to the published Dalarna amounts", async () => {
    const r = await cli(["allocate", "--agreement", "2025", "--county", "Dalarna", "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.agreement).toBe("2025");
    expect(doc.referenceDate).toBe("2024-11-01");
    expect(Object.keys(doc.pots[0])).toEqual(expect.arrayContaining(["id", "name", "level", "amount", "allocated", "residue"]));
    expect(Object.keys(doc.allocations[0]).sort()).toEqual(["amount", "code", "level", "name", "part", "pot"]);
    expect(doc.missing).toEqual([]);
    for (const row of readOracle()) {
      const got = row.pot.split("+").reduce((s: number, p: string) => s + doc.allocations.find((a: { pot: string; code: string }) => a.pot === p && a.code === row.code).amount, 0);
      expect(got, row.name).toBe(Number(row.amount));
    }
  });

  it("exits 3 and lists what is missing for the whole country, with the JSON still printed", async () => {
    const r = await cli(["allocate", "--format", "json"]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.missing).toHaveLength(275);
    expect(doc.missing[0]).toMatchObject({ pot: "2", code: "0114", name: "Upplands Väsby", reasonCode: "COUNT_MISSING" });
    expect(doc.pots.find((p: { id: string }) => p.id === "4a").residue).toBe(1);
  });

  it("filters by level and pot, and reads population from a file or stdin", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-"));
    const file = join(dir, "pop.csv");
    writeFileSync(file, "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n00,0-18,2265405\n");
    const r = await cli(["allocate", "--population", file, "--pot", "2", "--municipality", "falun", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).allocations).toEqual([{ pot: "2", part: 0, level: "municipality", code: "2080", name: "Falun", amount: 1309672 }]);
    const s = await cli(["allocate", "--population", "-", "--level", "region", "--format", "json"], { input: readFileSync(file, "utf8") });
    // The file adds 0–18 to the bundled totals of its date, so the regions are computed…
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).allocations.find((a: { code: string }) => a.code === "20")).toMatchObject({ pot: "3b", amount: 13_524_332 });
    // …and without the bundled base they need totals, which the file lacks.
    const alone = await cli(["allocate", "--population", "-", "--no-bundled", "--level", "region", "--format", "json"], { input: readFileSync(file, "utf8") });
    expect(alone.code).toBe(3);
    expect(JSON.parse(alone.stdout).missing[0].reasonCode).toBe("KEY_UNAVAILABLE");
  });

  it("fails in one line with a typed error naming file, line and value", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-"));
    const file = join(dir, "bad.csv");
    writeFileSync(file, "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,-5\n00,0-18,10\n");
    const r = await cli(["allocate", "--population", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^stimulansmedel: ${file}, rad 3: [^\\n]*"-5"[^\\n]*\\n$`));
    expect(r.error?.code).toBe("POPULATION_BAD_COUNT");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ id: "x", title: "x", source: "x", total: 10, pots: [{ id: "a", name: "a", source: "s", amount: "ten", level: "skr", status: "known", rule: { type: "fixed" } }] }));
    const a = await cli(["allocate", "--agreement", bad]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(new RegExp(`^stimulansmedel: ${bad}, pots\\[0\\]\\.amount: [^\\n]*"ten"\\n$`));
    expect(a.error?.describe()).toContain(`${bad}: pots[0].amount: expected a whole number of kronor, got "ten" [AGREEMENT_INVALID]`);
  });

  it("answers usage errors with exit 1 and a hint", async () => {
    const r = await cli(["allocate", "--format", "pdf"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('stimulansmedel: --format ska vara table, csv, xlsx eller json, inte "pdf" (se stimulansmedel allocate --help)\n');
    expect((await cli(["allocate", "--county", "Narnia"])).stderr).toMatch(/^stimulansmedel: inget län eller ingen region heter "Narnia"; menar du "Dalarnas län", "Region Dalarna" eller "Kalmar län"\?/);
    expect((await cli(["frobnicate"])).code).toBe(1);
    expect((await cli(["allocate", "--bogus"])).code).toBe(1);
    expect((await cli(["allocate", "--help"])).stdout).toMatch(/Exempel:/);
  });

  it("keeps every help text within 80 columns, as the tables are", async () => {
    const texts: [string, string][] = [["--help", (await cli(["--help"])).stdout], ...(await loadCommands()).map((c): [string, string] => [`${c.name} --help`, commandHelp(c)])];
    for (const [name, text] of texts) {
      const wide = text.split("\n").filter((line) => [...line].length > 80);
      expect(wide, name).toEqual([]);
    }
  });
});

describe("stimulansmedel --version and Swedish level names", () => {
  it("prints the package's version, exit 0", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const r = await cli(["--version"]);
    expect([r.code, r.stdout]).toEqual([0, `stimulansmedel ${pkg.version}\n`]);
    expect((await cli(["-V"])).stdout).toBe(`stimulansmedel ${pkg.version}\n`);
    expect((await cli(["--help"])).stdout).toContain("stimulansmedel --version");
  });

  it("reads --level kommun as municipality and län as county, and names them in the help", async () => {
    const sv = await cli(["allocate", "--agreement", "2025", "--county", "20", "--level", "kommun", "--format", "json"]);
    const en = await cli(["allocate", "--agreement", "2025", "--county", "20", "--level", "municipality", "--format", "json"]);
    expect(sv.code).toBe(en.code);
    expect(sv.stdout).toBe(en.stdout);
    // Falun's pot 2 on the bundled data: 1 309 672 kr.
    expect(sv.stdout).toContain('"amount": 1309672');
    const county = await cli(["allocate", "--agreement", "2025", "--county", "20", "--level", "Län", "--format", "json"]);
    // Dalarnas län's pot 3a (5 409 733 kr), and no municipality such as Falun.
    expect(county.stdout).toContain('"amount": 5409733');
    expect(county.stdout).not.toContain('"code": "2080"');
    expect((await cli(["allocate", "--help"])).stdout).toMatch(/county \(län, lan\)/);
    expect((await cli(["allocate", "--level", "kommunen"])).stderr).toMatch(/--level ska vara/);
  });
});
