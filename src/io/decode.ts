/**
 * Text encoding of population files, detected from the bytes.
 *
 * SCB's Statistikdatabasen writes CSV in the table's code page (Windows-1252 for SCB's tables),
 * Excel re-saves as UTF-8 with a byte-order mark, and other tools write UTF-8 without one. The
 * rule: a UTF-8 BOM means UTF-8; otherwise bytes that decode as strict UTF-8 are UTF-8; anything
 * else is Windows-1252 (which also reads ISO-8859-1 text, since the two agree outside 0x80–0x9F
 * and ISO-8859-1 has only control codes there).
 *
 * Windows-1252 is decoded with iconv-lite, not `TextDecoder("windows-1252")`: Node 20.18.3+ maps
 * 0x80–0x9F to C1 controls instead of €, –, ’ (nodejs/node#56542), which would mangle titles.
 * iconv-lite uses the `buffer` module: a browser bundle needs the usual `buffer` polyfill (the web
 * page names its own in web/vite.config.ts; its end-to-end tests read a Windows-1252 SCB file).
 */
import iconv from "iconv-lite";
import { raise } from "../errors.js";

/** The encodings {@link decodeText} tells apart. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "windows-1252";

/** The decoded text and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

// "Ã¥" etc.: UTF-8 bytes for å, ä, ö, Å, Ä, Ö, é that were once read as Windows-1252 and saved
// again. Reading such a file "correctly" would still give wrong names, so it is refused.
const MOJIBAKE = /Ã[¥¤¶…„–©]/;

/**
 * Decodes a file's bytes, detecting UTF-8 (with or without BOM) or Windows-1252.
 *
 * @throws PopulationError `POPULATION_ENCODING` when the text shows signs of earlier mangling
 *   (UTF-8 read as Windows-1252 and saved again, e.g. `Ã¥` for `å`).
 * @example
 * ```ts
 * decodeText(new Uint8Array([0x80, 0x20, 0xe5])); // { text: "€ å", encoding: "windows-1252" }
 * ```
 */
export function decodeText(bytes: Uint8Array, file?: string): DecodedText {
  let decoded: DecodedText;
  // Excel's "Unicode text" is UTF-16; read as bytes it would only fail later with a puzzling message.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0);
  if (utf16) {
    raise("POPULATION_ENCODING", "utf-16", {}, {
      ...(file !== undefined ? { file } : {}),
      line: 1,
    });
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  } else {
    try {
      decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      decoded = { text: iconv.decode(bytes, "win1252"), encoding: "windows-1252" };
    }
  }
  const bad = MOJIBAKE.exec(decoded.text);
  if (bad) {
    const line = decoded.text.slice(0, bad.index).split("\n").length;
    raise("POPULATION_ENCODING", "mojibake", { text: bad[0] }, { ...(file !== undefined ? { file } : {}), line, value: bad[0] });
  }
  return decoded;
}

/**
 * Encodes text as Windows-1252 (for writing files the way SCB's export does, e.g. in tests).
 *
 * @example
 * ```ts
 * encodeWindows1252("Falun – å"); // Uint8Array [0x46, …, 0x96, 0x20, 0xe5]
 * ```
 */
export function encodeWindows1252(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, "win1252"));
}
