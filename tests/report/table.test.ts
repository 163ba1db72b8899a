import { describe, expect, it } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { formatTable, renderColumns, wrap } from "../../src/report/table.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";

const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));

describe("the Swedish table", () => {
  it("aligns columns and draws rules", () => {
    expect(renderColumns([["a", "1"], null, ["bbb", "22"]], ["left", "right"])).toEqual(["a     1", "-------", "bbb  22"]);
    expect(wrap("ett två tre fyra", "  ", 10)).toEqual(["  ett två", "    tre", "    fyra"]);
  });

  it("shows every level with totals, the pots with residues, what is missing and the sources, within 80 columns", () => {
    const text = formatTable(result);
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(text).toMatch(/Regioner\n/);
    // 500 000 000 × 2 471 773 / 10 587 140 = 116 734 688.6 and 288 000 000 × … = 67 239 180.6 (computed with Python fractions)
    expect(text).toMatch(/01\s+Region Stockholm\s+116 734 689\s+67 239 181/);
    expect(text).toMatch(/Summa \(21\)\s+500 000 000\s+288 000 000\s+788 000 000/);
    expect(text).toMatch(/3a\s+Länsgemensamma medel\s+200 000 000\s+199 999 999\s+-1/);
    expect(text).toMatch(/pott 2: kommunens befolkning \(0-18\) saknas i befolkningsdata \(275 mottagare\)/);
    expect(text).toMatch(/Gotland: kommunen \(0980\)/);
    expect(text).toMatch(/Befolkning: SCB, Folkmängden den 1 november 2024/);
  });

  it("lists a county with five pots one pot per row, with each recipient's sum", () => {
    const text = formatTable(selectAllocation(result, { county: "20", level: "county" }));
    expect(text).toMatch(/20\s+Dalarnas län\s+4a\s+7 569 623/);
    expect(text).toMatch(/summa\s+16 979 356/);
    expect(text).not.toMatch(/Gotland/);
  });
});
