/**
 * The allocation as text tables for a terminal, read from the allocation matrix: Swedish labels
 * and number formatting, a sum row per level that says how many amounts are unknown, at most 80
 * columns wide (a level with many pots is listed one pot per row).
 */
import type { Allocation } from "../allocation/model.js";
import { allocationMatrix, type LevelMatrix, type MatrixCell, type MatrixSum } from "../allocation/matrix.js";
import { formatInteger, formatSigned } from "../format.js";
import { GOTLAND, LEVEL_LABELS } from "../geography/index.js";
import { missingAdvice, missingGroups } from "../sv/missing.js";
import { DERIVED_MARK, DERIVED_NOTE, lineDerived, noteText, sourceText, usedSources } from "../sv/notes.js";
import { potLevelLabel, ROUNDING_SHORT, ROUNDING_TEXT } from "../sv/words.js";
import { renderColumns, truncate, WIDTH, wrap, type Align } from "./text.js";

/** What a pot's residue is, and why it may not be zero. */
export const RESIDUE_NOTE =
  "Rest = fördelat − pott. Med avrundning per mottagare kan en pott som fördelas efter befolkning hamna några kronor fel; så avrundar SKR:s publicerade tabell för 2025.";

/** How many missing recipients a table names before it says "och N till". */
export const MISSING_NAMES_SHOWN = 10;

/**
 * A cell in words: the amount, `saknas`, or `–` when the pot does not pay the recipient.
 *
 * @example
 * ```ts
 * cellText({ kind: "none" }); // "–"
 * ```
 */
export function cellText(cell: MatrixCell): string {
  return cell.kind === "amount" ? formatInteger(cell.amount) : cell.kind === "missing" ? "saknas" : "–";
}

/**
 * A sum in words: the sum, or the known part and how many are unknown (`8 006 024 + 275 saknas`),
 * or `saknas (49)` when nothing in it is known.
 *
 * @example
 * ```ts
 * sumText({ known: 0n, unknown: 49, amount: null }); // "saknas (49)"
 * ```
 */
export function sumText(s: MatrixSum): string {
  if (s.amount !== null) return formatInteger(s.amount);
  return s.known > 0n ? `${formatInteger(s.known)} + ${s.unknown} saknas` : `saknas (${s.unknown})`;
}

function levelTable(m: LevelMatrix, mark: (cell: MatrixCell) => string): string[] {
  const cols = m.columns;
  const many = cols.length > 1;
  const wide: (string[] | null)[] = [
    ["Kod", "Mottagare", ...cols.map((c) => `Pott ${c.pot}`), ...(many ? ["Summa"] : [])],
    null,
    ...m.rows.map((r) => [r.code, truncate(r.name, 26), ...r.cells.map((c) => `${cellText(c)}${mark(c)}`), ...(many ? [sumText(r.sum)] : [])]),
    null,
    ["", `Summa (${m.rows.length})`, ...m.columnSums.map(sumText), ...(many ? [sumText(m.total)] : [])],
  ];
  const align: Align[] = ["left", "left", ...cols.map((): Align => "right"), "right"];
  const rendered = renderColumns(wide, align);
  if (Math.max(...rendered.map((r) => [...r].length)) <= WIDTH) return rendered;
  // Too wide for a terminal: one pot per row, with each recipient's sum.
  const long: (string[] | null)[] = [["Kod", "Mottagare", "Pott", "Belopp"], null];
  for (const r of m.rows) {
    r.cells.forEach((cell, j) => {
      if (cell.kind !== "none") long.push([r.code, truncate(r.name, 36), cols[j]!.pot, `${cellText(cell)}${mark(cell)}`]);
    });
    long.push(["", "", "summa", sumText(r.sum)]);
  }
  long.push(null, ["", `Summa (${m.rows.length})`, "", sumText(m.total)]);
  return renderColumns(long, ["left", "left", "left", "right"]);
}

/** The missing amounts, grouped by pot and reason: the first names and a count, and how to fill them. */
function missingSection(a: Allocation): string[] {
  if (a.missing.length === 0) return [];
  const out = ["", `Saknas: ${a.missing.length} belopp kunde inte beräknas (inget av dem är noll).`];
  const advice = new Set<string>();
  for (const g of missingGroups(a)) {
    const names = g.lines.slice(0, MISSING_NAMES_SHOWN).map((m) => m.name);
    const more = g.lines.length - names.length;
    out.push(...wrap(`pott ${g.pot}: ${g.text} – ${g.lines.length} mottagare: ${names.join(", ")}${more > 0 ? ` och ${more} till` : ""}.`));
    advice.add(missingAdvice(g.reason, { agreement: a.agreement.id, referenceDate: a.agreement.referenceDate }).text);
  }
  for (const t of advice) out.push(...wrap(`Så fyller du i: ${t}`));
  out.push("  Hela listan med skäl: --format csv, xlsx eller json.");
  return out;
}

/**
 * Renders an allocation as Swedish text tables, one per level, then the pots with their
 * residues, what is missing and how to fill it, and the sources of what is shown.
 *
 * @example
 * ```ts
 * console.log(formatTable(selectAllocation(result, { county: "20" })));
 * ```
 */
export function formatTable(a: Allocation): string {
  const out: string[] = [];
  out.push(...wrap(a.agreement.title, ""));
  out.push(
    `Överenskommelse ${a.agreement.id}: ${a.agreement.total === undefined ? "totalbelopp okänt" : `${formatInteger(a.agreement.total)} kr`}${
      a.agreement.complete ? "" : ` (ofullständig: ${a.agreement.knownPots} av ${a.agreement.potCount} pottar kända)`
    }`,
  );
  if (a.scenario) {
    out.push("Scenario (vad händer om), inte en beslutad överenskommelse. Ändringar:");
    for (const c of a.scenario.changes) {
      const what = c.pot !== undefined ? `pott ${c.pot} ${c.field}` : c.path;
      out.push(`  ${what}: ${c.from === null ? "okänt" : formatInteger(c.from)} → ${formatInteger(c.to)}${c.kind === "derived" ? " (följer av ändringen)" : ""}`);
    }
  }
  out.push(`Befolkning: ${a.population.referenceDate}. Belopp i kronor.`);
  const roundings = [...new Set(a.pots.flatMap((p) => (p.status === "known" ? [p.rounding] : [])))];
  out.push(...wrap(`Avrundning: ${roundings.length === 1 ? ROUNDING_TEXT[roundings[0]!] : roundings.length === 0 ? ROUNDING_TEXT[a.rounding] : "olika per pott, se Pottar"}.`, ""));
  let marked = false;
  const mark = (c: MatrixCell) => {
    if (c.kind !== "amount" || !lineDerived(a, c.line)) return "";
    marked = true;
    return DERIVED_MARK;
  };
  for (const m of allocationMatrix(a).levels) out.push("", LEVEL_LABELS[m.level], ...levelTable(m, mark));
  if (marked) out.push(...wrap(`${DERIVED_MARK} ${DERIVED_NOTE}`, ""));
  out.push("", "Pottar");
  const several = roundings.length > 1;
  const potRows: (string[] | null)[] = [["Pott", "Nivå", "Belopp", "Fördelat", "Rest", ...(several ? ["Avrundning"] : [])], null];
  for (const p of a.pots) {
    potRows.push([
      p.id,
      potLevelLabel(p),
      p.amount === null || p.amount === undefined ? "okänt" : formatInteger(p.amount),
      p.status === "incomplete" ? "regel okänd" : formatInteger(p.allocated) + (p.complete ? "" : ` (${p.missing} saknas)`),
      p.status === "incomplete" || p.residue === null ? "–" : formatSigned(p.residue),
      ...(several ? [p.status === "known" ? ROUNDING_SHORT[p.rounding] : "–"] : []),
    ]);
  }
  out.push(...renderColumns(potRows, ["left", "left", "right", "right", "right", "left"]));
  out.push(...wrap(RESIDUE_NOTE, ""));
  const ties = a.pots.flatMap((p) => (p.status === "known" ? p.ties.map((t) => `pott ${p.id}: lika rest för ${[...t.winners, ...t.losers].join(", ")}; extra krona till ${t.winners.join(", ")} (lägst kod först)`) : []));
  if (ties.length > 0) out.push("", "Lika rester", ...ties.flatMap((t) => wrap(t)));
  out.push(...missingSection(a));
  if (a.lines.some((l) => l.code === GOTLAND.municipalityCode || (l.level !== "municipality" && l.code === GOTLAND.countyCode))) {
    out.push("", ...wrap("Gotland: kommunen (0980), regionen och länet (09) är en och samma huvudman, Region Gotland, som tar emot beloppen på alla tre nivåerna.", ""));
  }
  if (a.notes.length > 0) out.push("", "Observera", ...a.notes.flatMap((n) => wrap(noteText(n))));
  out.push("", "Källor");
  out.push(...wrap(`Överenskommelse: ${a.agreement.source}`));
  for (const s of usedSources(a)) out.push(...wrap(`Befolkning: ${sourceText(s)}`));
  return `${out.join("\n")}\n`;
}
