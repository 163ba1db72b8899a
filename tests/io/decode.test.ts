import { describe, expect, it } from "vitest";
import { PopulationError } from "../../src/errors.js";
import iconv from "iconv-lite";
import { decodeText, decodeWindows1252, encodeWindows1252 } from "../../src/io/decode.js";

describe("decodeText", () => {
  it("reads Windows-1252 bytes 0x80–0x9F as € – ’ …, where Node's own decoder is wrong", () => {
    const bytes = new Uint8Array([0x80, 0x20, 0x96, 0x20, 0x92, 0x20, 0x85, 0x20, 0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("windows-1252");
    expect(text).toBe("€ – ’ … åäöÅÄÖé");
    expect([...text].map((c) => c.codePointAt(0))).toEqual(expect.arrayContaining([0x20ac, 0x2013, 0x2019, 0x2026]));
    // Why the platform decoder is corrected: this Node maps 0x80 to U+0080 (nodejs/node#56542).
    const builtin = new TextDecoder("windows-1252").decode(new Uint8Array([0x80, 0x96]));
    expect(text.startsWith(builtin)).toBe(false);
  });

  it("decodes every byte 0x00–0xFF as iconv-lite's Windows-1252 does (undefined bytes as U+FFFD)", () => {
    const all = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const expected = iconv.decode(Buffer.from(all), "win1252");
    expect(decodeWindows1252(all)).toBe(expected);
    expect(decodeWindows1252(all).charCodeAt(0x81)).toBe(0xfffd);
    // A long text with the range repeated: every occurrence is corrected, not only the first.
    const long = new Uint8Array(Array.from({ length: 256 * 40 }, (_, i) => i % 256));
    expect(decodeWindows1252(long)).toBe(expected.repeat(40));
    const sample = "Folkmängd – 2080 Falun, Örebro, Åre, € ‰ ’ “x” Œ ž";
    expect([...encodeWindows1252(sample)]).toEqual([...iconv.encode(sample, "win1252")]);
    expect([...encodeWindows1252("a\u4e00b")]).toEqual([...iconv.encode("a\u4e00b", "win1252")]);
  });

  it("round-trips every Windows-1252 character in 0x80–0x9F that the code page defines", () => {
    const defined = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f];
    const text = decodeText(new Uint8Array(defined)).text;
    expect(text).toBe("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
    expect([...encodeWindows1252(text)]).toEqual(defined);
  });

  it("tells UTF-8 with BOM, UTF-8 without, and ISO-8859-1 apart without mangling å, ä, ö", () => {
    const s = "2039 Älvdalen, 2023 Malung-Sälen, Östersund";
    const utf8 = new TextEncoder().encode(s);
    expect(decodeText(utf8)).toEqual({ text: s, encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: s, encoding: "utf-8-bom" });
    expect(decodeText(new Uint8Array(Buffer.from(s, "latin1")))).toEqual({ text: s, encoding: "windows-1252" });
  });

  it("refuses text that was already mangled (UTF-8 read as Windows-1252 and saved again)", () => {
    const mangled = new TextEncoder().encode("region\n2039 Ã„lvdalen\n2080 Falun\n");
    try {
      decodeText(mangled, "x.csv");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PopulationError);
      expect((e as PopulationError).code).toBe("POPULATION_ENCODING");
      expect((e as PopulationError).line).toBe(2);
    }
  });
});
