/**
 * The bundled population files, compiled at build time (data/checked/population/): the compiled
 * form is what the build step writes from data/population/ now, it gives the very dataset the CSV
 * reader gives, and it is used only for the bytes it was compiled from.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkedPopulations } from "../../scripts/build-checked-agreements.js";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { listBundledPopulations, loadBundledPopulation } from "../../src/node/bundled.js";
import { mergePopulations, normalizeKey } from "../../src/population.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const CHECKED = join(ROOT, "data", "checked", "population");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

const fromCsv = (id: string, root = ROOT) => {
  const entry = listBundledPopulations().find((d) => d.id === id)!;
  return mergePopulations(...entry.files.map((f) => parseProjectCsv(readFileSync(join(root, "data", "population", f), "utf8"), { file: `data/population/${f}` })));
};

describe("bundled populations, compiled at build time", () => {
  it("data/checked/population/ holds exactly what the build step writes from data/population/ now", () => {
    const expected = checkedPopulations(ROOT);
    const onDisk = filesUnder(CHECKED).map((f) => relative(CHECKED, f).split(sep).join("/")).sort();
    expect(onDisk).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(CHECKED, name), "utf8"), name).toBe(text);
  });

  it("every bundled dataset read from the compiled form equals reading its CSV files", () => {
    const ids = listBundledPopulations().map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(14);
    for (const id of ids) expect(loadBundledPopulation(id), id).toStrictEqual(fromCsv(id));
    // A published figure: Sweden's population on 1 November 2024, and Falun's.
    const pop = loadBundledPopulation("2024-11-01");
    expect(pop.counts.get(normalizeKey("total"))!.get("2080")).toBe(59892n);
    expect([...pop.counts.get(normalizeKey("total"))!.values()].reduce((s, v) => s + v, 0n)).toBe(10_587_140n);
    expect(loadBundledPopulation("2019-12-31").ages.get("2080")!.length).toBe(101);
  });

  describe("a compiled form that does not match its CSV", () => {
    const copy = mkdtempSync(join(tmpdir(), "stimulansmedel-checked-"));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it("is not used: the CSV is read instead", async () => {
      // A package copy whose CSV was edited after the build: its compiled form is stale.
      cpSync(join(ROOT, "data"), join(copy, "data"), { recursive: true });
      cpSync(join(ROOT, "src"), join(copy, "src"), { recursive: true });
      const csv = join(copy, "data", "population", "2024-11-01_total.csv");
      writeFileSync(csv, readFileSync(csv, "utf8").replace(/^2080,total,59892$/m, "2080,total,59893"));
      const bundled = (await import(join(copy, "src", "node", "bundled.ts"))) as typeof import("../../src/node/bundled.js");
      const falun = bundled.loadBundledPopulation("2024-11-01").counts.get(normalizeKey("total"))!.get("2080");
      expect(falun).toBe(59893n);
    });

    it("is used when it matches (so an edit to the compiled form alone shows)", async () => {
      const json = join(copy, "data", "checked", "population", "2024-11-01_total.json");
      const csv = join(copy, "data", "population", "2024-11-01_total.csv");
      writeFileSync(csv, readFileSync(join(ROOT, "data", "population", "2024-11-01_total.csv")));
      writeFileSync(json, readFileSync(json, "utf8").replace('"2080":59892', '"2080":59000'));
      const bundled = (await import(join(copy, "src", "node", "bundled.ts"))) as typeof import("../../src/node/bundled.js");
      expect(bundled.loadBundledPopulation("2024-11-01").counts.get(normalizeKey("total"))!.get("2080")).toBe(59000n);
    });
  });
});
