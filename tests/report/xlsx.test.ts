import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { compareAllocations } from "../../src/report/compare.js";
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

  it("writes a comparison with empty cells for unknown amounts", async () => {
    const dec = allocate(agreement, loadBundledPopulation("2024-12-31"));
    const wb = await load(await comparisonToXlsx(compareAllocations(selectAllocation(result, { municipality: "2080" }), selectAllocation(dec, { municipality: "2080" }))));
    const row = wb.getWorksheet("Kommuner")!.getRow(2);
    expect(row.getCell(3).value).toBe(1_309_672);
    expect(row.getCell(4).value).toBe(null);
    expect(row.getCell(7).value).toBe("efter: pott 2 saknas");
  });
});
