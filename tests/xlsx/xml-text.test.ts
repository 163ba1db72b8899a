import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCellText, escapeXml, unescapeCellText } from "../../src/xlsx/xml-text.js";
import { parseXml } from "../../src/xlsx/xml-read.js";

function throughXml(text: string): string {
  let got = "";
  parseXml(`<t>${escapeCellText(text)}</t>`, { text: (t) => (got += t) }, "t.xml");
  return unescapeCellText(got);
}

describe("cell text in XML", () => {
  it("escapes markup, control characters, carriage returns and escape look-alikes", () => {
    expect(escapeXml('Pott "3a" & <4b>')).toBe("Pott &quot;3a&quot; &amp; &lt;4b&gt;");
    expect(escapeCellText("a\u0007b\rc\td\ne")).toBe("a_x0007_b_x000D_c\td\ne");
    expect(escapeCellText("_x0041_ och _x00")).toBe("_x005F_x0041_ och _x00");
    expect(escapeCellText("\ud800")).toBe("_xD800_");
    expect(unescapeCellText("a_x000D_b_x005F_x0041_")).toBe("a\rb_x0041_");
  });

  it("gives back exactly the text written, for any UTF-16 string", () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom("_x", "_x0041_", "_", "&", "<", "\r\n", " "));
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (s) => throughXml(s) === s), { numRuns: 500 });
  });
});
