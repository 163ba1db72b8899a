/**
 * The inputs every computing command shares: the agreement, and the population group
 * (`--population` repeatable, `--no-bundled`, `--no-cache`, `--population-date`), resolved the
 * same way on every command.
 *
 * A population is built in layers of one reference date: the bundled dataset for that date (the
 * base, unless `--no-bundled`), then, when no `--population` is given, a dataset fetched earlier
 * with `population fetch` and kept in the cache (unless `--no-cache`), then every `--population`
 * in the order given. Layers join with `mergePopulations`: keys and recipients from different
 * sources add up; the same count given differently by two sources is an error naming both.
 */
import { raise } from "../errors.js";
import { wrap } from "../report/text.js";
import { readJson } from "../io/json.js";
import { mergePopulations, type PopulationDataset } from "../population.js";
import { agreementKeys } from "../agreement/model.js";
import type { Agreement } from "../rules.js";
import { listBundledAgreements, listBundledPopulations, loadBundledAgreement, loadBundledPopulation } from "../node/bundled.js";
import { findFetchedFor, loadFetched, type FetchedEntry } from "../node/cache.js";
import type { OptionDecl, Args } from "./spec.js";
import { localPath, readInput, type CliContext } from "./io.js";
import { existsSync } from "node:fs";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `--agreement`, with a description for the command at hand.
 *
 * @example
 * ```ts
 * const options = [agreementOption("Före: inbyggd överenskommelse eller en JSON-fil.")];
 * ```
 */
export function agreementOption(description = "Inbyggd överenskommelse (t.ex. 2025) eller en JSON-fil."): OptionDecl {
  return { name: "agreement", value: "ID|FIL", description, default: "2025", input: true };
}

/**
 * The population group, on every command that computes. `prefix` names a second group
 * (`against-` for compare's other side).
 *
 * @example
 * ```ts
 * const options = [agreementOption(), ...POPULATION_OPTIONS];
 * ```
 */
export const POPULATION_OPTIONS: readonly OptionDecl[] = [
  {
    name: "population",
    value: "ID|FIL|-",
    description:
      "Befolkning: en inbyggd (t.ex. 2024-11-01), en fil (projektets CSV, SCB:s CSV-export eller JSON-stat2) eller - för standard in. Läggs till den inbyggda befolkningen för samma datum; flera --population läggs ihop (t.ex. totalt och 0–18 år).",
    repeatable: true,
    input: true,
  },
  { name: "population-date", value: "DATUM", description: "Befolkningsfilernas referensdatum (ÅÅÅÅ-MM-DD) när en fil inte anger det.", date: true },
  { name: "no-bundled", description: "Lägg inte till den inbyggda befolkningen; bara de angivna filerna används." },
  { name: "no-cache", description: "Använd inte befolkning som hämtats tidigare med population fetch." },
];

/**
 * An agreement by bundled id (`2025`) or file.
 *
 * @throws AgreementError naming the file and JSON path; StimulansmedelError `IO` for a file that cannot be read.
 * @example
 * ```ts
 * const a = await resolveAgreement(ctx, "2025");
 * ```
 */
export async function resolveAgreement(ctx: CliContext, value: string): Promise<Agreement> {
  if (listBundledAgreements().includes(value)) return loadBundledAgreement(value);
  if (!value.toLowerCase().endsWith(".json") && !value.includes("/") && !value.includes("\\") && /^\d{4}\w*$/.test(value)) {
    raise("AGREEMENT_NOT_FOUND", "no-bundled", { id: value, ids: listBundledAgreements() }, { value });
  }
  return await agreementFromBytes(await readInput(ctx, value, "AGREEMENT_NOT_FOUND"), value);
}

/**
 * An agreement from a file's bytes. The zod schema is loaded here, on the first user's file, so
 * a run on a bundled (build-time checked) agreement never loads zod.
 *
 * @throws AgreementError naming the file, line or JSON path.
 * @example
 * ```ts
 * (await agreementFromBytes(readFileSync("min-2025.json"), "min-2025.json")).id;
 * ```
 */
export async function agreementFromBytes(bytes: Buffer, file: string): Promise<Agreement> {
  const json = readJson(bytes.toString("utf8"), "AGREEMENT_INVALID", file);
  const { parseAgreement } = await import("../rules.js");
  return parseAgreement(json, file);
}

/** A resolved population and where it came from, for the output to name. */
export interface ResolvedPopulation {
  dataset: PopulationDataset;
  /** The cached fetch used, when one was. */
  fetched?: FetchedEntry;
}

/** What a population group resolves from: the option names (compare's other side has its own). */
export interface PopulationGroupNames {
  population: string;
}

async function loadOne(ctx: CliContext, value: string, agreement: Agreement, date: string | undefined): Promise<PopulationDataset> {
  const bundled = listBundledPopulations().find((d) => d.id === value);
  if (bundled) {
    if (date !== undefined && date !== bundled.referenceDate) raise("USAGE", "bundled-date", { date, id: value, actual: bundled.referenceDate }, { value: date });
    return loadBundledPopulation(value);
  }
  if (DATE.test(value) && !existsSync(localPath(ctx, value))) raise("POPULATION_NOT_FOUND", "no-bundled", { id: value, ids: listBundledPopulations().map((d) => d.id) }, { value });
  const bytes = await readInput(ctx, value);
  // The readers (csv-parse, the decoder, JSON-stat) load with the first user file, not on every run.
  const { parsePopulation } = await import("../io/population.js");
  return parsePopulation(bytes, { file: value === "-" ? "<stdin>" : value, keys: agreementKeys(agreement), ...(date !== undefined ? { referenceDate: date } : {}) });
}

/**
 * Resolves a population group for an agreement (see the module comment for the layers).
 *
 * @throws UsageError when nothing gives a population; PopulationError from a file or the merge.
 * @example
 * ```ts
 * const { dataset } = await resolvePopulation(ctx, args, agreement);
 * ```
 */
export async function resolvePopulation(ctx: CliContext, args: Args, agreement: Agreement, values: readonly string[] = args.list("population")): Promise<ResolvedPopulation> {
  const date = args.string("population-date");
  if (values.filter((v) => v === "-").length > 1) raise("USAGE", "stdin-twice", {}, { value: "-" });
  const given: { value: string; dataset: PopulationDataset }[] = [];
  for (const value of values) given.push({ value, dataset: await loadOne(ctx, value, agreement, date) });
  const bundledIds = listBundledPopulations().map((d) => d.id);
  // The base's date is the files' date when files are given (a 31 December file joins the
  // bundled 31 December totals), else the agreement's.
  const baseDate = given[0]?.dataset.referenceDate ?? agreement.referenceDate ?? date;
  if (given.length === 0 && date !== undefined && baseDate !== undefined && date !== baseDate) {
    raise("USAGE", "bundled-date", { date, id: baseDate, actual: baseDate }, { value: date });
  }
  const layers: PopulationDataset[] = [];
  let fetched: FetchedEntry | undefined;
  if (!args.flag("no-bundled") && baseDate !== undefined && bundledIds.includes(baseDate) && !given.some((g) => g.value === baseDate)) {
    layers.push(loadBundledPopulation(baseDate));
  }
  if (given.length === 0 && !args.flag("no-cache") && baseDate !== undefined) {
    const options = { env: ctx.io.env, ...(date !== undefined ? { referenceDate: date } : {}) };
    fetched = findFetchedFor(agreement, options);
    if (fetched) layers.push(loadFetched(fetched));
  }
  layers.push(...given.map((g) => g.dataset));
  if (layers.length === 0) {
    if (baseDate === undefined) raise("USAGE", "no-population", { agreement: agreement.id });
    raise("USAGE", "no-bundled-population", { date: baseDate, ids: bundledIds });
  }
  return { dataset: mergePopulations(...layers), ...(fetched ? { fetched } : {}) };
}

/**
 * The line naming a cached fetch that was used, for the output.
 *
 * @example
 * ```ts
 * fetchedNote(entry); // "Befolkning hämtad från SCB (TAB1267) 2025-03-01, referensdatum 2024-11-01, används."
 * ```
 */
export function fetchedNote(entry: FetchedEntry): string {
  const when = entry.retrieved ? ` den ${entry.retrieved.slice(0, 10)}` : "";
  return wrap(`Befolkning hämtad från SCB (${entry.table})${when} med population fetch, referensdatum ${entry.referenceDate}: ${entry.title}.`, "").join("\n");
}
