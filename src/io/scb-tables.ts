/**
 * SCB's population tables by reference date: which table holds the population of a date, the
 * period in it, and where to download it by hand. Pure, so the page and the messages can name
 * the table that fills a gap.
 *
 * 1 November → TAB1267 (FolkmangdNov), 31 December → TAB638 (BefolkningNy), the last day of another
 * month → TAB5444 (BefolkManad, period `2024M10`).
 */
import { raise } from "../errors.js";

/** One SCB population table and the period in it that means the reference date. */
export interface ScbTable {
  id: string;
  /** The table's name in Statistikdatabasen (its folder in the classic web UI). */
  name: string;
  title: string;
  period: string;
  /** The contents code for "Folkmängd", or `*` when it is not known here (the response must then have one). */
  contents: string;
  /** Extra variables to select (all values, summed by the reader). */
  extra: Record<string, string[]>;
  /** Where to download the same table by hand. */
  webUrl: string;
}

const WEB = "https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A";

/**
 * The SCB table for a reference date.
 *
 * @throws UsageError `USAGE` (kind `not-a-date`) for what is not a date, (kind `no-scb-table`) for
 *   a date SCB publishes no population for (not 1 November nor a month end).
 * @example
 * ```ts
 * scbTableFor("2024-11-01").id; // "TAB1267"
 * ```
 */
export function scbTableFor(date: string): ScbTable {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const y = m ? Number(m[1]) : NaN;
  const mo = m ? Number(m[2]) : NaN;
  const d = m ? Number(m[3]) : NaN;
  const valid = m && mo >= 1 && mo <= 12 && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
  if (!valid) raise("USAGE", "not-a-date", { option: "date", value: date }, { value: date });
  if (mo === 11 && d === 1) {
    return { id: "TAB1267", name: "FolkmangdNov", title: `SCB, Folkmängden den 1 november ${y} (FolkmangdNov, TAB1267)`, period: String(y), contents: "BE0101A9", extra: {}, webUrl: `${WEB}/FolkmangdNov/` };
  }
  if (mo === 12 && d === 31) {
    return {
      id: "TAB638",
      name: "BefolkningNy",
      title: `SCB, Folkmängden 31 december ${y} (BefolkningNy, TAB638)`,
      period: String(y),
      contents: "BE0101N1",
      extra: { Civilstand: ["*"] },
      webUrl: `${WEB}/BefolkningNy/`,
    };
  }
  if (new Date(Date.UTC(y, mo, 0)).getUTCDate() === d) {
    const period = `${y}M${String(mo).padStart(2, "0")}`;
    return { id: "TAB5444", name: "BefolkManad", title: `SCB, Folkmängden per månad ${period} (BefolkManad, TAB5444)`, period, contents: "*", extra: {}, webUrl: `${WEB}/BefolkManad/` };
  }
  return raise("USAGE", "no-scb-table", { date }, { value: date });
}

