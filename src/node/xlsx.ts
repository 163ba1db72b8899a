/**
 * Reading xlsx tables in Node: the core's reader with `node:zlib` for DEFLATE, bounded so that
 * no part is inflated past the size its archive declares.
 */
import { readFileSync, statSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { raise, StimulansmedelError } from "../errors.js";
import { readWorkbookTable, type ReadWorkbookTableOptions, type WorkbookTable } from "../xlsx/read.js";
import { MAX_UNCOMPRESSED_BYTES } from "../xlsx/zip-read.js";

/** Headers and directory beyond the parts themselves: a stored archive is its parts plus these. */
const ARCHIVE_OVERHEAD = 1024 * 1024;

/**
 * Raw DEFLATE decompression by `node:zlib`, stopping one byte past the declared size (so a part
 * that lies about its size is caught, and a zip bomb cannot fill memory).
 *
 * @example
 * ```ts
 * readWorkbookTable(bytes, { inflateRaw: nodeInflateRaw });
 * ```
 */
export function nodeInflateRaw(data: Uint8Array, expectedSize: number): Uint8Array {
  return inflateRawSync(data, { maxOutputLength: expectedSize + 1 });
}

/**
 * Reads the values of one worksheet of an xlsx file on disk (the first, or `options.sheet`).
 *
 * @throws StimulansmedelError XLSX_INVALID (no such file, not an xlsx file, damaged),
 * XLSX_TOO_LARGE (a file or its parts beyond the limit), XLSX_UNKNOWN_SHEET — each naming the file.
 * @example
 * ```ts
 * const { rows } = readWorkbookTableFile("skr-fordelning-2025.xlsx", { sheet: "Kommuner" });
 * ```
 */
export function readWorkbookTableFile(path: string, options: Omit<ReadWorkbookTableOptions, "inflateRaw" | "file"> = {}): WorkbookTable {
  const where = { file: path };
  // Compressed parts are smaller than unpacked ones: a larger file cannot be within the limit.
  const limit = Math.min(options.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES, MAX_UNCOMPRESSED_BYTES);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > limit + ARCHIVE_OVERHEAD) raise("XLSX_TOO_LARGE", "file", { bytes: size, limit }, where);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof StimulansmedelError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") raise("XLSX_INVALID", "not-found", {}, where);
    if (typeof code === "string" && code.startsWith("E")) raise("XLSX_INVALID", "unreadable", { reason: code }, where);
    throw e;
  }
  return readWorkbookTable(bytes, { ...options, inflateRaw: nodeInflateRaw, file: path });
}
