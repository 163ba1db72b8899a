import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../helpers.js";
import { cli, cliBytes } from "../run.js";

/** Dalarna's and Sweden's total population in a bundled file, summed by hand from the rows. */
function counts(file: string): { dalarna: bigint; sweden: bigint } {
  let dalarna = 0n;
  let sweden = 0n;
  for (const line of readFileSync(join(ROOT, "data/population", file), "utf8").split("\n")) {
    const m = /^(\d{4}),total,(\d+)$/.exec(line.trim());
    if (!m) continue;
    sweden += BigInt(m[2]!);
    if (m[1]!.startsWith("20")) dalarna += BigInt(m[2]!);
  }
  return { dalarna, sweden };
}
/** shared × count / total, rounded half up to whole kronor. */
const share = (shared: bigint, count: bigint, total: bigint) => (2n * shared * count + total) / (2n * total);

interface Row { level: string; code: string; before: number | null; after: number | null; difference: number | null; percent: number | null; missingAfter: string[] }

describe("stimulansmedel compare", () => {
  const nov = counts("2024-11-01_total.csv");
  const dec = counts("2024-12-31_total.csv");
  const regionNov = share(500_000_000n, nov.dalarna, nov.sweden) + share(288_000_000n, nov.dalarna, nov.sweden);
  const regionDec = share(500_000_000n, dec.dalarna, dec.sweden) + share(288_000_000n, dec.dalarna, dec.sweden);

  it("compares one agreement on two population dates; missing pot 2 is 'saknas', not 0", async () => {
    expect(regionNov).toBe(21_314_347n); // SKR's published Region Dalarna amounts, 13 524 332 + 7 790 015
    const r = await cli(["compare", "--agreement", "2025", "--population", "2024-11-01", "--against-population", "2024-12-31", "--county", "20", "--format", "json"]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { before: { referenceDate: string }; after: { referenceDate: string }; rows: Row[] };
    expect(doc.before.referenceDate).toBe("2024-11-01");
    expect(doc.after.referenceDate).toBe("2024-12-31");
    const region = doc.rows.find((x) => x.level === "region")!;
    const diff = regionDec - regionNov;
    expect(region).toMatchObject({ code: "20", before: Number(regionNov), after: Number(regionDec), difference: Number(diff) });
    // percent to two decimals, half away from zero, exact from the integers
    const hundredths = (diff * 10_000n * 2n + (diff >= 0n ? regionNov : -regionNov)) / (2n * regionNov);
    expect(Math.round(region.percent! * 100)).toBe(Number(hundredths));
    const falun = doc.rows.find((x) => x.code === "2080")!;
    expect(falun).toMatchObject({ before: 1309672, after: null, difference: null, percent: null, missingAfter: ["2"] });
    expect(doc.rows.filter((x) => x.level === "municipality")).toHaveLength(15);
  });

  it("prints an 80-column table with 'saknas', sums of the computed rows, and sources", async () => {
    const r = await cli(["compare", "--population", "2024-11-01", "--against-population", "2024-12-31", "--county", "Dalarna"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/2080\s+Falun \*\s+1 309 672\s+saknas\s+–\s+–/);
    expect(r.stdout).toMatch(/Summa \(0 av 15\)/);
    expect(r.stdout).toMatch(/efter: pott 2 saknas \(15 mottagare\)/);
    expect(r.stdout).toContain("Efter: SCB, Folkmängd 31 december 2024");
    for (const line of r.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it("compares two agreements per recipient, sorted by difference, in kronor and percent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-compare-"));
    const doc = JSON.parse(readFileSync(join(ROOT, "data/agreements/2025.json"), "utf8"));
    doc.id = "2025-mer-4b";
    doc.pots[7].amount = 298_000_000; // 4b +10 000 000
    doc.pots[8].amount = 19_000_000; // SKR −10 000 000
    doc.levelTotals.region += 10_000_000;
    doc.levelTotals.skr -= 10_000_000;
    const file = join(dir, "what-if.json");
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli(["compare", "--agreement", "2025", "--against", file, "--level", "region", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: Row[] }).rows;
    expect(rows).toHaveLength(21);
    const dalarna = rows.find((x) => x.code === "20")!;
    expect(BigInt(dalarna.difference!)).toBe(share(298_000_000n, nov.dalarna, nov.sweden) - share(288_000_000n, nov.dalarna, nov.sweden));
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.difference!).toBeGreaterThanOrEqual(rows[i]!.difference!);
    expect(rows[0]!.code).toBe("01"); // Stockholm, the largest region, gains most
    const skr = await cli(["compare", "--against", file, "--level", "skr", "--format", "csv"]);
    expect(skr.stdout.split("\r\n")[1]).toBe("SKR;SKR;Sveriges Kommuner och Regioner;29000000;19000000;-10000000;-34,48;");
  });

  it("writes csv and xlsx with the comparison and both sides' sources", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-compare-"));
    const csv = join(dir, "c.csv");
    expect((await cli(["compare", "--against-population", "2024-12-31", "--county", "20", "--out", csv])).code).toBe(3);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFFNivå;Kod;Mottagare;Före (2025, befolkning 2024-11-01);Efter (2025, befolkning 2024-12-31);Skillnad;Skillnad %;Anmärkning\r\n")).toBe(true);
    expect(text).toContain(`region;20;Region Dalarna;${regionNov};${regionDec};${regionDec - regionNov};`);
    expect(text).toContain("kommun;2080;Falun;1309672;;;;efter: pott 2 saknas");

    const r = await cliBytes(["compare", "--against-population", "2024-12-31", "--county", "20", "--level", "region", "--format", "xlsx"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.stdout as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Regioner", "Källor"]);
    const ws = wb.getWorksheet("Regioner")!;
    expect((ws.getRow(2).values as unknown[]).slice(1, 6)).toEqual(["20", "Region Dalarna", Number(regionNov), Number(regionDec), Number(regionDec - regionNov)]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:G2");
    const sources: string[] = [];
    wb.getWorksheet("Källor")!.eachRow((row) => sources.push((row.values as unknown[]).slice(1).join(" | ")));
    expect(sources).toContain("Befolkningens referensdatum | 2024-12-31");
    expect(sources.join("\n")).toMatch(/Befolkningskälla \| SCB, Folkmängd 31 december 2024/);
  });

  it("reads one side from standard input", async () => {
    const input = readFileSync(join(ROOT, "data/population/2024-12-31_total.csv"));
    const r = await cli(["compare", "--population", "2024-11-01", "--against-population", "-", "--level", "region", "--county", "20", "--format", "csv"], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`region;20;Region Dalarna;${regionNov};${regionDec};`);
  });

  it("needs something to compare against, and has help with an example", async () => {
    const r = await cli(["compare"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("stimulansmedel: compare behöver --against eller --against-population (se stimulansmedel compare --help)\n");
    const both = await cli(["compare", "--against", "2024", "--against-population", "2024-12-31"]);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe("stimulansmedel: --against och --against-population kan inte användas tillsammans (se stimulansmedel compare --help)\n");
    expect((await cli(["compare", "--against-population", "1999-01-01"])).code).toBe(2);
    expect((await cli(["compare", "--against", "2025", "--pot", "7"])).code).toBe(1);
    expect((await cli(["compare", "--help"])).stdout).toMatch(/Exempel:\n  stimulansmedel compare/);
  });
});
