import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readZip } from "../../src/xlsx/zip-read.js";
import { writeWorkbook, WORKBOOK_CREATOR } from "../../src/xlsx/write.js";
import type { WorkbookDescription } from "../../src/xlsx/workbook.js";

const KR = '#,##0 "kr"';
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const workbook: WorkbookDescription = {
  sheets: [
    {
      name: "Länsgemensamma medel",
      columns: [{ width: 7 }, { width: 28 }, { width: 15, format: KR }, { width: 11, format: "0.00" }, { width: 40 }],
      rows: [
        { cells: ["Kod", "Mottagare", "Pott 4a", "Andel %", "Anmärkning"], bold: true },
        { cells: ["20", "Dalarnas län", 7_569_623n, 2.75, null] },
        { cells: ["21", "Gävleborgs län & <Hälsingland>", null, null, "pott 4a: saknas"] },
        { cells: [null, "Summa", { value: 7_569_623n, bold: true }] },
      ],
      freezeHeader: true,
      autoFilter: { rows: 3, columns: 5 },
    },
    { name: "Källor", columns: [{ width: 30 }, { width: 90 }], rows: [{ cells: ["Totalbelopp", { value: 1_560_000_000n, format: KR }] }, { cells: [] }, { cells: [" Källa ", "SCB; \"Folkmängd\"\r\nrad två"] }] },
  ],
};

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("writeWorkbook", () => {
  it("writes sheets with Swedish names, widths, formats, bold rows, a frozen header and an autofilter", async () => {
    const wb = await load(writeWorkbook(workbook));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Länsgemensamma medel", "Källor"]);
    const ws = wb.getWorksheet("Länsgemensamma medel")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
    expect(ws.autoFilter).toBe("A1:E3");
    expect(ws.columns.map((c) => c.width)).toEqual([7, 28, 15, 11, 40]);
    expect(ws.getRow(1).values).toEqual([undefined, "Kod", "Mottagare", "Pott 4a", "Andel %", "Anmärkning"]);
    expect(ws.getRow(1).getCell(3).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(ws.getCell("C2").value).toBe(7_569_623);
    expect(ws.getCell("C2").numFmt).toBe(KR);
    expect(ws.getCell("D2").value).toBe(2.75);
    expect(ws.getCell("D2").numFmt).toBe("0.00");
    expect(ws.getCell("B3").value).toBe("Gävleborgs län & <Hälsingland>");
    // Empty means empty: no value, and certainly not 0.
    expect(ws.getCell("C3").value).toBe(null);
    expect(ws.getCell("D3").value).toBe(null);
    expect(ws.getCell("E2").value).toBe(null);
    expect(ws.getCell("C4").value).toBe(7_569_623);
    expect(ws.getCell("C4").font?.bold).toBe(true);
    expect(ws.getCell("C4").numFmt).toBe(KR); // the column's format
    const src = wb.getWorksheet("Källor")!;
    expect(src.views[0]?.state).not.toBe("frozen");
    expect(src.autoFilter).toBeUndefined();
    expect(src.getCell("B1").value).toBe(1_560_000_000);
    expect(src.getCell("B1").numFmt).toBe(KR);
    expect(src.getRow(2).cellCount).toBe(0);
    expect(src.getCell("A3").value).toBe(" Källa ");
    expect(src.getCell("B3").value).toBe('SCB; "Folkmängd"\r\nrad två');
    expect([wb.creator, wb.lastModifiedBy, wb.created.toISOString(), wb.modified.toISOString()]).toEqual([WORKBOOK_CREATOR, WORKBOOK_CREATOR, "2000-01-01T00:00:00.000Z", "2000-01-01T00:00:00.000Z"]);
  });

  it("writes the minimal package, with the hidden filter name LibreOffice needs", () => {
    const zip = readZip(writeWorkbook(workbook), { inflateRaw: () => new Uint8Array(0) });
    expect(zip.names).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/core.xml",
      "docProps/app.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    const text = (n: string) => new TextDecoder().decode(zip.read(n));
    expect(text("xl/workbook.xml")).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Länsgemensamma medel'!$A$1:$E$3</definedName>`);
    expect(text("xl/styles.xml")).toContain('<numFmt numFmtId="164" formatCode="#,##0 &quot;kr&quot;"/>');
    expect(text("xl/sharedStrings.xml")).toContain('<si><t xml:space="preserve"> Källa </t></si>');
    expect(text("xl/sharedStrings.xml")).toContain("<si><t>SCB; &quot;Folkmängd&quot;_x000D_\nrad två</t></si>");
    expect(text("xl/worksheets/sheet1.xml")).toContain('<dimension ref="A1:E4"/>');
    // No shared string table when there is no text, and an empty sheet is still a sheet.
    const bare = readZip(writeWorkbook({ sheets: [{ name: "Tal", rows: [{ cells: [1n] }] }, { name: "Tomt", rows: [] }] }), { inflateRaw: () => new Uint8Array(0) });
    expect(bare.has("xl/sharedStrings.xml")).toBe(false);
    expect(new TextDecoder().decode(bare.read("xl/worksheets/sheet2.xml"))).toContain('<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>');
  });

  it("gives the same bytes for the same description, whatever the clock", () => {
    const a = writeWorkbook(workbook);
    const b = writeWorkbook(structuredClone(workbook));
    expect(sha256(a)).toBe(sha256(b));
    const other = writeWorkbook({ sheets: [{ ...workbook.sheets[0]!, rows: workbook.sheets[0]!.rows.slice(0, 2) }, workbook.sheets[1]!] });
    expect(sha256(other)).not.toBe(sha256(a));
  });
});
