/**
 * Checks a workbook description against what Excel can hold, before a byte is written: sheet
 * names, sheet sizes, text lengths, widths, autofilter ranges, and numbers. A number must stand in
 * the cell exactly as given: Excel keeps 15 significant digits, so a number of 10^15 or more (a
 * bigint or not) is refused (OUTPUT_TOO_LARGE) rather than silently rounded.
 */
import { raise } from "../errors.js";
import { cellName, columnName, MAX_COLUMNS, MAX_ROWS } from "./cell-ref.js";
import { checkSheetName } from "./sheet-name.js";
import { isFormattedCell, type WorkbookCellValue, type WorkbookDescription } from "./workbook.js";

/** The largest magnitude a whole number may have in a cell: 15 digits, 999 999 999 999 999. */
export const MAX_EXACT_INTEGER = 999_999_999_999_999n;

/** The most characters a cell's text may have. */
export const MAX_CELL_TEXT = 32_767;

function checkValue(value: WorkbookCellValue, sheet: string, row: number, column: number): void {
  if (value === null) return;
  const cell = () => `${sheet}!${cellName(row, column)}`;
  if (typeof value === "bigint") {
    if (value > MAX_EXACT_INTEGER || value < -MAX_EXACT_INTEGER) raise("OUTPUT_TOO_LARGE", "spreadsheet", { amount: value.toString(), cell: cell() }, { path: cell(), value: value.toString() });
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) raise("XLSX_BAD_WORKBOOK", "not-finite", { cell: cell(), value: String(value) }, { path: cell(), value: String(value) });
    if (Math.abs(value) > Number(MAX_EXACT_INTEGER)) {
      const amount = Number.isInteger(value) ? BigInt(value).toString() : String(value);
      raise("OUTPUT_TOO_LARGE", "spreadsheet", { amount, cell: cell() }, { path: cell(), value: amount });
    }
  } else if (value.length > MAX_CELL_TEXT) {
    raise("XLSX_TOO_LARGE", "text", { cell: cell(), length: value.length }, { path: cell() });
  }
}

/**
 * Throws the first problem that would keep a description from being a valid, exact workbook.
 *
 * @throws StimulansmedelError OUTPUT_TOO_LARGE, XLSX_TOO_LARGE or XLSX_BAD_WORKBOOK.
 * @example
 * ```ts
 * checkWorkbook({ sheets: [{ name: "Regioner", rows: [{ cells: [10n ** 15n] }] }] }); // throws OUTPUT_TOO_LARGE
 * ```
 */
export function checkWorkbook(workbook: WorkbookDescription): void {
  if (workbook.sheets.length === 0) raise("XLSX_BAD_WORKBOOK", "no-sheets", {});
  const names: string[] = [];
  for (const sheet of workbook.sheets) {
    checkSheetName(sheet.name, names);
    names.push(sheet.name);
    if (sheet.rows.length > MAX_ROWS) raise("XLSX_TOO_LARGE", "rows", { sheet: sheet.name, rows: sheet.rows.length });
    let columns = sheet.columns?.length ?? 0;
    for (const row of sheet.rows) columns = Math.max(columns, row.cells.length);
    if (columns > MAX_COLUMNS) raise("XLSX_TOO_LARGE", "columns", { sheet: sheet.name, columns });
    sheet.columns?.forEach((c, i) => {
      if (c.width !== undefined && !(c.width >= 0 && c.width <= 255)) raise("XLSX_BAD_WORKBOOK", "column-width", { sheet: sheet.name, column: columnName(i + 1), width: String(c.width) });
    });
    const filter = sheet.autoFilter;
    if (filter && !(Number.isInteger(filter.rows) && Number.isInteger(filter.columns) && filter.rows >= 1 && filter.columns >= 1 && filter.rows <= MAX_ROWS && filter.columns <= MAX_COLUMNS)) {
      raise("XLSX_BAD_WORKBOOK", "auto-filter", { sheet: sheet.name, rows: filter.rows, columns: filter.columns });
    }
    sheet.rows.forEach((row, r) => {
      row.cells.forEach((cell, c) => checkValue(isFormattedCell(cell) ? cell.value : cell, sheet.name, r + 1, c + 1));
    });
  }
}
