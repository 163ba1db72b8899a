import { describe, expect, it } from "vitest";
import { SharedStrings } from "../../src/xlsx/shared-strings.js";
import { StyleTable } from "../../src/xlsx/styles.js";

describe("StyleTable", () => {
  it("numbers each combination of format and boldness once, using Excel's ids for built-in formats", () => {
    const t = new StyleTable();
    expect(t.indexOf({})).toBe(0);
    expect(t.indexOf({ format: '#,##0 "kr"' })).toBe(1);
    expect(t.indexOf({ bold: true })).toBe(2);
    expect(t.indexOf({ format: '#,##0 "kr"', bold: true })).toBe(3);
    expect(t.indexOf({ format: "0.00" })).toBe(4);
    expect(t.indexOf({ format: '#,##0 "kr"' })).toBe(1);
    const xml = t.toXml();
    expect(xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0 &quot;kr&quot;"/></numFmts>');
    expect(xml).toContain('<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>');
    expect(xml).toContain(
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
        '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    expect(new StyleTable().toXml()).not.toContain("numFmts");
  });
});

describe("SharedStrings", () => {
  it("keeps each text once, in order of first use, counting every use", () => {
    const s = new SharedStrings();
    expect(["Kod", "Mottagare", "Kod", " Summa", "Kod"].map((t) => s.indexOf(t))).toEqual([0, 1, 0, 2, 0]);
    expect(s.size).toBe(3);
    expect(s.toXml()).toMatch(/count="5" uniqueCount="3"><si><t>Kod<\/t><\/si><si><t>Mottagare<\/t><\/si><si><t xml:space="preserve"> Summa<\/t><\/si><\/sst>$/);
  });
});
