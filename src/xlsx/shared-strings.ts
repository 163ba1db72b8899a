/**
 * The shared string table (xl/sharedStrings.xml): each distinct text once, cells refer to it by
 * index. It is what Excel itself writes, and it keeps a report's repeated names and notes small.
 */
import { escapeCellText } from "./xml-text.js";

/**
 * The distinct texts of one workbook, numbered in order of first use.
 *
 * @example
 * ```ts
 * const sst = new SharedStrings();
 * sst.indexOf("Kod"); // 0
 * sst.indexOf("Mottagare"); // 1
 * sst.indexOf("Kod"); // 0
 * ```
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private uses = 0;

  /** The index of a text, added when new. */
  indexOf(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  /** How many distinct texts there are. */
  get size(): number {
    return this.index.size;
  }

  /** The shared strings part. */
  toXml(): string {
    const out = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.index.size}">`];
    for (const text of this.index.keys()) {
      // Without xml:space="preserve" a reader may drop leading and trailing white space.
      const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      out.push(`<si><t${preserve}>${escapeCellText(text)}</t></si>`);
    }
    out.push("</sst>");
    return out.join("");
  }
}
