/**
 * Recipients by position: the geography is fixed, so every level's recipients have a position in
 * code order, and the kernels work on arrays indexed by it instead of looking codes up.
 */
import { allCounties, allMunicipalities, recipients, type CountyCode, type Level, type MunicipalityCode, type RecipientCode } from "./index.js";

/** The 290 municipality codes in code order; position i is `MUNICIPALITY_CODES[i]`. */
export const MUNICIPALITY_CODES: readonly MunicipalityCode[] = Object.freeze(allMunicipalities().map((m) => m.code));
/** The 21 county (and region) codes in code order. */
export const COUNTY_CODES: readonly CountyCode[] = Object.freeze(allCounties().map((c) => c.code));

const municipalityPos = new Map<string, number>(MUNICIPALITY_CODES.map((c, i) => [c, i]));
const countyPos = new Map<string, number>(COUNTY_CODES.map((c, i) => [c, i]));

/** For each municipality position, its county's position. */
export const COUNTY_OF_MUNICIPALITY: Readonly<Int8Array> = (() => {
  const out = new Int8Array(MUNICIPALITY_CODES.length);
  allMunicipalities().forEach((m, i) => (out[i] = countyPos.get(m.countyCode)!));
  return out;
})();

/** For each county position, the positions of its municipalities (in code order). */
export const MUNICIPALITIES_OF_COUNTY: readonly (readonly number[])[] = Object.freeze(
  allCounties().map((c) => Object.freeze(c.municipalityCodes.map((m) => municipalityPos.get(m)!))),
);

/**
 * For each county position, the end (exclusive) of its municipalities' positions: municipality
 * codes begin with their county's code, so in code order each county's municipalities are one run,
 * from the previous county's end.
 */
export const COUNTY_MUNICIPALITY_END: Readonly<Int32Array> = (() => {
  const out = new Int32Array(COUNTY_CODES.length);
  let end = 0;
  MUNICIPALITIES_OF_COUNTY.forEach((ms, c) => (out[c] = end += ms.length));
  return out;
})();

/**
 * The position of a municipality code, or -1.
 *
 * @example
 * ```ts
 * municipalityPosition("0114"); // 0
 * municipalityPosition("9999"); // -1
 * ```
 */
export function municipalityPosition(code: string): number {
  return municipalityPos.get(code) ?? -1;
}

/**
 * The position of a county (or region) code, or -1.
 *
 * @example
 * ```ts
 * countyPosition("01"); // 0
 * countyPosition("20"); // the position of Dalarna
 * ```
 */
export function countyPosition(code: string): number {
  return countyPos.get(code) ?? -1;
}

const CODES_BY_LEVEL: Record<Level, readonly RecipientCode[]> = {
  municipality: MUNICIPALITY_CODES,
  county: COUNTY_CODES,
  region: COUNTY_CODES,
  skr: Object.freeze(recipients("skr").map((r) => r.code)),
};
const NAMES_BY_LEVEL: Record<Level, readonly string[]> = {
  municipality: Object.freeze(recipients("municipality").map((r) => r.name)),
  county: Object.freeze(recipients("county").map((r) => r.name)),
  region: Object.freeze(recipients("region").map((r) => r.name)),
  skr: Object.freeze(recipients("skr").map((r) => r.name)),
};

/**
 * A level's codes in code order (regions and counties share theirs).
 *
 * @example
 * ```ts
 * levelCodes("region").length; // 21
 * ```
 */
export function levelCodes(level: Level): readonly RecipientCode[] {
  // Compared, not looked up: a level read from a fresh object is a new string, and a keyed lookup
  // with one costs a string-table probe on every call.
  return level === "municipality" ? MUNICIPALITY_CODES : level === "skr" ? CODES_BY_LEVEL.skr : COUNTY_CODES;
}

/**
 * A level's names, by position.
 *
 * @example
 * ```ts
 * levelNames("region")[0]; // "Region Stockholm"
 * ```
 */
export function levelNames(level: Level): readonly string[] {
  return level === "municipality" ? NAMES_BY_LEVEL.municipality : level === "county" ? NAMES_BY_LEVEL.county : level === "region" ? NAMES_BY_LEVEL.region : NAMES_BY_LEVEL.skr;
}

/**
 * The position of a code at a level, or -1.
 *
 * @example
 * ```ts
 * levelPosition("region", "20") === countyPosition("20"); // true
 * ```
 */
export function levelPosition(level: Level, code: string): number {
  if (level === "municipality") return municipalityPosition(code);
  if (level === "skr") return code === CODES_BY_LEVEL.skr[0] ? 0 : -1;
  return countyPosition(code);
}
