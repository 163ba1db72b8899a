/**
 * The data bundled in the package's data/ folder: agreements and population (Node only).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { raise } from "../errors.js";
import { parseProjectCsv } from "../io/project-csv.js";
import { createPopulation, mergePopulations, type PopulationDataset, type PopulationInput } from "../population.js";
import type { Agreement } from "../rules.js";

let cachedDir: string | undefined;

/** The package's data/ folder, found by walking up from this module (works from src/ and dist/). */
export function dataDir(): string {
  if (cachedDir) return cachedDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "data", "population", "manifest.json"))) return (cachedDir = join(dir, "data"));
    dir = dirname(dir);
  }
  return raise("IO", "no-data-dir", {});
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
    raise("POPULATION_NOT_FOUND", "unknown-bundled", { id, ids: all.map((d) => d.id) }, { value: id });
  }
  return mergePopulations(...entry.files.map(bundledPopulationFile));
}

/**
 * One file of data/population/ as a dataset: from its compiled form in data/checked/population/
 * (written at build time, see {@link compilePopulation}) when that was compiled from these very
 * bytes, else read with the CSV reader. The compiled form skips the CSV reader; createPopulation
 * still builds (and checks) the dataset.
 */
function bundledPopulationFile(f: string): PopulationDataset {
  const file = `data/population/${f}`;
  const bytes = readFileSync(join(dataDir(), "population", f));
  const compiled = join(dataDir(), "checked", "population", f.replace(/\.csv$/, ".json"));
  if (existsSync(compiled)) {
    const form = JSON.parse(readFileSync(compiled, "utf8")) as CompiledPopulation;
    if (form.format === 1 && form.sha256 === createHash("sha256").update(bytes).digest("hex")) return createPopulation({ ...form.input, file });
  }
  return parseProjectCsv(bytes.toString("utf8"), { file });
}

/** The compiled form of one bundled population file (data/checked/population/*.json). */
export interface CompiledPopulation {
  format: 1;
  /** The source file, e.g. `data/population/2024-11-01_total.csv`. */
  file: string;
  /** sha256 of the source file's bytes: the form is used only for those bytes. */
  sha256: string;
  /** What createPopulation builds the dataset from; counts are safe integers (people). */
  input: PopulationInput;
}

/**
 * The compiled form of a bundled population file, as JSON text: the dataset the CSV reader gives,
 * as createPopulation's input (counts as JSON numbers, all below 2^53).
 *
 * @example
 * ```ts
 * const text = compilePopulation("data/population/2024-11-01_total.csv", bytes);
 * ```
 */
export function compilePopulation(file: string, bytes: Uint8Array): string {
  const dataset = parseProjectCsv(new TextDecoder().decode(bytes), { file });
  const count = (v: bigint | undefined): number | null => {
    if (v === undefined) return null;
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`${file}: count ${v} is not a safe integer`);
    return n;
  };
  const byCode = (m: ReadonlyMap<string, bigint>) => Object.fromEntries([...m].map(([c, v]) => [c, count(v)]));
  const keyed = (m: ReadonlyMap<string, ReadonlyMap<string, bigint>>) => Object.fromEntries([...m].map(([k, v]) => [k, byCode(v)]));
  const ages = (m: ReadonlyMap<string, readonly (bigint | undefined)[]>) => Object.fromEntries([...m].map(([c, v]) => [c, v.map(count)]));
  const input = {
    referenceDate: dataset.referenceDate,
    ...(dataset.counts.size > 0 ? { counts: keyed(dataset.counts) } : {}),
    ...(dataset.countyCounts.size > 0 ? { countyCounts: keyed(dataset.countyCounts) } : {}),
    ...(dataset.ages.size > 0 ? { ages: ages(dataset.ages) } : {}),
    ...(dataset.countyAges.size > 0 ? { countyAges: ages(dataset.countyAges) } : {}),
    ...(dataset.nationalAges ? { nationalAges: dataset.nationalAges.map(count) } : {}),
    ...(dataset.nationalTotals.size > 0 ? { nationalTotals: byCode(dataset.nationalTotals) } : {}),
    sources: [...dataset.sources],
  };
  const form = { format: 1, file, sha256: createHash("sha256").update(bytes).digest("hex"), input };
  return `${JSON.stringify(form)}\n`;
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
  if (!ids.includes(id)) raise("AGREEMENT_NOT_FOUND", "no-bundled", { id, ids }, { value: id });
  // Validated at build time (scripts/build-checked-agreements.ts): read without zod, after
  // checking that the source file is the one that was validated.
  const entry = checkedForm().agreements[id];
  const file = `data/agreements/${id}.json`;
  const bytes = readFileSync(join(dataDir(), "agreements", `${id}.json`));
  if (!entry || entry.sha256 !== createHash("sha256").update(bytes).digest("hex")) raise("AGREEMENT_NOT_FOUND", "checked-stale", { id, file }, { file });
  return reviveChecked(entry.agreement) as Agreement;
}

interface CheckedForm {
  format: 1;
  agreements: Record<string, { file: string; sha256: string; agreement: unknown }>;
}

let checkedText: string | undefined;

function checkedForm(): CheckedForm {
  checkedText ??= readFileSync(join(dataDir(), "checked", "agreements.json"), "utf8");
  // Parsed on every call: each caller gets objects of its own, as parseAgreement gave.
  return JSON.parse(checkedText) as CheckedForm;
}

/**
 * JSON text of a value with its bigints tagged as `{ "$kr": "…" }` (the checked form's one
 * extension of JSON; agreement files have no `$kr` field, their schema is strict).
 *
 * @example
 * ```ts
 * encodeChecked({ total: 5n }); // '{"total":{"$kr":"5"}}'
 * ```
 */
export function encodeChecked(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? { $kr: v.toString() } : v));
}

/**
 * The value {@link encodeChecked} wrote, with its bigints back.
 *
 * @example
 * ```ts
 * reviveChecked(JSON.parse(encodeChecked({ total: 5n }))); // { total: 5n }
 * ```
 */
export function reviveChecked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveChecked);
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if (typeof o.$kr === "string" && Object.keys(o).length === 1) return BigInt(o.$kr);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = reviveChecked(o[k]);
  return out;
}

/**
 * The bundled population an agreement is computed on by default: the dataset whose id is the
 * agreement's reference date.
 */
export function defaultPopulationFor(agreement: Agreement): PopulationDataset {
  if (!agreement.referenceDate) {
    raise("POPULATION_NOT_FOUND", "no-reference-date", { agreement: agreement.id });
  }
  return loadBundledPopulation(agreement.referenceDate);
}
