/**
 * Shared pieces of the commands: resolving --agreement and --population, filters, output.
 */
import { existsSync, writeFileSync } from "node:fs";
import { ROUNDING_MODES, type RoundingMode } from "../apportion.js";
import { StimulansmedelError, UsageError } from "../errors.js";
import { findCounty, findMunicipality, LEVELS, type Level } from "../geography/index.js";
import type { Selection } from "../allocate.js";
import type { PopulationDataset } from "../population.js";
import type { Agreement } from "../rules.js";
import { defaultPopulationFor, listBundledAgreements, listBundledPopulations, loadBundledAgreement, loadBundledPopulation } from "../node/bundled.js";
import { loadAgreementFile, loadPopulationFile } from "../node/files.js";

/** The exit codes, as documented in the README. */
export const EXIT = { ok: 0, usage: 1, badInput: 2, dataMissing: 3, differs: 4 } as const;

/** An agreement by bundled id (`2025`) or by file path. */
export function resolveAgreement(value: string | undefined): Agreement {
  const v = value ?? "2025";
  if (listBundledAgreements().includes(v)) return loadBundledAgreement(v);
  if (v.endsWith(".json") || existsSync(v)) return loadAgreementFile(v);
  throw new UsageError("USAGE", `--agreement: no bundled agreement "${v}" and no such file; bundled: ${listBundledAgreements().join(", ")}`, { value: v });
}

/**
 * A population by bundled id (`2024-11-01`), by file path, or `-` for standard input. For files,
 * `referenceDate` (--population-date) is used when the file does not tell its date, and `keys`
 * (the agreement's population keys) makes a missing count those keys need an error.
 */
export function resolvePopulation(
  value: string | undefined,
  agreement: Agreement,
  options: { referenceDate?: string | undefined; keys?: readonly string[] } = {},
): PopulationDataset {
  const bundled = value === undefined ? defaultPopulationFor(agreement) : listBundledPopulations().some((d) => d.id === value) ? loadBundledPopulation(value) : undefined;
  if (bundled) {
    if (options.referenceDate !== undefined && options.referenceDate !== bundled.referenceDate) {
      throw new UsageError("USAGE", `--population-date ${options.referenceDate} does not match the bundled population's date ${bundled.referenceDate}`, {
        value: options.referenceDate,
      });
    }
    return bundled;
  }
  return loadPopulationFile(value!, {
    ...(options.referenceDate !== undefined ? { referenceDate: options.referenceDate } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
  });
}

/** The --rounding option. */
export function resolveRounding(value: string | undefined): RoundingMode | undefined {
  if (value === undefined) return undefined;
  if (!(ROUNDING_MODES as readonly string[]).includes(value)) {
    throw new UsageError("USAGE", `--rounding must be one of ${ROUNDING_MODES.join(", ")}`, { value });
  }
  return value as RoundingMode;
}

/** Options shared by every command that prints recipients. */
export interface FilterOptions {
  county?: string | undefined;
  municipality?: string | undefined;
  level?: string | undefined;
  pot?: string[] | undefined;
}

/** Turns --county, --municipality, --level and --pot into a selection (names or codes). */
export function resolveSelection(o: FilterOptions, agreement: Agreement): Selection {
  const sel: Selection = {};
  if (o.county !== undefined) sel.county = findCounty(o.county).code;
  if (o.municipality !== undefined) sel.municipality = findMunicipality(o.municipality).code;
  if (o.level !== undefined) {
    if (!(LEVELS as readonly string[]).includes(o.level)) throw new UsageError("USAGE", `--level must be one of ${LEVELS.join(", ")}`, { value: o.level });
    sel.level = o.level as Level;
  }
  if (o.pot !== undefined && o.pot.length > 0) {
    const ids = o.pot.flatMap((p) => p.split(",")).map((p) => p.trim());
    const known = agreement.pots.map((p) => p.id);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new UsageError("USAGE", `--pot: no pot ${unknown.join(", ")} in agreement ${agreement.id}; pots are ${known.join(", ")}`, { value: unknown[0]! });
    sel.pots = ids;
  }
  return sel;
}

/** Writes output to --out or standard output. */
export function emit(text: string | Uint8Array, out: string | undefined): void {
  if (out === undefined) process.stdout.write(text);
  else writeFileSync(out, text);
}

/** The filter options of every command that prints recipients, for parseCommandArgs. */
export const FILTER_OPTIONS = {
  county: { type: "string" },
  municipality: { type: "string" },
  level: { type: "string" },
  pot: { type: "string", multiple: true },
} as const;

/** --format and --out, for parseCommandArgs. */
export const OUTPUT_OPTIONS = {
  format: { type: "string" },
  out: { type: "string" },
} as const;

/** The output formats. */
export type Format = "table" | "csv" | "xlsx" | "json";

const EXTENSION_FORMAT: Record<string, Format> = { ".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".txt": "table" };

/**
 * The format to write: --format if given, else the extension of --out (.csv, .xlsx, .json, .txt),
 * else a table. xlsx is binary, so it is refused on a terminal.
 */
export function resolveFormat(format: string | undefined, out: string | undefined, allowed: readonly Format[]): Format {
  const ext = out === undefined ? undefined : /\.[^./\\]+$/.exec(out.toLowerCase())?.[0];
  const chosen = format ?? (ext !== undefined ? EXTENSION_FORMAT[ext] : undefined) ?? "table";
  if (!(allowed as readonly string[]).includes(chosen)) {
    throw new UsageError("USAGE", `--format must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}${format === undefined ? ` (from the extension of --out ${out})` : ""}`, { value: chosen });
  }
  if (chosen === "xlsx" && out === undefined && process.stdout.isTTY) {
    throw new UsageError("USAGE", "xlsx is a binary file: give --out FILE.xlsx or redirect standard output", { value: "xlsx" });
  }
  return chosen as Format;
}

/** Writes a file or standard output, turning a file-system failure into a typed error. */
export function writeOutput(data: string | Uint8Array, out: string | undefined): void {
  try {
    emit(data, out);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new StimulansmedelError("IO", `cannot write the file (${err.code ?? err.message})`, { file: out ?? "<stdout>" });
  }
}
