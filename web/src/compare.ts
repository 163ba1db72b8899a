/**
 * Two allocations side by side per recipient: two agreements or two populations (Jämför), or one
 * agreement with and without what-if changes (Tänk om). The rows are the library's
 * compareAllocations; an amount that cannot be computed on a side is "saknas", and then there
 * is no difference either. Sums count only recipients known on both sides and say how many are not.
 */
import {
  comparisonNote,
  compareAllocations,
  formatInteger,
  formatKronor,
  formatPercent,
  formatSigned,
  LEVEL_LABELS,
  LEVELS,
  SCENARIO_FIELDS,
  type Agreement,
  type Comparison,
  type ComparisonRow,
  type ScenarioChange,
} from "../../src/index.js";
import { h, nowrap } from "./dom.js";
import { sortableTable, type Column, type Row } from "./table.js";

/**
 * Swedish words for the what-if fields.
 *
 * @example
 * ```ts
 * FIELD_WORDS.base; // "grundbelopp per mottagare"
 * ```
 */
export const FIELD_WORDS: Readonly<Record<ScenarioChange["field"], string>> = {
  amount: "belopp",
  base: "grundbelopp per mottagare",
  perRecipient: "belopp per mottagare",
  total: "överenskommelsens totalbelopp",
  levelTotal: "nivåns summa",
};

/** A level's Swedish name ("Länsgemensamma medel"), never its code ("county"). */
function levelWords(level: string): string {
  return (LEVEL_LABELS as Readonly<Record<string, string>>)[level]?.toLowerCase() ?? level;
}

/**
 * One change in words: `Pott 2, belopp: 192 000 000 → 300 000 000 kr`.
 *
 * @example
 * ```ts
 * changeText({ path: "pots[3].amount", pot: "2", field: "amount", from: 250000000n, to: 300000000n, kind: "set" });
 * // "Pott 2, belopp: 250 000 000 → 300 000 000 kr"
 * ```
 */
export function changeText(c: ScenarioChange): string {
  const what = c.pot !== undefined ? `Pott ${c.pot}, ${FIELD_WORDS[c.field]}` : c.field === "levelTotal" ? `${FIELD_WORDS.levelTotal} (${levelWords(c.path.replace(/^levelTotals\./, ""))})` : FIELD_WORDS[c.field];
  return `${what}: ${c.from === null ? "okänt" : formatInteger(c.from)} → ${formatKronor(c.to)}${c.kind === "derived" ? " (följer av ändringen)" : ""}`;
}

/**
 * The what-if fields a pot's rule has.
 *
 * @example
 * ```ts
 * fieldsOf(agreement2025, "2"); // ["amount", "base"]
 * ```
 */
export function fieldsOf(agreement: Agreement, pot: string): ScenarioChange["field"][] {
  const p = agreement.pots.find((x) => x.id === pot);
  if (!p) return [];
  return SCENARIO_FIELDS.filter((f) => f === "amount" || (f === "base" && p.rule?.type === "basePlusShare") || (f === "perRecipient" && p.rule?.type === "perRecipient"));
}

function money(v: bigint | null): Node {
  return nowrap(v === null ? "saknas" : formatInteger(v));
}

/**
 * The comparison as one table per level, with sums over the recipients known on both sides.
 *
 * @example
 * ```ts
 * section.append(...comparisonTables(compareAllocations(before, after), "compare"));
 * ```
 */
export function comparisonTables(c: Comparison, id: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const level of LEVELS) {
    const rows = c.rows.filter((r) => r.level === level);
    if (rows.length === 0) continue;
    const known = rows.filter((r) => r.difference !== null);
    const before = known.reduce((s, r) => s + r.before, 0n);
    const after = known.reduce((s, r) => s + r.after, 0n);
    const columns: Column[] = [
      { key: "code", label: "Kod" },
      { key: "name", label: "Mottagare" },
      { key: "before", label: "Före", numeric: true, title: c.before.label },
      { key: "after", label: "Efter", numeric: true, title: c.after.label },
      { key: "difference", label: "Skillnad", numeric: true },
      { key: "percent", label: "%", numeric: true },
    ];
    const body: Row[] = rows.map((r: ComparisonRow) => ({
      attrs: { "data-code": r.code, ...(r.difference === null ? { title: comparisonNote(r) } : {}) },
      headerAt: 1,
      cells: [
        r.code,
        r.difference === null ? h("span", {}, r.name, h("span", { class: "note" }, ` (${comparisonNote(r)})`)) : r.name,
        h("span", { class: "nowrap", "data-before": r.code }, r.before === null ? "saknas" : formatInteger(r.before)),
        h("span", { class: "nowrap", "data-after": r.code }, r.after === null ? "saknas" : formatInteger(r.after)),
        h("span", { class: "nowrap", "data-difference": r.code }, r.difference === null ? "–" : formatSigned(r.difference)),
        nowrap(formatPercent(r.percent) ?? "–"),
      ],
      // Percent sorts by its exact value, scaled to hundredths.
      sortBy: [r.code, r.name, r.before, r.after, r.difference, r.percent === null ? null : (r.percent.numerator * 100n) / r.percent.denominator],
    }));
    const unknown = rows.length - known.length;
    out.push(
      sortableTable({
        id: `${id}-${level}`,
        caption: `${LEVEL_LABELS[level]}${unknown > 0 ? ` (${unknown} mottagare saknar belopp på minst en sida)` : ""}`,
        columns,
        rows: body,
        attrs: { "data-level": level, "data-compare": id },
        foot: [
          "",
          `Summa (${known.length}${unknown > 0 ? ` av ${rows.length}` : ""})`,
          money(known.length === 0 ? null : before),
          money(known.length === 0 ? null : after),
          nowrap(known.length === 0 ? "–" : formatSigned(after - before)),
          nowrap(formatPercent(before === 0n ? null : { numerator: (after - before) * 100n, denominator: before }) ?? "–"),
        ],
      }),
    );
  }
  return out;
}

export { compareAllocations };
