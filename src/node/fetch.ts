/**
 * One fetch for what an agreement needs: the keys its known pots share by (`agreementKeys`) and
 * the reference date they share them on, fetched from SCB's API in one dataset, ready to
 * allocate with nothing else merged in.
 */
import { raise } from "../errors.js";
import { potParts, type Agreement } from "../rules.js";
import type { PopulationKey } from "../population.js";
import { fetchScbKeys, type FetchedPopulation, type ScbFetchOptions } from "./scb-api.js";

/** The population an agreement needs: one reference date and the keys on it. */
export interface PopulationNeeds {
  agreement: string;
  referenceDate: string;
  /** In first-use order, as `agreementKeys` gives them. */
  keys: PopulationKey[];
}

/** Options for {@link agreementPopulationNeeds}. */
export interface NeedsOptions {
  /** The reference date when the agreement states none (or to use instead of the agreement's). */
  referenceDate?: string;
}

/**
 * The reference date and keys an agreement's known pots need. A pot with its own
 * `referenceDate` needs population on that date; when pots need several dates, no single dataset
 * serves them and this refuses, naming the dates.
 *
 * @throws ScbError `SCB_AGREEMENT`: no reference date, several, or no pot shared by population.
 * @example
 * ```ts
 * agreementPopulationNeeds(loadBundledAgreement("2025"));
 * // { agreement: "2025", referenceDate: "2024-11-01", keys: ["0-18", "total"] }
 * ```
 */
export function agreementPopulationNeeds(agreement: Agreement, options: NeedsOptions = {}): PopulationNeeds {
  const base = options.referenceDate ?? agreement.referenceDate;
  const keys: PopulationKey[] = [];
  const dates = new Set<string>();
  let undated = false;
  for (const pot of agreement.pots) {
    if (pot.status !== "known") continue;
    for (const part of potParts(pot)) {
      if (!("key" in part.rule)) continue;
      const date = pot.referenceDate ?? base;
      if (date === undefined) undated = true;
      else dates.add(date);
      if (!keys.includes(part.rule.key)) keys.push(part.rule.key);
    }
  }
  if (keys.length === 0) raise("SCB_AGREEMENT", "no-keys", { agreement: agreement.id }, { value: agreement.id });
  if (undated) raise("SCB_AGREEMENT", "no-date", { agreement: agreement.id }, { value: agreement.id });
  if (dates.size > 1) raise("SCB_AGREEMENT", "several-dates", { agreement: agreement.id, dates: [...dates].sort() }, { value: [...dates].sort().join(", ") });
  return { agreement: agreement.id, referenceDate: [...dates][0]!, keys };
}

/** Options for {@link fetchAgreementPopulation}. */
export interface FetchAgreementOptions extends ScbFetchOptions, NeedsOptions {}

/**
 * Fetches from SCB every key an agreement needs on its reference date, as ONE dataset with its
 * provenance and its project CSV: `allocate(agreement, result.dataset)` needs nothing else.
 *
 * The table follows the date (`scbTableFor`: 1 November → TAB1267, 31 December → TAB638, another
 * month end → TAB5444); codes are checked against the table's description first; requests stay
 * within SCB's limits (150 000 cells, 30 requests per 10 seconds), with retries on 429 and 5xx.
 *
 * @throws ScbError `SCB_AGREEMENT` when the agreement does not tell what to fetch;
 *   `SCB_UNREACHABLE`, `SCB_RESPONSE`, `SCB_TABLE` in one line naming the table to download by
 *   hand, its address and the command that reads it.
 * @example
 * ```ts
 * const agreement = loadBundledAgreement("2025");
 * const fetched = await fetchAgreementPopulation(agreement);
 * allocate(agreement, fetched.dataset).complete; // true
 * saveFetched(fetched);
 * ```
 */
export async function fetchAgreementPopulation(agreement: Agreement, options: FetchAgreementOptions = {}): Promise<FetchedPopulation> {
  const needs = agreementPopulationNeeds(agreement, options);
  return fetchScbKeys(needs.referenceDate, needs.keys, { ...options, agreement: agreement.id });
}
