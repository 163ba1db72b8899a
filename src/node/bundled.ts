/**
 * The data bundled in the package's data/ folder: agreements and population (Node only).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AgreementError, PopulationError } from "../errors.js";
import { parseProjectCsv } from "../io/project-csv.js";
import { mergePopulations, type PopulationDataset } from "../population.js";
import { parseAgreement, type Agreement } from "../rules.js";

let cachedDir: string | undefined;

/** The package's data/ folder, found by walking up from this module (works from src/ and dist/). */
export function dataDir(): string {
  if (cachedDir) return cachedDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "data", "population", "manifest.json"))) return (cachedDir = join(dir, "data"));
    dir = dirname(dir);
  }
  throw new PopulationError("IO", "cannot find the bundled data/ folder next to the package");
}

/** One bundled population dataset, as listed in data/population/manifest.json. */
export interface BundledPopulation {
  id: string;
  referenceDate: string;
  files: string[];
  description: string;
  /** Every count is derived (worked back from published amounts), none is SCB's. */
  derived?: boolean;
}

/** The bundled population datasets. */
export function listBundledPopulations(): BundledPopulation[] {
  const manifest = JSON.parse(readFileSync(join(dataDir(), "population", "manifest.json"), "utf8")) as { datasets: BundledPopulation[] };
  return manifest.datasets;
}

/**
 * A bundled population dataset by id (its reference date), e.g. `2024-11-01`.
 *
 * @throws PopulationError `POPULATION_NOT_FOUND` naming the ids that exist.
 * @example
 * ```ts
 * const pop = loadBundledPopulation("2024-11-01"); // totals (SCB) + Dalarna 0–18 (derived)
 * ```
 */
export function loadBundledPopulation(id: string): PopulationDataset {
  const all = listBundledPopulations();
  const entry = all.find((d) => d.id === id);
  if (!entry) {
    throw new PopulationError("POPULATION_NOT_FOUND", `no bundled population "${id}"; bundled: ${all.map((d) => d.id).join(", ")}`, { value: id });
  }
  return mergePopulations(
    ...entry.files.map((f) => parseProjectCsv(readFileSync(join(dataDir(), "population", f), "utf8"), { file: `data/population/${f}` })),
  );
}

/** Ids of the bundled agreements, in order. */
export function listBundledAgreements(): string[] {
  return readdirSync(join(dataDir(), "agreements"))
    .filter((f) => /^(?:kvinnors-halsa-)?\d{4}.*\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

/**
 * A bundled agreement by id, e.g. `2025`.
 *
 * @throws AgreementError `AGREEMENT_NOT_FOUND` naming the ids that exist.
 * @example
 * ```ts
 * loadBundledAgreement("2025").total; // 1560000000n
 * ```
 */
export function loadBundledAgreement(id: string): Agreement {
  const ids = listBundledAgreements();
  if (!ids.includes(id)) throw new AgreementError("AGREEMENT_NOT_FOUND", `no bundled agreement "${id}"; bundled: ${ids.join(", ")}`, { value: id });
  const file = `data/agreements/${id}.json`;
  return parseAgreement(JSON.parse(readFileSync(join(dataDir(), "agreements", `${id}.json`), "utf8")), file);
}

/**
 * The bundled population an agreement is computed on by default: the dataset whose id is the
 * agreement's reference date.
 */
export function defaultPopulationFor(agreement: Agreement): PopulationDataset {
  if (!agreement.referenceDate) {
    throw new PopulationError("POPULATION_NOT_FOUND", `agreement ${agreement.id} has no known reference date; give --population`);
  }
  return loadBundledPopulation(agreement.referenceDate);
}
