/**
 * Who a line of a published table is about: a code ("2080", "20"), a name ("Malung/Sälen",
 * "Region Dalarna", "Dalarnas län"), or both ("2080 Falun"), found with the project's tolerant
 * lookup. The county and the region share a code, so a county-or-region name is settled by the
 * table's level, by the words on the line ("Region …", "… län"), or left open for the table to
 * settle from its other lines.
 */
import { type ErrorLocation, issue, type Issue, StimulansmedelError } from "../errors.js";
import { findRecipients, foldName, getRecipient, GOTLAND, suggestNames, type Level, type Recipient } from "../geography/index.js";

/** A recipient found for a label; `level` is undefined when it could be the county or the region. */
export type LabelMatch =
  | { ok: true; code: string; name: string; level: Level; candidates?: undefined }
  /** A county or region (same code) whose level the line does not tell. */
  | { ok: true; code: string; name: string; level: undefined; candidates: readonly Recipient[] }
  /** A name that is a municipality and also a county or region (Stockholm, Uppsala, Gotland, …). */
  | { ok: "ambiguous"; candidates: readonly Recipient[] }
  | { ok: false; issue: Issue; notFound: boolean };

const SEARCH: Readonly<Record<Level, readonly Level[]>> = {
  municipality: ["municipality"],
  county: ["county", "region"],
  region: ["region", "county"],
  skr: ["skr"],
};
const ALL: readonly Level[] = ["municipality", "county", "region", "skr"];
const GOTLAND_NAMES = new Set(["gotland", "region gotland", "gotlands kommun", "gotland kommun"]);

/**
 * A name as published, tidied for the lookup: "/" for "-", dot leaders and a trailing colon dropped.
 *
 * @example
 * ```ts
 * tidyName("Malung/Sälen");     // "Malung-Sälen"
 * tidyName("Falun ........ :"); // "Falun"
 * ```
 */
export function tidyName(name: string): string {
  return name
    .replace(/\s*\/\s*/g, "-")
    .replace(/\.{2,}|…+/g, " ")
    .replace(/[:;]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits a label into code and name.
 *
 * @example
 * ```ts
 * splitLabel("2080 Falun");   // { code: "2080", name: "Falun" }
 * splitLabel("Falun (2080)"); // { code: "2080", name: "Falun" }
 * splitLabel("20");           // { code: "20" }
 * splitLabel("Dalarna");      // { name: "Dalarna" }
 * ```
 */
export function splitLabel(label: string): { code?: string; name?: string } {
  const t = label.trim();
  let m = /^(\d{2}|\d{4})$/.exec(t);
  if (m) return { code: m[1]! };
  m = /^(\d{2}|\d{4})[\s,:.\-–]+(.*\S)$/.exec(t);
  if (m && !/^\d/.test(m[2]!)) return { code: m[1]!, name: m[2]! };
  m = /^(.*\D)[\s,]+\(?(\d{2}|\d{4})\)?$/.exec(t);
  if (m) return { code: m[2]!, name: m[1]!.trim() };
  return { name: t };
}

function describe(r: Recipient): string {
  return `${r.code} ${r.name}`;
}

function levelFromWords(folded: string, r: Recipient): Level | undefined {
  if (/^region /.test(folded) || folded.endsWith("regionen")) return "region";
  if (/ lan$/.test(folded) || /^lanet /.test(folded)) {
    // "Region Jönköpings län" is a region's name that ends in "län"; "Jönköpings län" the county's.
    return folded === foldName(getRecipient("region", r.code)!.name) ? "region" : "county";
  }
  return undefined;
}

/**
 * Finds the recipient a label names, at `level` when the table's level is known.
 *
 * @example
 * ```ts
 * matchLabel("Malung/Sälen", "municipality", {}); // { ok: true, code: "2023", name: "Malung-Sälen", level: "municipality" }
 * matchLabel("Region Dalarna", undefined, {});    // { ok: true, code: "20", name: "Region Dalarna", level: "region" }
 * matchLabel("Dalarna", undefined, {}).level;     // undefined: county or region, the table decides
 * ```
 */
export function matchLabel(label: string, level: Level | undefined, where: ErrorLocation): LabelMatch {
  const parts = splitLabel(tidyName(label));
  const levels = level ? SEARCH[level] : ALL;
  let byCode: Recipient[] | undefined;
  if (parts.code !== undefined) {
    const codeLevels = levels.filter((l) => (parts.code!.length === 4 ? l === "municipality" : l === "county" || l === "region"));
    byCode = codeLevels.map((l) => getRecipient(l, parts.code!)).filter((r): r is Recipient => r !== undefined);
    if (byCode.length === 0) {
      return { ok: false, notFound: parts.name === undefined, issue: issue("GEOGRAPHY_UNKNOWN_CODE", "level", { code: parts.code, levels: level ? [level] : codeLevelsOf(parts.code) }, where) };
    }
  }
  let byName: Recipient[] | undefined;
  if (parts.name !== undefined && GOTLAND_NAMES.has(foldName(parts.name)) && (level === undefined || level === "municipality")) {
    // Region Gotland is also the municipality 0980, and tables of municipalities call it that.
    const municipality = getRecipient("municipality", GOTLAND.municipalityCode)!;
    byName = level === "municipality" ? [municipality] : [municipality, ...findRecipients("Region Gotland", ["county", "region"])];
  } else if (parts.name !== undefined) {
    try {
      byName = findRecipients(parts.name, levels);
    } catch (e) {
      if (!(e instanceof StimulansmedelError)) throw e;
      const suggestions = suggestNames(parts.name, levels);
      return { ok: false, notFound: true, issue: issue("GEOGRAPHY_UNKNOWN_NAME", "level", { name: parts.name, levels: level ? [level] : ["municipality", "county", "region"], suggestions }, where) };
    }
  }
  let found = byName ?? byCode!;
  if (byName && byCode) {
    const agree = byName.filter((r) => byCode!.some((c) => c.code === r.code && c.level === r.level));
    if (agree.length === 0) {
      const codeName = byCode.map((r) => r.name).join(" / ");
      return { ok: false, notFound: false, issue: issue("TABLE_FORMAT", "code-name-mismatch", { code: parts.code!, name: parts.name!, codeName }, where) };
    }
    found = agree;
  }
  const codes = new Set(found.map((r) => r.code));
  if (codes.size > 1) return { ok: "ambiguous", candidates: found };
  const first = found[0]!;
  if (level) {
    // County and region share a code: the table's level says which one the line is.
    const r = found.find((x) => x.level === level) ?? getRecipient(level, first.code) ?? first;
    return { ok: true, code: r.code, name: r.name, level };
  }
  if (first.level === "municipality" || first.level === "skr") return { ok: true, code: first.code, name: first.name, level: first.level };
  // A county's and its region's names both reach the code ("Västra Götaland" only as the county's
  // name, "Jämtland Härjedalen" only as the region's); only "Region …" or "… län" tells the level.
  const both = [getRecipient("county", first.code)!, getRecipient("region", first.code)!];
  const words = parts.name !== undefined ? levelFromWords(foldName(parts.name), first) : undefined;
  if (words) {
    const r = both.find((x) => x.level === words)!;
    return { ok: true, code: r.code, name: r.name, level: words };
  }
  return { ok: true, code: first.code, name: first.name, level: undefined, candidates: both };
}

function codeLevelsOf(code: string): Level[] {
  return code.length === 4 ? ["municipality"] : ["county", "region"];
}

/**
 * Candidates as "code name", for an ambiguity message.
 *
 * @example
 * ```ts
 * candidateList(findRecipients("Stockholm")); // ["01 Region Stockholm", "01 Stockholms län", "0180 Stockholm"]
 * ```
 */
export function candidateList(candidates: readonly Recipient[]): string[] {
  return candidates.map(describe);
}
