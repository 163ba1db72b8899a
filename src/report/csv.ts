/**
 * CSV for Swedish Excel: `;` between fields, UTF-8 with a byte-order mark (so Excel reads å, ä,
 * ö), CRLF line ends, a header row, whole kronor without thousands separators. Read from the
 * allocation matrix, so a pot split between levels appears at each of its levels.
 */
import type { Allocation } from "../allocation/model.js";
import { allocationMatrix } from "../allocation/matrix.js";
import { missingAdvice, missingReasonText } from "../sv/missing.js";
import { DERIVED_NOTE, lineDerived } from "../sv/notes.js";
import { LEVEL_WORD } from "../sv/words.js";
import { comparisonNote, formatPercent, type Comparison } from "./compare.js";

const BOM = "\uFEFF";

/** Swedish level names, singular, as a CSV column. */
export const LEVEL_NAMES = LEVEL_WORD;

function field(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Rows to Swedish-Excel CSV text (with BOM).
 *
 * @example
 * ```ts
 * toSwedishCsv([["Kod", "Belopp"], ["2080", "1309672"]]); // "\uFEFFKod;Belopp\r\n2080;1309672\r\n"
 * ```
 */
export function toSwedishCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(field).join(";")).join("\r\n") + "\r\n";
}

/**
 * An allocation as one row per recipient and pot: `Nivå;Kod;Mottagare;Pott;Belopp;Anmärkning`.
 * An amount that could not be computed has an empty `Belopp` (never 0) and in `Anmärkning` the
 * reason and how to fill it.
 *
 * @example
 * ```ts
 * formatAllocationCsv(selectAllocation(result, { municipality: "2080" }));
 * // "\uFEFFNivå;Kod;Mottagare;Pott;Belopp;Anmärkning\r\nkommun;2080;Falun;2;1309672;\r\n"
 * ```
 */
export function formatAllocationCsv(a: Allocation): string {
  const rows: string[][] = [["Nivå", "Kod", "Mottagare", "Pott", "Belopp", "Anmärkning"]];
  const context = { agreement: a.agreement.id, referenceDate: a.agreement.referenceDate };
  for (const level of allocationMatrix(a).levels) {
    for (const r of level.rows) {
      r.cells.forEach((cell, j) => {
        const pot = level.columns[j]!.pot;
        if (cell.kind === "amount") rows.push([LEVEL_NAMES[level.level], r.code, r.name, pot, cell.amount.toString(), lineDerived(a, cell.line) ? `härledd: ${DERIVED_NOTE}` : ""]);
        else if (cell.kind === "missing") {
          const m = cell.missing;
          rows.push([LEVEL_NAMES[level.level], r.code, r.name, pot, "", `saknas: ${missingReasonText(m.reason, m.level)}. ${missingAdvice(m.reason, context).text}`]);
        }
      });
    }
  }
  return toSwedishCsv(rows);
}

/**
 * A comparison as `Nivå;Kod;Mottagare;Före;Efter;Skillnad;Skillnad %;Anmärkning` (percent with a
 * decimal comma, two decimals); unknown amounts are empty.
 *
 * @example
 * ```ts
 * formatComparisonCsv(compareAllocations(before, after));
 * ```
 */
export function formatComparisonCsv(c: Comparison): string {
  const s = (v: bigint | null) => (v === null ? "" : v.toString());
  return toSwedishCsv([
    ["Nivå", "Kod", "Mottagare", `Före (${c.before.label})`, `Efter (${c.after.label})`, "Skillnad", "Skillnad %", "Anmärkning"],
    ...c.rows.map((r) => [LEVEL_NAMES[r.level], r.code, r.name, s(r.before), s(r.after), s(r.difference), formatPercent(r.percent) ?? "", comparisonNote(r)]),
  ]);
}
