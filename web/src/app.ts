/**
 * The page's controller: the state on screen, the controls that show it, the URL that holds it,
 * and one render per change. Every change goes through go(), which renders the whole view from
 * the new state (or, when only the explained amount changed, just the explanation).
 */
import { allCounties, getCounty, getRecipient, parseScenarioSet, scbTableFor, StimulansmedelError, type Comparison, type Level } from "../../src/index.js";
import { changeText, comparisonTables, compareAllocations, fieldsOf, FIELD_WORDS } from "./compare.js";
import { computeSide, type Computed } from "./compute.js";
import { addUserAgreement, agreementIds, findAgreement, userAgreementList } from "./data.js";
import { $, h, option, setOptions } from "./dom.js";
import { downloadCsv, downloadXlsx } from "./download.js";
import { clearExplanation, showExplanation } from "./explanation.js";
import { setUpFiles } from "./files.js";
import { clearMessages, errorLines, showMessage } from "./messages.js";
import { populationChoices, type Added, type PopulationProblem } from "./populations.js";
import { clearResults, renderResults } from "./render.js";
import { setUpSearch } from "./search.js";
import { defaultState, isRounding, sameState, VIEWS, type View, type ViewState } from "./state.js";
import { hashToState, stateToHash } from "./url.js";

const ui = {
  agreement: $<HTMLSelectElement>("agreement"),
  county: $<HTMLSelectElement>("county"),
  municipality: $<HTMLSelectElement>("municipality"),
  population: $<HTMLSelectElement>("population"),
  rounding: $<HTMLSelectElement>("rounding"),
  xlsx: $<HTMLButtonElement>("download-xlsx"),
  csv: $<HTMLButtonElement>("download-csv"),
  print: $<HTMLButtonElement>("print"),
  tables: $("tables"),
  views: $("views"),
  allocationView: $("allocation-view"),
  compareView: $("compare-view"),
  whatifView: $("whatif-view"),
  compareAgreement: $<HTMLSelectElement>("compare-agreement"),
  comparePopulation: $<HTMLSelectElement>("compare-population"),
  compareResult: $("compare-result"),
  whatifForm: $<HTMLFormElement>("whatif-form"),
  whatifPot: $<HTMLSelectElement>("whatif-pot"),
  whatifField: $<HTMLSelectElement>("whatif-field"),
  whatifValue: $<HTMLInputElement>("whatif-value"),
  whatifChanges: $("whatif-changes"),
  whatifResult: $("whatif-result"),
};

const bundledIds = agreementIds();
const defaults = defaultState(bundledIds);
/** Every agreement the page can show: the bundled ones, then the files given. */
const ids = (): string[] => [...bundledIds, ...userAgreementList().map((u) => u.id)];
const agreementOptions = () => [...bundledIds.map((id) => option(id, id)), ...userAgreementList().map((u) => option(u.id, `Fil: ${u.name} (${u.agreement.id})`))];
let state: ViewState = defaults;
/** What is on screen now: the main computation and, in Jämför/Tänk om, the comparison. */
let shown: { main: Computed; comparison?: Comparison } | undefined;

// ---- state ↔ controls -----------------------------------------------------------------------

/** A state the page can show: unknown codes fall back to the defaults, a municipality must be in the county. */
function normalize(s: ViewState): ViewState {
  const agreement = ids().includes(s.agreement) ? s.agreement : defaults.agreement;
  const county = allCounties().some((c) => c.code === s.county) ? s.county : defaults.county;
  const municipality = s.municipality && getRecipient("municipality", s.municipality)?.countyCode === county ? s.municipality : "";
  return {
    ...s,
    agreement,
    county,
    municipality,
    rounding: s.rounding && isRounding(s.rounding) ? s.rounding : "",
    compareAgreement: ids().includes(s.compareAgreement) ? s.compareAgreement : defaults.compareAgreement,
    view: (VIEWS as readonly string[]).includes(s.view) ? s.view : "fordelning",
  };
}

function showControls(s: ViewState): void {
  setOptions(ui.agreement, agreementOptions(), s.agreement);
  setOptions(ui.county, allCounties().map((c) => option(c.code, `${c.name} (${c.code})`)), s.county);
  const county = getCounty(s.county);
  setOptions(
    ui.municipality,
    [option("", "Hela länet"), ...county.municipalityCodes.map((code) => option(code, `${getRecipient("municipality", code)?.name ?? code} (${code})`))],
    s.municipality,
  );
  const agreement = safeAgreement(s.agreement);
  const choices = populationChoices(agreement);
  // A choice from a link whose file is not loaded stays on screen, so the page says what it shows.
  if (!choices.some((c) => c.value === s.population)) choices.push({ value: s.population, label: `Fil som inte finns i sidan (${s.population})` });
  setOptions(ui.population, choices.map((c) => option(c.value, c.label)), s.population);
  ui.rounding.value = s.rounding;
  for (const b of ui.views.querySelectorAll<HTMLButtonElement>("button[data-view]")) b.setAttribute("aria-pressed", String(b.dataset.view === s.view));
  ui.allocationView.hidden = s.view !== "fordelning";
  ui.compareView.hidden = s.view !== "jamfor";
  ui.whatifView.hidden = s.view !== "tank";
  if (s.view === "jamfor") {
    setOptions(ui.compareAgreement, agreementOptions(), s.compareAgreement);
    const other = populationChoices(safeAgreement(s.compareAgreement));
    setOptions(ui.comparePopulation, other.map((c) => option(c.value, c.label)), s.comparePopulation);
  }
  if (s.view === "tank" && agreement) {
    const keep = ui.whatifPot.value;
    setOptions(ui.whatifPot, agreement.pots.map((p) => option(p.id, `Pott ${p.id}: ${p.name}`)), keep);
    const fields = fieldsOf(agreement, ui.whatifPot.value);
    setOptions(ui.whatifField, fields.map((f) => option(f, FIELD_WORDS[f])), ui.whatifField.value);
  }
}

function safeAgreement(id: string) {
  try {
    return findAgreement(id);
  } catch {
    return undefined;
  }
}

function controlsToState(): ViewState {
  const rounding = ui.rounding.value;
  return normalize({
    ...state,
    agreement: ui.agreement.value,
    county: ui.county.value,
    municipality: ui.municipality.value,
    population: ui.population.value,
    rounding: isRounding(rounding) ? rounding : "",
    compareAgreement: ui.compareAgreement.value || state.compareAgreement,
    comparePopulation: ui.comparePopulation.value || state.comparePopulation,
  });
}

// ---- problems in words ----------------------------------------------------------------------

function problemMessage(p: PopulationProblem): void {
  switch (p.kind) {
    case "agreement-has-no-date":
      showMessage("error", `Överenskommelsen ${p.agreement} anger inte vilket datum befolkningen ska avse, så sidan kan inte välja befolkning själv.`, [], h("p", {}, "Välj befolkningsdata i listan, eller släpp en befolkningsfil."));
      return;
    case "no-data-for-date": {
      let table: ReturnType<typeof scbTableFor> | undefined;
      try {
        table = scbTableFor(p.date);
      } catch (e) {
        if (!(e instanceof StimulansmedelError)) throw e;
      }
      const what = p.agreement ? `Överenskommelsen ${p.agreement} utgår från befolkningen ${p.date}, som inte finns inbyggd i sidan.` : `Det finns ingen befolkning för ${p.date} i sidan.`;
      const how = table
        ? [`Befolkningen finns i SCB:s tabell ${table.title.replace(/^SCB, /, "")}: ladda ner den från `, h("a", { href: table.webUrl, rel: "noreferrer noopener", target: "_blank" }, "SCB:s statistikdatabas"), " och släpp filen här, eller välj en annan befolkning i listan."]
        : ["Släpp en befolkningsfil för det datumet här, eller välj en annan befolkning i listan."];
      showMessage("error", what, [], h("p", {}, ...how));
      return;
    }
    case "file-not-loaded":
      showMessage("error", "Befolkningsfilen som länken avser finns inte i sidan: filer finns bara i minnet så länge sidan är öppen.", [], h("p", {}, "Släpp filen igen, eller välj befolkningsdata i listan."));
  }
}

// ---- rendering ------------------------------------------------------------------------------

function setDownloads(enabled: boolean): void {
  ui.xlsx.disabled = !enabled;
  ui.csv.disabled = !enabled;
}

function renderComparison(main: Extract<Computed, { ok: true }>): Comparison | undefined {
  if (state.view === "jamfor") {
    const other = computeSide(state.compareAgreement, state.comparePopulation, state);
    if (!other.ok) {
      ui.compareResult.replaceChildren(h("div", { class: "message error", role: "alert" }, h("strong", {}, `Jämförelsen kan inte visas: ${state.compareAgreement} med den valda befolkningen går inte att beräkna.`), ...(other.error ? [h("ul", {}, ...errorLines(other.error).map((l) => h("li", {}, l)))] : other.problem ? [h("p", {}, problemText(other.problem))] : [])));
      return undefined;
    }
    const c = compareAllocations(other.shown, main.shown);
    ui.compareResult.replaceChildren(h("p", { id: "compare-sides" }, `Före: ${c.before.label} – ${c.before.title}. Efter: ${c.after.label} – ${c.after.title}. Skillnad = efter − före.`), ...comparisonTables(c, "compare"));
    return c;
  }
  if (state.view === "tank") {
    ui.whatifChanges.replaceChildren(
      ...state.scenario.map((set) => {
        const remove = h("button", { type: "button", class: "remove" }, "Ta bort");
        remove.addEventListener("click", () => go({ ...state, scenario: state.scenario.filter((x) => x !== set) }, "push"));
        return h("li", {}, h("code", {}, set), " ", remove);
      }),
    );
    if (state.scenario.length === 0) {
      ui.whatifResult.replaceChildren(h("p", { class: "hint" }, "Välj en pott och ett nytt värde; sidan visar fördelningen med och utan ändringen sida vid sida."));
      return undefined;
    }
    const changed = computeSide(state.agreement, state.population, state, state.scenario);
    if (!changed.ok) {
      ui.whatifResult.replaceChildren(h("div", { class: "message error", role: "alert" }, h("strong", {}, "Ändringen kan inte räknas:"), h("ul", {}, ...errorLines(changed.error).map((l) => h("li", {}, h("code", {}, l))))));
      return undefined;
    }
    const c = compareAllocations(main.shown, changed.shown);
    ui.whatifResult.replaceChildren(
      h("p", {}, "Ändringar (ett scenario, inte en beslutad överenskommelse):"),
      h("ul", { id: "whatif-applied" }, ...(changed.full.scenario?.changes ?? []).map((ch) => h("li", {}, changeText(ch)))),
      h("p", {}, "Före = utan ändringen, efter = med den."),
      ...comparisonTables(c, "whatif"),
    );
    return c;
  }
  return undefined;
}

function problemText(p: PopulationProblem): string {
  return p.kind === "agreement-has-no-date" ? `överenskommelsen ${p.agreement} anger inget datum för befolkningen` : p.kind === "no-data-for-date" ? `ingen befolkning för ${p.date} i sidan` : "befolkningsfilen finns inte i sidan";
}

/** Renders the state; `focusExplanation` after the user opened one. */
function render(focusExplanation = false): void {
  const started = performance.now();
  showControls(state);
  clearMessages();
  const main = computeSide(state.agreement, state.population, state);
  if (!main.ok) {
    shown = undefined;
    clearResults(`Fördelning ${state.agreement} – kan inte visas`);
    ui.compareResult.replaceChildren();
    ui.whatifResult.replaceChildren();
    setDownloads(false);
    if (main.problem) problemMessage(main.problem);
    else showMessage("error", "Fördelningen kunde inte beräknas:", errorLines(main.error));
    document.body.dataset.state = "error";
  } else {
    renderResults(main);
    const comparison = renderComparison(main);
    shown = { main, ...(comparison ? { comparison } : {}) };
    setDownloads(state.view === "fordelning" || comparison !== undefined);
    if (state.explained) showExplanation(main.full, state.explained, focusExplanation);
    else clearExplanation();
    document.body.dataset.state = "ok";
  }
  const millis = performance.now() - started;
  document.body.dataset.recomputeMs = millis.toFixed(1);
  document.body.dataset.ready = "true";
}

/** Moves to a state: `push` adds a history entry (a user's change), `replace` does not (restoring). */
function go(next: ViewState, how: "push" | "replace", focusExplanation = false, dataChanged = false): void {
  const n = normalize(next);
  const onlyExplained = !dataChanged && shown?.main.ok === true && sameState({ ...n, explained: null }, { ...state, explained: null });
  state = n;
  const url = `#${stateToHash(n, defaults)}`;
  if (how === "push") {
    if (url !== location.hash) history.pushState(null, "", url);
  } else history.replaceState(null, "", url);
  if (onlyExplained && shown?.main.ok) {
    if (n.explained) showExplanation(shown.main.full, n.explained, focusExplanation);
    else clearExplanation();
  }
  else render(focusExplanation);
}

// ---- wiring ---------------------------------------------------------------------------------

function slug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}

function downloadName(ext: string): string {
  const where = state.municipality || state.county;
  const name = state.municipality ? getRecipient("municipality", where)?.name : getCounty(where).name;
  const what = state.view === "jamfor" ? `jamforelse-${state.compareAgreement}-` : state.view === "tank" ? "tank-om-" : "";
  return `stimulansmedel-${what}${state.agreement}-${where}-${slug(name ?? where)}.${ext}`;
}

function onAdded(added: Added): void {
  if (added.kind !== "added-to-date") {
    showControls(state);
    return;
  }
  const agreement = safeAgreement(state.agreement);
  const date = added.file.dataset.referenceDate;
  // The same choice may now mean more data (a file added to its date): always computed again.
  go({ ...state, population: agreement?.referenceDate === date ? "auto" : `date:${date}` }, "push", false, true);
}

/**
 * Starts the page: the state from the URL (or the default view), every control wired.
 *
 * @example
 * ```ts
 * start(); // reads location.hash, wires every control, renders the view
 * ```
 */
export function start(): void {
  state = normalize(hashToState(location.hash, defaults));
  for (const form of document.querySelectorAll("form")) form.addEventListener("submit", (e) => e.preventDefault());
  const change = () => go({ ...controlsToState(), explained: null }, "push");
  ui.agreement.addEventListener("change", () => go({ ...controlsToState(), population: ui.population.value.startsWith("date:") || ui.population.value.startsWith("file:") ? ui.population.value : "auto", explained: null }, "push"));
  ui.county.addEventListener("change", () => go({ ...controlsToState(), municipality: "", explained: null }, "push"));
  for (const s of [ui.municipality, ui.population, ui.rounding, ui.compareAgreement, ui.comparePopulation]) s.addEventListener("change", change);
  ui.views.addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-view]");
    if (b?.dataset.view) go({ ...state, view: b.dataset.view as View }, "push");
  });
  ui.tables.addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button.amount");
    if (b?.dataset.level && b.dataset.pot && b.dataset.code) go({ ...state, explained: { level: b.dataset.level as Level, pot: b.dataset.pot, code: b.dataset.code } }, "push", true);
  });
  ui.whatifPot.addEventListener("change", () => showControls(state));
  ui.whatifForm.addEventListener("submit", () => {
    const digits = ui.whatifValue.value.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "");
    const set = `${ui.whatifPot.value}.${ui.whatifField.value}=${digits}`;
    if (!/^\d+$/.test(digits)) {
      showMessage("error", "Skriv det nya värdet i hela kronor, t.ex. 300 000 000.");
      ui.whatifValue.focus();
      return;
    }
    try {
      parseScenarioSet(set);
    } catch (e) {
      // The pot and the field come from the lists; only the value can be wrong. The library's
      // words for it name the command line's --set, which the page does not have.
      if (!(e instanceof StimulansmedelError)) throw e;
      showMessage("error", "Skriv det nya värdet i hela kronor, t.ex. 300 000 000; högst 1 000 000 000 000 000 kr.");
      ui.whatifValue.focus();
      return;
    }
    const key = set.slice(0, set.indexOf("="));
    go({ ...state, scenario: [...state.scenario.filter((s) => !s.startsWith(`${key}=`)), set] }, "push");
  });
  ui.csv.addEventListener("click", () => {
    if (!shown?.main.ok) return;
    downloadCsv(shown.comparison ? { comparison: shown.comparison } : { allocation: shown.main.shown }, downloadName("csv"));
  });
  ui.xlsx.addEventListener("click", () => {
    if (!shown?.main.ok) return;
    const what = shown.comparison ? { comparison: shown.comparison } : { allocation: shown.main.shown };
    ui.xlsx.disabled = true;
    ui.xlsx.setAttribute("aria-busy", "true");
    downloadXlsx(what, downloadName("xlsx"))
      .catch((e: unknown) => showMessage("error", "Excelfilen kunde inte skapas:", errorLines(e)))
      .finally(() => {
        ui.xlsx.removeAttribute("aria-busy");
        ui.xlsx.disabled = !shown?.main.ok;
      });
  });
  ui.print.addEventListener("click", () => window.print());
  window.addEventListener("popstate", () => go(hashToState(location.hash, defaults), "replace"));
  setUpSearch((hit) => go({ ...state, county: hit.county, municipality: hit.municipality, explained: null }, "push"));
  setUpFiles(onAdded, (name, agreement) => {
    const added = addUserAgreement(name, agreement);
    go({ ...state, agreement: added.id, population: "auto", explained: null, scenario: [] }, "push", false, true);
    showMessage("info", `Överenskommelsen i ${name} (${agreement.id}) visas nu.`, [], h("p", {}, "Den finns bara i sidans minne; välj en inbyggd överenskommelse i listan för att gå tillbaka."));
  });
  go(state, "replace");
}
