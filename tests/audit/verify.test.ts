import { describe, expect, it } from "vitest";
import { allocate } from "../../src/allocate.js";
import { parsePublishedTable } from "../../src/audit/table.js";
import { verifyTable } from "../../src/audit/verify.js";
import { renderIssue } from "../../src/errors.js";
import { loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ORACLES } from "../helpers.js";

describe("verifyTable", () => {
  it("holds Dalarna's published pot-2 table against the 2025 allocation: all 15 equal", () => {
    const table = parsePublishedTable(readFileSync(resolve(ORACLES, "dalarna-2025.csv"), "utf8"), { where: { pot: "2" } });
    const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
    const expected = result.lines.filter((l) => l.pot === "2").map(({ level, code, amount }) => ({ level, code, amount }));
    const v = verifyTable(table, expected);
    expect(v.ok).toBe(true);
    expect(v.matched).toBe(15);
    expect(v.issues).toEqual([]);
  });

  it("names each differing row and total, in Swedish too, and a row it has nothing to compare with", () => {
    const t = parsePublishedTable("Falun 1 309 672\nMora 533 589\nLeksand 466 464\nSumma 2 309 726\n");
    const v = verifyTable(
      t,
      [
        { level: "municipality", code: "2080", amount: 1_309_672n },
        { level: "municipality", code: "2062", amount: 533_588n },
        { level: "municipality", code: "2029", amount: null },
      ],
      { file: "dalarna.txt" },
    );
    expect(v.ok).toBe(false);
    expect([v.matched, v.mismatched, v.notComputed]).toEqual([1, 1, 1]);
    expect(v.rows.map((r) => [r.code, r.expected, r.difference, r.ok])).toEqual([
      ["2080", 1_309_672n, 0n, true],
      ["2062", 533_588n, 1n, false],
      ["2029", null, null, false],
    ]);
    // 1 309 672 + 533 589 + 466 464 = 2 309 725, one krona less than the printed total.
    expect(v.totals).toEqual([{ line: 4, label: "Summa", published: 2_309_726n, rowsSum: 2_309_725n, difference: -1n, ok: false }]);
    expect(v.issues.map((i) => renderIssue(i, "sv"))).toEqual([
      "dalarna.txt, rad 2: Mora (2062): tabellen anger 533 589 kr, beräkningen ger 533 588 kr (skillnad +1 kr)",
      "dalarna.txt, rad 3: Leksand (2029): tabellen anger 466 464 kr, men beräkningen har inget belopp för mottagaren",
      'dalarna.txt, rad 4: summaraden "Summa" är 2 309 726 kr men raderna ovanför summerar till 2 309 725 kr (skillnad -1 kr)',
    ]);
  });
});
