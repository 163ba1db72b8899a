/**
 * A zip archive writer for xlsx packages: entries STORED (no compression), so the bytes depend on
 * nothing but the content: no deflate implementation or level, no clock (every entry is dated
 * 1 January 2000, 00:00), no host system. The same entries always give the same archive.
 */
import { raise } from "../errors.js";
import { crc32 } from "./crc32.js";

/** One file in an archive: its path inside it (forward slashes, no leading slash) and its bytes. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** 1 January 2000, 00:00:00, as the DOS date and time fields of a zip header. */
export const ZIP_EPOCH = { date: ((2000 - 1980) << 9) | (1 << 5) | 1, time: 0 } as const;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Bit 11 of the general-purpose flags: the entry's name is UTF-8. */
const UTF8_NAME = 0x0800;
/** Zip 2.0 made on MS-DOS: what every reader accepts for plain stored entries. */
const VERSION = 20;

/**
 * Writes entries, in the order given, as one zip archive. Refuses (XLSX_TOO_LARGE) what a zip
 * without zip64 cannot hold: 4 GiB, 65 535 entries.
 *
 * @example
 * ```ts
 * const zip = writeZip([{ name: "hello.txt", data: new TextEncoder().encode("hej") }]);
 * ```
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const flags = entries.map((e) => (/^[\x20-\x7e]*$/.test(e.name) ? 0 : UTF8_NAME));
  let localSize = 0;
  let centralSize = 0;
  for (let i = 0; i < entries.length; i++) {
    localSize += 30 + names[i]!.length + entries[i]!.data.length;
    centralSize += 46 + names[i]!.length;
  }
  const total = localSize + centralSize + 22;
  if (entries.length > 0xfffe || total > 0xfffffffe) raise("XLSX_TOO_LARGE", "archive", { bytes: total, entries: entries.length });

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const crcs: number[] = [];
  let at = 0;
  for (let i = 0; i < entries.length; i++) {
    const { data } = entries[i]!;
    const nameBytes = names[i]!;
    const crc = crc32(data);
    offsets.push(at);
    crcs.push(crc);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, flags[i]!, true);
    view.setUint16(at + 8, 0, true); // stored
    view.setUint16(at + 10, ZIP_EPOCH.time, true);
    view.setUint16(at + 12, ZIP_EPOCH.date, true);
    view.setUint32(at + 14, crc, true);
    view.setUint32(at + 18, data.length, true);
    view.setUint32(at + 22, data.length, true);
    view.setUint16(at + 26, nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(nameBytes, at + 30);
    out.set(data, at + 30 + nameBytes.length);
    at += 30 + nameBytes.length + data.length;
  }
  const centralStart = at;
  for (let i = 0; i < entries.length; i++) {
    const { data } = entries[i]!;
    const nameBytes = names[i]!;
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, VERSION, true); // made by: MS-DOS, 2.0
    view.setUint16(at + 6, VERSION, true);
    view.setUint16(at + 8, flags[i]!, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, ZIP_EPOCH.time, true);
    view.setUint16(at + 14, ZIP_EPOCH.date, true);
    view.setUint32(at + 16, crcs[i]!, true);
    view.setUint32(at + 20, data.length, true);
    view.setUint32(at + 24, data.length, true);
    view.setUint16(at + 28, nameBytes.length, true);
    // extra length, comment length, disk number, internal and external attributes stay 0
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(nameBytes, at + 46);
    at += 46 + nameBytes.length;
  }
  view.setUint32(at, END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
