/**
 * Rendering one computed view: the summary, what is missing and how to fill it, a table per
 * level, the pots, the sources and the charts. Every table, sum and bar reads the library's
 * allocationMatrix; unknown amounts are "saknas", never 0, and every sum says how many of its
 * amounts are unknown. clearResults() empties all of it, so an error never leaves old results.
 */
import {
  allocationMatrix,
  cellText,
  formatInteger,
  formatKronor,
  formatSigned,
  getCounty,
  keyLabel,
  LEVEL_LABELS,
  missingAdvice,
  missingGroups,
  noteText,
  potLevelLabel,
  RESIDUE_NOTE,
  ROUNDING_TEXT,
  selectAllocation,
  sourceText,
  sumText,
  usedSources,
  type Allocation,
  type LevelMatrix,
  type MatrixCell,
  type MatrixSum,
  type MissingGroup,
} from "../../src/index.js";
import { barChart, type Bar } from "./chart.js";
import type { Computed } from "./compute.js";
import { $, h, nowrap } from "./dom.js";
import { sortableTable, type Column, type Row } from "./table.js";

type Shown = Extract<Computed, { ok: true }>;

const ui = {
  heading: () => $("resultat-rubrik"),
  summary: () => $("summary"),
  advice: () => $("missing-advice"),
  tables: () => $("tables"),
  explanation: () => $("explanation-body"),
  charts: () => $("charts"),
  pots: () => $("pots"),
  sources: () => $("sources"),
};

/** One sum of several matrix sums (the levels' totals), still saying how many are unknown. */
function addSums(sums: readonly MatrixSum[]): MatrixSum {
  const known = sums.reduce((s, x) => s + x.known, 0n);
  const unknown = sums.reduce((s, x) => s + x.unknown, 0);
  return { known, unknown, amount: unknown === 0 ? known : null };
}

/** A sum in kronor: the library's sum text, with "kr" when it is a whole amount. */
function sumKronor(s: MatrixSum): string {
  return s.amount !== null ? formatKronor(s.amount) : sumText(s);
}

function amountButton(level: string, pot: string, part: number, code: string, name: string, cell: MatrixCell): Node {
  if (cell.kind === "none") return document.createTextNode("–");
  const label = cell.kind === "missing" ? `Varför saknas pott ${pot} för ${name}?` : `Förklara pott ${pot} för ${name}: ${formatKronor(cell.amount)}`;
  return h(
    "button",
    { type: "button", class: cell.kind === "missing" ? "amount missing" : "amount", "aria-label": label, "data-level": level, "data-pot": pot, "data-part": String(part), "data-code": code },
    cellText(cell),
  );
}

function levelTable(t: LevelMatrix): HTMLElement {
  const many = t.columns.length > 1;
  const columns: Column[] = [
    { key: "code", label: "Kod" },
    { key: "name", label: "Mottagare" },
    ...t.columns.map((c): Column => ({ key: `pot:${c.pot}:${c.part}`, label: `Pott ${c.pot}`, numeric: true, title: c.potName })),
    ...(many ? [{ key: "sum", label: "Summa", numeric: true } satisfies Column] : []),
  ];
  const rows: Row[] = t.rows.map((r) => ({
    attrs: { "data-code": r.code },
    headerAt: 1,
    cells: [
      r.code,
      r.name,
      ...t.columns.map((c, i) => amountButton(t.level, c.pot, c.part, r.code, r.name, r.cells[i]!)),
      ...(many ? [h("span", { class: "nowrap", "data-sum": r.code }, sumText(r.sum))] : []),
    ],
    sortBy: [r.code, r.name, ...r.cells.map((c) => (c.kind === "amount" ? c.amount : null)), ...(many ? [r.sum.amount] : [])],
  }));
  const unknown = t.total.unknown;
  return sortableTable({
    id: `level-${t.level}`,
    caption: `${LEVEL_LABELS[t.level]}${unknown === 0 ? "" : ` (${unknown} belopp saknas)`}`,
    columns,
    rows,
    attrs: { "data-level": t.level },
    foot: ["", `Summa (${t.rows.length})`, ...t.columnSums.map((s) => nowrap(sumText(s))), ...(many ? [h("span", { class: "nowrap", "data-total": t.level }, sumText(t.total))] : [])],
  });
}

/** What is missing in words: `pott 2 för 8 kommuner`. */
function missingSummary(groups: readonly MissingGroup[]): string {
  return groups.map((g) => `pott ${g.pot} för ${g.lines.length} ${g.lines.length === 1 ? levelSingular(g.level) : LEVEL_LABELS[g.level].toLowerCase()}`).join(", ");
}

function levelSingular(level: MissingGroup["level"]): string {
  return level === "municipality" ? "kommun" : level === "county" ? "län" : level === "region" ? "region" : "SKR";
}

function renderSummary(s: Shown): void {
  const a = s.shown;
  const total = addSums(allocationMatrix(a).levels.map((l) => l.total));
  const groups = missingGroups(a);
  const sources = usedSources(a).map((x) => x.title + (x.derived ? " [härledd]" : "")).join("; ");
  ui.summary().replaceChildren(
    h("p", { class: "agreement-title" }, h("strong", {}, a.agreement.title)),
    h(
      "ul",
      { class: "plain" },
      h("li", {}, `Överenskommelse ${a.agreement.id}: `, a.agreement.total === undefined ? "totalbelopp okänt" : nowrap(formatKronor(a.agreement.total)), a.agreement.complete ? "" : " (ofullständigt känd)"),
      h("li", {}, `Urval: ${s.label}`),
      h("li", {}, "Befolkning: ", nowrap(a.population.referenceDate), ` (${sources || "används inte av de valda beloppen"})`),
      h("li", {}, `Avrundning: ${ROUNDING_TEXT[a.rounding] ?? a.rounding}`),
      h(
        "li",
        {},
        "Summa av beloppen i tabellerna: ",
        h("strong", { id: "selection-total", class: "nowrap" }, sumKronor(total)),
        total.unknown > 0 ? h("span", { id: "selection-unknown" }, ` – ${total.unknown} belopp saknas (${missingSummary(groups)}) och ingår inte`) : "",
      ),
    ),
  );
}

/** For each gap: one sentence on what is missing and which SCB table has it, and how to fill it here. */
function renderAdvice(s: Shown): void {
  const a = s.shown;
  const date = a.agreement.referenceDate ?? a.population.referenceDate;
  const parts: HTMLElement[] = [];
  for (const g of missingGroups(a)) {
    const advice = missingAdvice(g.reason, { agreement: a.agreement.id, referenceDate: date });
    const what = `Pott ${g.pot} saknas för ${g.lines.length} ${g.lines.length === 1 ? levelSingular(g.level) : LEVEL_LABELS[g.level].toLowerCase()}: ${g.text}`;
    const p = h("p", { class: "gap", "data-pot": g.pot });
    if (g.reason.kind === "pot-incomplete") {
      p.append(`${what}. ${advice.text}`);
    } else if (advice.table) {
      p.append(
        `${what}; ${keyLabel(g.reason.key)} finns i SCB:s tabell ${advice.table.title}. `,
        "Ladda ner tabellen från ",
        h("a", { href: advice.table.webUrl, rel: "noreferrer noopener", target: "_blank" }, "SCB:s statistikdatabas"),
        ` och släpp filen i rutan Egen befolkning nedan: den läggs till den inbyggda befolkningen för ${date}.`,
      );
    } else {
      p.append(`${what}. Släpp en befolkningsfil med ${keyLabel(g.reason.key)} för ${date} i rutan Egen befolkning nedan: den läggs till den inbyggda befolkningen.`);
    }
    parts.push(p);
  }
  const box = ui.advice();
  box.replaceChildren(...parts);
  box.hidden = parts.length === 0;
}

function renderTables(a: Allocation): void {
  const blocks = allocationMatrix(a).levels.map(levelTable);
  ui.tables().replaceChildren(...(blocks.length > 0 ? blocks : [h("p", {}, "Inga belopp för det här urvalet.")]));
}

function renderPots(a: Allocation): void {
  const columns: Column[] = [
    { key: "pot", label: "Pott" },
    { key: "name", label: "Namn" },
    { key: "level", label: "Nivå" },
    { key: "amount", label: "Belopp", numeric: true },
    { key: "allocated", label: "Fördelat", numeric: true },
    { key: "residue", label: "Rest", numeric: true },
  ];
  const rows: Row[] = a.pots.map((p) => {
    const known = p.status === "known";
    return {
      attrs: { "data-pot": p.id },
      headerAt: 0,
      cells: [
        p.id,
        h("span", { class: "wrap" }, p.name),
        potLevelLabel(p),
        nowrap(p.amount === null ? "okänt" : formatInteger(p.amount)),
        nowrap(!known ? "regel okänd" : formatInteger(p.allocated) + (p.complete ? "" : ` (${p.missing} saknas)`)),
        h("span", { class: "nowrap", "data-residue": p.id }, !known || p.residue === null ? "–" : formatSigned(p.residue)),
      ],
      sortBy: [p.id, p.name, potLevelLabel(p), p.amount, known && p.complete ? p.allocated : null, known ? p.residue : null],
    };
  });
  ui.pots().replaceChildren(
    sortableTable({ id: "pots", caption: "Varje pott: belopp, fördelat och rest (fördelat − pott)", columns, rows, attrs: { id: "pot-table" } }),
    h("p", { class: "hint" }, `${RESIDUE_NOTE} Resten visas i stället för att döljas.`),
  );
}

function renderSources(a: Allocation): void {
  const parts: HTMLElement[] = [];
  if (a.notes.length > 0) parts.push(h("h3", {}, "OBS"), h("ul", { id: "warnings" }, ...a.notes.map((w) => h("li", {}, noteText(w)))));
  if (a.missing.length > 0) {
    parts.push(
      h("h3", {}, `Saknas (${a.missing.length} belopp kunde inte beräknas; inget av dem är noll)`),
      h("ul", { id: "missing" }, ...missingGroups(a).map((g) => h("li", {}, `pott ${g.pot}: ${g.text} (${g.lines.length} mottagare)`))),
    );
  }
  parts.push(
    h("h3", {}, "Källor"),
    h("ul", { id: "source-list" }, h("li", {}, `Överenskommelse: ${a.agreement.source}`), ...usedSources(a).map((s) => h("li", {}, `Befolkning: ${sourceText(s)}`))),
  );
  ui.sources().replaceChildren(...parts);
}

/** A bar for a sum: its amount, or its known part with how many are missing, or "saknas". */
function bar(label: string, s: MatrixSum): Bar {
  if (s.amount !== null) return { label, value: s.amount };
  if (s.known > 0n) return { label, value: s.known, note: `+ ${s.unknown} saknas` };
  return { label, value: undefined };
}

/** The county's amounts per pot column (region, joint county funds, its municipalities together) and per municipality. */
function renderCharts(full: Allocation, countyCode: string): void {
  const county = getCounty(countyCode);
  const m = allocationMatrix(selectAllocation(full, { county: countyCode }));
  const perPot: Bar[] = [];
  for (const l of m.levels) {
    const who = l.level === "region" ? county.regionName : l.level === "county" ? "länsgemensamt" : "kommunerna";
    l.columns.forEach((c, i) => perPot.push(bar(`Pott ${c.pot} (${who})`, l.columnSums[i]!)));
  }
  const municipal = m.levels.find((l) => l.level === "municipality");
  const perMunicipality: Bar[] = (municipal?.rows ?? []).map((r) => bar(r.name, r.sum));
  ui.charts().replaceChildren(
    barChart(`${county.name}: belopp per pott`, perPot),
    ...(perMunicipality.length > 0 ? [barChart(`${county.name}: belopp per kommun (alla kommunpottar)`, perMunicipality)] : []),
  );
}

/**
 * Renders everything a computed view shows.
 *
 * @example
 * ```ts
 * const r = computeSide("2025", "auto", state);
 * if (r.ok) renderResults(r);
 * ```
 */
export function renderResults(s: Shown): void {
  ui.heading().textContent = `Fördelning ${s.shown.agreement.id}: ${s.label.split(":")[0]}`;
  renderSummary(s);
  renderAdvice(s);
  renderTables(s.shown);
  renderPots(s.full);
  renderSources(s.shown);
  renderCharts(s.full, s.countyCode);
}

/**
 * Empties every result, so nothing of an earlier selection stays on screen.
 *
 * @example
 * ```ts
 * clearResults("Fördelning 2024 – kan inte visas");
 * ```
 */
export function clearResults(heading = "Fördelning – ingen visas"): void {
  ui.heading().textContent = heading;
  for (const f of [ui.summary, ui.tables, ui.charts, ui.pots, ui.sources, ui.advice]) f().replaceChildren();
  ui.advice().hidden = true;
  ui.explanation().replaceChildren(h("p", {}, "Välj ett belopp i tabellerna."));
}
