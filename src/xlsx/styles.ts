/**
 * The styles part (xl/styles.xml) of a workbook: number formats, a regular and a bold font, and
 * one cell format (xf) per combination used. Excel requires the two fills `none` and `gray125`
 * first, one border and the `Normal` cell style, so they are always written.
 */
import { raise } from "../errors.js";
import { escapeXml } from "./xml-text.js";

/** The number formats Excel knows by id (ECMA-376 Part 1, 18.8.30) that a report may use. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["@", 49],
]);

/** Custom number format ids start here; lower ids are Excel's own. */
const FIRST_CUSTOM_FORMAT = 164;

/** What a cell looks like: its number format code (Excel's syntax) and whether it is bold. */
export interface CellStyle {
  format?: string | undefined;
  bold?: boolean | undefined;
}

/**
 * The cell formats of one workbook, numbered as they are first asked for; index 0 is the default.
 *
 * @example
 * ```ts
 * const styles = new StyleTable();
 * styles.indexOf({ format: '#,##0 "kr"', bold: true }); // 1
 * styles.indexOf({}); // 0
 * const xml = styles.toXml();
 * ```
 */
export class StyleTable {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["0|0", 0]]);

  /** The index of a cell format (the `s` of a cell), added when new. */
  indexOf(style: CellStyle): number {
    const numFmtId = style.format === undefined ? 0 : this.formatId(style.format);
    const key = `${numFmtId}|${style.bold ? 1 : 0}`;
    let index = this.xfs.get(key);
    if (index === undefined) {
      index = this.xfs.size;
      this.xfs.set(key, index);
    }
    return index;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    if (code.length === 0 || code.length > 255) raise("XLSX_BAD_WORKBOOK", "number-format", { format: code });
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** The styles part. */
  toXml(): string {
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'];
    if (this.formats.size > 0) {
      out.push(`<numFmts count="${this.formats.size}">`);
      for (const [code, id] of this.formats) out.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
      out.push("</numFmts>");
    }
    const font = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
    out.push(`<fonts count="2"><font>${font}</font><font><b/>${font}</font></fonts>`);
    out.push('<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>');
    out.push('<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>');
    out.push('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>');
    out.push(`<cellXfs count="${this.xfs.size}">`);
    for (const key of this.xfs.keys()) {
      const [numFmtId, bold] = key.split("|").map(Number) as [number, number];
      const apply = `${numFmtId ? ' applyNumberFormat="1"' : ""}${bold ? ' applyFont="1"' : ""}`;
      out.push(`<xf numFmtId="${numFmtId}" fontId="${bold}" fillId="0" borderId="0" xfId="0"${apply}/>`);
    }
    out.push("</cellXfs>");
    out.push('<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>');
    out.push('<dxfs count="0"/><tableStyles count="0"/></styleSheet>');
    return out.join("");
  }
}
