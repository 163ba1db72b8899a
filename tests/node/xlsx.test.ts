import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderIssue, StimulansmedelError } from "../../src/errors.js";
import { nodeInflateRaw, readWorkbookTableFile } from "../../src/node/xlsx.js";
import { ROOT } from "../helpers.js";

function refusal(fn: () => unknown): StimulansmedelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StimulansmedelError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("readWorkbookTableFile", () => {
  it("reads a sheet of a workbook on disk", () => {
    const t = readWorkbookTableFile(resolve(ROOT, "tests/fixtures/xlsx/libreoffice-dalarna.xlsx"), { sheet: "Regioner" });
    expect(t.rows[1]!.slice(0, 5)).toEqual(["20", "Region Dalarna", 13_524_332, 7_790_015, 21_314_347]);
  });

  it("names the file when it is missing, not a workbook, or too large to be one", () => {
    const dir = mkdtempSync(join(tmpdir(), "sm-xlsx-read-"));
    const missing = refusal(() => readWorkbookTableFile(join(dir, "saknas.xlsx")));
    expect(missing).toMatchObject({ code: "XLSX_INVALID", kind: "not-found", file: join(dir, "saknas.xlsx") });
    expect(renderIssue(missing.issue, "sv")).toBe(`${join(dir, "saknas.xlsx")}: filen finns inte`);
    expect(refusal(() => readWorkbookTableFile(dir)).issue).toMatchObject({ kind: "unreadable", params: { reason: "EISDIR" } });
    writeFileSync(join(dir, "tabell.xlsx"), "Kod;Belopp\r\n");
    expect(renderIssue(refusal(() => readWorkbookTableFile(join(dir, "tabell.xlsx"))).issue, "sv")).toBe(`${join(dir, "tabell.xlsx")}: filen är ingen Excel-arbetsbok (xlsx)`);
    writeFileSync(join(dir, "stor.xlsx"), new Uint8Array(3 * 1024 * 1024));
    expect(refusal(() => readWorkbookTableFile(join(dir, "stor.xlsx"), { maxUncompressedBytes: 1024 * 1024 })).issue).toMatchObject({ code: "XLSX_TOO_LARGE", kind: "file" });
  });

  it("inflates no further than one byte past the declared size", () => {
    const data = deflateRawSync(Buffer.alloc(10_000, 65));
    expect(nodeInflateRaw(data, 10_000).length).toBe(10_000);
    expect(() => nodeInflateRaw(data, 100)).toThrowError(expect.objectContaining({ name: "RangeError", code: "ERR_BUFFER_TOO_LARGE" }));
  });
});
