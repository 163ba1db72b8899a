/**
 * The view in the URL's fragment, so a link opens the same view and back/forward move between
 * views: `#avtal=2025&lan=20&kommun=2080&avr=largest-remainder&forklara=municipality:2:2080`
 * (ASCII keys, so a link stays readable when pasted).
 * The fragment never leaves the browser (it is not sent with any request).
 */
import { LEVELS, type Level } from "../../src/index.js";
import { isRounding, VIEWS, type ViewState } from "./state.js";

const KEYS = {
  agreement: "avtal",
  population: "bef",
  county: "lan",
  municipality: "kommun",
  rounding: "avr",
  explained: "forklara",
  view: "vy",
  compareAgreement: "jmf-avtal",
  comparePopulation: "jmf-bef",
  scenario: "andra",
} as const;

/**
 * The fragment for a state (without "#"); only what differs from the defaults is written.
 *
 * @example
 * ```ts
 * stateToHash({ ...defaults, county: "03" }, defaults); // "avtal=2025&lan=03"
 * ```
 */
export function stateToHash(s: ViewState, defaults: ViewState): string {
  const p = new URLSearchParams();
  p.set(KEYS.agreement, s.agreement);
  if (s.population !== defaults.population) p.set(KEYS.population, s.population);
  p.set(KEYS.county, s.county);
  if (s.municipality) p.set(KEYS.municipality, s.municipality);
  if (s.rounding) p.set(KEYS.rounding, s.rounding);
  if (s.explained) p.set(KEYS.explained, `${s.explained.level}:${s.explained.pot}:${s.explained.code}`);
  if (s.view !== defaults.view) p.set(KEYS.view, s.view);
  if (s.view === "jamfor") {
    p.set(KEYS.compareAgreement, s.compareAgreement);
    if (s.comparePopulation !== defaults.comparePopulation) p.set(KEYS.comparePopulation, s.comparePopulation);
  }
  for (const set of s.scenario) p.append(KEYS.scenario, set);
  return p.toString();
}

/**
 * * The state a fragment describes, on top of the defaults; a value that is malformed is left at
 * its default (the page then checks the rest against its data, see app.ts).
 *
 * @example
 * ```ts
 * hashToState("#avtal=2025&lan=03&kommun=0380", defaults).municipality; // "0380"
 * ```
 */
export function hashToState(hash: string, defaults: ViewState): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const get = (k: string): string | undefined => p.get(k) ?? undefined;
  const explained = (() => {
    const v = get(KEYS.explained);
    const m = v ? /^([a-z]+):([^:]+):([^:]+)$/.exec(v) : null;
    if (!m || !(LEVELS as readonly string[]).includes(m[1]!)) return null;
    return { level: m[1] as Level, pot: m[2]!, code: m[3]! };
  })();
  const view = get(KEYS.view);
  const rounding = get(KEYS.rounding) ?? "";
  return {
    agreement: get(KEYS.agreement) ?? defaults.agreement,
    population: get(KEYS.population) ?? defaults.population,
    county: get(KEYS.county) ?? defaults.county,
    municipality: get(KEYS.municipality) ?? "",
    rounding: isRounding(rounding) ? rounding : "",
    explained,
    view: view && (VIEWS as readonly string[]).includes(view) ? (view as ViewState["view"]) : defaults.view,
    compareAgreement: get(KEYS.compareAgreement) ?? defaults.compareAgreement,
    comparePopulation: get(KEYS.comparePopulation) ?? defaults.comparePopulation,
    scenario: p.getAll(KEYS.scenario),
  };
}
