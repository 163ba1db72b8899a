import { describe, expect, it, vi } from "vitest";
import { renderIssue, StimulansmedelError } from "../../src/errors.js";
import { nodeInflateRaw } from "../../src/node/xlsx.js";
import { MAX_UNCOMPRESSED_BYTES, readZip } from "../../src/xlsx/zip-read.js";
import { writeZip } from "../../src/xlsx/zip-write.js";
import { centralHeaders, deflatedZip } from "./zip-fixtures.js";

const text = "<sheetData>" + "<row><c><v>1309672</v></c></row>".repeat(200) + "</sheetData>";

function refusal(fn: () => unknown): StimulansmedelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StimulansmedelError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("readZip", () => {
  it("inflates DEFLATE entries through the injected function, checking size and CRC", () => {
    const zip = deflatedZip([{ name: "xl/worksheets/sheet1.xml", data: text }, { name: "stored.txt", data: "hej", method: 0 }]);
    const inflate = vi.fn(nodeInflateRaw);
    const archive = readZip(zip, { inflateRaw: inflate });
    expect(inflate).not.toHaveBeenCalled(); // nothing is inflated until asked for
    expect(archive.has("XL/Worksheets/Sheet1.xml")).toBe(true); // part names ignore case
    expect(new TextDecoder().decode(archive.read("/xl/worksheets/sheet1.xml"))).toBe(text);
    expect(inflate).toHaveBeenCalledWith(expect.any(Uint8Array), text.length);
    expect(new TextDecoder().decode(archive.read("stored.txt"))).toBe("hej");
    expect(archive.read("nothing.xml")).toBeUndefined();
  });

  it("refuses an archive declaring more than the limit before inflating anything", () => {
    const zip = deflatedZip([{ name: "a.xml", data: text }, { name: "b.xml", data: text }]);
    const view = new DataView(zip.buffer);
    // Declare 30 MiB for each of the two entries: 60 MiB in all, a zip bomb's signature.
    for (const at of centralHeaders(zip)) view.setUint32(at + 24, 30 * 1024 * 1024, true);
    const inflate = vi.fn(nodeInflateRaw);
    const e = refusal(() => readZip(zip, { inflateRaw: inflate, file: "bomb.xlsx" }));
    expect(e.code).toBe("XLSX_TOO_LARGE");
    expect(e.issue.params).toEqual({ declared: 60 * 1024 * 1024, limit: MAX_UNCOMPRESSED_BYTES });
    expect(renderIssue(e.issue, "sv")).toBe("bomb.xlsx: arbetsboken är för stor: uppackad 60 MB, högst 50 MB läses");
    expect(inflate).not.toHaveBeenCalled();
    // A caller may lower the limit, never raise it.
    expect(refusal(() => readZip(deflatedZip([{ name: "a.xml", data: text }]), { inflateRaw: inflate, maxUncompressedBytes: 100 })).code).toBe("XLSX_TOO_LARGE");
    expect(refusal(() => readZip(zip, { inflateRaw: inflate, maxUncompressedBytes: 1e12 })).code).toBe("XLSX_TOO_LARGE");
  });

  it("catches an entry that inflates to more, or less, than it declares", () => {
    const zip = deflatedZip([{ name: "a.xml", data: text }]);
    const [at] = centralHeaders(zip);
    new DataView(zip.buffer).setUint32(at! + 24, 100, true); // declares 100 bytes, holds 6 000
    const e = refusal(() => readZip(zip, { inflateRaw: nodeInflateRaw }).read("a.xml"));
    expect(e).toMatchObject({ code: "XLSX_INVALID", kind: "inflate" }); // node:zlib stops at 101 bytes
    const lying = refusal(() => readZip(zip, { inflateRaw: (d) => new Uint8Array(d.length) }).read("a.xml"));
    expect(lying).toMatchObject({ code: "XLSX_INVALID", kind: "size" });
  });

  it("refuses a damaged entry by its CRC-32", () => {
    const zip = writeZip([{ name: "a.xml", data: new TextEncoder().encode(text) }]);
    const at = 30 + "a.xml".length + 20; // a byte of the stored data
    zip[at] = zip[at]! ^ 1;
    expect(refusal(() => readZip(zip, { inflateRaw: nodeInflateRaw }).read("a.xml"))).toMatchObject({ code: "XLSX_INVALID", kind: "checksum" });
  });

  it("refuses what is not a zip, is truncated, encrypted, zip64 or of another method", () => {
    const inflateRaw = nodeInflateRaw;
    const csv = new TextEncoder().encode("Kod;Belopp\r\n2080;1309672\r\n");
    expect(refusal(() => readZip(csv, { inflateRaw, file: "t.xlsx" }))).toMatchObject({ code: "XLSX_INVALID", kind: "not-zip", file: "t.xlsx" });
    expect(refusal(() => readZip(new Uint8Array(0), { inflateRaw })).kind).toBe("not-zip");

    const zip = deflatedZip([{ name: "a.xml", data: text }]);
    const cut = Uint8Array.from([...zip.subarray(0, 40), ...zip.subarray(zip.length - 22 - 46 - 5)]);
    expect(refusal(() => readZip(cut, { inflateRaw }).read("a.xml")).kind).toBe("truncated");

    const encrypted = zip.slice();
    new DataView(encrypted.buffer).setUint16(centralHeaders(encrypted)[0]! + 8, 1, true);
    expect(refusal(() => readZip(encrypted, { inflateRaw }).read("a.xml")).kind).toBe("encrypted");

    const bzip2 = zip.slice();
    new DataView(bzip2.buffer).setUint16(centralHeaders(bzip2)[0]! + 10, 12, true);
    expect(refusal(() => readZip(bzip2, { inflateRaw }).read("a.xml")).issue).toMatchObject({ kind: "method", params: { part: "a.xml", method: 12 } });

    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint32(centralHeaders(zip64)[0]! + 24, 0xffffffff, true);
    expect(refusal(() => readZip(zip64, { inflateRaw })).kind).toBe("zip64");
  });
});
