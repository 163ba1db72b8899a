/**
 * One fetch for what an agreement needs: the keys its known pots share by (`agreementKeys`) and
 * the reference date they share them on, fetched from SCB's API in one dataset, ready to
 * allocate with nothing else merged in.
 */
import type { Agreement } from "../rules.js";
import { fetchScbKeys, type FetchedPopulation, type ScbFetchOptions } from "./scb-api.js";
import { agreementPopulationNeeds, type NeedsOptions } from "./needs.js";

export { agreementPopulationNeeds, type NeedsOptions, type PopulationNeeds } from "./needs.js";

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
