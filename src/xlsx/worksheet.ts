/**
 * One worksheet part (xl/worksheets/sheetN.xml), its elements in the order the schema requires
 * (ECMA-376 Part 1, 18.3.1.99): dimension, sheetViews, sheetFormatPr, cols, sheetData,
 * autoFilter, pageMargins.
 */
import { cellName } from "./cell-ref.js";
import type { SharedStrings } from "./shared-strings.js";
import type { StyleTable } from "./styles.js";
import { isFormattedCell, type SheetDescription } from "./workbook.js";

/**
 * The autofilter's range of a sheet, or undefined when it has none.
 *
 * @example
 * ```ts
 * autoFilterRange({ name: "Regioner", rows: [], autoFilter: { rows: 22, columns: 6 } }); // "A1:F22"
 * ```
 */
export function autoFilterRange(sheet: SheetDescription): string | undefined {
  const f = sheet.autoFilter;
  return f ? `A1:${cellName(f.rows, f.columns)}` : undefined;
}

/** A number as the text of a cell's value: exact digits for a bigint, the shortest round trip for a double. */
function numberText(v: number | bigint): string {
  if (typeof v === "bigint") return v.toString();
  return Object.is(v, -0) ? "0" : String(v);
}

/**
 * The XML of one checked worksheet; its texts go to the shared strings, its looks to the styles.
 *
 * @example
 * ```ts
 * const xml = worksheetXml({ name: "SKR", rows: [{ cells: ["SKR", 29_000_000n] }] }, true, new SharedStrings(), new StyleTable());
 * ```
 */
export function worksheetXml(sheet: SheetDescription, selected: boolean, strings: SharedStrings, styles: StyleTable): string {
  const columns = sheet.columns ?? [];
  const columnFormat = columns.map((c) => c.format);
  const data: string[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  sheet.rows.forEach((row, r) => {
    const rowNumber = r + 1;
    const cells: string[] = [];
    row.cells.forEach((cell, c) => {
      const own = isFormattedCell(cell) ? cell : undefined;
      const value = isFormattedCell(cell) ? cell.value : cell;
      const bold = own?.bold ?? row.bold;
      const ref = cellName(rowNumber, c + 1);
      if (value === null) {
        // An empty cell is written only when it has a look of its own; it never holds a value.
        if (own?.format !== undefined || own?.bold) cells.push(`<c r="${ref}" s="${styles.indexOf({ format: own.format, bold })}"/>`);
        return;
      }
      lastColumn = Math.max(lastColumn, c + 1);
      if (typeof value === "string") {
        const s = styles.indexOf({ format: own?.format, bold });
        cells.push(`<c r="${ref}"${s ? ` s="${s}"` : ""} t="s"><v>${strings.indexOf(value)}</v></c>`);
      } else {
        const s = styles.indexOf({ format: own?.format ?? columnFormat[c], bold });
        cells.push(`<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${numberText(value)}</v></c>`);
      }
    });
    if (cells.length === 0 && !row.bold) return;
    lastRow = rowNumber;
    const rowStyle = row.bold ? ` s="${styles.indexOf({ bold: true })}" customFormat="1"` : "";
    data.push(`<row r="${rowNumber}"${rowStyle}>${cells.join("")}</row>`);
  });

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="${lastRow > 0 && lastColumn > 0 ? `A1:${cellName(lastRow, lastColumn)}` : "A1"}"/>`,
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">`,
    sheet.freezeHeader ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : "",
    "</sheetView></sheetViews>",
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  const cols: string[] = [];
  columns.forEach((c, i) => {
    const width = c.width === undefined ? "" : ` width="${c.width}" customWidth="1"`;
    // The column's format also applies to what a user types into it later.
    const style = c.format === undefined ? "" : ` style="${styles.indexOf({ format: c.format })}"`;
    if (width || style) cols.push(`<col min="${i + 1}" max="${i + 1}"${width}${style}/>`);
  });
  if (cols.length > 0) out.push(`<cols>${cols.join("")}</cols>`);
  out.push(data.length > 0 ? `<sheetData>${data.join("")}</sheetData>` : "<sheetData/>");
  const filter = autoFilterRange(sheet);
  if (filter) out.push(`<autoFilter ref="${filter}"/>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return out.join("");
}

