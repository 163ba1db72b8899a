/**
 * The plain description of a workbook that {@link writeWorkbook} writes: sheets of rows of cells,
 * with column widths, number formats, bold rows, a frozen header and an autofilter. Nothing but
 * data, so a report builds it without knowing anything of the file format.
 *
 * @module
 */

/** A cell's value: text, a number, an exact whole number (bigint, for kronor), or empty (null). */
export type WorkbookCellValue = string | number | bigint | null;

/** A value with its own look: an Excel number format code such as `#,##0 "kr"`, or bold. */
export interface FormattedCell {
  readonly value: WorkbookCellValue;
  readonly format?: string;
  readonly bold?: boolean;
}

/** One cell: a bare value or a formatted one. */
export type WorkbookCell = WorkbookCellValue | FormattedCell;

/** One row, from column A; `bold` makes every cell of it bold. An empty `cells` is an empty row. */
export interface SheetRow {
  readonly cells: readonly WorkbookCell[];
  readonly bold?: boolean;
}

/** One column: its width in characters, and the number format of its numbers (unless a cell has its own). */
export interface SheetColumn {
  readonly width?: number;
  readonly format?: string;
}

/** One worksheet. */
export interface SheetDescription {
  /** 1 to 31 characters, none of `[ ] : * ? / \`; unique in the workbook regardless of case. */
  readonly name: string;
  /** Columns from A; fewer than the cells is fine. */
  readonly columns?: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
  /** Keep the first row in view when scrolling. */
  readonly freezeHeader?: boolean;
  /** Filter buttons on the range from A1 over this many rows (the header included) and columns. */
  readonly autoFilter?: { readonly rows: number; readonly columns: number };
}

/** A workbook: at least one sheet, in tab order. */
export interface WorkbookDescription {
  readonly sheets: readonly SheetDescription[];
}

/**
 * Whether a cell is a {@link FormattedCell} rather than a bare value.
 *
 * @example
 * ```ts
 * isFormattedCell({ value: 5n, format: "0" }); // true
 * isFormattedCell(5n); // false
 * ```
 */
export function isFormattedCell(cell: WorkbookCell): cell is FormattedCell {
  return cell !== null && typeof cell === "object";
}
