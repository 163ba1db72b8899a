import { describe, expect, it } from "vitest";
import { allocate, selectAllocation } from "../../src/allocate.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { formatAllocationCsv, toSwedishCsv } from "../../src/report/csv.js";

const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));

describe("Swedish Excel CSV", () => {
  it("has a BOM, semicolons, CRLF and quotes only where needed", () => {
    expect(toSwedishCsv([["a", "b;c", 'd"e'], ["1", "2", "3"]])).toBe('\uFEFFa;"b;c";"d""e"\r\n1;2;3\r\n');
  });

  it("writes one row per recipient and pot, whole kronor without separators", () => {
    const csv = formatAllocationCsv(selectAllocation(result, { county: "20", level: "county" }));
    expect(csv).toBe(
      "\uFEFFNivå;Kod;Mottagare;Pott;Belopp;Anmärkning\r\n" +
        ["1a;2000000", "1b;1000000", "1c;1000000", "3a;5409733", "4a;7569623"].map((p) => `län;20;Dalarnas län;${p};\r\n`).join(""),
    );
  });

  it("writes every missing amount as a row with an empty amount, never 0", () => {
    const csv = formatAllocationCsv(selectAllocation(result, { level: "municipality" }));
    const rows = csv.slice(1).trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(290);
    expect(rows.filter((r) => r.split(";")[4] === "")).toHaveLength(275);
    expect(rows.some((r) => r.split(";")[4] === "0")).toBe(false);
  });
});
