/**
 * The allocation as text tables for a terminal: Swedish labels and number formatting, a totals
 * row per level, at most 80 columns wide (a level with many pots is listed one pot per row).
 */
import type { Allocation, AllocationLine, PotResult } from "../allocate.js";
import { GOTLAND, LEVEL_LABELS, LEVELS, type Level } from "../geography/index.js";
import { formatInteger, formatSigned } from "../format.js";

const WIDTH = 80;

/** A pot's level in Swedish: one level, the levels of a split pot, or "okänd nivå". */
export function potLevelLabel(p: Pick<PotResult, "level" | "levels">): string {
  return p.level === "split" ? p.levels.map((l) => LEVEL_LABELS[l]).join(" + ") : p.level === "unknown" ? "okänd nivå" : LEVEL_LABELS[p.level];
}

type Align = "left" | "right";

/** Lays out rows in aligned columns; the first row is the header, a `null` row is a rule. */
export function renderColumns(rows: (string[] | null)[], align: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r?.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  const total = widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1);
  return rows.map((r) => {
    if (r === null) return "-".repeat(total);
    return r
      .map((c, i) => {
        const pad = " ".repeat(widths[i]! - [...c].length);
        return align[i] === "right" ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  });
}

/** Wraps prose at word boundaries to the terminal width, indenting continuation lines. */
export function wrap(text: string, indent = "  ", width = WIDTH): string[] {
  const out: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.trim() !== "" && [...line].length + 1 + [...word].length > width) {
      out.push(line);
      line = `${indent}  ${word}`;
    } else line = line.trim() === "" ? `${line}${word}` : `${line} ${word}`;
  }
  if (line.trim() !== "") out.push(line);
  return out;
}

function truncate(s: string, max: number): string {
  return [...s].length > max ? `${[...s].slice(0, max - 1).join("")}…` : s;
}

function levelTable(level: Level, lines: readonly AllocationLine[], a: Allocation): string[] {
  const potIds = [...new Set(lines.map((l) => l.pot))];
  const codes = [...new Set(lines.map((l) => l.code))].sort();
  const name = new Map(lines.map((l) => [l.code, l.name]));
  const amount = new Map(lines.map((l) => [`${l.pot}|${l.code}`, l.amount]));
  const missingCodes = new Set(a.missing.filter((m) => m.level === level).map((m) => m.code));
  const sum = (code: string) => potIds.reduce((s, p) => s + (amount.get(`${p}|${code}`) ?? 0n), 0n);
  const potTotal = (p: string) => codes.reduce((s, c) => s + (amount.get(`${p}|${c}`) ?? 0n), 0n);
  const grand = codes.reduce((s, c) => s + sum(c), 0n);

  const wide: (string[] | null)[] = [
    ["Kod", "Mottagare", ...potIds.map((p) => `Pott ${p}`), ...(potIds.length > 1 ? ["Summa"] : [])],
    null,
    ...codes.map((c) => [
      c,
      truncate(name.get(c)!, 26) + (missingCodes.has(c) ? " *" : ""),
      ...potIds.map((p) => {
        const v = amount.get(`${p}|${c}`);
        return v === undefined ? "–" : formatInteger(v);
      }),
      ...(potIds.length > 1 ? [formatInteger(sum(c))] : []),
    ]),
    null,
    ["", `Summa (${codes.length})`, ...potIds.map((p) => formatInteger(potTotal(p))), ...(potIds.length > 1 ? [formatInteger(grand)] : [])],
  ];
  const alignWide: Align[] = ["left", "left", ...potIds.map(() => "right" as Align), "right"];
  const rendered = renderColumns(wide, alignWide);
  if (Math.max(...rendered.map((r) => [...r].length)) <= WIDTH) return rendered;

  // Too wide for a terminal: one pot per row, with each recipient's sum.
  const long: (string[] | null)[] = [["Kod", "Mottagare", "Pott", "Belopp"], null];
  for (const c of codes) {
    for (const p of potIds) {
      const v = amount.get(`${p}|${c}`);
      if (v !== undefined) long.push([c, truncate(name.get(c)!, 40), p, formatInteger(v)]);
    }
    long.push(["", "", "summa", formatInteger(sum(c))]);
  }
  long.push(null, ["", `Summa (${codes.length})`, "", formatInteger(grand)]);
  return renderColumns(long, ["left", "left", "left", "right"]);
}

/** The rounding modes in Swedish words, as the table, the xlsx and the web page name them. */
export const ROUNDING_TEXT: Readonly<Record<string, string>> = {
  "nearest-per-recipient": "varje belopp avrundat för sig till närmaste krona (SKR:s sätt)",
  "largest-remainder": "största rest: delarna summerar exakt till potten",
};

/** What a pot's residue is, and why it may not be zero. */
export const RESIDUE_NOTE =
  "Rest = fördelat − pott. Med avrundning per mottagare kan en pott som fördelas efter befolkning hamna några kronor fel; det är SKR:s konvention.";

/**
 * The amounts that could not be computed, grouped by pot and reason, with how many recipients
 * each group has, in the order they first occur.
 *
 * @example
 * ```ts
 * missingGroups(selectAllocation(result, { level: "municipality" }));
 * // [{ text: "pott 2: …", count: 275 }]
 * ```
 */
export function missingGroups(a: Pick<Allocation, "missing">): { text: string; count: number }[] {
  const groups = new Map<string, number>();
  for (const m of a.missing) {
    const text = `pott ${m.pot}: ${m.reason}`;
    groups.set(text, (groups.get(text) ?? 0) + 1);
  }
  return [...groups].map(([text, count]) => ({ text, count }));
}

/**
 * Renders an allocation as Swedish text tables, one per level, then the pots with their
 * residues, what is missing, and the population's provenance.
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
    out.push("Scenario (what-if), inte en beslutad överenskommelse. Ändringar:");
    for (const c of a.scenario.changes) {
      const what = c.pot !== undefined ? `pott ${c.pot} ${c.field}` : c.path;
      out.push(`  ${what}: ${c.from === null ? "okänt" : formatInteger(c.from)} → ${formatInteger(c.to)}${c.kind === "derived" ? " (följer av ändringen)" : ""}`);
    }
  }
  out.push(`Befolkning: ${a.population.referenceDate}. Belopp i kronor.`);
  out.push(...wrap(`Avrundning: ${ROUNDING_TEXT[a.rounding] ?? a.rounding}.`, ""));
  for (const level of LEVELS) {
    const lines = a.lines.filter((l) => l.level === level);
    if (lines.length === 0) continue;
    out.push("", LEVEL_LABELS[level], ...levelTable(level, lines, a));
  }
  out.push("", "Pottar");
  const potRows: (string[] | null)[] = [["Pott", "Nivå", "Belopp", "Fördelat", "Rest"], null];
  for (const p of a.pots) {
    potRows.push([
      p.id,
      potLevelLabel(p),
      p.amount === undefined ? "okänt" : formatInteger(p.amount),
      p.status === "incomplete" ? "ej känd regel" : formatInteger(p.allocated) + (p.complete ? "" : " (delvis)"),
      p.residue === null ? "–" : formatSigned(p.residue),
    ]);
  }
  out.push(...renderColumns(potRows, ["left", "left", "right", "right", "right"]));
  out.push(...wrap(RESIDUE_NOTE, ""));
  const ties = a.pots.flatMap((p) => p.ties.map((t) => `pott ${p.id}: lika rest för ${[...t.winners, ...t.losers].join(", ")}; extra krona till ${t.winners.join(", ")} (lägst kod först)`));
  if (ties.length > 0) out.push("", "Lika rester", ...ties.map((t) => `  ${t}`));
  if (a.missing.length > 0) {
    out.push("", `Saknas (${a.missing.length} belopp kunde inte beräknas; inga av dem är noll):`);
    for (const { text, count } of missingGroups(a)) out.push(...wrap(`${text} (${count} mottagare)`));
    if (a.missing.some((m) => m.level === "municipality")) out.push("  * = mottagaren saknar belopp ur någon pott. Hela listan: --format json.");
  }
  if (a.lines.some((l) => l.code === GOTLAND.municipalityCode || (l.level !== "municipality" && l.code === GOTLAND.countyCode))) {
    out.push("", ...wrap("Gotland: kommunen (0980), regionen och länet (09) är en och samma huvudman, Region Gotland, som tar emot beloppen på alla tre nivåerna.", ""));
  }
  if (a.warnings.length > 0) out.push("", "OBS", ...a.warnings.flatMap((w) => wrap(w.message)));
  out.push("", "Källor");
  out.push(...wrap(`Överenskommelse: ${a.agreement.source}`));
  for (const s of a.population.sources) out.push(...wrap(`Befolkning: ${s.title}${s.derived ? " [härledd]" : ""}`));
  return `${out.join("\n")}\n`;
}
