import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { compareAllocations } from "../../src/report/compare.js";
import { RESIDUE_NOTE } from "../../src/report/table.js";
import { ROUNDING_TEXT } from "../../src/sv/words.js";
import { allocationToXlsx, comparisonToXlsx, KRONOR_FORMAT } from "../../src/report/xlsx.js";

const agreement = loadBundledAgreement("2025");
const result = allocate(agreement, loadBundledPopulation("2024-11-01"));

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("xlsx reports", () => {
  it("puts each level on its own sheet, SKR included, and is identical from run to run", async () => {
    const a = await allocationToXlsx(selectAllocation(result, { pots: ["4b", "5"] }));
    const b = await allocationToXlsx(selectAllocation(result, { pots: ["4b", "5"] }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const wb = await load(a);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Regioner", "SKR", "Källor"]);
    const regions = wb.getWorksheet("Regioner")!;
    expect(regions.rowCount).toBe(1 + 21 + 1);
    expect(regions.getRow(23).getCell(3).value).toBe(288_000_000); // the 4b column sums to the pot
    expect(regions.getRow(2).getCell(3).numFmt).toBe(KRONOR_FORMAT);
    expect((wb.getWorksheet("SKR")!.getRow(2).values as unknown[]).slice(1, 4)).toEqual(["SKR", "Sveriges Kommuner och Regioner", 29_000_000]);
  });

  it("names the rounding, explains the residue and groups what is missing on the Källor sheet", async () => {
    const wb = await load(await allocationToXlsx(selectAllocation(result, { county: "03" })));
    const rows: unknown[][] = [];
    wb.getWorksheet("Källor")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const value = (k: string) => rows.find((r) => r[0] === k)?.[1];
    expect(value("Avrundning")).toBe(ROUNDING_TEXT["nearest-per-recipient"]);
    expect(rows.some((r) => r[1] === RESIDUE_NOTE)).toBe(true);
    // Uppsala county: its eight municipalities have no bundled 0–18 counts, so pot 2 is missing for each.
    expect(value("Saknas")).toBe("8 belopp kunde inte beräknas; inget av dem är noll");
    expect(value("pott 2: kommunens folkmängd 0–18 år saknas i befolkningsdata")).toBe("8 mottagare");
    expect(value("Alla belopp i urvalet beräknade")).toBe("nej: 8 belopp saknas, se bladet Saknas");
    // Every missing amount is listed by name on its own sheet, with how to fill it.
    const missing = wb.getWorksheet("Saknas")!;
    expect(missing.rowCount).toBe(1 + 8);
    expect((missing.getRow(2).values as unknown[]).slice(1, 5)).toEqual(["Kommuner", "0305", "Håbo", "2"]);
    expect(String(missing.getRow(2).getCell(6).value)).toMatch(/stimulansmedel population fetch --agreement 2025/);
    // Unknown amounts are empty cells, their sums too; the sum row says how many are unknown.
    const municipalities = wb.getWorksheet("Kommuner")!;
    expect(municipalities.getRow(2).getCell(3).value).toBe(null);
    expect(municipalities.getRow(10).getCell(2).value).toBe("Summa (kända belopp)");
    expect(municipalities.getRow(10).getCell(5).value).toBe("8 belopp saknas och ingår inte i summorna");
    const falun = await load(await allocationToXlsx(selectAllocation(result, { municipality: "2080" })));
    const names: unknown[] = [];
    falun.getWorksheet("Källor")!.eachRow((r) => names.push(r.getCell(1).value));
    expect(names).not.toContain("Saknas");
  });

  it("refuses an amount a spreadsheet number cannot hold exactly, instead of rounding it", async () => {
    const a = selectAllocation(result, { municipality: "2080" });
    const huge = { ...a, lines: a.lines.map((l) => ({ ...l, amount: 2n ** 53n + 1n })) };
    await expect(allocationToXlsx(huge)).rejects.toThrowError(expect.objectContaining({ code: "OUTPUT_TOO_LARGE" }));
  });

  it("writes a comparison with empty cells for unknown amounts", async () => {
    const dec = allocate(agreement, loadBundledPopulation("2024-12-31"));
    const wb = await load(await comparisonToXlsx(compareAllocations(selectAllocation(result, { municipality: "2080" }), selectAllocation(dec, { municipality: "2080" }))));
    const row = wb.getWorksheet("Kommuner")!.getRow(2);
    expect(row.getCell(3).value).toBe(1_309_672);
    expect(row.getCell(4).value).toBe(null);
    expect(row.getCell(7).value).toBe("efter: pott 2 saknas");
  });
});
