import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderIssue, StimulansmedelError } from "../../src/errors.js";
import { checkWorkbook, MAX_EXACT_INTEGER } from "../../src/xlsx/check.js";
import { writeWorkbook } from "../../src/xlsx/write.js";
import type { WorkbookCell } from "../../src/xlsx/workbook.js";

const one = (cells: WorkbookCell[]) => ({ sheets: [{ name: "Regioner", rows: [{ cells: ["Kod"] }, { cells }] }] });

function refusal(fn: () => unknown): StimulansmedelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StimulansmedelError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("checkWorkbook: what Excel can hold exactly", () => {
  it("keeps every whole number of up to 15 digits exact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(writeWorkbook(one([MAX_EXACT_INTEGER, -MAX_EXACT_INTEGER, 999_999_999_999_999, 2n ** 49n + 1n])) as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual([999_999_999_999_999, -999_999_999_999_999, 999_999_999_999_999, 2 ** 49 + 1]);
  });

  it("refuses an amount of 10^15 or more, or a number Excel would round, with a typed error", () => {
    const e = refusal(() => writeWorkbook(one(["20", 1_000_000_000_000_000n])));
    expect(e).toMatchObject({ code: "OUTPUT_TOO_LARGE", kind: "spreadsheet", path: "Regioner!B2", value: "1000000000000000" });
    expect(e.describe()).toBe("Regioner!B2: amount 1000000000000000 is too large for a spreadsheet, which keeps 15 significant digits; write JSON or CSV [OUTPUT_TOO_LARGE]");
    expect(renderIssue(e.issue, "sv")).toBe("Regioner!B2: beloppet 1 000 000 000 000 000 kr är för stort för ett kalkylblad (högst 15 siffror); skriv JSON eller CSV");
    for (const v of [-(10n ** 15n), 2n ** 53n + 1n, 1e15, -1e15, 2 ** 53 + 2, 1e300]) expect(refusal(() => checkWorkbook(one([v]))).code, String(v)).toBe("OUTPUT_TOO_LARGE");
    expect(refusal(() => checkWorkbook(one([1e15 + 0.5]))).issue.params).toEqual({ amount: "1000000000000000.5", cell: "Regioner!A2" });
    for (const v of [NaN, Infinity, -Infinity]) expect(refusal(() => checkWorkbook(one([{ value: v, format: "0" }]))).kind).toBe("not-finite");
  });

  it("refuses before anything is written, whichever sheet holds the number", () => {
    const ok = { name: "Regioner", rows: [{ cells: [1n] }] };
    const bad = { name: "Kommuner", rows: Array.from({ length: 300 }, (_, i) => ({ cells: ["kod", i === 299 ? 10n ** 16n : 1n] })) };
    expect(refusal(() => writeWorkbook({ sheets: [ok, bad] })).path).toBe("Kommuner!B300");
  });

  it("refuses what a worksheet cannot hold and descriptions that break the format's rules", () => {
    const kinds = (w: Parameters<typeof checkWorkbook>[0]) => refusal(() => checkWorkbook(w)).kind;
    expect(kinds({ sheets: [] })).toBe("no-sheets");
    expect(kinds({ sheets: [{ name: "Källor", rows: [] }, { name: "källor", rows: [] }] })).toBe("sheet-name-duplicate");
    expect(kinds(one(["x".repeat(32_768)]))).toBe("text");
    expect(kinds({ sheets: [{ name: "A", rows: [{ cells: Array(16_385).fill(null) }] }] })).toBe("columns");
    expect(kinds({ sheets: [{ name: "A", columns: [{ width: 256 }], rows: [] }] })).toBe("column-width");
    expect(kinds({ sheets: [{ name: "A", rows: [], autoFilter: { rows: 0, columns: 3 } }] })).toBe("auto-filter");
    expect(refusal(() => writeWorkbook(one([{ value: 1, format: "" }]))).kind).toBe("number-format");
    expect(() => checkWorkbook(one(["x".repeat(32_767), 1.5, null, -0]))).not.toThrow();
  });
});
