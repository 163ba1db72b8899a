/**
 * No data lost: every data row of a project CSV is used, or refused with its own line number.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrownBy } from "../helpers.js";
import { allMunicipalities } from "../../src/geography/index.js";
import { formatProjectCsv, parseProjectCsv } from "../../src/io/project-csv.js";
import { normalizeKey } from "../../src/population.js";

const CODES = allMunicipalities().map((m) => m.code);
const HEAD = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n";

/** Distinct municipalities with counts for one or two keys, plus Sweden's count per key. */
const rowsArb = fc
  .record({
    codes: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 60 }),
    keys: fc.uniqueArray(fc.constantFrom("total", "0-18", "65-100", "7-7"), { minLength: 1, maxLength: 2 }),
    seed: fc.array(fc.bigInt(0n, 10n ** 8n), { minLength: 120, maxLength: 120 }),
  })
  .map(({ codes, keys, seed }) => {
    const rows = keys.flatMap((key, k) => codes.map((code, i) => ({ code, key, count: seed[(i + 60 * k) % seed.length]! })));
    const national = keys.map((key) => ({ code: "00", key, count: rows.filter((r) => r.key === key).reduce((s, r) => s + r.count, 0n) + 1n }));
    return [...rows, ...national];
  });

/** Lines that must each be refused: wrong field count, bad code, bad count, a # line. */
const junkArb = fc.constantFrom("2080,0-18", "2080,0-18,1,2", "9999,total,5", "20,total,5", "2080,total,-1", "2080,total,1.5", "# källa: mitt i", "2080,total,tolv");

describe("the project CSV loses no row (properties)", () => {
  it("uses every data row: each count is in the dataset under its code and key", () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, blankLines) => {
        const text = HEAD + rows.map((r) => `${r.code},${r.key},${r.count}`).join(blankLines ? "\n\n" : "\n") + "\n";
        const pop = parseProjectCsv(text);
        let entries = 0;
        for (const byCode of pop.counts.values()) entries += byCode.size;
        expect(entries + pop.nationalTotals.size).toBe(rows.length);
        for (const r of rows) {
          if (r.code === "00") expect(pop.nationalTotals.get(normalizeKey(r.key))).toBe(r.count);
          else expect(pop.counts.get(normalizeKey(r.key))!.get(r.code)).toBe(r.count);
        }
        expect(parseProjectCsv(formatProjectCsv(pop)).counts).toEqual(pop.counts);
      }),
      { numRuns: 150 },
    );
  });

  it("names every bad row with its own line, however many there are", () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.tuple(fc.nat(), junkArb), { minLength: 1, maxLength: 8 }), (rows, junk) => {
        const lines = rows.map((r) => `${r.code},${r.key},${r.count}`);
        for (const [at, j] of junk) lines.splice(at % (lines.length + 1), 0, j);
        const text = HEAD + lines.join("\n") + "\n";
        const badLines = lines.flatMap((l, i) => (junk.some(([, j]) => j === l) ? [i + 3] : []));
        const { issues } = thrownBy(() => parseProjectCsv(text));
        // Every bad row up to the first repeated one is named (a repeat stops the file, and is the
        // last row named); a good row is named only as the duplicate of a bad one.
        const stop = issues.find((i) => i.code === "POPULATION_DUPLICATE")?.line ?? Infinity;
        for (const line of badLines) if (line <= stop) expect(issues.map((i) => i.line)).toContain(line);
        for (const i of issues) if (i.line !== undefined) expect(i.line).toBeLessThanOrEqual(stop);
        for (const i of issues) if (!badLines.includes(i.line!)) expect(i.code).toBe("POPULATION_DUPLICATE");
      }),
      { numRuns: 150 },
    );
  });
});
