import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/xlsx/xml-read.js";
import { issueWith } from "../helpers.js";

function events(xml: string): string[] {
  const out: string[] = [];
  parseXml(xml, { open: (n, a) => out.push(`<${n}${Object.entries(a).map(([k, v]) => ` ${k}=${v}`).join("")}>`), close: (n) => out.push(`</${n}>`), text: (t) => out.push(t) }, "t.xml");
  return out;
}

describe("parseXml", () => {
  it("reports elements, local attribute names, decoded text and CDATA in order", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment --><x:sst xmlns:x="urn:x" count='2'><x:si><x:t xml:space="preserve"> A &amp; B &lt;&#229;&#xE4;&gt; &quot;&apos;</x:t></x:si><si><t><![CDATA[<not a tag>]]></t></si><e/></x:sst>`;
    expect(events(xml)).toEqual(["<sst x=urn:x count=2>", "<si>", "<t space=preserve>", ' A & B <åä> "\'', "</t>", "</si>", "<si>", "<t>", "<not a tag>", "</t>", "</si>", "<e>", "</e>", "</sst>"]);
    expect(events('<a v="1&#10;2">x\r\ny\rz</a>')).toEqual(["<a v=1\n2>", "x\ny\nz", "</a>"]); // line ends fold to \n
  });

  it("refuses a document type declaration, so no entity can be defined or expanded", () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst>&lol2;</sst>';
    expect(() => events(bomb)).toThrowError(expect.objectContaining({ code: "XLSX_INVALID", kind: "xml", message: expect.stringMatching(/document type declaration/) }));
    expect(() => events("<a>&lol;</a>")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "unknown entity &lol;" } }));
    expect(() => events("<a>AT&T</a>")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "\"&\" without an entity" } }));
  });

  it("refuses unbalanced, unclosed and truncated documents", () => {
    expect(() => events("<a><b></a></b>")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "</a> closes <b>" } }));
    expect(() => events("<sheetData><row><c><v>1</v></c>")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "<row> is not closed" } }));
    expect(() => events('<a b="1>')).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "unclosed attribute b in <a>" } }));
    expect(() => events("<a b=1/>")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "unquoted attribute b in <a>" } }));
    expect(() => events("</a>")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "end tag </a> without a start tag" } }));
    expect(() => events("<a/><b/>")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "a second root element" } }));
    expect(() => events("text")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "text outside the root element" } }));
    expect(() => events("")).toThrowError(issueWith("XLSX_INVALID", { params: { reason: "no root element" } }));
  });
});
