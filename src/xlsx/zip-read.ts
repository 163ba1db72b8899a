/**
 * A bounded zip archive reader for xlsx packages. It walks the central directory, adds up the
 * sizes the entries declare and refuses the archive when they exceed a limit, all before a single
 * byte is decompressed; an entry is then decompressed only when asked for, by an injected
 * raw-DEFLATE function (the core has no zlib: Node passes `node:zlib`, a browser its own), and
 * checked against its declared size and CRC-32.
 */
import { raise, type ErrorLocation } from "../errors.js";
import { crc32 } from "./crc32.js";

/**
 * Decompresses raw DEFLATE data (no zlib or gzip header). `expectedSize` is the size the archive
 * declares, so an implementation can stop as soon as the output would pass it.
 */
export type InflateRaw = (data: Uint8Array, expectedSize: number) => Uint8Array;

/** The most a workbook may unpack to, all its parts added up: 50 MiB. A published table is far smaller. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/** An archive's directory, with its entries' contents read on demand. */
export interface ZipArchive {
  /** Entry names as stored, in directory order. */
  readonly names: readonly string[];
  /** Whether an entry exists; names are compared ignoring case, as OPC part names are. */
  has(name: string): boolean;
  /** An entry's bytes (decompressed and checked), or undefined if there is no such entry. */
  read(name: string): Uint8Array | undefined;
}

/** Options of {@link readZip}. */
export interface ReadZipOptions {
  inflateRaw: InflateRaw;
  /** The largest total declared uncompressed size accepted; at most {@link MAX_UNCOMPRESSED_BYTES}. */
  maxUncompressedBytes?: number;
  /** For error locations. */
  file?: string;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Opens a zip archive held in memory.
 *
 * @throws StimulansmedelError XLSX_INVALID for what is not a zip or is damaged, XLSX_TOO_LARGE
 * when the declared sizes exceed the limit.
 * @example
 * ```ts
 * import { inflateRawSync } from "node:zlib";
 * const zip = readZip(bytes, { inflateRaw: (d, n) => inflateRawSync(d, { maxOutputLength: n + 1 }) });
 * const workbook = new TextDecoder().decode(zip.read("xl/workbook.xml"));
 * ```
 */
export function readZip(bytes: Uint8Array, options: ReadZipOptions): ZipArchive {
  const where: ErrorLocation = options.file === undefined ? {} : { file: options.file };
  const limit = Math.min(options.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES, MAX_UNCOMPRESSED_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);

  // The end record is the last 22 bytes, followed by a comment of at most 65 535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === END && at + 22 + u16(at + 20) <= bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) raise("XLSX_INVALID", "not-zip", {}, where);
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) raise("XLSX_INVALID", "zip64", {}, where);
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryOffset = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || count !== u16(end + 8)) raise("XLSX_INVALID", "not-zip", {}, where);
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) raise("XLSX_INVALID", "zip64", {}, where);
  if (directoryOffset + directorySize > end) raise("XLSX_INVALID", "truncated", { part: "(directory)" }, where);

  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let declared = 0;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(at) !== CENTRAL) raise("XLSX_INVALID", "truncated", { part: "(directory)" }, where);
    const nameLength = u16(at + 28);
    if (at + 46 + nameLength > end) raise("XLSX_INVALID", "truncated", { part: "(directory)" }, where);
    const entry: Entry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(at + 8),
      method: u16(at + 10),
      crc: u32(at + 16),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) raise("XLSX_INVALID", "zip64", {}, where);
    declared += entry.size;
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  // Before anything is inflated: a small archive may declare (and a zip bomb may hold) gigabytes.
  if (declared > limit) raise("XLSX_TOO_LARGE", "uncompressed", { declared, limit }, where);

  const byName = new Map<string, Entry>();
  for (const e of entries) if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e);

  function read(name: string): Uint8Array | undefined {
    const e = byName.get(name.toLowerCase().replace(/^\//, ""));
    if (!e) return undefined;
    const part = e.name;
    if (e.flags & 1) raise("XLSX_INVALID", "encrypted", { part }, where);
    const local = e.localOffset;
    if (local + 30 > bytes.length || u32(local) !== LOCAL) raise("XLSX_INVALID", "truncated", { part }, where);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + e.compressedSize > bytes.length) raise("XLSX_INVALID", "truncated", { part }, where);
    const raw = bytes.subarray(start, start + e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        data = options.inflateRaw(raw, e.size);
      } catch (err) {
        raise("XLSX_INVALID", "inflate", { part, reason: err instanceof Error ? err.message : String(err) }, where);
      }
    } else raise("XLSX_INVALID", "method", { part, method: e.method }, where);
    if (data.length !== e.size) raise("XLSX_INVALID", "size", { part, declared: e.size, actual: data.length }, where);
    if (crc32(data) !== e.crc) raise("XLSX_INVALID", "checksum", { part }, where);
    return data;
  }

  return {
    names: entries.map((e) => e.name),
    has: (name) => byName.has(name.toLowerCase().replace(/^\//, "")),
    read,
  };
}
