/**
 * Fixed timestamps inside a zip archive (an xlsx file is one). exceljs's zip writer stamps every
 * entry with the current time, to the second, so two workbooks written a second apart differ in
 * their bytes though their contents are the same; a report must be identical on every run.
 *
 * Only the DOS time and date fields of the local and central headers are set. They are not
 * covered by the entries' CRCs, so the archive stays valid.
 */

/** 1 January 2000, 00:00:00, as the DOS date and time of a zip header. */
export const ZIP_EPOCH = { date: ((2000 - 1980) << 9) | (1 << 5) | 1, time: 0 } as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Sets every entry's modification time in a zip archive to 1 January 2000, in place, and returns
 * the same bytes. An archive it cannot walk (not a zip, zip64, a spanned archive) is returned
 * unchanged.
 *
 * @example
 * ```ts
 * const bytes = withFixedZipTimes(new Uint8Array(await workbook.xlsx.writeBuffer()));
 * ```
 */
export function withFixedZipTimes(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 65 535.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return bytes;
  const entries = view.getUint16(eocd + 10, true);
  // Walk the whole directory first, so that an archive it cannot walk is left as it was.
  const headers: number[] = []; // offsets of the time fields to set
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return bytes;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > bytes.length || u32(local) !== LOCAL) return bytes;
    headers.push(at + 12, local + 10);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // Time and date are adjacent in both headers.
  for (const h of headers) {
    view.setUint16(h, ZIP_EPOCH.time, true);
    view.setUint16(h + 2, ZIP_EPOCH.date, true);
  }
  return bytes;
}
