/**
 * Why an amount is what it is: the rule, the counts, the exact fraction and the rounding step,
 * as data and as plain Swedish.
 */
import type { Allocation, AllocationLine, MissingLine, PotResult } from "./allocate.js";
import { AllocationError } from "./errors.js";
import { findRecipients, getCounty, getRecipient, type Level, type Recipient } from "./geography/index.js";
import { formatFraction, formatInteger, formatKronor } from "./format.js";
import { keyLabel } from "./population.js";

/** The explanation of one recipient's amount from one pot. */
export interface Explanation {
  pot: PotResult;
  /** The recipient at the pot's level. */
  recipient: Recipient;
  /** When asked about a municipality for a county or region pot: the municipality asked about. */
  via?: Recipient;
  /** The computed line, or the reason it is missing. */
  line?: AllocationLine;
  missing?: MissingLine;
  /** Plain-Swedish lines, ready to print. */
  text: string[];
}

const STEP_TEXT: Record<string, string> = {
  down: "avrundat nedåt till närmaste krona",
  up: "avrundat uppåt till närmaste krona",
  "half-up": "exakt en halv krona, avrundad uppåt (halva uppåt)",
  exact: "jämnt belopp, ingen avrundning",
  floor: "största-restmetoden: heltalsdelen",
  "floor+1": "största-restmetoden: heltalsdelen plus en krona av resten",
};

function resolveRecipient(query: string | Recipient, level: Level): { recipient: Recipient; via?: Recipient } {
  if (typeof query !== "string") {
    if (query.level === level) return { recipient: query };
    if (query.level === "municipality" && (level === "county" || level === "region")) {
      const r = getRecipient(level, query.countyCode!);
      if (r) return { recipient: r, via: query };
    }
    throw new AllocationError("ALLOCATION_UNKNOWN_RECIPIENT", `${query.name} receives nothing at the ${level} level`, { value: query.code });
  }
  const hits = findRecipients(query);
  const exact = hits.find((h) => h.level === level);
  if (exact) return { recipient: exact };
  const municipality = hits.find((h) => h.level === "municipality");
  if (municipality) return resolveRecipient(municipality, level);
  throw new AllocationError("ALLOCATION_UNKNOWN_RECIPIENT", `"${query}" is not a ${level} recipient`, { value: query });
}

/** The amount as an equation in Swedish: `200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr`. */
function equation(line: AllocationLine): string[] {
  const c = line.calculation;
  if (c.rule === "fixed") return [`Hela potten går till ${line.name}: ${formatKronor(line.amount)}.`];
  if (c.rule === "perRecipient") {
    return [`Fast belopp per mottagare${c.exception ? ` (undantag: ${c.exception})` : ""}: ${formatKronor(line.amount)}.`];
  }
  const exact = c.base * c.denominator! + c.numerator!;
  const basePart = c.rule === "basePlusShare" ? `${formatInteger(c.base)} + ` : "";
  const out = [
    `${basePart}${formatInteger(c.shared!)} × ${formatInteger(c.count!)} / ${formatInteger(c.keyTotal!)} = ${formatFraction(exact, c.denominator!)} → ${formatKronor(line.amount)}`,
  ];
  if (c.rule === "basePlusShare") {
    out.push(`Grundbelopp ${formatKronor(c.base)}${c.exception ? ` (undantag: ${c.exception})` : ""}; resten av potten, ${formatKronor(c.shared!)}, fördelas efter ${keyLabel(c.key!)}.`);
  } else {
    out.push(`Potten, ${formatKronor(c.shared!)}, fördelas efter ${keyLabel(c.key!)}.`);
  }
  out.push(
    `Andel: ${formatInteger(c.count!)} av ${formatInteger(c.keyTotal!)} (${c.keyTotalDeclared ? "riket, angivet i befolkningsdata" : "riket, summan av kommunerna"}).`,
  );
  out.push(`Exakt andel ${formatFraction(c.numerator!, c.denominator!)} kr; ${STEP_TEXT[c.step!] ?? c.step} (${c.rounding}).`);
  return out;
}

/**
 * Explains one recipient's amount from one pot. The recipient may be given by name or code; a
 * municipality asked about for a county or region pot is explained through its county or region,
 * which it shares jointly.
 *
 * @throws AllocationError `ALLOCATION_UNKNOWN_POT` or `ALLOCATION_UNKNOWN_RECIPIENT`.
 * @example
 * ```ts
 * explain(result, "Falun", "2").text[0];
 * // "200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr"
 * ```
 */
export function explain(allocation: Allocation, recipient: string | Recipient, potId: string): Explanation {
  const pot = allocation.pots.find((p) => p.id === potId);
  if (!pot) {
    throw new AllocationError("ALLOCATION_UNKNOWN_POT", `no pot "${potId}"; pots are ${allocation.pots.map((p) => p.id).join(", ")}`, { value: potId });
  }
  const { recipient: r, via } = resolveRecipient(recipient, pot.level);
  const line = allocation.lines.find((l) => l.pot === pot.id && l.code === r.code);
  const missing = allocation.missing.find((m) => m.pot === pot.id && m.code === r.code);
  const head = `Pott ${pot.id} – ${pot.name} (${pot.amount !== undefined ? formatKronor(pot.amount) : "belopp okänt"}), ${r.name}:`;
  const text = [head];
  if (via) {
    const county = getCounty(r.countyCode!);
    text.push(
      pot.level === "county"
        ? `${via.name} får inget eget belopp ur potten: den betalas som länsgemensamma medel för ${county.name}, som ${county.regionName} och länets ${county.municipalityCodes.length} kommuner delar på.`
        : `${via.name} får inget eget belopp ur potten: den betalas till ${county.regionName}, regionen i ${county.name}.`,
    );
  }
  if (line) text.push(...equation(line));
  else if (missing) text.push(`Beloppet kan inte beräknas: ${missing.reason}.`);
  else text.push(`${r.name} får inget ur den här potten.`);
  const out: Explanation = { pot, recipient: r, text };
  if (via) out.via = via;
  if (line) out.line = line;
  if (missing) out.missing = missing;
  return out;
}
