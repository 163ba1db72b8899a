/**
 * Text in SpreadsheetML parts: XML escaping, and the `_xHHHH_` escapes (ECMA-376 Part 1,
 * 22.9.2.19, ST_Xstring) by which a cell's text carries characters XML 1.0 cannot hold, such as
 * control characters, and a carriage return that XML would otherwise fold into a line feed.
 */

/**
 * Escapes text for XML element content or a double-quoted attribute value.
 *
 * @example
 * ```ts
 * escapeXml('Pott "3a" & <4b>'); // "Pott &quot;3a&quot; &amp; &lt;4b&gt;"
 * ```
 */
export function escapeXml(text: string): string {
  if (!/[&<>"]/.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** What XML 1.0 cannot hold literally in a cell's text: control characters but tab and line feed, a carriage return, a lone surrogate, U+FFFE, U+FFFF. */
const UNREPRESENTABLE = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A cell's text as ST_Xstring, XML-escaped: characters XML cannot hold become `_xHHHH_`, and an
 * underscore that would otherwise begin such an escape becomes `_x005F_`, so the text reads back
 * exactly as written.
 *
 * @example
 * ```ts
 * escapeCellText("a\u0007b"); // "a_x0007_b"
 * escapeCellText("_x0041_"); // "_x005F_x0041_"
 * ```
 */
export function escapeCellText(text: string): string {
  let s = text;
  if (s.includes("_x")) s = s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
  if (UNREPRESENTABLE.test(s)) {
    s = s.replace(new RegExp(UNREPRESENTABLE.source, "g"), (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  }
  return escapeXml(s);
}

/**
 * Undoes {@link escapeCellText}'s `_xHHHH_` escapes in text already XML-decoded.
 *
 * @example
 * ```ts
 * unescapeCellText("a_x000D_b_x005F_x0041_"); // "a\rb_x0041_"
 * ```
 */
export function unescapeCellText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
