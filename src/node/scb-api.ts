/**
 * SCB's PxWeb API v2: the request for the population table an agreement needs, and the response
 * (JSON-stat 2.0) read with the same rules as a downloaded file. The network call is injected,
 * so tests run offline.
 *
 * Table by reference date (SCB PxWeb API v2, see docs): 1 November → TAB1267
 * (FolkmangdNov), 31 December → TAB638 (BefolkningNy), the last day of another month → TAB5444
 * (BefolkManad, period `2024M10`).
 */
import { PopulationError, UsageError } from "../errors.js";
import { allMunicipalities } from "../geography/index.js";
import { parseJsonStat } from "../io/jsonstat.js";
import { parseKey, TOP_AGE, type PopulationDataset } from "../population.js";

/** The API base used when neither `--api-url` nor `STIMULANSMEDEL_SCB_API` is given. */
export const DEFAULT_SCB_API = "https://statistikdatabasen.scb.se/api/v2";

export { scbTableFor, type ScbTable } from "../io/scb-tables.js";
import { scbTableFor, type ScbTable } from "../io/scb-tables.js";

/** A PxWeb API v2 data request. */
export interface ScbRequest {
  table: ScbTable;
  url: string;
  body: { selection: { variableCode: string; valueCodes: string[] }[] };
  /** A short human description of the query, for the provenance header. */
  query: string;
}

/**
 * Builds the request for all 290 municipalities and Sweden (`00`, kept as the declared total),
 * the ages of one key (`0-18`, or `total` for SCB's `tot`), both sexes.
 *
 * @example
 * ```ts
 * buildScbRequest("2024-11-01", "0-18").url;
 * // "https://statistikdatabasen.scb.se/api/v2/tables/TAB1267/data?lang=sv&outputFormat=json-stat2"
 * ```
 */
export function buildScbRequest(date: string, key: string, apiUrl: string = DEFAULT_SCB_API): ScbRequest {
  const table = scbTableFor(date);
  const k = parseKey(key);
  const ages = k.kind === "total" ? ["tot"] : Array.from({ length: k.to - k.from + 1 }, (_, i) => (k.from + i === TOP_AGE ? "100+" : String(k.from + i)));
  const regions = ["00", ...allMunicipalities().map((m) => m.code)];
  const selection = [
    { variableCode: "Region", valueCodes: regions },
    { variableCode: "Alder", valueCodes: ages },
    { variableCode: "Kon", valueCodes: ["1", "2"] },
    ...Object.entries(table.extra).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes })),
    { variableCode: "ContentsCode", valueCodes: [table.contents] },
    { variableCode: "Tid", valueCodes: [table.period] },
  ];
  const url = `${apiUrl.replace(/\/+$/, "")}/tables/${table.id}/data?lang=sv&outputFormat=json-stat2`;
  const ageText = ages.length > 1 ? `${ages[0]}..${ages[ages.length - 1]}` : ages[0]!;
  const extra = Object.keys(table.extra).map((v) => `; ${v}=*`).join("");
  const query = `POST ${url} Region=00+290 kommuner; Alder=${ageText}; Kon=1,2${extra}; ContentsCode=${table.contents}; Tid=${table.period}`;
  return { table, url, body: { selection }, query };
}

/** The part of `fetch` this module uses (inject a fake in tests). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

/** Options for {@link fetchScbPopulation}. */
export interface FetchScbOptions {
  date: string;
  /** Population key: an age band such as `0-18`, or `total`. */
  key: string;
  apiUrl?: string;
  fetch?: FetchLike;
  /** The retrieval time to record (default: now). */
  now?: Date;
  timeoutMs?: number;
}

function byHand(req: ScbRequest, key: string): string {
  const ages = key === "total" ? "totalt ålder" : `åldrarna ${key.replace("-", "–")} år`;
  return `download ${req.table.name} (${req.table.id}) by hand from ${req.table.webUrl} (all municipalities and Riket, ${ages}, both sexes, period ${req.table.period}), save it as CSV and give it with --population FILE`;
}

/**
 * Fetches the population for a date and key from SCB's API and reads it into a dataset with its
 * provenance (table, query, retrieval time).
 *
 * @throws PopulationError `IO` in one line when SCB cannot be reached or refuses, saying what to
 *   download by hand and from where; the reader's errors when the response is malformed.
 * @example
 * ```ts
 * const pop = await fetchScbPopulation({ date: "2024-11-01", key: "0-18" });
 * ```
 */
export async function fetchScbPopulation(options: FetchScbOptions): Promise<PopulationDataset> {
  const req = buildScbRequest(options.date, options.key, options.apiUrl);
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  let text: string;
  try {
    const res = await doFetch(req.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    text = await res.text();
    if (!res.ok) {
      const why = res.status === 429 ? "too many requests, try again in a minute" : `${res.status} ${res.statusText}`.trim();
      throw new PopulationError("IO", `SCB's API answered ${why} for ${req.table.id}; ${byHand(req, options.key)}`, { value: String(res.status) });
    }
  } catch (e) {
    if (e instanceof PopulationError) throw e;
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.cause?.code ?? err.cause?.message ?? err.message;
    throw new PopulationError("IO", `cannot reach SCB's API at ${req.url} (${why}); ${byHand(req, options.key)}`, { value: why });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PopulationError("POPULATION_FORMAT", `SCB's answer is not JSON (${(e as Error).message}); ${byHand(req, options.key)}`);
  }
  return parseJsonStat(json, {
    file: `SCB ${req.table.id}`,
    referenceDate: options.date,
    keys: [options.key],
    requireKeys: true,
    source: {
      title: req.table.title,
      origin: req.query,
      retrieved: (options.now ?? new Date()).toISOString(),
    },
  });
}
