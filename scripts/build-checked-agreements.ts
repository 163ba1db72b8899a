/**
 * Validates the bundled agreements at build time (`npm run build` runs this first) and writes
 * data/checked/agreements.json: each agreement as parseAgreement returns it, amounts tagged as
 * `{ "$kr": "…" }`, with the sha256 of its source file. loadBundledAgreement reads this form
 * without zod; tests/agreements/checked.test.ts holds it equal to parsing the sources.
 *
 * It also compiles every bundled population file to data/checked/population/*.json (the dataset as
 * createPopulation's input, with the sha256 of its CSV), so loadBundledPopulation skips the CSV
 * reader; tests/node/checked-populations.test.ts holds those equal to reading the CSV files.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseAgreement } from "../src/rules.js";
import { compilePopulation, encodeChecked } from "../src/node/bundled.js";

const ROOT = resolve(import.meta.dirname, "..");

/**
 * The checked form of every agreement in data/agreements/ as JSON text.
 *
 * @example
 * ```ts
 * JSON.parse(checkedAgreements(process.cwd())).agreements["2025"].sha256;
 * ```
 */
export function checkedAgreements(root: string): string {
  const dir = join(root, "data", "agreements");
  const agreements: Record<string, unknown> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const bytes = readFileSync(join(dir, f));
    const file = `data/agreements/${f}`;
    agreements[f.replace(/\.json$/, "")] = { file, sha256: createHash("sha256").update(bytes).digest("hex"), agreement: parseAgreement(JSON.parse(bytes.toString("utf8")), file) };
  }
  return `${encodeChecked({ format: 1, agreements })}\n`;
}

/**
 * The compiled form of every population file the manifest lists, by its path under
 * data/checked/population/ (`2024-11-01_total.json`, `derived/…`).
 *
 * @example
 * ```ts
 * checkedPopulations(process.cwd()).get("2024-11-01_total.json");
 * ```
 */
export function checkedPopulations(root: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(root, "data", "population", "manifest.json"), "utf8")) as { datasets: { files: string[] }[] };
  const files = [...new Set(manifest.datasets.flatMap((d) => d.files))].sort();
  return new Map(files.map((f) => [f.replace(/\.csv$/, ".json"), compilePopulation(`data/population/${f}`, readFileSync(join(root, "data", "population", f)))]));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(join(ROOT, "data", "checked"), { recursive: true });
  writeFileSync(join(ROOT, "data", "checked", "agreements.json"), checkedAgreements(ROOT));
  console.log("wrote data/checked/agreements.json");
  const dir = join(ROOT, "data", "checked", "population");
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of checkedPopulations(ROOT)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  console.log("wrote data/checked/population/");
}
