/**
 * The page: choices → allocate() → tables, explanations, charts and downloads. Everything runs
 * on the library's pure API; no request leaves the page.
 */
import "./style.css";
import {
  allCounties,
  allocate,
  allocationMatrix,
  cellText,
  noteText,
  sourceText,
  sumText,
  usedSources,
  describeIssue,
  explain,
  formatInteger,
  formatKronor,
  formatSigned,
  getCounty,
  getRecipient,
  missingGroups,
  potLevelLabel,
  parsePopulation,
  RESIDUE_NOTE,
  ROUNDING_TEXT,
  selectAllocation,
  StimulansmedelError,
  type Allocation,
  type Level,
  type MatrixCell,
  LEVEL_LABELS,
  type PopulationDataset,
  type RoundingMode,
  type Selection,
} from "../../src/index.js";
import { barChart, type Bar } from "./chart.js";
import { agreementIds, bundledAgreement, bundledPopulation, bundledPopulations } from "./data.js";
import { downloadCsv, downloadXlsx } from "./download.js";


const $ = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing in index.html`);
  return node as T;
};

const ui = {
  agreement: $<HTMLSelectElement>("agreement"),
  county: $<HTMLSelectElement>("county"),
  municipality: $<HTMLSelectElement>("municipality"),
  population: $<HTMLSelectElement>("population"),
  rounding: $<HTMLSelectElement>("rounding"),
  file: $<HTMLInputElement>("file"),
  dropzone: $("dropzone"),
  messages: $("messages"),
  summary: $("summary"),
  tables: $("tables"),
  explanation: $("explanation-body"),
  charts: $("charts"),
  pots: $("pots"),
  sources: $("sources"),
  xlsx: $<HTMLButtonElement>("download-xlsx"),
  csv: $<HTMLButtonElement>("download-csv"),
};

/** A population file the user gave, kept only in this page's memory. */
let custom: { name: string; dataset: PopulationDataset } | undefined;
/** The last computed allocation (whole country) and the selection shown. */
let current: { full: Allocation; shown: Allocation; label: string; countyCode: string } | undefined;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  return o;
}

// ---- messages -------------------------------------------------------------------------------

type MessageKind = "info" | "warning" | "error";

function showMessage(kind: MessageKind, title: string, lines: string[] = []): void {
  const box = h("div", { class: `message ${kind}`, ...(kind === "error" ? { role: "alert" } : {}) }, h("strong", {}, title));
  if (lines.length > 0) box.append(h("ul", {}, ...lines.map((l) => h("li", {}, h("code", {}, l)))));
  ui.messages.replaceChildren(box);
}

/** The lines the CLI prints for a library error: every issue, as describeIssue formats it. */
function issueLines(e: StimulansmedelError): string[] {
  return [describeIssue({ code: e.code, message: e.message, ...e.location() }), ...e.issues.slice(1).map(describeIssue)];
}

function showError(title: string, e: unknown): void {
  if (e instanceof StimulansmedelError) showMessage("error", title, issueLines(e));
  else showMessage("error", title, [`oväntat fel: ${(e as Error).message ?? String(e)}`]);
}

// ---- choices --------------------------------------------------------------------------------

function fillChoices(): void {
  const ids = agreementIds();
  ui.agreement.replaceChildren(...ids.map((id) => option(id, id)));
  ui.agreement.value = ids.includes("2025") ? "2025" : (ids[ids.length - 1] ?? "");
  ui.county.replaceChildren(...allCounties().map((c) => option(c.code, `${c.name} (${c.code})`)));
  ui.county.value = "20";
  fillMunicipalities();
  fillPopulations();
}

function fillMunicipalities(): void {
  const county = getCounty(ui.county.value);
  ui.municipality.replaceChildren(
    option("", "Hela länet"),
    ...county.municipalityCodes.map((code) => option(code, `${getRecipient("municipality", code)?.name ?? code} (${code})`)),
  );
}

function fillPopulations(): void {
  const keep = ui.population.value;
  const agreement = bundledAgreement(ui.agreement.value);
  const options = [option("auto", `Enligt överenskommelsen (${agreement.referenceDate ?? "okänt datum"})`)];
  for (const d of bundledPopulations()) options.push(option(`bundled:${d.id}`, `Inbyggd: ${d.description}`));
  if (custom) options.push(option("file", `Egen fil: ${custom.name} (${custom.dataset.referenceDate})`));
  ui.population.replaceChildren(...options);
  ui.population.value = [...ui.population.options].some((o) => o.value === keep) ? keep : "auto";
}

function chosenPopulation(referenceDate: string | undefined): PopulationDataset {
  const v = ui.population.value;
  if (v === "file" && custom) return custom.dataset;
  if (v.startsWith("bundled:")) return bundledPopulation(v.slice("bundled:".length));
  if (!referenceDate || !bundledPopulations().some((d) => d.id === referenceDate)) {
    throw new StimulansmedelError("POPULATION_NOT_FOUND", `ingen inbyggd befolkning för överenskommelsens datum (${referenceDate ?? "okänt"}); välj befolkningsdata eller släpp en fil`);
  }
  return bundledPopulation(referenceDate);
}

// ---- rendering ------------------------------------------------------------------------------

function amountButton(level: Level, pot: string, code: string, name: string, cell: MatrixCell): HTMLButtonElement | Text {
  if (cell.kind === "none") return document.createTextNode("–");
  const text = cellText(cell);
  const label = cell.kind === "missing" ? `Varför saknas pott ${pot} för ${name}?` : `Förklara pott ${pot} för ${name}: ${formatKronor(cell.amount)}`;
  return h("button", { type: "button", class: cell.kind === "missing" ? "amount missing" : "amount", "aria-label": label, "data-level": level, "data-pot": pot, "data-code": code }, text);
}

function renderTables(a: Allocation): void {
  const blocks = allocationMatrix(a).levels.map((t) => {
    const table = h("table", { "data-level": t.level });
    const unknown = t.total.unknown;
    table.append(h("caption", {}, `${LEVEL_LABELS[t.level]}${unknown === 0 ? "" : ` (${unknown} belopp saknas)`}`));
    const head = h("tr", {}, h("th", { scope: "col" }, "Kod"), h("th", { scope: "col" }, "Mottagare"));
    for (const c of t.columns) head.append(h("th", { scope: "col", class: "num", title: c.potName }, `Pott ${c.pot}`));
    const many = t.columns.length > 1;
    if (many) head.append(h("th", { scope: "col", class: "num" }, "Summa"));
    table.append(h("thead", {}, head));
    const body = h("tbody");
    for (const r of t.rows) {
      const tr = h("tr", { "data-code": r.code }, h("td", { class: "code" }, r.code), h("th", { scope: "row" }, r.name));
      t.columns.forEach((c, i) => tr.append(h("td", { class: "num" }, amountButton(t.level, c.pot, r.code, r.name, r.cells[i]!))));
      if (many) tr.append(h("td", { class: "num", "data-sum": r.code }, sumText(r.sum)));
      body.append(tr);
    }
    table.append(body);
    const foot = h("tr", {}, h("td"), h("th", { scope: "row" }, `Summa (${t.rows.length})`));
    t.columnSums.forEach((s) => foot.append(h("td", { class: "num" }, sumText(s))));
    if (many) foot.append(h("td", { class: "num", "data-total": t.level }, sumText(t.total)));
    table.append(h("tfoot", {}, foot));
    return h("div", { class: "table-wrap" }, table);
  });
  if (blocks.length === 0) blocks.push(h("div", {}, h("p", {}, "Inga belopp för det här urvalet.")));
  ui.tables.replaceChildren(...blocks);
}

function renderSummary(a: Allocation, label: string): void {
  const total = a.lines.reduce((s, l) => s + l.amount, 0n);
  ui.summary.replaceChildren(
    h("p", {}, h("strong", {}, a.agreement.title)),
    h(
      "ul",
      { class: "plain" },
      h("li", {}, `Överenskommelse ${a.agreement.id}: ${a.agreement.total === undefined ? "totalbelopp okänt" : formatKronor(a.agreement.total)}${a.agreement.complete ? "" : " (ofullständigt känd)"}`),
      h("li", {}, `Urval: ${label}`),
      h("li", {}, `Befolkning: ${a.population.referenceDate} (${usedSources(a).map((s) => s.title + (s.derived ? " [härledd]" : "")).join("; ") || "används inte av de valda beloppen"})`),
      h("li", {}, `Avrundning: ${ROUNDING_TEXT[a.rounding] ?? a.rounding}`),
      h("li", {}, `Summa av beloppen i tabellerna: `, h("strong", { id: "selection-total" }, formatKronor(total))),
    ),
  );
}

function renderPots(a: Allocation): void {
  const table = h("table", { id: "pot-table" }, h("caption", {}, "Varje pott: belopp, fördelat och rest (fördelat − pott)"));
  table.append(
    h("thead", {}, h("tr", {}, ...["Pott", "Namn", "Nivå", "Belopp", "Fördelat", "Rest"].map((c, i) => h("th", { scope: "col", ...(i >= 3 ? { class: "num" } : {}) }, c)))),
  );
  const body = h("tbody");
  for (const p of a.pots) {
    body.append(
      h(
        "tr",
        { "data-pot": p.id },
        h("th", { scope: "row" }, p.id),
        h("td", { style: "white-space: normal" }, p.name),
        h("td", {}, potLevelLabel(p)),
        h("td", { class: "num" }, p.amount === null ? "okänt" : formatInteger(p.amount)),
        h("td", { class: "num" }, p.status === "incomplete" ? "regel okänd" : formatInteger(p.allocated) + (p.complete ? "" : ` (${p.missing} saknas)`)),
        h("td", { class: "num", "data-residue": p.id }, p.status === "incomplete" || p.residue === null ? "–" : formatSigned(p.residue)),
      ),
    );
  }
  table.append(body);
  ui.pots.replaceChildren(
    h("div", { class: "table-wrap" }, table),
    h("p", { class: "hint" }, `${RESIDUE_NOTE} Resten visas i stället för att döljas.`),
  );
}

function renderSources(a: Allocation): void {
  const parts: HTMLElement[] = [];
  if (a.notes.length > 0) {
    parts.push(h("h3", {}, "OBS"), h("ul", { id: "warnings" }, ...a.notes.map((w) => h("li", {}, noteText(w)))));
  }
  if (a.missing.length > 0) {
    parts.push(
      h("h3", {}, `Saknas (${a.missing.length} belopp kunde inte beräknas; inget av dem är noll)`),
      h("ul", { id: "missing" }, ...missingGroups(a).map((g) => h("li", {}, `pott ${g.pot}: ${g.text} (${g.lines.length} mottagare)`))),
    );
  }
  parts.push(
    h("h3", {}, "Källor"),
    h(
      "ul",
      {},
      h("li", {}, `Överenskommelse: ${a.agreement.source}`),
      ...usedSources(a).map((s) => h("li", {}, `Befolkning: ${sourceText(s)}`)),
    ),
  );
  ui.sources.replaceChildren(...parts);
}

/** The county's amounts per pot (region, joint county funds, its municipalities together) and per municipality. */
function renderCharts(full: Allocation, countyCode: string): void {
  const county = getCounty(countyCode);
  const inCounty = selectAllocation(full, { county: countyCode });
  const perPot: Bar[] = full.pots.filter((p) => p.level !== "skr").map((p) => {
    const lines = inCounty.lines.filter((l) => l.pot === p.id);
    const missing = inCounty.missing.filter((m) => m.pot === p.id);
    const who = p.level === "region" ? county.regionName : p.level === "county" ? "länsgemensamt" : "kommunerna";
    const value = lines.length === 0 ? undefined : lines.reduce((s, l) => s + l.amount, 0n);
    return { label: `Pott ${p.id} (${who})`, value, ...(value !== undefined && missing.length > 0 ? { note: "(delvis)" } : {}) };
  });
  const perMunicipality: Bar[] = county.municipalityCodes.map((code) => {
    const lines = inCounty.lines.filter((l) => l.level === "municipality" && l.code === code);
    const missing = inCounty.missing.some((m) => m.level === "municipality" && m.code === code);
    const value = lines.length === 0 ? undefined : lines.reduce((s, l) => s + l.amount, 0n);
    return { label: getRecipient("municipality", code)?.name ?? code, value, ...(value !== undefined && missing ? { note: "(delvis)" } : {}) };
  });
  ui.charts.replaceChildren(
    barChart(`${county.name}: belopp per pott`, perPot),
    barChart(`${county.name}: belopp per kommun (alla kommunpottar)`, perMunicipality),
  );
}

function showExplanation(level: Level, pot: string, code: string, button: HTMLButtonElement): void {
  if (!current) return;
  const recipient = getRecipient(level, code);
  if (!recipient) return;
  for (const b of ui.tables.querySelectorAll('button.amount[aria-current="true"]')) b.removeAttribute("aria-current");
  button.setAttribute("aria-current", "true");
  try {
    const [head, ...rest] = explain(current.full, recipient, pot).text;
    ui.explanation.replaceChildren(
      h("p", {}, h("strong", {}, head ?? "")),
      ...rest.map((line, i) => h("p", i === 0 && /[=→]/.test(line) ? { class: "equation" } : {}, line)),
    );
  } catch (e) {
    ui.explanation.replaceChildren(h("p", {}, e instanceof StimulansmedelError ? describeIssue({ code: e.code, message: e.message, ...e.location() }) : String(e)));
  }
}

function selectionFromUi(): { selection: Selection; label: string; countyCode: string } {
  const county = getCounty(ui.county.value);
  if (ui.municipality.value) {
    const m = getRecipient("municipality", ui.municipality.value)!;
    return { selection: { municipality: m.code }, label: `${m.name} (${m.code}), kommunens egna belopp`, countyCode: county.code };
  }
  return {
    selection: { county: county.code },
    label: `${county.name}: ${county.regionName}, länsgemensamma medel och länets ${county.municipalityCodes.length} kommuner`,
    countyCode: county.code,
  };
}

/** Recomputes everything from the current choices. */
function update(): void {
  try {
    const agreement = bundledAgreement(ui.agreement.value);
    const population = chosenPopulation(agreement.referenceDate);
    const rounding = ui.rounding.value as RoundingMode | "";
    const full = allocate(agreement, population, rounding ? { rounding } : {});
    const { selection, label, countyCode } = selectionFromUi();
    const shown = selectAllocation(full, selection);
    current = { full, shown, label, countyCode };
    ui.messages.replaceChildren();
    renderSummary(shown, label);
    renderTables(shown);
    renderPots(full);
    renderSources(shown);
    renderCharts(full, countyCode);
    ui.explanation.replaceChildren(h("p", {}, "Välj ett belopp i tabellerna."));
    ui.xlsx.disabled = false;
    ui.csv.disabled = false;
    document.body.dataset.ready = "true";
  } catch (e) {
    current = undefined;
    ui.xlsx.disabled = true;
    ui.csv.disabled = true;
    showError("Fördelningen kunde inte beräknas:", e);
  }
}

// ---- population files -----------------------------------------------------------------------

async function useFile(file: File): Promise<void> {
  let dataset: PopulationDataset;
  try {
    dataset = parsePopulation(new Uint8Array(await file.arrayBuffer()), { file: file.name });
  } catch (e) {
    showError(`Filen ${file.name} kunde inte användas. Sidan räknar vidare med den befolkning som var vald.`, e);
    return;
  }
  custom = { name: file.name, dataset };
  fillPopulations();
  ui.population.value = "file";
  update();
  if (current) {
    const notes = current.full.notes.filter((w) => w.code === "POPULATION_DATE_MISMATCH").map(noteText);
    showMessage("info", `Befolkning från ${file.name} (${dataset.referenceDate}) används nu.`, notes);
  }
}

function setUpDrop(): void {
  // A file dropped anywhere must not make the browser navigate away from the page.
  for (const type of ["dragover", "drop"] as const) document.addEventListener(type, (e) => e.preventDefault());
  document.addEventListener("dragenter", () => ui.dropzone.classList.add("active"));
  document.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) ui.dropzone.classList.remove("active");
  });
  document.addEventListener("drop", (e) => {
    ui.dropzone.classList.remove("active");
    const file = e.dataTransfer?.files[0];
    if (file) void useFile(file);
  });
  ui.file.addEventListener("change", () => {
    const file = ui.file.files?.[0];
    if (file) void useFile(file);
    ui.file.value = "";
  });
}

// ---- wiring ---------------------------------------------------------------------------------

function slug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}

function downloadName(ext: string): string {
  if (!current) return `stimulansmedel.${ext}`;
  const where = ui.municipality.value || ui.county.value;
  const name = ui.municipality.value ? getRecipient("municipality", where)?.name : getCounty(where).name;
  return `stimulansmedel-${current.full.agreement.id}-${where}-${slug(name ?? where)}.${ext}`;
}

function start(): void {
  fillChoices();
  setUpDrop();
  ui.agreement.addEventListener("change", () => {
    fillPopulations();
    update();
  });
  ui.county.addEventListener("change", () => {
    fillMunicipalities();
    update();
  });
  for (const s of [ui.municipality, ui.population, ui.rounding]) s.addEventListener("change", update);
  ui.tables.addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button.amount");
    if (b?.dataset.level && b.dataset.pot && b.dataset.code) showExplanation(b.dataset.level as Level, b.dataset.pot, b.dataset.code, b);
  });
  ui.csv.addEventListener("click", () => {
    if (current) downloadCsv(current.shown, downloadName("csv"));
  });
  ui.xlsx.addEventListener("click", () => {
    if (current) downloadXlsx(current.shown, downloadName("xlsx")).catch((e: unknown) => showError("Excelfilen kunde inte skapas:", e));
  });
  update();
}

start();
