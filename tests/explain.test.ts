import { describe, expect, it } from "vitest";
import { allocate } from "../src/allocate.js";
import { explain } from "../src/explain.js";
import { allCounties } from "../src/geography/index.js";
import { createPopulation } from "../src/population.js";
import { parseAgreement } from "../src/rules.js";
import { loadBundledAgreement, loadBundledPopulation } from "../src/node/bundled.js";
import { issueWith } from "./helpers.js";

const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));

describe("explain", () => {
  it("shows Falun's pot-2 amount as base plus exact share, rounded", () => {
    const e = explain(result, "Falun", "2");
    expect(e.recipient.code).toBe("2080");
    expect(e.line!.amount).toBe(1_309_672n);
    expect(e.line!.calculation).toMatchObject({ base: 200_000n, shared: 192_000_000n, count: 13_093n, keyTotal: 2_265_405n, step: "up", key: "0-18" });
    expect(e.text[1]).toBe("200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr");
    expect(e.text.join("\n")).toMatch(/folkmängd 0–18 år/);
  });

  it("explains a municipality's county pot through its county, which it shares", () => {
    const e = explain(result, "Falun", "3a");
    expect(e.recipient.name).toBe("Dalarnas län");
    expect(e.via!.name).toBe("Falun");
    expect(e.text.join("\n")).toMatch(/200 000 000 × 286 368 \/ 10 587 140 = 5 409 732,94 → 5 409 733 kr/);
    expect(explain(result, "Falun", "4b").text.join("\n")).toMatch(/Region Dalarna/);
  });

  it("explains fixed and per-recipient pots and missing amounts", () => {
    expect(explain(result, "Stockholm", "1a").text[1]).toBe("Fast belopp per mottagare (undantag: storstadslänen (Stockholms, Skåne och Västra Götalands län)): 3 000 000 kr.");
    expect(explain(result, "SKR", "5").text[1]).toBe("Hela potten går till Sveriges Kommuner och Regioner: 29 000 000 kr.");
    const miss = explain(result, "Uppsala", "2");
    expect(miss.missing!.reason).toEqual({ kind: "count-missing", key: "0-18" });
    expect(miss.text[1]).toMatch(/kan inte beräknas/);
  });

  it("refuses unknown pots and recipients", () => {
    expect(() => explain(result, "Falun", "9")).toThrowError(issueWith("ALLOCATION_UNKNOWN_POT", { value: "9" }));
    expect(() => explain(result, "Narnia", "2")).toThrowError(issueWith("GEOGRAPHY_UNKNOWN_NAME", { value: "Narnia", params: { suggestions: ["Arvika", "Nacka", "Nora"] } }));
  });
});

describe("explainRecipient", () => {
  it("explains every pot for a municipality, county and region pots through Dalarna", async () => {
    const { explainRecipient } = await import("../src/explain.js");
    const e = explainRecipient(result, "Falun");
    expect(e.explanations.map((x) => `${x.pot.id}:${x.recipient.code}`)).toEqual(["1a:20", "1b:20", "1c:20", "2:2080", "3a:20", "3b:20", "4a:20", "4b:20"]);
    expect(e.totals.map((t) => [t.recipient.name, t.amount, t.joint])).toEqual([
      ["Falun", 1_309_672n, false],
      ["Dalarnas län", 4_000_000n + 5_409_733n + 7_569_623n, true],
      ["Region Dalarna", 13_524_332n + 7_790_015n, true],
    ]);
    expect(e.text).toContain("  200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr");
  });

  it("filters by pot and level, and names both bodies for a county name", async () => {
    const { explainRecipient } = await import("../src/explain.js");
    expect(explainRecipient(result, "Dalarna").recipients.map((r) => r.level)).toEqual(["region", "county"]);
    expect(explainRecipient(result, "Dalarna", { levels: ["region"] }).explanations.map((x) => x.pot.id)).toEqual(["3b", "4b"]);
    expect(explainRecipient(result, "Falun", { pots: ["2"] }).explanations).toHaveLength(1);
    expect(() => explainRecipient(result, "Falun", { pots: ["5"] })).toThrowError(expect.objectContaining({ code: "ALLOCATION_EMPTY_SELECTION" }));
    expect(() => explainRecipient(result, "Falun", { pots: ["9"] })).toThrowError(expect.objectContaining({ code: "ALLOCATION_UNKNOWN_POT" }));
  });
});

describe("explain, new primitives", () => {
  // Every municipality 1 person, Falun 3: 292 in all (as in tests/allocate.test.ts).
  const counts: Record<string, number> = {};
  for (const c of allCounties()) for (const m of c.municipalityCodes) counts[m] = m === "2080" ? 3 : 1;
  const pop = createPopulation({ referenceDate: "2024-11-01", counts: { total: counts } });
  const agreement = parseAgreement({
    id: "t",
    title: "t",
    source: "hand",
    total: 689,
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
      { id: "c", name: "län", source: "x", amount: 251, level: "county", status: "known", roundingLevel: "municipality", rule: { type: "basePlusShare", base: 5, key: "total" } },
    ],
  });
  const r = allocate(agreement, pop);

  it("explains a split pot at the level asked about", () => {
    const falun = explain(r, "Falun", "s");
    expect(falun.recipient.level).toBe("municipality");
    expect(falun.text[1]).toBe("Potten delas mellan nivåer; kommuner får 146 kr av den.");
    expect(falun.text[2]).toBe("146 × 3 / 292 = 1,50 → 2 kr");
    const region = explain(r, "Region Dalarna", "s");
    expect(region.recipient.level).toBe("region");
    expect(region.text.join("\n")).toMatch(/292 × 17 \/ 292 = 17,00 → 17 kr/);
  });

  it("explains a county amount rounded per municipality, municipality by municipality", () => {
    const e = explain(r, "Dalarnas län", "c");
    expect(e.line!.amount).toBe(21n);
    const text = e.text.join("\n");
    expect(e.text[1]).toBe("5 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1 = 21 kr");
    expect(text).toMatch(/avrundas per kommun och summeras till länet/);
    expect(text).toMatch(/Falun: 146 × 3 \/ 292 = 1,50 → 2/);
    expect(text).toMatch(/Utan avrundning per kommun vore beloppet 13,50 kr/);
  });
});

describe("explain, incomplete pots", () => {
  it("says a pot whose level is unknown cannot be computed, and why", () => {
    const r = allocate(loadBundledAgreement("2021"), loadBundledPopulation("2020-12-31"));
    const e = explain(r, "Falun", "um");
    expect(e.line).toBeUndefined();
    expect(e.text[1]).toBe("Beloppet kan inte beräknas: källorna anger inte vilka som får potten (saknas: belopp, nivå, fördelningsnyckel (åldersgrupp), referensdatum).");
  });
});
