/**
 * Writes a workbook description as an xlsx file: the minimal Office Open XML package (ECMA-376
 * Part 2's content types and relationships, Part 1's SpreadsheetML), no theme, no calculation
 * chain, stored in a zip without compression. Dated 1 January 2000 and created by
 * "stimulansmedel", so the same description always gives the same bytes, on every machine.
 */
import { checkWorkbook } from "./check.js";
import { SharedStrings } from "./shared-strings.js";
import { quoteSheetName } from "./sheet-name.js";
import { StyleTable } from "./styles.js";
import type { WorkbookDescription } from "./workbook.js";
import { autoFilterRange, worksheetXml } from "./worksheet.js";
import { escapeXml } from "./xml-text.js";
import { writeZip, type ZipEntry } from "./zip-write.js";

/** The creator and application named in the document properties. */
export const WORKBOOK_CREATOR = "stimulansmedel";
/** The creation and modification date in the document properties: fixed, so the bytes are too. */
export const WORKBOOK_DATE = "2000-01-01T00:00:00Z";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument";

function relationships(rels: readonly [id: string, type: string, target: string][]): string {
  return `${XML}<Relationships xmlns="${PKG_REL}">${rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;
}

/**
 * Writes a workbook and returns the bytes of the xlsx file. Everything is checked first: nothing
 * is produced for a description with a problem.
 *
 * Strings go to the shared string table; numbers (bigints exactly) as numbers; `null` is an
 * empty cell, never 0. The first sheet is the one shown when the file is opened.
 *
 * @throws StimulansmedelError OUTPUT_TOO_LARGE for a number of 15 digits or more (Excel would
 * round it), XLSX_BAD_WORKBOOK or XLSX_TOO_LARGE for what Excel cannot hold.
 * @example
 * ```ts
 * const bytes = writeWorkbook({
 *   sheets: [{
 *     name: "Regioner",
 *     columns: [{ width: 7 }, { width: 28 }, { width: 15, format: '#,##0 "kr"' }],
 *     rows: [{ cells: ["Kod", "Mottagare", "Pott 4b"], bold: true }, { cells: ["20", "Region Dalarna", 8_207_715n] }],
 *     freezeHeader: true,
 *     autoFilter: { rows: 2, columns: 3 },
 *   }],
 * });
 * ```
 */
export function writeWorkbook(workbook: WorkbookDescription): Uint8Array {
  checkWorkbook(workbook);
  const strings = new SharedStrings();
  const styles = new StyleTable();
  const sheets = workbook.sheets.map((sheet, i) => worksheetXml(sheet, i === 0, strings, styles));
  const hasStrings = strings.size > 0;

  const sheetList = workbook.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const filters = workbook.sheets.flatMap((s, i) => {
    const range = autoFilterRange(s);
    if (!range) return [];
    // Excel writes this hidden name beside every autofilter; LibreOffice shows no filter without it.
    const absolute = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return [`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quoteSheetName(s.name)}!${absolute}`)}</definedName>`];
  });
  const workbookXml =
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheetList}</sheets>${filters.length > 0 ? `<definedNames>${filters.join("")}</definedNames>` : ""}</workbook>`;

  const n = workbook.sheets.length;
  const workbookRels = relationships([
    ...workbook.sheets.map((_, i) => [`rId${i + 1}`, `${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`] as [string, string, string]),
    [`rId${n + 1}`, `${REL}/styles`, "styles.xml"],
    ...(hasStrings ? [[`rId${n + 2}`, `${REL}/sharedStrings`, "sharedStrings.xml"] as [string, string, string]] : []),
  ]);
  const packageRels = relationships([
    ["rId1", `${REL}/officeDocument`, "xl/workbook.xml"],
    ["rId2", `${PKG_REL}/metadata/core-properties`, "docProps/core.xml"],
    ["rId3", `${REL}/extended-properties`, "docProps/app.xml"],
  ]);
  const contentTypes =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.spreadsheetml.sheet.main+xml"/>` +
    workbook.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${TYPE}.spreadsheetml.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.spreadsheetml.styles+xml"/>` +
    (hasStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.spreadsheetml.sharedStrings+xml"/>` : "") +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${TYPE}.extended-properties+xml"/></Types>`;
  const core =
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${WORKBOOK_CREATOR}</dc:creator><cp:lastModifiedBy>${WORKBOOK_CREATOR}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${WORKBOOK_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${WORKBOOK_DATE}</dcterms:modified></cp:coreProperties>`;
  const app =
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${WORKBOOK_CREATOR}</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${workbook.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`;

  const encoder = new TextEncoder();
  const entries: ZipEntry[] = [
    { name: "[Content_Types].xml", data: encoder.encode(contentTypes) },
    { name: "_rels/.rels", data: encoder.encode(packageRels) },
    { name: "docProps/core.xml", data: encoder.encode(core) },
    { name: "docProps/app.xml", data: encoder.encode(app) },
    { name: "xl/workbook.xml", data: encoder.encode(workbookXml) },
    { name: "xl/_rels/workbook.xml.rels", data: encoder.encode(workbookRels) },
    { name: "xl/styles.xml", data: encoder.encode(styles.toXml()) },
    ...(hasStrings ? [{ name: "xl/sharedStrings.xml", data: encoder.encode(strings.toXml()) }] : []),
    ...sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: encoder.encode(xml) })),
  ];
  return writeZip(entries);
}
