import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ageLabel, renderScbBytes, renderScbText, rowsFromAges, splitBySex } from "../../bench/scb-layout.js";
import { parsePopulation } from "../../src/io/population.js";
import { loadBundledPopulation } from "../../src/node/bundled.js";

describe("the SCB CSV layout of the loading bench", () => {
  it("writes a quoted title, a blank line, the header and rows ordered region, age, sex (men first)", () => {
    const text = renderScbText(
      [
        { code: "0114", name: "Upplands Väsby", age: 100, sex: "kvinnor", count: 3 },
        { code: "0114", name: "Upplands Väsby", age: 0, sex: "kvinnor", count: 266 },
        { code: "0114", name: "Upplands Väsby", age: 0, sex: "män", count: 271 },
      ],
      "2019",
    );
    expect(text.split("\r\n")).toEqual([
      '"Folkmängd efter region, ålder, kön och år"',
      "",
      '"region","ålder","kön","2019"',
      '"0114 Upplands Väsby","0 år","män",271',
      '"0114 Upplands Väsby","0 år","kvinnor",266',
      '"0114 Upplands Väsby","100+ år","kvinnor",3',
      "",
    ]);
    expect(ageLabel(99)).toBe("99 år");
  });

  it("encodes Windows-1252: å and ä are one byte each", () => {
    const bytes = renderScbBytes([{ code: "0114", name: "Upplands Väsby", age: 0, sex: "män", count: 271 }], "2019");
    const header = '"region","ålder","kön","2019"';
    expect(iconv.decode(Buffer.from(bytes), "win1252")).toContain(header);
    expect([...bytes]).toContain(0xe5); // å
    expect([...bytes]).toContain(0xe4); // ä
    expect([...bytes]).not.toContain(0xc3); // no UTF-8 lead byte
  });

  it("falls back to the bundled ages without a kön column", () => {
    const rows = rowsFromAges(loadBundledPopulation("2019-12-31").ages, (c) => (c === "0114" ? "Upplands Väsby" : c));
    expect(rows).toHaveLength(29_290);
    const lines = renderScbText(rows, "2019").split("\r\n");
    expect(lines[2]).toBe('"region","ålder","2019"');
    expect(lines[3]).toBe('"0114 Upplands Väsby","0 år",537');
  });

  it("splits the bundled ages by sex into SCB's 58 580 rows, which load back to the same counts", () => {
    const ages = loadBundledPopulation("2019-12-31").ages;
    const rows = splitBySex(rowsFromAges(ages, (c) => c));
    expect(rows).toHaveLength(58_580);
    expect(rows.filter((r) => r.code === "0114" && r.age === 0)).toEqual([
      { code: "0114", name: "0114", age: 0, sex: "män", count: 268 },
      { code: "0114", name: "0114", age: 0, sex: "kvinnor", count: 269 },
    ]);
    const loaded = parsePopulation(renderScbBytes(rows, "2019"), { file: "bench.csv", referenceDate: "2019-12-31" }).ages;
    expect(loaded.size).toBe(290);
    for (const [code, vector] of ages) expect(loaded.get(code), code).toEqual(vector);
  });
});
