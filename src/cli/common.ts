/**
 * Option declarations and resolvers shared by several commands: filters and rounding.
 */
import { ROUNDING_MODES, type RoundingMode } from "../apportion.js";
import { LEVELS } from "../geography/index.js";
import type { Selection } from "../allocate.js";
import type { Args, OptionDecl } from "./spec.js";

/** The levels in Swedish, as a finance officer writes them: `--level kommun`. */
export const LEVEL_ALIASES: Readonly<Record<string, string>> = { kommun: "municipality", län: "county", lan: "county", landsting: "region" };

/**
 * --county, --municipality, --level, --pot.
 *
 * @example
 * ```ts
 * const options = [...FILTER_OPTIONS, ROUNDING_OPTION];
 * ```
 */
export const FILTER_OPTIONS: readonly OptionDecl[] = [
  { name: "county", value: "KOD|NAMN", description: "Bara länet: regionen, länets gemensamma medel och länets kommuner." },
  { name: "municipality", value: "KOD|NAMN", description: "Bara kommunen." },
  { name: "level", value: "NIVÅ", description: "Bara mottagare på nivån.", choices: LEVELS, aliases: LEVEL_ALIASES },
  { name: "pot", value: "ID", description: "Bara dessa pottar (upprepa eller kommaseparera: --pot 3a,3b).", repeatable: true, commaList: true },
];

/**
 * --rounding.
 *
 * @example
 * ```ts
 * roundingOf(parseCommand({ ...decl, options: [ROUNDING_OPTION] }, ["--rounding", "largest-remainder"]));
 * ```
 */
export const ROUNDING_OPTION: OptionDecl = {
  name: "rounding",
  value: "LÄGE",
  description: "Avrundning: närmaste krona per mottagare (SKR:s sätt) eller största rest.",
  choices: ROUNDING_MODES,
  default: ROUNDING_MODES[0],
};

/**
 * The filters as a library selection (names are resolved by selectAllocation).
 *
 * @example
 * ```ts
 * selectionOf(args); // { county: "Dalarna" }
 * ```
 */
export function selectionOf(args: Args): Selection {
  const sel: Selection = {};
  const county = args.string("county");
  const municipality = args.string("municipality");
  const level = args.string("level");
  const pots = args.list("pot");
  if (county !== undefined) sel.county = county;
  if (municipality !== undefined) sel.municipality = municipality;
  if (level !== undefined) sel.level = level as Selection["level"] & string;
  if (pots.length > 0) sel.pots = pots;
  return sel;
}

/**
 * The rounding option, for `allocate`'s options.
 *
 * @example
 * ```ts
 * allocate(agreement, population, roundingOf(args));
 * ```
 */
export function roundingOf(args: Args): { rounding?: RoundingMode } {
  return args.has("rounding") ? { rounding: args.string("rounding") as RoundingMode } : {};
}
