/**
 * Which population a choice means: the agreement's date (`auto`), one date (`date:…`: the
 * bundled data of that date with every file of the same date added to it), or one file alone
 * (`file:N`). Files the user gave are kept only in this page's memory. Combining always goes
 * through the library's mergePopulations, so two sources that disagree are refused, naming both.
 */
import { mergePopulations, type Agreement, type PopulationDataset } from "../../src/index.js";
import { bundledFor, bundledPopulation, bundledPopulations } from "./data.js";
import type { IgnoredNames } from "./workers/protocol.js";

/** A file the user gave. */
export interface UserFile {
  readonly n: number;
  readonly name: string;
  readonly dataset: PopulationDataset;
  readonly ignoredNames?: IgnoredNames;
}

const files: UserFile[] = [];
let counter = 0;

/** Why a population choice gives no dataset. */
export type PopulationProblem =
  | { readonly kind: "agreement-has-no-date"; readonly agreement: string }
  | { readonly kind: "no-data-for-date"; readonly date: string; readonly agreement?: string }
  | { readonly kind: "file-not-loaded"; readonly choice: string };

/** A resolved choice: the dataset and what it is made of, or why there is none. */
export type Resolved =
  | { readonly ok: true; readonly dataset: PopulationDataset; readonly date: string; readonly bundled: boolean; readonly files: readonly UserFile[]; readonly key: string }
  | { readonly ok: false; readonly problem: PopulationProblem };

const merged = new Map<string, PopulationDataset>();

/** The bundled data of a date plus every file of that date, merged; undefined when there is neither. */
function forDate(date: string): Resolved | undefined {
  const bundled = bundledFor(date);
  const same = files.filter((f) => f.dataset.referenceDate === date && mergeable.has(f.n));
  if (!bundled && same.length === 0) return undefined;
  const key = `date:${date}|${same.map((f) => f.n).join(",")}`;
  let dataset = merged.get(key);
  if (!dataset) {
    const parts = [...(bundled ? [bundledPopulation(bundled.id)] : []), ...same.map((f) => f.dataset)];
    dataset = parts.length === 1 ? parts[0]! : mergePopulations(...parts);
    merged.set(key, dataset);
  }
  return { ok: true, dataset, date, bundled: bundled !== undefined, files: same, key };
}

/** Files that were added to the data of their date (a file that conflicted is offered alone only). */
const mergeable = new Set<number>();

/**
 * * Resolves a population choice for an agreement.
 *
 * @throws StimulansmedelError only for data that cannot be combined (cannot happen for files
 * accepted by {@link addFile}, which tries the merge first).
 *
 * @example
 * ```ts
 * resolvePopulation("auto", agreement2025); // { ok: true, date: "2024-11-01", bundled: true, … }
 * ```
 */
export function resolvePopulation(choice: string, agreement: Agreement): Resolved {
  if (choice === "auto") {
    const date = agreement.referenceDate;
    if (date === undefined) return { ok: false, problem: { kind: "agreement-has-no-date", agreement: agreement.id } };
    return forDate(date) ?? { ok: false, problem: { kind: "no-data-for-date", date, agreement: agreement.id } };
  }
  if (choice.startsWith("date:")) {
    const date = choice.slice(5);
    return forDate(date) ?? { ok: false, problem: { kind: "no-data-for-date", date } };
  }
  if (choice.startsWith("file:")) {
    const f = files.find((x) => `file:${x.n}` === choice);
    if (!f) return { ok: false, problem: { kind: "file-not-loaded", choice } };
    return { ok: true, dataset: f.dataset, date: f.dataset.referenceDate, bundled: false, files: [f], key: choice };
  }
  return { ok: false, problem: { kind: "file-not-loaded", choice } };
}

/** What adding a file did. */
export type Added =
  | { readonly kind: "added-to-date"; readonly file: UserFile; readonly bundled: boolean; readonly others: readonly UserFile[] }
  | { readonly kind: "alone-after-conflict"; readonly file: UserFile; readonly error: unknown };

/**
 * * Keeps a parsed file: added to the bundled data (and earlier files) of its date when they
 * combine, offered on its own when they do not (the conflict is returned for the page to show).
 *
 * @example
 * ```ts
 * addFile("uppsala.csv", dataset).kind; // "added-to-date"
 * ```
 */
export function addFile(name: string, dataset: PopulationDataset, ignoredNames?: IgnoredNames): Added {
  const file: UserFile = { n: ++counter, name, dataset, ...(ignoredNames ? { ignoredNames } : {}) };
  const date = dataset.referenceDate;
  const bundled = bundledFor(date);
  const others = files.filter((f) => f.dataset.referenceDate === date && mergeable.has(f.n));
  files.push(file);
  if (bundled || others.length > 0) {
    try {
      mergePopulations(...(bundled ? [bundledPopulation(bundled.id)] : []), ...others.map((f) => f.dataset), dataset);
    } catch (error) {
      return { kind: "alone-after-conflict", file, error };
    }
  }
  mergeable.add(file.n);
  return { kind: "added-to-date", file, bundled: bundled !== undefined, others };
}

/**
 * The population choices to offer: value and Swedish label.
 *
 * @example
 * ```ts
 * populationChoices(agreement2025)[0].label; // "Enligt överenskommelsen (2024-11-01, inbyggd)"
 * ```
 */
export function populationChoices(agreement: Agreement | undefined): { value: string; label: string }[] {
  const date = agreement?.referenceDate;
  const withFiles = (d: string) => {
    const same = files.filter((f) => f.dataset.referenceDate === d && mergeable.has(f.n));
    return same.length > 0 ? ` + ${same.map((f) => f.name).join(" + ")}` : "";
  };
  const auto = date === undefined ? "Enligt överenskommelsen (datum okänt)" : `Enligt överenskommelsen (${date}${bundledFor(date) ? ", inbyggd" : ""}${withFiles(date)})`;
  const out = [{ value: "auto", label: auto }];
  const dates = new Set<string>(bundledPopulations().map((d) => d.referenceDate));
  for (const f of files) if (mergeable.has(f.n)) dates.add(f.dataset.referenceDate);
  for (const d of [...dates].sort()) {
    const b = bundledFor(d);
    out.push({ value: `date:${d}`, label: b ? `Inbyggd: ${b.description}${withFiles(d)}` : `${d}: ${withFiles(d).slice(3)}` });
  }
  for (const f of files) out.push({ value: `file:${f.n}`, label: `Endast filen ${f.name} (${f.dataset.referenceDate})` });
  return out;
}
