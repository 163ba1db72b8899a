/**
 * The cache of population fetched from SCB, in the user's cache folder: one project CSV per
 * fetch (with its provenance header), found again by reference date and keys.
 *
 * Folder: `STIMULANSMEDEL_CACHE_DIR` when set; else `$XDG_CACHE_HOME/stimulansmedel` when
 * `XDG_CACHE_HOME` is an absolute path; else `~/.cache/stimulansmedel` (Linux and other Unixes),
 * `~/Library/Caches/stimulansmedel` (macOS), `%LOCALAPPDATA%\stimulansmedel\Cache` (Windows).
 *
 * File `<date>_<table>_<keys>.csv`, e.g. `2024-11-01_TAB1267_0-18_total.csv`: a later fetch of
 * the same replaces it. Its first line is `# stimulansmedel-cache: sha256 <hex>`, the checksum of
 * the rest (a `#` comment, so the file is still a project CSV that `--population FILE` reads).
 * Writes go to a temporary file in the same folder, then are renamed over the old one, so a
 * reader never sees half a file. A file that was changed, cut short, renamed or not written here
 * is a typed error naming it, never used.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { join, posix, win32 } from "node:path";
import { issueText, raise, StimulansmedelError } from "../errors.js";
import { formatProjectCsv, parseProjectCsv } from "../io/project-csv.js";
import { availableKeys, normalizeKey, type PopulationDataset, type PopulationKey } from "../population.js";
import type { Agreement } from "../rules.js";
import { agreementPopulationNeeds, type NeedsOptions } from "./needs.js";

/** The environment variable that chooses the cache folder. */
export const CACHE_DIR_ENV = "STIMULANSMEDEL_CACHE_DIR";

/** Where the cache is; every field defaults to this process's. */
export interface CacheOptions {
  /** The folder itself (overrides everything else). */
  dir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  platform?: string;
  home?: string;
}

/**
 * The cache folder.
 *
 * @example
 * ```ts
 * cacheDir({ env: {}, platform: "linux", home: "/home/anna" }); // "/home/anna/.cache/stimulansmedel"
 * cacheDir({ env: { LOCALAPPDATA: "C:\\Users\\anna\\AppData\\Local" }, platform: "win32", home: "C:\\Users\\anna" });
 * // "C:\\Users\\anna\\AppData\\Local\\stimulansmedel\\Cache"
 * ```
 */
export function cacheDir(options: CacheOptions = {}): string {
  if (options.dir !== undefined) return options.dir;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const path = platform === "win32" ? win32 : posix;
  const own = env[CACHE_DIR_ENV];
  if (own !== undefined && own !== "") return own;
  // The XDG spec: a relative path in the variable is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, "stimulansmedel");
  const home = options.home ?? homedir();
  if (platform === "win32") return path.join(env.LOCALAPPDATA || path.join(home, "AppData", "Local"), "stimulansmedel", "Cache");
  if (platform === "darwin") return path.join(home, "Library", "Caches", "stimulansmedel");
  return path.join(home, ".cache", "stimulansmedel");
}

/** One saved fetch. */
export interface FetchedEntry {
  /** The file name without `.csv`, e.g. `2024-11-01_TAB1267_0-18_total`. */
  id: string;
  referenceDate: string;
  keys: PopulationKey[];
  /** SCB's table id, e.g. `TAB1267`. */
  table: string;
  /** The source title (`# källa:`). */
  title: string;
  /** When it was fetched (`# hämtad:`), ISO time. */
  retrieved: string | undefined;
  /** The full path. */
  file: string;
}

const CHECK_LINE = /^# stimulansmedel-cache: sha256 ([0-9a-f]{64})\r?\n/;
const NAME = /^(\d{4}-\d{2}-\d{2})_(TAB\w+?)_([\w+-]+)\.csv$/;

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function keysOf(dataset: PopulationDataset): PopulationKey[] {
  return [...new Set(availableKeys(dataset).map((k) => normalizeKey(k)))].sort();
}

function entryId(date: string, table: string, keys: readonly string[]): string {
  return `${date}_${table}_${[...keys].sort().join("_")}`;
}

/** The table id a fetched dataset names in its provenance (the request URL or the title). */
function tableOf(dataset: PopulationDataset): string | undefined {
  const s = dataset.sources[0];
  return (s?.origin ?? "").match(/\/tables\/(TAB\w+)\//)?.[1] ?? s?.title.match(/\b(TAB\d+)\b/)?.[1];
}

/**
 * Saves a fetched dataset in the cache, atomically (a temporary file renamed into place),
 * replacing an earlier fetch of the same date, table and keys.
 *
 * @throws CacheError `CACHE_WRITE` when the folder cannot be created or written.
 * @example
 * ```ts
 * const entry = saveFetched(await fetchAgreementPopulation(loadBundledAgreement("2025")));
 * entry.file; // "/home/anna/.cache/stimulansmedel/2024-11-01_TAB1267_0-18_total.csv"
 * ```
 */
export function saveFetched(fetched: { dataset: PopulationDataset; table: { id: string } }, options: CacheOptions = {}): FetchedEntry {
  const dir = cacheDir(options);
  const { dataset } = fetched;
  const keys = keysOf(dataset);
  const id = entryId(dataset.referenceDate, fetched.table.id, keys);
  const file = join(dir, `${id}.csv`);
  const body = formatProjectCsv(dataset);
  const text = `# stimulansmedel-cache: sha256 ${sha256(body)}\n${body}`;
  const tmp = join(dir, `.${id}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, "wx");
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never made, or is already gone.
    }
    const err = e as NodeJS.ErrnoException;
    raise("CACHE_WRITE", "io", { dir, reason: err.code ?? err.message }, { file: dir, value: err.code ?? err.message });
  }
  const s = dataset.sources[0];
  return { id, referenceDate: dataset.referenceDate, keys, table: fetched.table.id, title: s?.title ?? id, retrieved: s?.retrieved, file };
}

/** Reads and checks one cache file: checksum, format, and that its name tells its content. */
function readEntry(file: string, name: string): { entry: FetchedEntry; dataset: PopulationDataset } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return raise("CACHE_CORRUPT", "unreadable", { file, reason: err.code ?? err.message }, { file, value: err.code ?? err.message });
  }
  const check = CHECK_LINE.exec(text);
  if (!check) return raise("CACHE_CORRUPT", "no-checksum", { file }, { file, line: 1 });
  if (sha256(text.slice(check[0].length)) !== check[1]) return raise("CACHE_CORRUPT", "checksum", { file }, { file, value: check[1] });
  let dataset: PopulationDataset;
  try {
    dataset = parseProjectCsv(text, { file });
  } catch (e) {
    if (!(e instanceof StimulansmedelError)) throw e;
    const first = e.issues[0]!;
    return raise("CACHE_CORRUPT", "format", { file, problem: first.message, problemSv: issueText(first, "sv") }, { file, ...(first.line !== undefined ? { line: first.line } : {}) });
  }
  const keys = keysOf(dataset);
  const table = tableOf(dataset);
  const id = name.replace(/\.csv$/, "");
  if (table === undefined || id !== entryId(dataset.referenceDate, table, keys)) {
    const says = `${dataset.referenceDate}, ${table ?? "?"}, ${keys.join(" ")}`;
    raise("CACHE_CORRUPT", "format", { file, problem: `its name does not match its content (${says})`, problemSv: `namnet stämmer inte med innehållet (${says})` }, { file });
  }
  const s = dataset.sources[0];
  return { entry: { id, referenceDate: dataset.referenceDate, keys, table: table!, title: s?.title ?? id, retrieved: s?.retrieved, file }, dataset };
}

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(".csv") && !n.startsWith("."))
      .sort();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT") return [];
    return raise("CACHE_CORRUPT", "unreadable", { file: dir, reason: err.code ?? err.message }, { file: dir, value: err.code ?? err.message });
  }
}

/**
 * Every saved fetch, each file checked, by reference date and id.
 *
 * @throws CacheError `CACHE_CORRUPT` naming the first file that was changed, cut short, renamed or
 *   not written by stimulansmedel.
 * @example
 * ```ts
 * listFetched().map((e) => `${e.referenceDate} ${e.table} ${e.keys.join(",")}`); // ["2024-11-01 TAB1267 0-18,total"]
 * ```
 */
export function listFetched(options: CacheOptions = {}): FetchedEntry[] {
  const dir = cacheDir(options);
  return cacheFiles(dir)
    .map((name) => readEntry(join(dir, name), name).entry)
    .sort((a, b) => (a.referenceDate === b.referenceDate ? (a.id < b.id ? -1 : 1) : a.referenceDate < b.referenceDate ? -1 : 1));
}

/**
 * One saved fetch read back as a dataset, checked like {@link listFetched}.
 *
 * @throws CacheError `CACHE_CORRUPT` when the file cannot be trusted.
 * @example
 * ```ts
 * const pop = loadFetched(listFetched()[0]!);
 * ```
 */
export function loadFetched(entry: Pick<FetchedEntry, "file">): PopulationDataset {
  const name = entry.file.split(/[\\/]/).at(-1)!;
  return readEntry(entry.file, name).dataset;
}

function candidates(agreement: Agreement, options: CacheOptions & NeedsOptions): { entry: FetchedEntry; dataset: PopulationDataset }[] {
  let needs;
  try {
    needs = agreementPopulationNeeds(agreement, options);
  } catch (e) {
    // An agreement that does not tell what to fetch has nothing saved for it either.
    if (e instanceof StimulansmedelError && e.code === "SCB_AGREEMENT") return [];
    throw e;
  }
  const dir = cacheDir(options);
  const found: { entry: FetchedEntry; dataset: PopulationDataset }[] = [];
  for (const name of cacheFiles(dir)) {
    const m = NAME.exec(name);
    // Chosen by name, then checked in full: a file for another date is not read at all.
    if (!m || m[1] !== needs.referenceDate) continue;
    const keys = m[3]!.split("_");
    if (!needs.keys.every((k) => keys.includes(k))) continue;
    found.push(readEntry(join(dir, name), name));
  }
  // The most recent fetch first.
  return found.sort((a, b) => ((a.entry.retrieved ?? "") < (b.entry.retrieved ?? "") ? 1 : -1));
}

/**
 * The saved fetch an agreement can be allocated on: its reference date, with every key its known
 * pots share by (the most recent such fetch), or undefined.
 *
 * @throws CacheError `CACHE_CORRUPT` when such a file exists but cannot be trusted (never used).
 * @example
 * ```ts
 * findFetchedFor(loadBundledAgreement("2025"))?.file;
 * ```
 */
export function findFetchedFor(agreement: Agreement, options: CacheOptions & NeedsOptions = {}): FetchedEntry | undefined {
  return candidates(agreement, options)[0]?.entry;
}

/**
 * The saved dataset an agreement can be allocated on (see {@link findFetchedFor}), or undefined.
 *
 * @throws CacheError `CACHE_CORRUPT` when such a file exists but cannot be trusted (never used).
 * @example
 * ```ts
 * const agreement = loadBundledAgreement("2025");
 * const pop = loadFetchedFor(agreement) ?? loadBundledPopulation("2024-11-01");
 * allocate(agreement, pop);
 * ```
 */
export function loadFetchedFor(agreement: Agreement, options: CacheOptions & NeedsOptions = {}): PopulationDataset | undefined {
  return candidates(agreement, options)[0]?.dataset;
}
