/**
 * Reading a published table from disk or standard input (Node only): an xlsx workbook as rows of
 * cells (by the project's own reader), anything else as text (UTF-8 or Windows-1252).
 */
import { errorOf, issue } from "../errors.js";
import { decodeText } from "../io/decode.js";
import type { TableSource } from "../report/verify.js";
import { readWorkbookTable } from "../xlsx/read.js";
import { readBytes } from "./files.js";
import { nodeInflateRaw } from "./xlsx.js";

/**
 * Reads a table file, or standard input for `-`. A workbook is recognised by its content (a zip
 * archive), so a piped xlsx works too.
 *
 * @throws StimulansmedelError `IO` for a missing or unreadable file; XLSX_… for a damaged workbook.
 * @example
 * ```ts
 * const source = readTableFile("dalarna-2025.xlsx"); // { file: "dalarna-2025.xlsx", rows: [["Kommun", "Belopp"], …] }
 * ```
 */
export function readTableFile(path: string): TableSource {
  const file = path === "-" ? "<stdin>" : path;
  const bytes = readBytes(path, (f) => errorOf([f.missing ? issue("IO", "no-file", { file }, { file }) : issue("IO", "cannot-read", { reason: f.reason }, { file })]));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A TRUE/FALSE cell is text to the table's reader, like any other non-amount.
    return { file, rows: readWorkbookTable(bytes, { inflateRaw: nodeInflateRaw, file }).rows.map((r) => r.map((c) => (typeof c === "boolean" ? String(c).toUpperCase() : c))) };
  }
  return { file, text: decodeText(bytes, file).text };
}
