import { describe, expect, it } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { formatTable, sumText } from "../../src/report/table.js";
import { renderColumns, wrap } from "../../src/report/text.js";
import { createPopulation } from "../../src/population.js";
import { parseAgreement } from "../../src/rules.js";
import { allMunicipalities } from "../../src/geography/index.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";

const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));

describe("the Swedish table", () => {
  it("aligns columns and draws rules, and never breaks a number when wrapping", () => {
    expect(renderColumns([["a", "1"], null, ["bbb", "22"]], ["left", "right"])).toEqual(["a     1", "-------", "bbb  22"]);
    expect(wrap("ett två tre fyra", "  ", 10)).toEqual(["  ett två", "    tre", "    fyra"]);
    // "29 000 000 kr" is one unit: it moves to the next line whole.
    expect(wrap("Potten om 29 000 000 kr går till SKR", "", 20)).toEqual(["Potten om", "  29 000 000 kr går", "  till SKR"]);
  });

  it("shows every level with totals, the pots with residues, what is missing and the sources, within 80 columns", () => {
    const text = formatTable(result);
    for (const line of text.split("\n")) if (!line.includes("https://")) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(text).toMatch(/Regioner\n/);
    // 500 000 000 × 2 471 773 / 10 587 140 = 116 734 688.6 and 288 000 000 × … = 67 239 180.6 (computed with Python fractions)
    expect(text).toMatch(/01\s+Region Stockholm\s+116 734 689\s+67 239 181/);
    expect(text).toMatch(/Summa \(21\)\s+500 000 000\s+288 000 000\s+788 000 000/);
    expect(text).toMatch(/3a\s+Länsgemensamma medel\s+200 000 000\s+199 999 999\s+-1/);
    expect(text).toMatch(/pott 2: kommunens folkmängd 0–18 år saknas i befolkningsdata – 275 mottagare:\s+Upplands Väsby, Vallentuna/);
    expect(text).toMatch(/och 265 till\./);
    expect(text).toMatch(/stimulansmedel population\s+fetch --agreement 2025/);
    expect(text).toMatch(/TAB1267/);
    expect(text).toMatch(/Gotland: kommunen \(0980\)/);
    expect(text).toMatch(/Befolkning: SCB, Folkmängden den 1 november 2024/);
    // Unknown amounts are "saknas", and their sums say how many are unknown.
    expect(text).toMatch(/0114\s+Upplands Väsby\s+saknas/);
    expect(text).toMatch(/Summa \(290\)\s+8 006 024 \+ 275 saknas/);
  });

  it("lists a county with five pots one pot per row, with each recipient's sum", () => {
    const text = formatTable(selectAllocation(result, { county: "20", level: "county" }));
    expect(text).toMatch(/20\s+Dalarnas län\s+4a\s+7 569 623/);
    expect(text).toMatch(/summa\s+16 979 356/);
    expect(text).not.toMatch(/Gotland/);
  });

  it("names derived data only where the selection uses it", () => {
    expect(formatTable(selectAllocation(result, { county: "20" }))).toMatch(/HÄRLEDD/);
    for (const sel of [{ county: "25" }, { level: "skr" as const }, { county: "20", level: "region" as const }]) {
      expect(formatTable(selectAllocation(result, sel)), JSON.stringify(sel)).not.toMatch(/HÄRLEDD|härledd/i);
    }
  });

  it("sums unknown amounts as unknown, never as 0", () => {
    const text = formatTable(selectAllocation(result, { county: "14", level: "municipality" }));
    expect(text).toMatch(/Summa \(49\)\s+saknas \(49\)/);
    expect(text).not.toMatch(/Summa \(49\)\s+0\b/);
    expect(sumText({ known: 5n, unknown: 0, amount: 5n })).toBe("5");
  });

  it("shows a split pot at each of its levels", () => {
    const counts = Object.fromEntries(allMunicipalities().map((m) => [m.code, m.code === "2080" ? 3 : 1]));
    const agreement = parseAgreement({
      id: "t",
      title: "t",
      source: "hand",
      total: 438,
      pots: [
        {
          id: "s",
          name: "delad",
          source: "x",
          amount: 438,
          level: "split",
          status: "known",
          rule: {
            type: "splitLevels",
            parts: [
              { level: "region", amount: 292, rule: { type: "share", key: "total" } },
              { level: "municipality", amount: 146, rule: { type: "share", key: "total" } },
            ],
          },
        },
      ],
    });
    const r = allocate(agreement, createPopulation({ referenceDate: "2024-11-01", counts: { total: counts } }));
    const text = formatTable(selectAllocation(r, { county: "20" }));
    expect(text).toMatch(/20\s+Region Dalarna\s+17\n/);
    expect(text).toMatch(/2080\s+Falun\s+2\n/);
  });
});
