/**
 * CSV for Swedish Excel: `;` between fields, UTF-8 with a byte-order mark (so Excel reads å, ä,
 * ö), CRLF line ends, a header row, whole kronor without thousands separators.
 */
import type { Allocation } from "../allocate.js";
import type { Level } from "../geography/index.js";
import { comparisonNote, formatPercent, type Comparison } from "./compare.js";

const BOM = "\uFEFF";

/** Swedish level names, singular, as a CSV column. */
export const LEVEL_NAMES: Readonly<Record<Level, string>> = { region: "region", county: "län", municipality: "kommun", skr: "SKR" };

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
 * An amount that could not be computed has an empty `Belopp` and the reason in `Anmärkning`.
 *
 * @example
 * ```ts
 * formatAllocationCsv(selectAllocation(result, { municipality: "2080" }));
 * // "\uFEFFNivå;Kod;Mottagare;Pott;Belopp;Anmärkning\r\nkommun;2080;Falun;2;1309672;\r\n"
 * ```
 */
export function formatAllocationCsv(a: Allocation): string {
  const rows: string[][] = [["Nivå", "Kod", "Mottagare", "Pott", "Belopp", "Anmärkning"]];
  const potOrder = new Map(a.pots.map((p, i) => [p.id, i]));
  const entries = [
    ...a.lines.map((l) => ({ ...l, amount: l.amount.toString(), note: "" })),
    ...a.missing.map((m) => ({ ...m, amount: "", note: `saknas: ${m.reason}` })),
  ];
  const levelOrder: Level[] = ["region", "county", "municipality", "skr"];
  entries.sort(
    (x, y) =>
      levelOrder.indexOf(x.level) - levelOrder.indexOf(y.level) ||
      (x.code < y.code ? -1 : x.code > y.code ? 1 : 0) ||
      (potOrder.get(x.pot) ?? 0) - (potOrder.get(y.pot) ?? 0),
  );
  for (const e of entries) rows.push([LEVEL_NAMES[e.level], e.code, e.name, e.pot, e.amount, e.note]);
  return toSwedishCsv(rows);
}

/**
 * A comparison as `Nivå;Kod;Mottagare;Före;Efter;Skillnad;Skillnad %;Anmärkning` (percent with a
 * decimal comma, two decimals).
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
