/**
 * The allocation's notes (warnings that do not stop it) and its provenance lines, in Swedish.
 */
import type { Allocation, AllocationLine, AllocationNote } from "../allocation/model.js";
import { lineSources } from "../allocation/engine.js";
import { formatInteger } from "../format.js";
import { keyLabel, type PopulationSource } from "../population.js";

/**
 * One note in words.
 *
 * @example
 * ```ts
 * noteText({ code: "POPULATION_DATE_MISMATCH", expected: "2024-11-01", actual: "2024-12-31" });
 * // "Överenskommelsen utgår från befolkningen 2024-11-01, men befolkningsdata avser 2024-12-31."
 * ```
 */
export function noteText(note: AllocationNote): string {
  switch (note.code) {
    case "POPULATION_DATE_MISMATCH":
      return note.pot !== undefined
        ? `Pott ${note.pot} utgår från befolkningen ${note.expected}, men befolkningsdata avser ${note.actual}.`
        : `Överenskommelsen utgår från befolkningen ${note.expected}, men befolkningsdata avser ${note.actual}.`;
    case "POPULATION_TOTAL_MISMATCH":
      return `Riket, ${keyLabel(note.key)}: angivet ${formatInteger(note.declared)}, men mottagarna summerar till ${formatInteger(note.summed)}; summan används som nämnare, så att hela potten fördelas.`;
    case "AGREEMENT_INCOMPLETE":
      return `Överenskommelsen ${note.agreement} är inte helt känd: ${note.known} av ${note.of} pottar har känd regel; pott ${note.pots.join(", ")} beräknas inte.`;
  }
}

/**
 * The population sources the shown amounts used, derived ones flagged: a derived source appears
 * only where a shown amount used it.
 *
 * @example
 * ```ts
 * usedSources(selectAllocation(result, { county: "25" })).some((s) => s.derived); // false
 * ```
 */
export function usedSources(a: Pick<Allocation, "lines" | "population">): PopulationSource[] {
  const used = new Set<PopulationSource>();
  for (const l of a.lines) for (const s of lineSources(a, l)) used.add(s);
  return a.population.sources.filter((s) => used.has(s));
}

/**
 * Whether an amount rests on derived population data (worked back from published amounts, not
 * SCB's): the outputs mark such amounts one by one.
 *
 * @example
 * ```ts
 * lineDerived(result, result.lines.find((l) => l.pot === "4" && l.code === "20")!); // true on the 2024 county base
 * ```
 */
export function lineDerived(a: Pick<Allocation, "population">, line: AllocationLine): boolean {
  return lineSources(a, line).some((s) => s.derived === true);
}

/** The footnote for amounts marked {@link DERIVED_MARK}. */
export const DERIVED_NOTE = "bygger på härledda befolkningstal (inte SCB:s statistik), se Källor.";

/** What marks a derived amount in a text table. */
export const DERIVED_MARK = "*";

/**
 * A source in words: title, and for derived data that it is derived and how.
 *
 * @example
 * ```ts
 * sourceText({ title: "SCB, Folkmängden den 1 november 2024 (TAB1267)" }); // same text
 * ```
 */
export function sourceText(s: PopulationSource): string {
  if (!s.derived) return s.title;
  const flag = /härledd/i.test(s.title) ? "" : " — HÄRLEDD, inte officiell statistik";
  return `${s.title}${flag}${s.note ? `: ${s.note}` : ""}`;
}
