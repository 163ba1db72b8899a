/**
 * Swedish words for the model's terms: levels, roundings, steps, exceptions. Every user-facing
 * view takes its words from here (and from the message catalogue), so the model carries no prose
 * and no internal identifier reaches a reader.
 */
import type { RoundingMode, RoundingStep } from "../apportion.js";
import type { ExceptionRef } from "../allocation/model.js";
import { getRecipient, LEVEL_LABELS, type Level } from "../geography/index.js";
import type { PotLevel, RoundingLevel } from "../rules.js";

/** A level in the singular, lower case: `region`, `län`, `kommun`, `SKR`. */
export const LEVEL_WORD: Readonly<Record<Level, string>> = { region: "region", county: "län", municipality: "kommun", skr: "SKR" };

/** A level in the definite singular, for "the county's count": `regionens`, `länets`, `kommunens`. */
export const LEVEL_GENITIVE: Readonly<Record<Level, string>> = { region: "regionens", county: "länets", municipality: "kommunens", skr: "SKR:s" };

/** The roundings in Swedish words, as every view names them. */
export const ROUNDING_TEXT: Readonly<Record<RoundingMode, string>> = {
  "nearest-per-recipient": "varje belopp avrundat för sig till närmaste krona",
  "largest-remainder": "största rest: heltalsdelarna, och de kronor som blir över till de största resterna, så att delarna summerar exakt till potten (lika rester: lägst kod först)",
  "largest-absorbs": "varje belopp avrundat till närmaste krona, och den största mottagaren tar skillnaden så att potten går jämnt ut",
};

/** A short name of a rounding, for table cells: `närmaste krona`, `största rest`, `största tar skillnaden`. */
export const ROUNDING_SHORT: Readonly<Record<RoundingMode, string>> = {
  "nearest-per-recipient": "närmaste krona",
  "largest-remainder": "största rest",
  "largest-absorbs": "största tar skillnaden",
};

/** What happened to one exact share when it was rounded. */
export const STEP_TEXT: Readonly<Record<RoundingStep, string>> = {
  down: "avrundat nedåt till närmaste krona",
  up: "avrundat uppåt till närmaste krona",
  "half-up": "exakt en halv krona, avrundad uppåt",
  exact: "jämnt belopp, ingen avrundning",
  floor: "största rest: heltalsdelen",
  "floor+1": "största rest: heltalsdelen plus en krona av resten",
  absorbed: "avrundat och justerat så att potten går jämnt ut (största mottagaren tar skillnaden)",
};

/** Where a share is rounded, in words. */
export const ROUNDING_LEVEL_TEXT: Readonly<Record<RoundingLevel, string>> = {
  recipient: "per mottagare",
  municipality: "per kommun, sedan summerat till länet",
};

const GROUP_TEXT: Readonly<Record<string, string>> = {
  metropolitan: "storstadslänen (Stockholms, Skåne och Västra Götalands län)",
};

/**
 * An exception in words: `storstadslänen (…)` or `Region Gotland (09)`.
 *
 * @example
 * ```ts
 * exceptionText({ kind: "group", group: "metropolitan" }, "county"); // "storstadslänen (…)"
 * ```
 */
export function exceptionText(e: ExceptionRef, level: Level): string {
  if (e.kind === "group") return GROUP_TEXT[e.group] ?? `gruppen ${e.group}`;
  const r = getRecipient(level, e.code);
  return r ? `${r.name} (${e.code})` : e.code;
}

/**
 * A pot's level in Swedish: one level, the levels of a split pot, or "okänd nivå".
 *
 * @example
 * ```ts
 * potLevelLabel({ level: "split", levels: ["region", "municipality"] }); // "Regioner + Kommuner"
 * ```
 */
export function potLevelLabel(p: { level: PotLevel; levels: readonly Level[] }): string {
  return p.level === "split" ? p.levels.map((l) => LEVEL_LABELS[l]).join(" + ") : p.level === "unknown" ? "okänd nivå" : LEVEL_LABELS[p.level];
}
