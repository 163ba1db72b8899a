import { raise } from "../errors.js";
import { own } from "../own.js";
import { COUNTY_ROWS } from "./counties.js";
import { MUNICIPALITY_ROWS } from "./municipalities.js";

/**
 * Who receives money under an agreement.
 * - `municipality`: one of the 290 kommuner (4-digit code);
 * - `region`: the 21 regioner, coded by the county they serve (2-digit code);
 * - `county`: länsgemensamma medel for a county (2-digit code), shared by its region and kommuner;
 * - `skr`: Sveriges Kommuner och Regioner (code `SKR`).
 */
export type Level = "region" | "municipality" | "county" | "skr";

/** The four levels in the order reports list them. */
export const LEVELS: readonly Level[] = ["region", "county", "municipality", "skr"];

/** Swedish labels of the levels, for user-facing output. */
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  region: "Regioner",
  county: "Länsgemensamma medel",
  municipality: "Kommuner",
  skr: "SKR",
};

declare const codeBrand: unique symbol;

/**
 * A four-digit SCB municipality code that names one of the 290 kommuner. Made only by
 * {@link municipalityCode} or narrowed by {@link isMunicipalityCode}, so a code of this type
 * was checked once at the boundary and needs no further lookup guard.
 *
 * @example
 * ```ts
 * const falun: MunicipalityCode = municipalityCode("2080");
 * ```
 */
export type MunicipalityCode = string & { readonly [codeBrand]: "MunicipalityCode" };

/**
 * A two-digit SCB county code that names one of the 21 län (and so the region serving it). Made
 * only by {@link countyCode} or narrowed by {@link isCountyCode}.
 *
 * @example
 * ```ts
 * const dalarna: CountyCode = countyCode("20");
 * ```
 */
export type CountyCode = string & { readonly [codeBrand]: "CountyCode" };

/** SKR's code as a recipient, `SKR`: there is one, {@link SKR_CODE}. */
export type SkrCode = "SKR" & { readonly [codeBrand]: "SkrCode" };

/**
 * The code of a recipient at any level: a municipality's, a county's (a region is coded by the
 * county it serves, the same two digits) or SKR's. Every recipient from the reference tables
 * carries one; a line or total of an allocation is coded by it.
 */
export type RecipientCode = MunicipalityCode | CountyCode | SkrCode;

interface RecipientBase {
  level: Level;
  /** SCB code: `2080` (municipality), `20` (county and region), or `SKR`. */
  code: RecipientCode;
  /** Swedish name: `Falun`, `Dalarnas län`, `Region Dalarna`, `Sveriges Kommuner och Regioner`. */
  name: string;
  /** The county the recipient belongs to (`null` for SKR). */
  countyCode: CountyCode | null;
}

/**
 * A body that can receive money at one level: a union on `level`, so that once the level is
 * known so are the code's kind and the county (every recipient but SKR has one).
 */
export type Recipient = Municipality | County | Region | Skr;

/** A municipality (kommun). */
export interface Municipality extends RecipientBase {
  level: "municipality";
  code: MunicipalityCode;
  countyCode: CountyCode;
}

/** A region, coded by the county it serves. */
export interface Region extends RecipientBase {
  level: "region";
  code: CountyCode;
  countyCode: CountyCode;
}

/** SKR as a recipient. */
export interface Skr extends RecipientBase {
  level: "skr";
  code: SkrCode;
  countyCode: null;
}

/** A county (län) with the region that serves it. */
export interface County extends RecipientBase {
  level: "county";
  code: CountyCode;
  countyCode: CountyCode;
  /** The name of the region serving the county, e.g. `Region Dalarna`. */
  regionName: string;
  /** Codes of the county's municipalities, in code order. */
  municipalityCodes: readonly MunicipalityCode[];
}

/** The code of SKR as a recipient. */
export const SKR_CODE = "SKR" as SkrCode;
/** Gotland: one body (Region Gotland) acting as municipality 0980, region 09 and county 09. */
export const GOTLAND = { municipalityCode: "0980", regionCode: "09", countyCode: "09" } as const;

/** Named groups that agreements use for exceptions. */
export const GROUPS: Readonly<Record<string, readonly string[]>> = {
  /** Storstadslänen: Stockholm, Skåne and Västra Götaland. */
  metropolitan: ["01", "12", "14"],
};

// The rows are the reference tables themselves: the only place a code is branded without a lookup.
const municipalities: readonly Municipality[] = MUNICIPALITY_ROWS.map(([code, name]) => ({
  level: "municipality",
  code: code as MunicipalityCode,
  name,
  countyCode: code.slice(0, 2) as CountyCode,
}));

const counties: readonly County[] = COUNTY_ROWS.map(([row, name, regionName]) => {
  const code = row as CountyCode;
  return {
    level: "county",
    code,
    name,
    countyCode: code,
    regionName,
    municipalityCodes: municipalities.filter((m) => m.countyCode === code).map((m) => m.code),
  };
});

const regions: readonly Region[] = counties.map((c) => ({
  level: "region",
  code: c.code,
  name: c.regionName,
  countyCode: c.code,
}));

const skr: Skr = { level: "skr", code: SKR_CODE, name: "Sveriges Kommuner och Regioner", countyCode: null };

const byLevel: Readonly<Record<Level, readonly Recipient[]>> = {
  municipality: municipalities,
  county: counties,
  region: regions,
  skr: [skr],
};

// One map per level: lookups sit on the allocation hot path, and a `level:code` key would build
// and hash a new string on every call.
const index: Readonly<Record<Level, ReadonlyMap<string, Recipient>>> = {
  municipality: new Map(municipalities.map((r) => [r.code, r])),
  county: new Map(counties.map((r) => [r.code, r])),
  region: new Map(regions.map((r) => [r.code, r])),
  skr: new Map([[skr.code, skr]]),
};

/**
 * Every recipient at a level, in code order.
 *
 * @example
 * ```ts
 * recipients("municipality").length; // 290
 * recipients("region")[0].name;      // "Region Stockholm"
 * ```
 */
export function recipients(level: Level): readonly Recipient[] {
  return byLevel[level];
}

/** All 290 municipalities in code order. */
export function allMunicipalities(): readonly Municipality[] {
  return municipalities;
}

/** All 21 counties in code order. */
export function allCounties(): readonly County[] {
  return counties;
}

/**
 * The recipient with this code at this level, or `undefined`.
 *
 * @example
 * ```ts
 * getRecipient("region", "20")?.name; // "Region Dalarna"
 * ```
 */
export function getRecipient(level: Level, code: string): Recipient | undefined {
  return index[level]?.get(code);
}

/**
 * Whether `code` is one of the 290 municipality codes; narrows it to {@link MunicipalityCode}.
 *
 * @example
 * ```ts
 * isMunicipalityCode("2080"); // true
 * isMunicipalityCode("2099"); // false
 * ```
 */
export function isMunicipalityCode(code: string): code is MunicipalityCode {
  return index.municipality.has(code);
}

/**
 * Whether `code` is one of the 21 county codes; narrows it to {@link CountyCode}.
 *
 * @example
 * ```ts
 * isCountyCode("20"); // true
 * ```
 */
export function isCountyCode(code: string): code is CountyCode {
  return index.county.has(code);
}

/**
 * The municipality code `code`, checked against the 290 kommuner.
 *
 * @throws GeographyError `GEOGRAPHY_UNKNOWN_CODE` when no municipality has this code.
 * @example
 * ```ts
 * municipalityCode("2080"); // "2080" as MunicipalityCode
 * municipalityCode("2099"); // throws GEOGRAPHY_UNKNOWN_CODE
 * ```
 */
export function municipalityCode(code: string): MunicipalityCode {
  if (isMunicipalityCode(code)) return code;
  return raise("GEOGRAPHY_UNKNOWN_CODE", "level", { code, levels: ["municipality"] }, { value: code });
}

/**
 * The county code `code`, checked against the 21 län.
 *
 * @throws GeographyError `GEOGRAPHY_UNKNOWN_CODE` when no county has this code.
 * @example
 * ```ts
 * countyCode("20"); // "20" as CountyCode
 * ```
 */
export function countyCode(code: string): CountyCode {
  if (isCountyCode(code)) return code;
  return raise("GEOGRAPHY_UNKNOWN_CODE", "county", { code }, { value: code });
}

/**
 * The county with this code.
 *
 * @throws GeographyError `GEOGRAPHY_UNKNOWN_CODE` when there is no such county.
 * @example
 * ```ts
 * getCounty("20").municipalityCodes.length; // 15
 * ```
 */
export function getCounty(code: string): County {
  const c = counties.find((x) => x.code === code);
  if (!c) return raise("GEOGRAPHY_UNKNOWN_CODE", "county", { code }, { value: code });
  return c;
}

/**
 * The county codes a named group stands for, or `undefined` for a name that is not a group. Used
 * to resolve exceptions in agreement rules.
 *
 * @example
 * ```ts
 * groupMembers("metropolitan"); // ["01", "12", "14"]
 * groupMembers("constructor");  // undefined
 * ```
 */
export function groupMembers(group: string): readonly string[] | undefined {
  // Own keys only: "constructor" or "toString" must not find Object.prototype's members.
  return own(GROUPS, group);
}

/**
 * Folds a name for tolerant matching: lower case, no diacritics, hyphens and spaces alike.
 * "Malung Salen", "malung-sälen" and "MALUNG-SÄLEN" all fold to "malung salen".
 */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[-‐‑–—_.,/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Words users add or leave out: "Falu kommun", "Dalarnas län", "Region Dalarna", "Dalarna".
function countyAliases(c: County): string[] {
  const base = foldName(c.name).replace(/ lan$/, "");
  const aliases = [foldName(c.name), base, foldName(c.regionName)];
  if (base.endsWith("s")) aliases.push(base.slice(0, -1));
  aliases.push(foldName(c.regionName).replace(/^region /, ""));
  return aliases;
}

interface NameEntry {
  folded: string;
  recipient: Recipient;
}

let nameIndex: readonly NameEntry[] | undefined;

/** The folded names and aliases, built on the first name lookup (not by every run that loads the geography). */
function nameEntries(): readonly NameEntry[] {
  return (nameIndex ??= buildNameEntries());
}

const buildNameEntries = (): NameEntry[] => [
  ...municipalities.flatMap((m) => [
    { folded: foldName(m.name), recipient: m as Recipient },
    { folded: `${foldName(m.name)} kommun`, recipient: m as Recipient },
  ]),
  ...counties.flatMap((c) => countyAliases(c).map((folded) => ({ folded, recipient: c as Recipient }))),
  ...regions.flatMap((r) => [
    { folded: foldName(r.name), recipient: r },
    { folded: foldName(r.name).replace(/^region /, ""), recipient: r },
  ]),
  { folded: "skr", recipient: skr },
  { folded: foldName(skr.name), recipient: skr },
];

/** Levenshtein distance, used only to suggest names; small strings, so the plain O(nm) table. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The closest names to a query, for "did you mean" hints.
 *
 * @example
 * ```ts
 * suggestNames("Faluun"); // ["Falun", ...]
 * ```
 */
export function suggestNames(query: string, levels: readonly Level[] = LEVELS, limit = 3): string[] {
  const q = foldName(query);
  const scored = new Map<string, number>();
  for (const e of nameEntries()) {
    if (!levels.includes(e.recipient.level)) continue;
    const d = e.folded.startsWith(q) && q.length >= 3 ? 0.5 : distance(q, e.folded);
    const prev = scored.get(e.recipient.name);
    if (prev === undefined || d < prev) scored.set(e.recipient.name, d);
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], "sv"))
    .slice(0, limit)
    .map(([name]) => name);
}

/**
 * A municipality named as in its official name, the genitive before "kommun" or "stad": "Falu
 * kommun" (Falun), "Leksands kommun", "Göteborgs stad", "Borås Stad". Tried only when no name
 * matches as written, and only when exactly one municipality fits.
 */
function officialName(folded: string): Recipient | undefined {
  const m = /^(.+) (kommun|stad)$/.exec(folded);
  if (!m) return undefined;
  const stem = m[1]!;
  const fits = municipalities.filter((x) => {
    const name = foldName(x.name);
    return name === stem || `${name}s` === stem || `${stem}n` === name;
  });
  return fits.length === 1 ? (fits[0] as Recipient) : undefined;
}

/**
 * Finds recipients by code or name, tolerant of case, hyphens and missing diacritics.
 * A 4-digit code is a municipality; a 2-digit code is both a county and its region.
 * A name may match at several levels ("Dalarna" is a county and a region; "Gotland" is all three).
 *
 * @throws GeographyError `GEOGRAPHY_UNKNOWN_CODE` or `GEOGRAPHY_UNKNOWN_NAME` (with suggestions).
 * @example
 * ```ts
 * findRecipients("Malung Salen")[0].code;          // "2023"
 * findRecipients("dalarna").map((r) => r.level);   // ["county", "region"]
 * ```
 */
export function findRecipients(query: string, levels: readonly Level[] = LEVELS): Recipient[] {
  const trimmed = query.trim();
  if (/^\d{4}$/.test(trimmed) || /^\d{2}$/.test(trimmed) || trimmed.toUpperCase() === SKR_CODE) {
    const code = trimmed.toUpperCase();
    const found = levels.map((l) => getRecipient(l, code)).filter((r): r is Recipient => r !== undefined);
    if (found.length === 0) {
      raise("GEOGRAPHY_UNKNOWN_CODE", "level", { code: trimmed, levels: [...levels] }, { value: trimmed });
    }
    return found;
  }
  const q = foldName(trimmed);
  const found: Recipient[] = [];
  for (const e of nameEntries()) {
    if (e.folded === q && levels.includes(e.recipient.level) && !found.includes(e.recipient)) found.push(e.recipient);
  }
  if (found.length === 0 && levels.includes("municipality")) {
    const official = officialName(q);
    if (official) found.push(official);
  }
  if (found.length === 0) {
    const hints = suggestNames(trimmed, levels);
    raise("GEOGRAPHY_UNKNOWN_NAME", "level", { name: trimmed, levels: [...levels], suggestions: hints }, { value: trimmed });
  }
  return found.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

/**
 * The municipality with this code or name.
 *
 * @throws GeographyError when no municipality matches.
 * @example
 * ```ts
 * findMunicipality("malung-salen").code; // "2023"
 * findMunicipality("2080").name;         // "Falun"
 * ```
 */
export function findMunicipality(query: string): Municipality {
  return findRecipients(query, ["municipality"])[0] as Municipality;
}

/**
 * The county with this code or name (county or region name both work).
 *
 * @throws GeographyError when no county matches.
 * @example
 * ```ts
 * findCounty("Region Dalarna").code; // "20"
 * findCounty("dalarnas lan").code;   // "20"
 * ```
 */
export function findCounty(query: string): County {
  const trimmed = query.trim();
  const hits = findRecipients(trimmed, ["county", "region"]);
  return getCounty(hits[0]!.code);
}
