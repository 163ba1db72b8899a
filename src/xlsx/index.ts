/**
 * xlsx files without a spreadsheet library: a writer for reports (exact numbers, the same bytes
 * on every run) and a bounded reader for published tables. Pure: runs in a browser too.
 */
export * from "./workbook.js";
export * from "./write.js";
export * from "./check.js";
export * from "./read.js";
export { MAX_UNCOMPRESSED_BYTES, type InflateRaw } from "./zip-read.js";
export { MAX_SHEET_NAME_LENGTH } from "./sheet-name.js";
export { MAX_COLUMNS, MAX_ROWS } from "./cell-ref.js";
