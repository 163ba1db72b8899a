/**
 * Population from SCB's PxWeb API v2: the table for a reference date, its description checked
 * first (`GET /tables/{id}/metadata`), then the data in as few requests as SCB's cell limit
 * allows (`POST /tables/{id}/data`, JSON-stat 2.0), each answer read with the same reader as a
 * downloaded file, and the answers combined into one dataset with one source: table, query and
 * retrieval time. The limits (cells per request, requests per window, retries, timeout, answer
 * size) are in ./scb-http.ts and ./scb-query.ts; docs/scb-api.md describes them.
 *
 * Table by reference date: 1 November → TAB1267 (FolkmangdNov), 31 December → TAB638
 * (BefolkningNy), the last day of another month → TAB5444 (BefolkManad, period `2024M10`).
 */
import { errorOf, raise, StimulansmedelError } from "../errors.js";
import { allMunicipalities } from "../geography/index.js";
import { parseJsonStat } from "../io/jsonstat.js";
import { formatProjectCsv } from "../io/project-csv.js";
import { scbTableFor, type ScbTable } from "../io/scb-tables.js";
import type { ByHandParams } from "../messages/scb.js";
import { createPopulation, keyCounts, levelCounts, normalizeKey, type PopulationDataset, type PopulationKey, type PopulationSource } from "../population.js";
import { httpContext, requestJson, unreadableIssue, type HttpOptions } from "./scb-http.js";
import { planScbQuery, readScbMetadata, type ScbQueryPlan } from "./scb-query.js";

export { scbTableFor, type ScbTable } from "../io/scb-tables.js";

/** The API base used when neither `--api-url` nor `STIMULANSMEDEL_SCB_API` is given. */
export const DEFAULT_SCB_API = "https://statistikdatabasen.scb.se/api/v2";

/** Options for fetching from SCB; the limits default to SCB's published ones. */
export interface ScbFetchOptions extends HttpOptions {
  /** The API base (default {@link DEFAULT_SCB_API}). */
  apiUrl?: string;
  /** Cells per data request (default 150 000, SCB's limit). */
  maxCells?: number;
  /** The retrieval time to record (default: when the last answer arrived). */
  now?: Date;
  /** The agreement the data is for: named in the by-hand command of every error message. */
  agreement?: string;
}

/** What a fetch gives: one dataset with every key asked for, its project CSV and its provenance. */
export interface FetchedPopulation {
  /** Counts per municipality and Sweden's (`nationalTotals`) for every key, with one source. */
  dataset: PopulationDataset;
  /** The dataset as the project's CSV, with the provenance header (referensdatum, källa, ursprung, hämtad). */
  csv: string;
  referenceDate: string;
  keys: PopulationKey[];
  table: ScbTable;
  /** The table's title as SCB's description gives it. */
  tableLabel: string;
  /** The query in one line (`# ursprung:`). */
  query: string;
  /** ISO time of retrieval (`# hämtad:`). */
  retrieved: string;
  /** Requests made (the description and the data requests, retries included). */
  requests: number;
}

/**
 * What to tell a user who has no network: the table, its address and what to select in it.
 *
 * @example
 * ```ts
 * byHandFor(scbTableFor("2024-11-01"), ["0-18", "total"], "2025").webUrl;
 * // "https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/FolkmangdNov/"
 * ```
 */
export function byHandFor(table: ScbTable, keys: readonly string[], agreement?: string): ByHandParams {
  return {
    table: table.id,
    name: table.title.replace(/^SCB, /, ""),
    webUrl: table.webUrl,
    period: table.period,
    keys: [...keys],
    ...(agreement !== undefined ? { agreement } : {}),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Combines the answers of one plan (each with Riket and some municipalities) into one dataset
 * of counts per key: every municipality once, Sweden's count the same in every answer.
 */
function combine(plan: ScbQueryPlan, answers: readonly PopulationDataset[], date: string, source: PopulationSource, byHand: ByHandParams): PopulationDataset {
  const counts: Record<string, Map<string, bigint>> = {};
  const nationalTotals: Record<string, bigint> = {};
  for (const key of plan.keys) {
    const byCode = new Map<string, bigint>();
    let national: bigint | undefined;
    for (const answer of answers) {
      const k = keyCounts(answer, key);
      for (const [code, n] of levelCounts(k, "municipality")) byCode.set(code, n);
      if (!k.declared || k.national === undefined) raise("SCB_RESPONSE", "riket-missing", { ...byHand, key }, { value: "00" });
      const n = BigInt(k.national);
      if (national !== undefined && national !== n) raise("SCB_RESPONSE", "parts-disagree", { ...byHand, key, first: String(national), second: String(n) }, { value: key });
      national = n;
    }
    const absent = allMunicipalities().filter((m) => !byCode.has(m.code));
    if (absent.length > 0) {
      raise("SCB_RESPONSE", "municipalities-missing", { ...byHand, key, count: absent.length, names: absent.slice(0, 5).map((m) => `${m.code} ${m.name}`) }, { value: absent[0]!.code });
    }
    counts[key] = byCode;
    nationalTotals[key] = national!;
  }
  return createPopulation({ referenceDate: date, counts, nationalTotals, sources: [source], file: `SCB ${plan.table.id}` });
}

/**
 * Fetches the population of one reference date and some keys from SCB: the table's description,
 * then the data (split over requests within SCB's cell limit), read and combined into one dataset
 * of counts per municipality and Sweden's for each key, with its project CSV.
 *
 * @throws ScbError `SCB_UNREACHABLE`, `SCB_RESPONSE` or `SCB_TABLE` in one line naming the table
 *   to download by hand, where, and the command that reads it; UsageError for a date SCB has no
 *   table for.
 * @example
 * ```ts
 * const { dataset, csv } = await fetchScbKeys("2024-11-01", ["0-18", "total"]);
 * ```
 */
export async function fetchScbKeys(date: string, keys: readonly string[], options: ScbFetchOptions = {}): Promise<FetchedPopulation> {
  const table = scbTableFor(date);
  const wanted = [...new Set(keys.map((k) => normalizeKey(k)))];
  const byHand = byHandFor(table, wanted, options.agreement);
  let requests = 0;
  const onRequest = options.onRequest;
  const http = httpContext({
    ...options,
    onRequest: (e) => {
      requests++;
      onRequest?.(e);
    },
  });
  const apiUrl = (options.apiUrl ?? DEFAULT_SCB_API).replace(/\/+$/, "");
  const metadataUrl = `${apiUrl}/tables/${table.id}/metadata?lang=sv`;
  const metadata = readScbMetadata(await requestJson({ method: "GET", url: metadataUrl }, byHand, http), byHand, metadataUrl);
  const plan = planScbQuery(table, metadata, wanted, byHand, { apiUrl, ...(options.maxCells !== undefined ? { maxCells: options.maxCells } : {}) });
  const answers: PopulationDataset[] = [];
  for (const [i, request] of plan.requests.entries()) {
    const json = await requestJson({ method: "POST", url: request.url, body: request.body }, byHand, http);
    try {
      answers.push(parseJsonStat(json, { file: `SCB ${table.id}`, referenceDate: date, keys: wanted, requireKeys: true }));
    } catch (e) {
      if (e instanceof StimulansmedelError) throw errorOf([unreadableIssue(byHand, request.url, i + 1, plan.requests.length), ...e.issues]);
      throw e;
    }
  }
  const retrieved = (options.now ?? new Date()).toISOString();
  const sexes = plan.chosen.Kon?.length === 2 ? "män och kvinnor summerade" : undefined;
  const note = oneLine(
    [
      `SCB:s PxWeb API v2, ${metadata.label}${metadata.updated ? ` (uppdaterad ${metadata.updated})` : ""}`,
      sexes,
      plan.totalFromAges ? "folkmängd totalt summerad ur ettårsklasserna 0–100+ (tabellen har ingen rad för totalt ålder)" : undefined,
      `${requests} ${requests === 1 ? "fråga" : "frågor"}`,
    ]
      .filter((s) => s !== undefined)
      .join("; "),
  );
  const source: PopulationSource = { title: table.title, origin: oneLine(plan.query), retrieved, derived: false, note };
  const dataset = combine(plan, answers, date, source, byHand);
  return {
    dataset,
    csv: formatProjectCsv(dataset),
    referenceDate: date,
    keys: wanted,
    table,
    tableLabel: metadata.label,
    query: source.origin!,
    retrieved,
    requests,
  };
}

/** Options for {@link fetchScbPopulation}. */
export interface FetchScbOptions extends ScbFetchOptions {
  date: string;
  /** One population key: an age band such as `0-18`, or `total`. */
  key?: string;
  /** Several keys in one fetch (with or instead of `key`). */
  keys?: readonly string[];
}

/**
 * Fetches the population for a date and key(s) from SCB's API and returns the dataset with its
 * provenance (table, query, retrieval time). {@link fetchScbKeys} gives the CSV too.
 *
 * @throws ScbError `SCB_UNREACHABLE` / `SCB_RESPONSE` / `SCB_TABLE` in one line, saying what to
 *   download by hand and from where.
 * @example
 * ```ts
 * const pop = await fetchScbPopulation({ date: "2024-11-01", key: "0-18" });
 * ```
 */
export async function fetchScbPopulation(options: FetchScbOptions): Promise<PopulationDataset> {
  const keys = [...(options.key !== undefined ? [options.key] : []), ...(options.keys ?? [])];
  return (await fetchScbKeys(options.date, keys.length > 0 ? keys : ["total"], options)).dataset;
}
