/**
 * What the page shows, as one value: the choices on screen. Every view is rendered from a state,
 * the URL holds one (url.ts), and back/forward move between them. Nothing is rendered from
 * anything else, so the page cannot show results of a selection other than the one on screen.
 */
import { ROUNDING_MODES, type Level, type RoundingMode } from "../../src/index.js";

/**
 * The page's views: the allocation, a comparison of two allocations, a what-if.
 *
 * @example
 * ```ts
 * VIEWS.includes("jamfor"); // true
 * ```
 */
export const VIEWS = ["fordelning", "jamfor", "tank"] as const;
export type View = (typeof VIEWS)[number];

/** The amount whose explanation is open. */
export interface Explained {
  readonly level: Level;
  readonly pot: string;
  readonly code: string;
}

/** A table's sort: column key (`code`, `name`, `sum` or a pot column `pot:ID:PART`) and direction. */
export interface Sort {
  readonly column: string;
  readonly descending: boolean;
}

/** Every choice on screen. */
export interface ViewState {
  readonly agreement: string;
  /** `auto` (the agreement's date), `date:YYYY-MM-DD` (bundled data and files of that date), `file:N` (one file alone). */
  readonly population: string;
  readonly county: string;
  /** A municipality code, or "" for the whole county. */
  readonly municipality: string;
  readonly rounding: RoundingMode | "";
  readonly explained: Explained | null;
  readonly view: View;
  /** The other side of a comparison. */
  readonly compareAgreement: string;
  readonly comparePopulation: string;
  /** What-if changes, each `POT.FIELD=VALUE` as parseScenarioSet reads them. */
  readonly scenario: readonly string[];
}

/**
 * The view a first visit shows: 2025, Dalarna (the county whose published amounts the page reproduces).
 *
 * @example
 * ```ts
 * defaultState(["2024", "2025"]).county; // "20"
 * ```
 */
export function defaultState(agreements: readonly string[]): ViewState {
  const agreement = agreements.includes("2025") ? "2025" : (agreements.at(-1) ?? "");
  const earlier = agreements.filter((a) => a < agreement).at(-1) ?? agreement;
  return {
    agreement,
    population: "auto",
    county: "20",
    municipality: "",
    rounding: "",
    explained: null,
    view: "fordelning",
    compareAgreement: earlier,
    comparePopulation: "auto",
    scenario: [],
  };
}

/**
 * Whether a text is a rounding mode the library knows.
 *
 * @example
 * ```ts
 * isRounding("largest-remainder"); // true
 * ```
 */
export function isRounding(v: string): v is RoundingMode {
  return (ROUNDING_MODES as readonly string[]).includes(v);
}

/**
 * Two states show the same thing.
 *
 * @example
 * ```ts
 * sameState(a, { ...a }); // true
 * ```
 */
export function sameState(a: ViewState, b: ViewState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
