import { describe, expect, it } from "vitest";
import { renderIssue, StimulansmedelError } from "../../src/errors.js";
import { checkSheetName, quoteSheetName } from "../../src/xlsx/sheet-name.js";

function kind(name: string, taken: string[] = []): string | undefined {
  try {
    checkSheetName(name, taken);
    return undefined;
  } catch (e) {
    if (e instanceof StimulansmedelError && e.code === "XLSX_BAD_WORKBOOK") return e.kind;
    throw e;
  }
}

describe("sheet names", () => {
  it("accepts Swedish names of up to 31 characters", () => {
    for (const ok of ["Regioner", "Länsgemensamma medel", "Källor", "Åland & Öland (SKR-s)", "x".repeat(31), "O'Neil"]) expect(kind(ok), ok).toBeUndefined();
  });

  it("refuses what Excel refuses, naming the rule", () => {
    expect(kind("")).toBe("sheet-name-empty");
    expect(kind("x".repeat(32))).toBe("sheet-name-length");
    for (const c of ["[", "]", ":", "*", "?", "/", "\\"]) expect(kind(`Pott 3a${c}3b`), c).toBe("sheet-name-character");
    expect(kind("'Kommuner")).toBe("sheet-name-apostrophe");
    expect(kind("Kommuner'")).toBe("sheet-name-apostrophe");
    expect(kind("history")).toBe("sheet-name-reserved");
    expect(kind("KÄLLOR", ["Källor"])).toBe("sheet-name-duplicate");
    const e = (() => {
      try {
        checkSheetName("Pott 3a/3b", []);
      } catch (err) {
        return err as StimulansmedelError;
      }
    })();
    expect(renderIssue(e!.issue, "sv")).toBe('bladnamnet "Pott 3a/3b" innehåller "/"; tecknen [ ] : * ? / \\ får inte användas');
  });

  it("quotes a name for a defined name, doubling apostrophes", () => {
    expect(quoteSheetName("Kommuner")).toBe("'Kommuner'");
    expect(quoteSheetName("O'Neil")).toBe("'O''Neil'");
  });
});
