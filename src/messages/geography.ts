/** Messages about municipalities, counties and regions: codes and names that do not exist. */
import type { Level } from "../geography/index.js";
import { defineMessages, enOr, msg, svOr } from "./define.js";

const LEVEL_SV: Record<string, string> = { municipality: "kommun", county: "län", region: "region", skr: "SKR" } satisfies Record<Level, string>;
const LEVEL_EN: Record<string, string> = { municipality: "municipality", county: "county", region: "region", skr: "SKR" } satisfies Record<Level, string>;
// "ingen kommun, inget län eller ingen region": län is neuter, so each noun takes its own article.
const NONE_SV: Record<string, string> = { municipality: "ingen kommun", county: "inget län", region: "ingen region", skr: "ingen mottagare på SKR:s nivå" } satisfies Record<Level, string>;
const noneSv = (levels: readonly string[]) => svOr(levels.map((l) => NONE_SV[l] ?? `ingen ${LEVEL_SV[l] ?? l}`));
const levelsEn = (levels: readonly string[]) => levels.map((l) => LEVEL_EN[l] ?? l).join("/");

export const geographyMessages = defineMessages({
  GEOGRAPHY_UNKNOWN_CODE: {
    county: msg<{ code: string }>(
      (p) => `unknown county code "${p.code}"`,
      (p) => `inget län har koden "${p.code}" (länskoder är 01–25)`,
    ),
    level: msg<{ code: string; levels: readonly string[] }>(
      (p) => `no ${levelsEn(p.levels)} has the code "${p.code}"`,
      (p) => `${noneSv(p.levels)} har koden "${p.code}"`,
    ),
  },
  GEOGRAPHY_UNKNOWN_NAME: {
    level: msg<{ name: string; levels: readonly string[]; suggestions: readonly string[] }>(
      (p) => `no ${levelsEn(p.levels)} is called "${p.name}"${p.suggestions.length ? `; did you mean ${enOr(p.suggestions.map((s) => `"${s}"`))}?` : ""}`,
      (p) => `${noneSv(p.levels)} heter "${p.name}"${p.suggestions.length ? `; menar du ${svOr(p.suggestions.map((s) => `"${s}"`))}?` : ""}`,
    ),
  },
  GEOGRAPHY_AMBIGUOUS_NAME: {
    candidates: msg<{ name: string; candidates: readonly string[] }>(
      (p) => `"${p.name}" can mean ${enOr(p.candidates)}; use the code`,
      (p) => `"${p.name}" kan betyda ${svOr(p.candidates)}; ange koden`,
    ),
  },
});
