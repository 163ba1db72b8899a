import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { compareAllocations } from "../../src/report/compare.js";
import { RESIDUE_NOTE } from "../../src/report/table.js";
import { ROUNDING_TEXT } from "../../src/sv/words.js";
import { renderIssue, StimulansmedelError } from "../../src/errors.js";
import { allocationToXlsx, comparisonToXlsx, KRONOR_FORMAT, PERCENT_FORMAT } from "../../src/report/xlsx.js";

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
    const huge = { ...a, lines: a.lines.map((l) => ({ ...l, amount: 10n ** 15n })) };
    const e = await allocationToXlsx(huge).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(StimulansmedelError);
    const issue = (e as StimulansmedelError).issue;
    expect(issue).toMatchObject({ code: "OUTPUT_TOO_LARGE", kind: "spreadsheet", path: "Kommuner!C2" });
    expect(renderIssue(issue, "sv")).toBe("Kommuner!C2: beloppet 1 000 000 000 000 000 kr är för stort för ett kalkylblad (högst 15 siffror); skriv JSON eller CSV");
    // 15 digits are exact.
    const wb = await load(await allocationToXlsx({ ...a, lines: a.lines.map((l) => ({ ...l, amount: 999_999_999_999_999n })) }));
    expect(wb.getWorksheet("Kommuner")!.getCell("C2").value).toBe(999_999_999_999_999);
  });

  it("writes the same bytes for the same allocation, on every run (sha256)", async () => {
    const sha = async () => createHash("sha256").update(await allocationToXlsx(result)).digest("hex");
    const first = await sha();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await sha()).toBe(first);
    expect(createHash("sha256").update(await allocationToXlsx(selectAllocation(result, { county: "20" }))).digest("hex")).not.toBe(first);
  });

  it("makes the header bold, sets the widths and keeps the header and filter on every level sheet", async () => {
    const wb = await load(await allocationToXlsx(result));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Regioner", "Länsgemensamma medel", "Kommuner", "SKR", "Saknas", "Källor"]);
    for (const ws of wb.worksheets.slice(0, 4)) {
      expect(ws.views[0], ws.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.getRow(ws.rowCount).getCell(2).font?.bold, ws.name).toBe(true); // the totals row
      expect(ws.getRow(2).getCell(2).font?.bold, ws.name).toBeFalsy();
    }
    const kommuner = wb.getWorksheet("Kommuner")!;
    expect(kommuner.autoFilter).toBe("A1:E291");
    expect(kommuner.columns.map((c) => c.width)).toEqual([7, 28, 15, 16, 40]);
    expect(kommuner.getCell("C2").value).toBe(null); // Upplands Väsby's pot 2 is missing: empty, not 0
    expect(kommuner.getCell("E2").value).toBe("pott 2: saknas – kommunens folkmängd 0–18 år saknas i befolkningsdata");
    expect(kommuner.getCell("E292").value).toBe("275 belopp saknas och ingår inte i summorna");
    expect(kommuner.getCell("B292").value).toBe("Summa (kända belopp)");
    const src = wb.getWorksheet("Källor")!;
    expect(src.columns.slice(0, 2).map((c) => c.width)).toEqual([30, 90]);
    expect(src.getCell("A1").font?.bold).toBe(true);
    expect(src.getCell("B5").value).toBe(1_560_000_000);
    expect(src.getCell("B5").numFmt).toBe(KRONOR_FORMAT);
  });

  it("writes a comparison with empty cells for unknown amounts", async () => {
    const dec = allocate(agreement, loadBundledPopulation("2024-12-31"));
    const wb = await load(await comparisonToXlsx(compareAllocations(selectAllocation(result, { municipality: "2080" }), selectAllocation(dec, { municipality: "2080" }))));
    const row = wb.getWorksheet("Kommuner")!.getRow(2);
    expect(row.getCell(3).value).toBe(1_309_672);
    expect(row.getCell(4).value).toBe(null);
    expect(row.getCell(7).value).toBe("efter: pott 2 saknas");
  });

  it("writes the change in percent as a number with two decimals, 1 000 % and more too", async () => {
    const a = selectAllocation(result, { level: "skr" });
    const tenfold = { ...a, lines: a.lines.map((l) => ({ ...l, amount: l.amount * 12n + 34_567n })) };
    const wb = await load(await comparisonToXlsx(compareAllocations(a, tenfold)));
    const ws = wb.getWorksheet("SKR")!;
    // (29 000 000 × 12 + 34 567 − 29 000 000) / 29 000 000 = 1 100,12 % (1 100,119…)
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(["SKR", "Sveriges Kommuner och Regioner", 29_000_000, 348_034_567, 319_034_567, 1100.12]);
    expect(ws.getCell("F2").numFmt).toBe(PERCENT_FORMAT);
    expect(ws.getCell("E2").numFmt).toBe(KRONOR_FORMAT);
    expect(ws.autoFilter).toBe("A1:G2");
  });
});
