import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { StimulansmedelError } from "../../src/errors.js";
import { readZip } from "../../src/xlsx/zip-read.js";
import { writeZip, ZIP_EPOCH } from "../../src/xlsx/zip-write.js";
import { centralHeaders } from "./zip-fixtures.js";
import { issueWith } from "../helpers.js";

const enc = new TextEncoder();
const noInflate = () => {
  throw new Error("a stored archive needs no inflating");
};

describe("writeZip", () => {
  it("stores the entries in order with their CRC-32, sizes and the fixed date 2000-01-01", () => {
    const entries = [
      { name: "[Content_Types].xml", data: enc.encode("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", data: enc.encode("<worksheet>å</worksheet>") },
      { name: "empty", data: new Uint8Array(0) },
    ];
    const zip = writeZip(entries);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(ZIP_EPOCH).toEqual({ date: 0x2821, time: 0 }); // 2000-01-01 00:00:00 in DOS form
    const headers = centralHeaders(zip);
    expect(headers).toHaveLength(3);
    headers.forEach((at, i) => {
      const { data, name } = entries[i]!;
      expect(view.getUint16(at + 10, true)).toBe(0); // stored
      expect(view.getUint16(at + 12, true)).toBe(0);
      expect(view.getUint16(at + 14, true)).toBe(0x2821);
      expect(view.getUint32(at + 16, true)).toBe(zlibCrc32(data));
      expect(view.getUint32(at + 20, true)).toBe(data.length);
      expect(view.getUint32(at + 24, true)).toBe(data.length);
      expect(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)))).toBe(name);
      const local = view.getUint32(at + 42, true);
      expect(view.getUint32(local, true)).toBe(0x04034b50);
      expect(view.getUint16(local + 12, true)).toBe(0x2821);
    });
    const back = readZip(zip, { inflateRaw: noInflate });
    expect(back.names).toEqual(entries.map((e) => e.name));
    for (const e of entries) expect(Buffer.from(back.read(e.name)!).equals(Buffer.from(e.data))).toBe(true);
  });

  it("marks a non-ASCII name as UTF-8 and gives identical bytes for identical entries", () => {
    const a = writeZip([{ name: "blad/källor.xml", data: enc.encode("x") }]);
    const b = writeZip([{ name: "blad/källor.xml", data: enc.encode("x") }]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(new DataView(a.buffer).getUint16(6, true) & 0x0800).toBe(0x0800);
    expect(readZip(a, { inflateRaw: noInflate }).names).toEqual(["blad/källor.xml"]);
  });

  it("refuses more entries than a zip without zip64 holds", () => {
    const many = Array.from({ length: 0xffff }, (_, i) => ({ name: String(i), data: new Uint8Array(0) }));
    expect(() => writeZip(many)).toThrowError(expect.objectContaining({ code: "XLSX_TOO_LARGE", kind: "archive" }));
    expect(() => writeZip(many)).toThrowError(issueWith("XLSX_TOO_LARGE"));
  });
});
