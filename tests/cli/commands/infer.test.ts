/**
 * `stimulansmedel infer`: the population base and rounding behind a published table, from SKR's
 * published amounts (tests/oracles/dalarna-2025.csv, tests/oracles/kvinnors-halsa/).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { captureStdout, isolatedRun as run } from "../run.js";
import { ROOT } from "../../helpers.js";

const stdout = captureStdout();

type Doc = {
  solutions: number;
  unique: boolean;
  keyTotals: number[];
  fitting: string[];
  chance: { log10: number };
  bases: { keyTotal: number; counts: { code: string; lo: number; hi: number }[] }[];
  comparisons: { name: string; derived: boolean; national: { given: number; difference: number }; absoluteSum: number }[];
  conventions: { convention: string; fits: boolean; breaking: { code: string; difference: number }[] }[] | null;
};

function dalarnaSlide(): string {
  const rows = readFileSync(resolve(ROOT, "tests/oracles/dalarna-2025.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).filter((c) => c[1] === "2");
  const file = join(mkdtempSync(join(tmpdir(), "sm-infer-")), "dalarna.txt");
  writeFileSync(file, `Belopp per huvudman\n${rows.map((c) => `${c[4]!.replace("-", "/")}\t${c[5]!.replace(/\B(?=(\d{3})+$)/g, " ")}`).join("\n")}\n`);
  return file;
}

describe("stimulansmedel infer", () => {
  it("Dalarna's 15 amounts of pot 2 (2025): exactly one solution, N = 2 265 405, Falun 13 093 (acceptance)", async () => {
    expect(await run(["infer", dalarnaSlide(), "--amount", "250 000 000", "--base", "200000", "--level", "municipality", "--key", "0-18", "--range", "1500000-3500000", "--format", "json"])).toBe(0);
    const doc = JSON.parse(stdout.text) as Doc;
    expect(doc.solutions).toBe(1);
    expect(doc.unique).toBe(true);
    expect(doc.keyTotals).toEqual([2_265_405]);
    expect(doc.bases[0]!.counts.find((c) => c.code === "2080")).toEqual({ code: "2080", name: "Falun", amount: 1_309_672, lo: 13_093, hi: 13_093 });
    expect(doc.chance.log10).toBeLessThan(-15);
    // The bundled 2024-11-01 data holds exactly these counts (derived from the same amounts); 2019-12-31's ages differ.
    expect(doc.comparisons[0]).toMatchObject({ name: "2024-11-01", absoluteSum: 0, national: { given: 2_265_405, difference: 0 } });
    expect(doc.comparisons.find((c) => c.name === "2019-12-31")!.absoluteSum).toBeGreaterThan(0);
    stdout.reset();
    await run(["infer", dalarnaSlide(), "--amount", "250000000", "--base", "200000", "--key", "0-18"]);
    expect(stdout.text).toContain("Exakt en lösning: N = 2 265 405.");
    expect(stdout.text).toMatch(/2080\s+Falun\s+1 309 672\s+13 093/);
  });

  it("SKR's 2024 women's-health table: one base, N = 10 557 682, plain nearest-krona rounding", async () => {
    expect(await run(["infer", resolve(ROOT, "tests/oracles/kvinnors-halsa/2024.csv"), "--level", "region", "--column", "belopp_befolkning_kr", "--format", "json"])).toBe(0);
    const doc = JSON.parse(stdout.text) as Doc;
    expect(doc.solutions).toBe(1);
    expect(doc.keyTotals).toEqual([10_557_682]);
    expect(doc.fitting[0]).toBe("nearest");
    // Against SCB's 31 December 2023: 5 975 persons fewer nationally.
    expect(doc.comparisons.find((c) => c.name === "2023-12-31")!.national.difference).toBe(-5_975);
  });

  it("the 2022 table: largest remainder, and the rows plain rounding breaks", async () => {
    expect(await run(["infer", resolve(ROOT, "tests/oracles/kvinnors-halsa/2022.csv"), "--level", "region", "--column", "belopp_kr", "--format", "json"])).toBe(0);
    const doc = JSON.parse(stdout.text) as Doc;
    expect(doc.solutions).toBe(1);
    expect(doc.fitting).toEqual(["largest-remainder"]);
    expect(doc.conventions!.find((c) => c.convention === "nearest")!.breaking.map((b) => b.code)).toEqual(["18", "24"]);
    stdout.reset();
    await run(["infer", resolve(ROOT, "tests/oracles/kvinnors-halsa/2022.csv"), "--level", "region", "--column", "belopp_kr"]);
    expect(stdout.text).toContain("passar: största rest (Hamilton)");
  });

  it("no base in a range that holds none: exit 3; bad options: exit 1", async () => {
    expect(await run(["infer", dalarnaSlide(), "--amount", "250000000", "--base", "200000", "--key", "0-18", "--range", "1500000-1600000"])).toBe(3);
    expect(stdout.text).toContain("Ingen lösning");
    expect(await run(["infer", dalarnaSlide(), "--amount", "25O"])).toBe(1);
    expect(await run(["infer", dalarnaSlide(), "--amount", "1", "--range", "9-3"])).toBe(1);
    expect(await run(["infer"])).toBe(1);
  });
});
