/**
 * A small, strict XML reader for the parts of an xlsx package: elements, attributes, text, CDATA
 * and the five predefined and numeric entities, reported as events so a large sheet is never held
 * as a tree. Namespace prefixes are dropped (`x:row` is `row`), since writers choose them freely.
 * A document type declaration is refused: a package never has one, and it is how entity-expansion
 * attacks begin. Unbalanced or unclosed elements are refused, so a truncated part is an error.
 */
import { raise, type ErrorLocation } from "../errors.js";

/** Callbacks of {@link parseXml}; attribute names are local (prefix dropped). */
export interface XmlHandler {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML's white space: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * Reads an XML document and reports its elements and text in order.
 *
 * @throws StimulansmedelError XLSX_INVALID ("xml") naming the part and the character offset.
 * @example
 * ```ts
 * const names: string[] = [];
 * parseXml('<sheets><sheet name="Regioner"/></sheets>', { open: (n, a) => { if (n === "sheet") names.push(a.name!); } }, "xl/workbook.xml");
 * names; // ["Regioner"]
 * ```
 */
export function parseXml(xml: string, handler: XmlHandler, part: string, where: ErrorLocation = {}): void {
  const fail = (offset: number, reason: string): never => raise("XLSX_INVALID", "xml", { part, offset, reason }, where);

  function decode(raw: string, offset: number): string {
    // XML folds every line end to a line feed; a carriage return survives only as a reference.
    const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
    if (!text.includes("&")) return text;
    return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) fail(offset, `"&" without an entity`);
      if (ref.startsWith("#")) {
        const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref) || !(code >= 0 && code <= 0x10ffff)) fail(offset, `bad character reference &${ref};`);
        return String.fromCodePoint(code);
      }
      const e = ENTITIES[ref];
      if (e === undefined) fail(offset, `unknown entity &${ref};`);
      return e!;
    });
  }

  const stack: string[] = [];
  let sawRoot = false;
  let at = 0;
  const n = xml.length;
  if (xml.charCodeAt(0) === 0xfeff) at = 1;
  while (at < n) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > at) {
      const raw = xml.slice(at, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== "") fail(at, "text outside the root element");
      } else handler.text?.(decode(raw, at));
    }
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) fail(lt, "unclosed processing instruction");
      at = close + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const close = xml.indexOf("-->", lt + 4);
      if (close < 0) fail(lt, "unclosed comment");
      at = close + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt + 9);
      if (close < 0) fail(lt, "unclosed CDATA section");
      if (stack.length === 0) fail(lt, "CDATA outside the root element");
      handler.text?.(xml.slice(lt + 9, close));
      at = close + 3;
    } else if (xml.startsWith("<!", lt)) {
      fail(lt, "a document type declaration is not allowed");
    } else if (xml.startsWith("</", lt)) {
      const close = xml.indexOf(">", lt + 2);
      if (close < 0) fail(lt, "unclosed end tag");
      const name = xml.slice(lt + 2, close).trim();
      const open = stack.pop();
      if (open !== name) fail(lt, open === undefined ? `end tag </${name}> without a start tag` : `</${name}> closes <${open}>`);
      handler.close?.(localName(name));
      at = close + 1;
    } else {
      // A start tag: name, then attributes, then ">" or "/>".
      let i = lt + 1;
      while (i < n && !isSpace(xml.charCodeAt(i)) && xml[i] !== "/" && xml[i] !== ">") i++;
      const name = xml.slice(lt + 1, i);
      if (name === "") fail(lt, "an element without a name");
      if (stack.length === 0 && sawRoot) fail(lt, "a second root element");
      const attributes: Record<string, string> = {};
      for (;;) {
        while (i < n && isSpace(xml.charCodeAt(i))) i++;
        if (i >= n) fail(lt, `unclosed start tag <${name}>`);
        const c = xml[i]!;
        if (c === ">" || (c === "/" && xml[i + 1] === ">")) break;
        const eq = xml.indexOf("=", i);
        if (eq < 0) fail(i, `attribute without a value in <${name}>`);
        const attr = xml.slice(i, eq).trim();
        if (attr === "" || /[\s<>"']/.test(attr)) fail(i, `bad attribute name in <${name}>`);
        let q = eq + 1;
        while (q < n && isSpace(xml.charCodeAt(q))) q++;
        const quote = xml[q];
        if (quote !== '"' && quote !== "'") fail(q, `unquoted attribute ${attr} in <${name}>`);
        const valueEnd = xml.indexOf(quote!, q + 1);
        if (valueEnd < 0) fail(q, `unclosed attribute ${attr} in <${name}>`);
        const raw = xml.slice(q + 1, valueEnd);
        if (raw.includes("<")) fail(q, `"<" in attribute ${attr}`);
        const local = localName(attr);
        if (!(local in attributes)) attributes[local] = decode(raw, q);
        i = valueEnd + 1;
      }
      const selfClosing = xml[i] === "/";
      const local = localName(name);
      sawRoot = true;
      handler.open?.(local, attributes);
      if (selfClosing) {
        handler.close?.(local);
        at = i + 2;
      } else {
        stack.push(name);
        at = i + 1;
      }
    }
  }
  if (stack.length > 0) fail(n, `<${stack.at(-1)}> is not closed`);
  if (!sawRoot) fail(0, "no root element");
}
