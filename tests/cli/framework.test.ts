/**
 * The declarative CLI, the population group and the output writer, in-process through run(),
 * plus the few things only a real process shows: exit codes of the bin, stdin, a closed pipe.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, loadCommands } from "../../src/cli/commands/index.js";
import { commandHelp, COMMON_OPTIONS } from "../../src/cli/spec.js";
import { allMunicipalities } from "../../src/geography/index.js";
import { readOracle } from "../helpers.js";
import { constructedTable, NATIONAL_0_18 } from "../support/fake-scb.js";
import { cli, CLI_BIN, cliProcess } from "./run.js";

/**
 * CONSTRUCTED TEST DATA, not SCB's: a 0–18 file for all 290 municipalities, Dalarna's counts as
 * derived from SKR's published amounts and the other 275 shared out of Sweden's 2 265 405 in
 * proportion to their bundled totals (tests/support/fake-scb.ts). Written to a temp folder only.
 */
function constructed0to18(): string {
  const { youth } = constructedTable();
  const rows = ["# referensdatum: 2024-11-01", "# källa: KONSTRUERADE testdata (inte SCB:s tal)", "kommun_kod,nyckel,antal", `00,0-18,${NATIONAL_0_18}`];
  for (const m of allMunicipalities()) rows.push(`${m.code},0-18,${youth.get(m.code)}`);
  const file = join(mkdtempSync(join(tmpdir(), "sm-0-18-")), "konstruerad-0-18.csv");
  writeFileSync(file, `${rows.join("\n")}\n`);
  return file;
}

function dalarnaMatches(doc: { allocations: { pot: string; code: string; amount: number }[] }): void {
  for (const row of readOracle()) {
    const got = row.pot.split("+").reduce((s, p) => s + doc.allocations.find((a) => a.pot === p && a.code === row.code)!.amount, 0);
    expect(got, `${row.name} ${row.pot}`).toBe(Number(row.amount));
  }
}

describe("declarations drive help and parsing", () => {
  it("lists each command under its declaration's own name and summary, loading none for the main help", async () => {
    const decls = await loadCommands();
    expect(COMMANDS.map((c) => [c.name, c.summary])).toEqual(decls.map((d) => [d.name, d.summary]));
  });

  it("every option of every command is in its help, with its value hint and allowed values", async () => {
    for (const c of await loadCommands()) {
      const help = commandHelp(c);
      for (const o of [...c.options, ...COMMON_OPTIONS]) {
        expect(help, `${c.name} --${o.name}`).toContain(`--${o.name}${o.value ? ` ${o.value}` : ""}`);
        const named = (v: string) => Object.entries(o.aliases ?? {}).filter(([, to]) => to === v).map(([a]) => a);
        const listed = o.choices?.map((v) => (named(v).length > 0 ? `${v} (${named(v).join(", ")})` : v));
        if (listed) expect(help.replace(/\s+/g, " "), `${c.name} --${o.name}`).toContain(`Värden: ${listed.join(", ")}.`);
      }
      for (const line of help.split("\n")) expect([...line].length, `${c.name}: ${line}`).toBeLessThanOrEqual(80);
      expect(help, c.name).toMatch(/Exempel:\n {2}.*stimulansmedel /);
    }
  });

  it("--opt=value equals --opt value", async () => {
    const a = await cli(["allocate", "--county=20", "--pot=2", "--format=json"]);
    const b = await cli(["allocate", "--county", "20", "--pot", "2", "--format", "json"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it("refuses repeated, conflicting and malformed options in one Swedish line, exit 1", async () => {
    const cases: [string[], string][] = [
      [["allocate", "--format", "json", "--format", "csv"], "--format får anges en gång"],
      [["allocate", "--agreement", "2025", "--agreement", "2024"], "--agreement får anges en gång"],
      [["compare", "--against", "2024", "--against-population", "2024-12-31"], "--against och --against-population kan inte användas tillsammans"],
      [["allocate", "--strict=ja"], "--strict tar inget värde"],
      [["allocate", "--county"], "--county behöver ett värde (KOD|NAMN)"],
      [["allocate", "--county", "--pot", "2"], "--county behöver ett värde (KOD|NAMN)"],
      [["allocate", "--bogus"], "allocate har ingen flagga --bogus"],
      [["allocate", "-x"], "allocate har ingen flagga -x"],
      [["allocate", "--level", "kommunen"], '--level ska vara region, county, municipality eller skr, inte "kommunen"'],
      [["allocate", "--population-date", "1 nov"], '--population-date ska vara ett datum ÅÅÅÅ-MM-DD, inte "1 nov"'],
      [["allocate", "20"], 'allocate tar inget argument "20"'],
      [["frobnicate"], 'okänt kommando "frobnicate"'],
    ];
    for (const [args, text] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr, args.join(" ")).toMatch(new RegExp(`^stimulansmedel: ${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\n]* \\(se stimulansmedel( [a-z]+)? --help\\)\\n$`));
      expect(r.error?.code).toBe("USAGE");
    }
  });
});

describe("the population group", () => {
  it("bundled 2024-11-01 plus a constructed 0–18 file for all 290 is complete, in either order (acceptance)", async () => {
    const file = constructed0to18();
    for (const order of [["2024-11-01", file], [file, "2024-11-01"]]) {
      const r = await cli(["allocate", "--agreement", "2025", "--population", order[0]!, "--population", order[1]!, "--format", "json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.complete).toBe(true);
      expect(doc.missing).toEqual([]);
      expect(doc.pots.every((p: { allocated: number | null; amount: number }) => p.allocated !== null)).toBe(true);
      expect(doc.totals.filter((t: { level: string }) => t.level === "municipality")).toHaveLength(290);
      dalarnaMatches(doc);
    }
    // The file alone is added to the bundled base of its date: the same complete answer.
    const alone = await cli(["allocate", "--agreement", "2025", "--population", file, "--format", "json"]);
    expect(JSON.parse(alone.stdout).complete).toBe(true);
    // Without the base, the totals are missing: regions and counties are not computed.
    const bare = await cli(["allocate", "--agreement", "2025", "--population", file, "--no-bundled", "--level", "region", "--format", "json"]);
    expect(bare.code).toBe(3);
    const missing = JSON.parse(bare.stdout).missing as { pot: string; reasonCode: string }[];
    expect(missing).toHaveLength(2 * 21); // pots 3b and 4b for every region
    expect(new Set(missing.map((m) => m.reasonCode))).toEqual(new Set(["KEY_UNAVAILABLE"]));
  });

  it("compare and explain take the same group: files, --no-bundled, --population-date", async () => {
    const file = constructed0to18();
    const e = await cli(["explain", "Luleå", "--pot", "2", "--population", file]);
    expect(e.code).toBe(0);
    expect(e.stdout).toMatch(/Luleå/);
    const c = await cli(["compare", "--agreement", "2025", "--population", file, "--against-population", "2024-12-31", "--county", "25", "--level", "municipality", "--format", "json"]);
    expect(c.stderr).toBe("");
    const rows = JSON.parse(c.stdout).rows as { before: number | null; after: number | null }[];
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => typeof r.before === "number" && r.after === null)).toBe(true); // no 0–18 on 31 December
    expect((await cli(["explain", "Falun", "--population-date", "2024-12-31"])).stderr).toMatch(/^stimulansmedel: --population-date 2024-12-31 stämmer inte med den inbyggda befolkningen 2024-11-01/);
  });

  it("a special file or an endless input stops at the size limit with a typed error", async () => {
    const r = await cli(["allocate", "--population", "/dev/zero"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("stimulansmedel: /dev/zero: filen är större än 64 MB, mer än någon befolkningsfil\n");
    const twice = await cli(["allocate", "--population", "-", "--population", "-"]);
    expect(twice.stderr).toMatch(/^stimulansmedel: bara en indata kan läsas från standard in \(-\)/);
  });

  it("two sources disagreeing on a count is a typed error naming both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-merge-"));
    const file = join(dir, "falun.csv");
    // Falun's 0–18 differs from the bundled (derived) 13 093.
    writeFileSync(file, "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13000\n00,0-18,2265405\n");
    const r = await cli(["allocate", "--population", file]);
    expect(r.code).toBe(2);
    expect(r.error?.code).toBe("POPULATION_DUPLICATE");
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(r.stderr).toContain(file);
  });
});

describe("the output writer", () => {
  it("refuses formats a command cannot write, before writing anything", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-out-"));
    const cases: [string[], string][] = [
      [["agreements", "--out", join(dir, "x.xlsx")], "agreements kan inte skriva xlsx; kommandot skriver table (text) eller json"],
      [["agreements", "--out", join(dir, "x.csv")], "agreements kan inte skriva csv; kommandot skriver table (text) eller json"],
      [["allocate", "--out", join(dir, "d.xls")], `--out ${join(dir, "d.xls")}: inget format har filändelsen .xls; använd .txt, .csv, .xlsx eller .json eller ange --format`],
      [["allocate", "--out", join(dir, "x.pdf")], `--out ${join(dir, "x.pdf")}: inget format har filändelsen .pdf`],
      [["allocate", "--format", "json", "--out", join(dir, "x.csv")], `--format json stämmer inte med filändelsen i --out ${join(dir, "x.csv")}`],
      [["explain", "Falun", "--out", join(dir, "x.xlsx")], "explain kan inte skriva xlsx"],
    ];
    for (const [args, text] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr, args.join(" ")).toContain(`stimulansmedel: ${text}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("never overwrites an input, and a write failure exits 2 in Swedish leaving nothing behind", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-out-"));
    const input = join(dir, "pop.csv");
    const text = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n";
    writeFileSync(input, text);
    const r = await cli(["allocate", "--population", input, "--out", join(dir, ".", "pop.csv"), "--format", "csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("är en av indatafilerna och skulle skrivas över");
    expect(readFileSync(input, "utf8")).toBe(text);
    const a = await cli(["agreements", "--out", "/nonexistent/x.json"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe("stimulansmedel: kan inte skriva /nonexistent/x.json (mappen finns inte); inget skrevs\n");
    const ok = await cli(["allocate", "--county", "20", "--out", join(dir, "d.json")]);
    expect(ok.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["d.json", "pop.csv"]); // no temporary file left
  });

  it("an amount a spreadsheet cannot hold is a typed error before the file exists", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-out-"));
    const r = await cli(["allocate", "--set", "1a.perRecipient=1000000000000000", "--out", "x.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.error?.code).toBe("OUTPUT_TOO_LARGE");
    expect(r.stderr).toMatch(/^stimulansmedel: [^\n]*för stort för ett kalkylblad[^\n]*\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("filters that match nothing", () => {
  it("say so in Swedish and exit 1", async () => {
    const a = await cli(["allocate", "--municipality", "Falun", "--county", "25"]);
    expect(a.code).toBe(1);
    expect(a.stdout).toBe("");
    expect(a.stderr).toBe("stimulansmedel: Falun ligger inte i Norrbottens län utan i Dalarnas län: urvalet ger inga belopp (se stimulansmedel allocate --help)\n");
    const b = await cli(["allocate", "--level", "municipality", "--pot", "3b"]);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe("stimulansmedel: ingen av de valda pottarna (3b) betalar nivån kommuner: urvalet ger inga belopp (se stimulansmedel allocate --help)\n");
    expect(b.error?.code).toBe("ALLOCATION_EMPTY_SELECTION");
  });

  it("name the selection in Swedish words, with no internal identifiers", async () => {
    const a = await cli(["allocate", "--level", "skr", "--county", "20"]);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe("stimulansmedel: urvalet (län Dalarnas län, nivå SKR) ger inga belopp (se stimulansmedel allocate --help)\n");
    const b = await cli(["explain", "Dalarna", "--level", "municipality"]);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe("stimulansmedel: urvalet (mottagare Region Dalarna och Dalarnas län, nivå kommuner) ger inga belopp (se stimulansmedel explain --help)\n");
    const c = await cli(["explain", "Falun", "--pot", "5"]);
    expect(c.stderr).toBe("stimulansmedel: urvalet (mottagare Falun, pott 5) ger inga belopp (se stimulansmedel explain --help)\n");
    // The integrator's English message keeps the codes.
    expect(a.error?.message).toBe("the selection (county=20, level=skr) matches no amount");
  });
});

describe("the real executable", () => {
  it("exit codes 0, 1, 2, 3 and stdin", () => {
    expect(cliProcess(["allocate", "--county", "20"]).code).toBe(0);
    expect(cliProcess(["allocate", "--bogus"]).code).toBe(1);
    expect(cliProcess(["allocate", "--agreement", "finns-inte.json"]).code).toBe(2);
    expect(cliProcess(["allocate"]).code).toBe(3);
    const s = cliProcess(["validate", "-"], { input: "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,13093\n00,0-18,2265405\n" });
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/^-: ok \(befolkning 2024-11-01/);
  });

  it("a closed stdout ends quietly, with no stack trace", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI_BIN}" allocate --agreement 2025 --format json | head -c 100`], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(Buffer.byteLength(r.stdout)).toBe(100);
  });
});
