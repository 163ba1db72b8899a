import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readOracle } from "../../helpers.js";
import { cli, cliBytes } from "../run.js";

const SHEET: Record<string, string> = { region: "Regioner", county: "Länsgemensamma medel", municipality: "Kommuner", skr: "SKR" };

async function readWorkbook(data: string | Buffer) {
  const wb = new ExcelJS.Workbook();
  if (typeof data === "string") await wb.xlsx.readFile(data);
  else await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** The value in a level sheet for a recipient code and a column header. */
function cell(ws: ExcelJS.Worksheet, code: string, header: string): unknown {
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  const col = headers.indexOf(header);
  expect(col, `${ws.name}: column ${header}`).toBeGreaterThan(0);
  let found: unknown = undefined;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value) === code) found = row.getCell(col).value;
  });
  return found;
}

describe("stimulansmedel allocate --out dalarna.xlsx", () => {
  it("writes a workbook whose values equal SKR's published Dalarna amounts (acceptance)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-xlsx-"));
    const r = await cli(["allocate", "--agreement", "2025", "--county", "20", "--out", "dalarna.xlsx"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const wb = await readWorkbook(join(dir, "dalarna.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Regioner", "Länsgemensamma medel", "Kommuner", "Källor"]);
    const oracle = readOracle();
    expect(oracle.length).toBe(20);
    for (const row of oracle) {
      const ws = wb.getWorksheet(SHEET[row.level]!)!;
      const got = row.pot.split("+").reduce((s, p) => s + BigInt(cell(ws, row.code, `Pott ${p}`) as number), 0n);
      expect(got, `${row.name} pot ${row.pot}`).toBe(row.amount);
    }
    const kommuner = wb.getWorksheet("Kommuner")!;
    expect(kommuner.rowCount).toBe(1 + 15 + 1);
    expect(kommuner.getRow(17).getCell(2).value).toBe("Summa");
    expect(kommuner.getRow(17).getCell(3).value).toBe(8_006_024);
  });

  it("has frozen headers, autofilters, kronor formats and a Källor sheet with sources, dates and residues", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-xlsx-"));
    const file = join(dir, "dalarna.xlsx");
    expect((await cli(["allocate", "--county", "Dalarna", "--out", file])).code).toBe(0);
    const wb = await readWorkbook(file);
    const region = wb.getWorksheet("Regioner")!;
    expect(region.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(region.autoFilter).toBe("A1:F2");
    expect(region.getRow(2).getCell(3).numFmt).toBe('#,##0 "kr"');
    expect(cell(region, "20", "Summa")).toBe(21_314_347);
    expect(wb.getWorksheet("Kommuner")!.autoFilter).toBe("A1:E16");

    const src = wb.getWorksheet("Källor")!;
    const rows: unknown[][] = [];
    src.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const value = (k: string) => rows.find((r) => r[0] === k)?.[1];
    expect(value("Överenskommelsens källa")).toMatch(/^Överenskommelse om strategiska insatser inom området psykisk hälsa och suicidprevention 2025 mellan staten och SKR; SKR:s fördelningstabell /);
    expect(value("Överenskommelsens referensdatum")).toBe("2024-11-01");
    expect(value("Befolkningens referensdatum")).toBe("2024-11-01");
    expect(value("Totalbelopp")).toBe(1_560_000_000);
    const sources = rows.filter((r) => r[0] === "Källa").map((r) => String(r[1]));
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatch(/^SCB, Folkmängden den 1 november 2024 \(FolkmangdNov, TAB1267/);
    expect(sources[1]).toMatch(/HÄRLEDD/);
    const pot = (id: string) => rows.find((r) => r[0] === id)!;
    // Residue = allocated − pot: SKR's rounding leaves 3a a krona short and 4a a krona over.
    expect(pot("3a").slice(3, 6)).toEqual([200_000_000, 199_999_999, -1]);
    expect(pot("4a").slice(3, 6)).toEqual([200_000_000, 200_000_001, 1]);
    expect(pot("4b")[5]).toBe(0);
    expect(pot("2")[5]).toBeUndefined(); // an empty cell: 275 municipalities are missing, so no residue (not 0)
    expect(pot("2")[6]).toBe("varje belopp avrundat för sig till närmaste krona");
    expect(pot("2")[7]).toBe("275 mottagare saknas");
  });

  it("leaves missing amounts empty in xlsx with the reason, never 0, and exits 3", async () => {
    const r = await cliBytes(["allocate", "--county", "03", "--format", "xlsx"]);
    expect(r.code).toBe(3);
    expect(r.stdout.subarray(0, 2).toString()).toBe("PK");
    const wb = await readWorkbook(r.stdout);
    const ws = wb.getWorksheet("Kommuner")!;
    expect(cell(ws, "0380", "Pott 2")).toBe(null);
    expect(cell(ws, "0380", "Summa")).toBe(null);
    expect(String(cell(ws, "0380", "Anmärkning"))).toMatch(/pott 2: saknas – kommunens folkmängd 0–18 år saknas i befolkningsdata/);
    expect(cell(wb.getWorksheet("Regioner")!, "03", "Pott 4b")).toBeGreaterThan(0);
  });

  it("refuses an amount Excel would round and writes no file (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-xlsx-"));
    const r = await cli(["allocate", "--set", "5.amount=1000000000000000", "--level", "skr", "--out", "skr.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("stimulansmedel: SKR!C2: beloppet 1 000 000 000 000 000 kr är för stort för ett kalkylblad (högst 15 siffror); skriv JSON eller CSV\n");
    expect(r.error?.code).toBe("OUTPUT_TOO_LARGE");
    expect(existsSync(join(dir, "skr.xlsx"))).toBe(false);
    const ok = await cli(["allocate", "--set", "5.amount=1000000000000000", "--level", "skr", "--format", "json"]);
    expect(JSON.parse(ok.stdout).allocations[0].amount).toBe(1_000_000_000_000_000); // JSON holds it exactly
  });

  it("writes CSV for Swedish Excel: BOM, semicolons, whole kronor, header row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-csv-"));
    const file = join(dir, "dalarna.csv");
    expect((await cli(["allocate", "--county", "20", "--out", file])).code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Nivå;Kod;Mottagare;Pott;Belopp;Anmärkning");
    expect(lines).toContain("region;20;Region Dalarna;3b;13524332;");
    expect(lines).toContain("län;20;Dalarnas län;4a;7569623;");
    // Pot 2 of 2025 rests on Dalarna's derived 0–18 counts, and says so on the amount.
    expect(lines).toContain("kommun;2080;Falun;2;1309672;härledd: bygger på härledda befolkningstal (inte SCB:s statistik), se Källor.");
    expect(lines.filter((l) => l !== "")).toHaveLength(1 + 2 + 5 + 15);
    const sum = lines.slice(1).filter((l) => l !== "").reduce((s, l) => s + BigInt(l.split(";")[4]!), 0n);
    expect(sum).toBe(21_314_347n + 16_979_356n + 8_006_024n);
  });

  it("lists missing amounts in CSV with an empty Belopp and the reason", async () => {
    const r = await cli(["allocate", "--municipality", "Uppsala", "--format", "csv"]);
    expect(r.code).toBe(3);
    expect(r.stdout.split("\r\n")[1]).toMatch(/^kommun;0380;Uppsala;2;;saknas: kommunens folkmängd 0–18 år saknas i befolkningsdata\. Folkmängd 0–18 år finns i SCB:s tabell .*TAB1267.*stimulansmedel population fetch --agreement 2025/);
  });

  it("chooses the format from --out's extension unless --format says otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-fmt-"));
    expect((await cli(["allocate", "--county", "20", "--out", join(dir, "a.json")])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "a.json"), "utf8")).agreement).toBe("2025");
    expect((await cli(["allocate", "--county", "20", "--out", join(dir, "a.txt")])).code).toBe(0);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toMatch(/^Överenskommelse om insatser/);
    expect((await cli(["allocate", "--county", "20", "--format", "json", "--out", join(dir, "b.txt")])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "b.txt"), "utf8")).referenceDate).toBe("2024-11-01");
    const bad = await cli(["allocate", "--out", join(dir, "a.pdf"), "--format", "pdf"]);
    expect(bad.code).toBe(1);
    const nowhere = await cli(["allocate", "--county", "20", "--out", join(dir, "no", "such", "dir.csv")]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toBe(`stimulansmedel: kan inte skriva ${join(dir, "no", "such", "dir.csv")} (mappen finns inte); inget skrevs\n`);
  });

  it("filters by --level and --pot in every format", async () => {
    const r = await cli(["allocate", "--level", "county", "--pot", "3a,4a", "--county", "20", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\r\n").filter((l) => l !== "").slice(1)).toEqual(["län;20;Dalarnas län;3a;5409733;", "län;20;Dalarnas län;4a;7569623;"]);
  });

  it("prints no colour codes and shows the stack only with --debug", async () => {
    const r = await cli(["allocate", "--county", "20"]);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const plain = await cli(["allocate", "--county", "Narnia"]);
    expect(plain.stderr.trim().split("\n")).toHaveLength(1);
    expect((await cli(["allocate", "--county", "Narnia", "--debug"])).stderr).toMatch(/\n\s+at /);
  });
});
