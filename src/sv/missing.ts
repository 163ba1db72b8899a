/**
 * Why an amount is missing, and how to fill it, in Swedish: the reason, the SCB table that has
 * the counts, the command that fetches them and where to download them by hand.
 */
import type { MissingLine, MissingReason } from "../allocation/model.js";
import { scbTableFor } from "../io/scb-tables.js";
import { keyLabel } from "../population.js";
import { LEVEL_GENITIVE, ROUNDING_SHORT } from "./words.js";
import { StimulansmedelError } from "../errors.js";

/**
 * The reason in words, without advice: `kommunens folkmängd 0–18 år saknas i befolkningsdata`.
 *
 * @example
 * ```ts
 * missingReasonText({ kind: "count-missing", key: "0-18" }, "municipality");
 * // "kommunens folkmängd 0–18 år saknas i befolkningsdata"
 * ```
 */
export function missingReasonText(reason: MissingReason, level: MissingLine["level"]): string {
  switch (reason.kind) {
    case "pot-incomplete":
      return `pottens fördelning är inte känd${reason.unknown.length > 0 ? ` (okänt: ${reason.unknown.join(", ")})` : ""}`;
    case "count-missing":
      return `${LEVEL_GENITIVE[level]} ${keyLabel(reason.key)} saknas i befolkningsdata`;
    case "rounding-needs-all":
      return `avrundningen (${ROUNDING_SHORT[reason.rounding]}) summerar exakt till potten och kräver därför ${keyLabel(reason.key)} för alla mottagare`;
    case "key-unavailable": {
      const why = reason.why;
      if (why.kind === "no-key") return `befolkningsdata saknar ${keyLabel(reason.key)}`;
      if (why.kind === "ages-uncovered") {
        return `åldersdata för ${why.code} täcker inte ${why.age === 100 ? "100+" : why.age} år, som ${keyLabel(reason.key)} kräver`;
      }
      return `${keyLabel(reason.key)} finns för ${why.have} av ${why.of} ${why.of === 290 ? "kommuner" : "län"} och rikets antal saknas, så andelarna kan inte beräknas`;
    }
  }
}

/** What fills a gap: the table, the command, the address. */
export interface MissingAdvice {
  /** One sentence, e.g. `Hämta SCB:s Folkmängden den 1 november 2024 (TAB1267): stimulansmedel population fetch --agreement 2025`. */
  readonly text: string;
  readonly table?: { readonly id: string; readonly title: string; readonly webUrl: string };
  readonly command?: string;
}

/**
 * How to fill a missing amount: for population gaps, the SCB table of the reference date and the
 * fetch command; for an unknown rule, that the sources do not say.
 *
 * @example
 * ```ts
 * missingAdvice({ kind: "count-missing", key: "0-18" }, { agreement: "2025", referenceDate: "2024-11-01" }).command;
 * // "stimulansmedel population fetch --agreement 2025"
 * ```
 */
export function missingAdvice(reason: MissingReason, context: { agreement: string; referenceDate: string | undefined; bundled?: boolean }): MissingAdvice {
  if (reason.kind === "pot-incomplete") return { text: "Källorna anger inte pottens fördelning, så beloppet kan inte beräknas." };
  const command = context.bundled === false ? `stimulansmedel population fetch --agreement FIL.json` : `stimulansmedel population fetch --agreement ${context.agreement}`;
  const table = context.referenceDate ? tableOf(context.referenceDate) : undefined;
  if (!table) return { text: `Ge befolkning med ${keyLabel(reason.key)} för överenskommelsens referensdatum med --population FIL.`, command };
  return {
    text: `${capitalize(keyLabel(reason.key))} finns i SCB:s tabell ${table.title}: hämta med ${command}, eller ladda ner tabellen från ${table.webUrl} och ge filen med --population FIL.`,
    table,
    command,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function tableOf(date: string): { id: string; title: string; webUrl: string } | undefined {
  try {
    const t = scbTableFor(date);
    return { id: t.id, title: t.title.replace(/^SCB, /, ""), webUrl: t.webUrl };
  } catch (e) {
    if (e instanceof StimulansmedelError) return undefined;
    throw e;
  }
}

/** How missing lines group: one pot, one reason. */
export interface MissingGroup {
  readonly pot: string;
  readonly level: MissingLine["level"];
  readonly reason: MissingReason;
  /** The reason in words. */
  readonly text: string;
  readonly lines: readonly MissingLine[];
}

/**
 * Missing lines grouped by pot and reason, in the order they first occur.
 *
 * @example
 * ```ts
 * missingGroups(result).map((g) => `${g.pot}: ${g.lines.length}`); // ["2: 275"]
 * ```
 */
export function missingGroups(a: { missing: readonly MissingLine[] }): MissingGroup[] {
  const groups = new Map<string, { pot: string; level: MissingLine["level"]; reason: MissingReason; text: string; lines: MissingLine[] }>();
  for (const m of a.missing) {
    const text = missingReasonText(m.reason, m.level);
    const id = `${m.pot}|${m.level}|${text}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { pot: m.pot, level: m.level, reason: m.reason, text, lines: [] }));
    g.lines.push(m);
  }
  return [...groups.values()];
}

/** The reason code the JSON contract names. */
export function missingReasonCode(reason: MissingReason): "POT_INCOMPLETE" | "KEY_UNAVAILABLE" | "COUNT_MISSING" | "ROUNDING_NEEDS_ALL" {
  return reason.kind === "pot-incomplete" ? "POT_INCOMPLETE" : reason.kind === "key-unavailable" ? "KEY_UNAVAILABLE" : reason.kind === "count-missing" ? "COUNT_MISSING" : "ROUNDING_NEEDS_ALL";
}


