/**
 * The data bundled into the page at build time: the same files the Node loaders read from data/
 * (src/node/bundled.ts), parsed by the same library functions. Agreements are small and part of
 * the script; population files wait in the page as inert text blocks (vite.config.ts) and are
 * parsed only when a view needs them. New files in data/ appear without code changes.
 */
import { mergePopulations, parseAgreement, parseProjectCsv, type Agreement, type PopulationDataset } from "../../src/index.js";
import manifestText from "../../data/population/manifest.json?raw";

const agreementFiles = import.meta.glob<string>("../../data/agreements/*.json", { query: "?raw", import: "default", eager: true });

/** One bundled population dataset as listed in data/population/manifest.json. */
export interface BundledPopulation {
  id: string;
  referenceDate: string;
  files: string[];
  description: string;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

/**
 * Bundled agreement ids (e.g. "2025"), sorted as the CLI lists them.
 *
 * @example
 * ```ts
 * agreementIds(); // ["2016", …, "2026"]
 * ```
 */
export function agreementIds(): string[] {
  return Object.keys(agreementFiles)
    .map(baseName)
    .filter((f) => /^\d{4}.*\.json$/.test(f))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

const agreementCache = new Map<string, Agreement>();

/**
 * A bundled agreement by id, validated by the library's schema and invariants; undefined when there is none.
 *
 * @example
 * ```ts
 * bundledAgreement("2025")?.referenceDate; // "2024-11-01"
 * ```
 */
export function bundledAgreement(id: string): Agreement | undefined {
  const cached = agreementCache.get(id);
  if (cached) return cached;
  const entry = Object.entries(agreementFiles).find(([path]) => baseName(path) === `${id}.json`);
  if (!entry) return undefined;
  const agreement = parseAgreement(JSON.parse(entry[1]), `data/agreements/${id}.json`);
  agreementCache.set(id, agreement);
  return agreement;
}

/** An agreement file the user gave, kept in this page's memory only. */
export interface UserAgreement {
  /** The page's id for it (`fil-1`, …): never one of the bundled ids, whatever the file calls itself. */
  readonly id: string;
  readonly name: string;
  readonly agreement: Agreement;
}

const userAgreements: UserAgreement[] = [];

/**
 * Keeps an agreement the user gave, under an id of the page's own.
 *
 * @example
 * ```ts
 * addUserAgreement("utkast.json", agreement).id; // "fil-1"
 * ```
 */
export function addUserAgreement(name: string, agreement: Agreement): UserAgreement {
  const added = { id: `fil-${userAgreements.length + 1}`, name, agreement };
  userAgreements.push(added);
  return added;
}

/**
 * The agreements the user gave, in the order given.
 *
 * @example
 * ```ts
 * userAgreementList().map((u) => u.id); // ["fil-1"]
 * ```
 */
export function userAgreementList(): readonly UserAgreement[] {
  return userAgreements;
}

/**
 * An agreement by the page's id: a file the user gave (`fil-N`) or a bundled one.
 *
 * @example
 * ```ts
 * findAgreement("2025")?.id; // "2025"
 * ```
 */
export function findAgreement(id: string): Agreement | undefined {
  return userAgreements.find((u) => u.id === id)?.agreement ?? bundledAgreement(id);
}

const manifest = (JSON.parse(manifestText) as { datasets: BundledPopulation[] }).datasets;

/**
 * The bundled population datasets, in manifest order.
 *
 * @example
 * ```ts
 * bundledPopulations().map((d) => d.id); // ["2024-11-01", "2015-12-31", …]
 * ```
 */
export function bundledPopulations(): readonly BundledPopulation[] {
  return manifest;
}

/**
 * The bundled dataset of a reference date, if there is one.
 *
 * @example
 * ```ts
 * bundledFor("2024-11-01")?.files.length; // 2
 * ```
 */
export function bundledFor(date: string | undefined): BundledPopulation | undefined {
  return date === undefined ? undefined : manifest.find((d) => d.referenceDate === date);
}

const populationCache = new Map<string, PopulationDataset>();

/**
 * A bundled population dataset by id (its reference date), merged from its files like loadBundledPopulation.
 *
 * @example
 * ```ts
 * bundledPopulation("2024-11-01").referenceDate; // "2024-11-01"
 * ```
 */
export function bundledPopulation(id: string): PopulationDataset {
  const cached = populationCache.get(id);
  if (cached) return cached;
  const entry = manifest.find((d) => d.id === id);
  if (!entry) throw new Error(`ingen inbyggd befolkning "${id}"`);
  const parts = entry.files.map((f) => {
    const block = document.getElementById(`population-${f}`);
    if (!(block instanceof HTMLScriptElement)) throw new Error(`filen data/population/${f} saknas i sidan`);
    return parseProjectCsv(block.text, { file: `data/population/${f}` });
  });
  const dataset = mergePopulations(...parts);
  populationCache.set(id, dataset);
  return dataset;
}
