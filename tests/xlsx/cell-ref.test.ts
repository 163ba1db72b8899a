import { describe, expect, it } from "vitest";
import { cellName, columnName, MAX_COLUMNS, MAX_ROWS, parseCellName } from "../../src/xlsx/cell-ref.js";

describe("cell references", () => {
  it("names columns A … Z, AA …, up to XFD, and reads them back", () => {
    expect([1, 26, 27, 52, 53, 702, 703, MAX_COLUMNS].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(cellName(23, 6)).toBe("F23");
    for (let c = 1; c <= MAX_COLUMNS; c += 97) expect(parseCellName(cellName(MAX_ROWS, c))).toEqual({ row: MAX_ROWS, column: c });
    expect(parseCellName("$B$7")).toEqual({ row: 7, column: 2 });
  });

  it("refuses what lies outside a worksheet or is not a reference", () => {
    for (const bad of ["XFE1", "A1048577", "A0", "1A", "A", "", "AAAA1", "A01"]) expect(parseCellName(bad), bad).toBeUndefined();
  });
});
