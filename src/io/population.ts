/**
 * Population files in any supported format, from bytes: the format and encoding are detected.
 * Pure (bytes in, dataset out), so the web page can use it on a dropped file.
 */
import { PopulationError, StimulansmedelError, type Issue } from "../errors.js";
import type { PopulationDataset } from "../population.js";
import { parseProjectCsv } from "./project-csv.js";

/** Options for {@link parsePopulation}. */
export interface ParsePopulationOptions {
  /** Name for error messages, e.g. the file name or `<stdin>`. */
  file?: string;
  /** Reference date to use when the file does not say. */
  referenceDate?: string;
}

/**
 * Reads a population file from its bytes. Supported today: the project's CSV (UTF-8).
 *
 * @throws PopulationError naming the file, line and value.
 * @example
 * ```ts
 * const pop = parsePopulation(new TextEncoder().encode(text), { file: "pop.csv" });
 * ```
 */
export function parsePopulation(bytes: Uint8Array, options: ParsePopulationOptions = {}): PopulationDataset {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PopulationError("POPULATION_ENCODING", "the file is not UTF-8 (save it as UTF-8)", { file: options.file });
  }
  return parseProjectCsv(text, options);
}

/** The result of {@link safeParsePopulation}: the dataset, or every problem found. */
export type PopulationParseResult = { ok: true; dataset: PopulationDataset } | { ok: false; issues: Issue[] };

/**
 * {@link parsePopulation} without throwing: the dataset, or every problem the loader found (each
 * row problem with its line and value), so a file with many mistakes is fixed in one round.
 * Only a {@link StimulansmedelError} becomes issues; anything else is a bug and is rethrown.
 *
 * @example
 * ```ts
 * const r = safeParsePopulation(bytes, { file: "pop.csv" });
 * if (!r.ok) for (const i of r.issues) console.error(describeIssue(i));
 * ```
 */
export function safeParsePopulation(bytes: Uint8Array, options: ParsePopulationOptions = {}): PopulationParseResult {
  try {
    return { ok: true, dataset: parsePopulation(bytes, options) };
  } catch (e) {
    if (e instanceof StimulansmedelError) return { ok: false, issues: [...e.issues] };
    throw e;
  }
}

