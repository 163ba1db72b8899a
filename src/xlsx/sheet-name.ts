/**
 * Excel's rules for worksheet names: 1 to 31 characters, none of `[ ] : * ? / \`, no apostrophe
 * first or last, not "History" (Excel reserves it), and unique regardless of case.
 */
import { raise } from "../errors.js";

/** The longest sheet name Excel accepts. */
export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * Checks one sheet name, and that it is not one of the names already taken (ignoring case).
 *
 * @throws StimulansmedelError XLSX_BAD_WORKBOOK naming the rule broken.
 * @example
 * ```ts
 * checkSheetName("Länsgemensamma medel", []); // fine
 * checkSheetName("Pott 3a/3b", []); // throws: "/" is not allowed
 * ```
 */
export function checkSheetName(name: string, taken: readonly string[]): void {
  const where = { value: name };
  if (name.length === 0) raise("XLSX_BAD_WORKBOOK", "sheet-name-empty", {}, where);
  if (name.length > MAX_SHEET_NAME_LENGTH) raise("XLSX_BAD_WORKBOOK", "sheet-name-length", { sheet: name, length: name.length }, where);
  const bad = /[[\]:*?/\\]/.exec(name);
  if (bad) raise("XLSX_BAD_WORKBOOK", "sheet-name-character", { sheet: name, character: bad[0] }, where);
  if (name.startsWith("'") || name.endsWith("'")) raise("XLSX_BAD_WORKBOOK", "sheet-name-apostrophe", { sheet: name }, where);
  if (name.toLowerCase() === "history") raise("XLSX_BAD_WORKBOOK", "sheet-name-reserved", { sheet: name }, where);
  const lower = name.toLocaleLowerCase("sv");
  if (taken.some((t) => t.toLocaleLowerCase("sv") === lower)) raise("XLSX_BAD_WORKBOOK", "sheet-name-duplicate", { sheet: name }, where);
}

/**
 * A sheet name as it stands in a formula or defined name: in apostrophes, an apostrophe doubled.
 *
 * @example
 * ```ts
 * quoteSheetName("Kommuner"); // "'Kommuner'"
 * quoteSheetName("O'Neil"); // "'O''Neil'"
 * ```
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
