/**
 * Reading agreement and population files from disk (Node only). Errors name the file.
 */
import { readFileSync } from "node:fs";
import { AgreementError, attempt, PopulationError, type Attempt } from "../errors.js";
import { readJson } from "../io/json.js";
import { parsePopulation, type ParsePopulationOptions } from "../io/population.js";
import type { PopulationDataset } from "../population.js";
import { parseAgreement, type Agreement } from "../rules.js";

/** Reads a file as bytes, turning a missing or unreadable file into a typed error. */
export function readBytes(path: string, onMissing: (message: string) => Error): Buffer {
  try {
    return readFileSync(path === "-" ? 0 : path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw onMissing(err.code === "ENOENT" ? "no such file" : `cannot read the file (${err.code ?? err.message})`);
  }
}

/**
 * Reads and validates an agreement JSON file.
 *
 * @throws AgreementError naming the file and JSON path of every problem.
 * @example
 * ```ts
 * const a = loadAgreementFile("my-what-if.json");
 * ```
 */
export function loadAgreementFile(path: string): Agreement {
  const bytes = readBytes(path, (m) => new AgreementError("AGREEMENT_NOT_FOUND", m, { file: path }));
  const json = readJson(bytes.toString("utf8"), "AGREEMENT_INVALID", path);
  return parseAgreement(json, path);
}

/**
 * Reads a population file (`-` reads standard input); see {@link parsePopulation} for the formats.
 *
 * @throws PopulationError naming the file, line and value.
 * @example
 * ```ts
 * const pop = loadPopulationFile("befolkning-0-18.csv");
 * ```
 */
export function loadPopulationFile(path: string, options: Omit<ParsePopulationOptions, "file"> = {}): PopulationDataset {
  const label = path === "-" ? "<stdin>" : path;
  const bytes = readBytes(path, (m) => new PopulationError("POPULATION_NOT_FOUND", m, { file: label }));
  return parsePopulation(bytes, { file: label, ...options });
}

/** The result of the `safeLoad…File` functions: the value, or every problem found. */
export type LoadResult<T> = Attempt<T>;

/**
 * {@link loadAgreementFile} without throwing: the agreement, or every problem (missing file,
 * invalid JSON, each schema problem and broken invariant with its JSON path).
 *
 * @example
 * ```ts
 * const r = safeLoadAgreementFile("what-if.json");
 * if (!r.ok) for (const i of r.issues) console.error(describeIssue(i));
 * ```
 */
export function safeLoadAgreementFile(path: string): LoadResult<Agreement> {
  return attempt(() => loadAgreementFile(path));
}

/**
 * {@link loadPopulationFile} without throwing: the dataset, or every problem (missing file,
 * encoding, each bad row with its line and value).
 *
 * @example
 * ```ts
 * const r = safeLoadPopulationFile("befolkning.csv");
 * if (r.ok) console.log(r.value.referenceDate);
 * ```
 */
export function safeLoadPopulationFile(path: string, options: { referenceDate?: string } = {}): LoadResult<PopulationDataset> {
  return attempt(() => loadPopulationFile(path, options));
}
