/**
 * Text encoding of population files, detected from the bytes.
 *
 * SCB's Statistikdatabasen writes CSV in the table's code page (Windows-1252 for SCB's tables),
 * Excel re-saves as UTF-8 with a byte-order mark, and other tools write UTF-8 without one. The
 * rule: a UTF-8 BOM means UTF-8 (and bytes after it that are not UTF-8 are refused); otherwise bytes that decode as strict UTF-8 are UTF-8; anything
 * else is Windows-1252 (which also reads ISO-8859-1 text, since the two agree outside 0x80–0x9F
 * and ISO-8859-1 has only control codes there).
 *
 * Windows-1252 is decoded by the platform's `TextDecoder("windows-1252")` (native, in browsers and
 * Node) and then corrected: Node 20.18.3+ maps 0x80–0x9F to C1 controls instead of €, –, ’
 * (nodejs/node#56542), which would mangle titles, so every character U+0080–U+009F of its output
 * is mapped through the code page's table for that range. The result equals iconv-lite's (an
 * undefined byte, 0x81 0x8D 0x8F 0x90 0x9D, is U+FFFD), at a quarter of its time on SCB's files.
 */
import { raise } from "../errors.js";

/** Windows-1252's characters for the bytes 0x80–0x9F (U+FFFD where the code page defines none). */
const HIGH = "\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178";
const C1 = /[\u0080-\u009f]/g;

let platform1252: { decode(bytes: Uint8Array): string } | null | undefined;

/**
 * Windows-1252 bytes as text: the platform's decoder, with 0x80–0x9F corrected (see above), or a
 * table where the platform has no such decoder.
 *
 * @example
 * ```ts
 * decodeWindows1252(new Uint8Array([0x80, 0x96, 0xe5])); // "€–å"
 * ```
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  if (platform1252 === undefined) {
    try {
      platform1252 = new TextDecoder("windows-1252");
    } catch {
      platform1252 = null;
    }
  }
  if (platform1252 === null) {
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? HIGH.charCodeAt(b - 0x80) : b));
      out += String.fromCharCode(...chunk);
    }
    return out;
  }
  const text = platform1252.decode(bytes);
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (c: string) => HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

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
 *   (UTF-8 read as Windows-1252 and saved again, e.g. `Ã¥` for `å`), when a UTF-8 byte-order
 *   mark is followed by bytes that are not UTF-8 (naming the line of the first), or for UTF-16.
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
    // The mark says UTF-8; bytes that are not UTF-8 contradict it (typically a Windows-1252 file
    // that a tool gave a mark): which reading is meant cannot be told, so neither is picked.
    try {
      decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3)), encoding: "utf-8-bom" };
    } catch {
      const at = firstInvalidUtf8(bytes, 3);
      let line = 1;
      for (let i = 0; i < at; i++) if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
      const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, "0")}`;
      raise("POPULATION_ENCODING", "bom-not-utf8", { byte, line }, { ...(file !== undefined ? { file } : {}), line, value: byte });
    }
  } else {
    try {
      decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      decoded = { text: decodeWindows1252(bytes), encoding: "windows-1252" };
    }
  }
  const bad = MOJIBAKE.exec(decoded.text);
  if (bad) {
    const line = decoded.text.slice(0, bad.index).split("\n").length;
    raise("POPULATION_ENCODING", "mojibake", { text: bad[0] }, { ...(file !== undefined ? { file } : {}), line, value: bad[0] });
  }
  return decoded;
}

/** The offset of the first byte from `from` that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte ranges and the second byte's range (RFC 3629, table 3-7 of Unicode).
    const [n, lo, hi] = b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b >= 0xe1 && b <= 0xec ? [2, 0x80, 0xbf] : b === 0xed ? [2, 0x80, 0x9f] : b >= 0xee && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : [0, 0, 0];
    if (n === 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return i;
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
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = c === 0xfffd ? -1 : HIGH.indexOf(text[i]!);
    // A character the code page lacks is written as "?", as iconv-lite does.
    out[i] = high >= 0 ? 0x80 + high : c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : 0x3f;
  }
  return out;
}
