/**
 * Zip archives built by hand for the reader's tests, with DEFLATE entries as Excel writes them
 * (node:zlib compresses; the headers are laid out here), and byte surgery on archives.
 */
import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";

export interface FixtureEntry {
  name: string;
  data: Uint8Array | string;
  /** 0 stored, 8 deflate (the default). */
  method?: number;
}

/** A zip archive of the entries, compressed with raw DEFLATE unless an entry says otherwise. */
export function deflatedZip(entries: readonly FixtureEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? enc.encode(e.data) : e.data;
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : Buffer.from(data);
    const name = Buffer.from(e.name, "utf8");
    const crc = zlibCrc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The offsets of every central directory header of an archive. */
export function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  const out: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    out.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** A minimal workbook's parts around one sheet's XML (and optionally a shared string table). */
export function workbookParts(sheetXml: string, options: { sharedStrings?: string; sheets?: string[] } = {}): FixtureEntry[] {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const sheets = options.sheets ?? ["Blad1"];
  const rels = [
    ...sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    options.sharedStrings === undefined ? "" : `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="/xl/sharedStrings.xml"/>`,
  ].join("");
  return [
    { name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${sheets.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...sheets.map((_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: i === 0 ? sheetXml : `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>${i + 1}</v></c></row></sheetData></worksheet>` })),
    ...(options.sharedStrings === undefined ? [] : [{ name: "xl/sharedStrings.xml", data: options.sharedStrings }]),
  ];
}
