/**
 * A1-style cell references: column letters and row numbers, within a worksheet's bounds
 * (ECMA-376: 16 384 columns, A to XFD, and 1 048 576 rows).
 */

/** The most columns a worksheet has (A to XFD). */
export const MAX_COLUMNS = 16_384;
/** The most rows a worksheet has. */
export const MAX_ROWS = 1_048_576;

/**
 * A column's letters from its 1-based number: 1 → `A`, 27 → `AA`, 16 384 → `XFD`.
 *
 * @example
 * ```ts
 * columnName(28); // "AB"
 * ```
 */
export function columnName(column: number): string {
  let name = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/**
 * A cell's reference from its 1-based row and column: (2, 3) → `C2`.
 *
 * @example
 * ```ts
 * cellName(23, 6); // "F23"
 * ```
 */
export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

/**
 * A reference's 1-based row and column, or undefined when it is not a reference inside a
 * worksheet's bounds. `$` marks (absolute references) are accepted.
 *
 * @example
 * ```ts
 * parseCellName("AB12"); // { row: 12, column: 28 }
 * parseCellName("XFE1"); // undefined
 * ```
 */
export function parseCellName(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (column > MAX_COLUMNS || row > MAX_ROWS) return undefined;
  return { row, column };
}
