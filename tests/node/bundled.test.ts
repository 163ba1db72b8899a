import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeKey, keyCounts, levelCounts } from "../../src/population.js";
import { listBundledAgreements, listBundledPopulations, loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { ROOT, issueWith } from "../helpers.js";

const total = (id: string) => {
  const k = keyCounts(loadBundledPopulation(id), "total");
  return k;
};

describe("bundled data", () => {
  it("lists the datasets the core issue asks for", () => {
    const ids = listBundledPopulations().map((d) => d.id);
    expect(ids).toEqual(["2015-12-31", "2016-12-31", "2017-12-31", "2018-12-31", "2019-12-31", "2020-12-31", "2021-11-01", "2021-12-31", "2022-11-01", "2022-12-31", "2023-11-01", "2023-12-31", "2024-11-01", "2024-12-31"]);
    expect(listBundledAgreements()).toContain("2025");
    expect(() => loadBundledAgreement("1999")).toThrowError(issueWith("AGREEMENT_NOT_FOUND", { value: "1999" }));
    expect(() => loadBundledPopulation("1999-01-01")).toThrowError(issueWith("POPULATION_NOT_FOUND", { value: "1999-01-01" }));
  });

  it("has SCB's national totals: 1 Nov 2024 and every 31 December 2015–2024", () => {
    expect(BigInt(total("2024-11-01").national!)).toBe(10_587_140n);
    const expected: Record<number, bigint> = {
      2015: 9_851_017n, 2016: 9_995_153n, 2017: 10_120_242n, 2018: 10_230_185n, 2019: 10_327_589n,
      2020: 10_379_295n, 2021: 10_452_326n, 2022: 10_521_556n, 2023: 10_551_707n, 2024: 10_587_710n,
    };
    for (const [year, n] of Object.entries(expected)) expect(BigInt(total(`${year}-12-31`).national!), year).toBe(n);
    expect(levelCounts(total("2024-11-01"), "county").get("20")).toBe(286_368n);
  });

  it("has single-year ages for 31 Dec 2019 that sum to the totals, with Sweden 0–18 = 2 290 834", () => {
    const pop = loadBundledPopulation("2019-12-31");
    expect(pop.ages.size).toBe(290);
    const band = keyCounts(pop, "0-18");
    expect(BigInt(band.national!)).toBe(2_290_834n);
    const t = total("2019-12-31");
    for (const [code, v] of pop.ages) expect(v.reduce((s, x) => s! + x!, 0n), code).toBe(levelCounts(t, "municipality").get(code));
  });

  it("labels Dalarna's 0–18 counts as derived, in the data itself", () => {
    const text = readFileSync(resolve(ROOT, "data/population/2024-11-01_dalarna_0-18_harledd.csv"), "utf8");
    expect(text).toMatch(/# härledd: ja/);
    const pop = loadBundledPopulation("2024-11-01");
    expect(pop.sources.find((s) => s.derived)?.title).toMatch(/HÄRLEDD/);
    expect(pop.nationalTotals.get(normalizeKey("0-18"))).toBe(2_265_405n);
  });

  it("records the sha256 of each bundled file and of its source, and the bundled files still match", () => {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, "data/population/manifest.json"), "utf8")) as {
      files: { file: string; source: string; sha256: string; fileSha256: string }[];
    };
    expect(manifest.files.length).toBeGreaterThan(10);
    for (const f of manifest.files) {
      expect(f.sha256, f.source).toMatch(/^[0-9a-f]{64}$/);
      const hash = createHash("sha256").update(readFileSync(resolve(ROOT, "data/population", f.file))).digest("hex");
      expect(hash, f.file).toBe(f.fileSha256);
    }
  });
});
