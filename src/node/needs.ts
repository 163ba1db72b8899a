/**
 * What population an agreement needs: its own module, so the cache and the CLI can ask without
 * loading the SCB client (and its zod metadata schema) that fetching needs.
 */
import { raise } from "../errors.js";
import { potParts } from "../agreement/model.js";
import type { Agreement } from "../rules.js";
import type { PopulationKey } from "../population.js";
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

