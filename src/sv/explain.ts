/**
 * Explanations in Swedish: the equation behind an amount, the rule and key in words, the rounding
 * step, and for a missing amount why it is missing and how to fill it.
 */
import type { Allocation, AllocationLine, Calculation, MissingLine, MunicipalShareCalculation, RecipientShareCalculation } from "../allocation/model.js";
import type { Explanation, RecipientExplanation } from "../explain.js";
import { formatFraction, formatInteger, formatKronor } from "../format.js";
import { getCounty, LEVEL_LABELS } from "../geography/index.js";
import { keyLabel } from "../population.js";
import { missingAdvice, missingReasonText } from "./missing.js";
import { exceptionText, ROUNDING_SHORT, STEP_TEXT } from "./words.js";

type Keyed = RecipientShareCalculation | MunicipalShareCalculation;

function exceptionNote(c: Calculation, line: AllocationLine): string {
  return "exception" in c && c.exception ? ` (undantag: ${exceptionText(c.exception, line.level)})` : "";
}

/** The amount as an equation: `200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr`. */
function equation(line: AllocationLine): string[] {
  const c = line.calculation;
  const out: string[] = [];
  if (c.splitPart) out.push(`Potten delas mellan nivåer; ${LEVEL_LABELS[line.level].toLowerCase()} får ${formatKronor(c.splitPart.amount)} av den.`);
  switch (c.rule) {
    case "fixed":
      return [...out, `Hela ${c.splitPart ? "delen" : "potten"} går till ${line.name}: ${formatKronor(line.amount)}.`];
    case "stated":
      return [...out, `Överenskommelsen anger beloppet för ${line.name}: ${formatKronor(line.amount)}.`];
    case "perRecipient":
      return [...out, `Fast belopp per mottagare${exceptionNote(c, line)}: ${formatKronor(line.amount)}.`];
    case "share":
    case "basePlusShare":
      return [...out, ...(c.roundingLevel === "municipality" ? municipalEquation(line, c) : recipientEquation(line, c))];
  }
}

function wholeExact(c: Keyed): { numerator: bigint; denominator: bigint } {
  return { numerator: c.base * c.exact.denominator + c.exact.numerator, denominator: c.exact.denominator };
}

function recipientEquation(line: AllocationLine, c: RecipientShareCalculation): string[] {
  const exact = wholeExact(c);
  const basePart = c.rule === "basePlusShare" ? `${formatInteger(c.base)} + ` : "";
  const out = [`${basePart}${formatInteger(c.shared)} × ${formatInteger(c.count)} / ${formatInteger(c.keyTotal)} = ${formatFraction(exact.numerator, exact.denominator)} → ${formatKronor(line.amount)}`];
  if (c.rule === "basePlusShare") {
    out.push(`Grundbelopp ${formatKronor(c.base)}${exceptionNote(c, line)}; resten av potten, ${formatKronor(c.shared)}, fördelas efter ${keyLabel(c.key)}.`);
  } else out.push(`Potten, ${formatKronor(c.shared)}, fördelas efter ${keyLabel(c.key)}.`);
  out.push(`Andel: ${formatInteger(c.count)} av ${formatInteger(c.keyTotal)} (${c.keyTotalDeclared ? "rikets antal enligt befolkningsdata" : "summan av mottagarna"}).`);
  // Nearest per recipient is what the step already says; other conventions are named.
  const rule = c.rounding === "nearest-per-recipient" ? "" : ` (${ROUNDING_SHORT[c.rounding]})`;
  out.push(`Exakt andel ${formatFraction(c.exact.numerator, c.exact.denominator)} kr; ${STEP_TEXT[c.step]}${rule}.`);
  return out;
}

function municipalEquation(line: AllocationLine, c: MunicipalShareCalculation): string[] {
  const exact = wholeExact(c);
  const basePart = c.rule === "basePlusShare" ? `${formatInteger(c.base)} + ` : "";
  const out = [
    `${basePart}${c.municipalities.map((m) => formatInteger(m.amount)).join(" + ")} = ${formatKronor(line.amount)}`,
    `Andelen avrundas per kommun och summeras till länet: varje kommuns del, ${formatInteger(c.shared)} × kommunens ${keyLabel(c.key)} / ${formatInteger(c.keyTotal)}, avrundas för sig (${ROUNDING_SHORT[c.rounding]}).`,
  ];
  for (const m of c.municipalities) {
    out.push(`  ${m.name}: ${formatInteger(c.shared)} × ${formatInteger(m.count)} / ${formatInteger(m.exact.denominator)} = ${formatFraction(m.exact.numerator, m.exact.denominator)} → ${formatInteger(m.amount)} (${STEP_TEXT[m.step]})`);
  }
  if (c.rule === "basePlusShare") out.push(`Grundbelopp ${formatKronor(c.base)}${exceptionNote(c, line)}.`);
  out.push(
    `Utan avrundning per kommun vore beloppet ${formatFraction(exact.numerator, exact.denominator)} kr (${formatInteger(c.count)} av ${formatInteger(c.keyTotal)}); summan av kommunernas avrundade delar är ${formatKronor(c.share)}.`,
  );
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function missingText(m: MissingLine, a: Pick<Allocation, "agreement">): string[] {
  const advice = missingAdvice(m.reason, { agreement: a.agreement.id, referenceDate: a.agreement.referenceDate });
  return [`Beloppet kan inte beräknas: ${missingReasonText(m.reason, m.level)}.`, capitalize(advice.text)];
}

/**
 * The lines of one explanation: a heading naming the pot and recipient, then the equation, or
 * why the amount is missing and how to fill it.
 *
 * @example
 * ```ts
 * explanationText(explain(result, "Falun", "2"), result)[0];
 * // "Pott 2 – Insatser som främjar … (250 000 000 kr), Falun:"
 * ```
 */
export function explanationText(e: Explanation, a: Pick<Allocation, "agreement">): string[] {
  const amount = e.pot.amount !== null && e.pot.amount !== undefined ? formatKronor(e.pot.amount) : "belopp okänt";
  if (e.pot.levels.length === 0) {
    const unknown = e.pot.status === "incomplete" ? e.pot.unknown : [];
    return [`Pott ${e.pot.id} – ${e.pot.name} (${amount}):`, `Beloppet kan inte beräknas: källorna anger inte vilka som får potten (saknas: ${unknown.join(", ")}).`];
  }
  const text = [`Pott ${e.pot.id} – ${e.pot.name} (${amount}), ${e.recipient.name}:`];
  if (e.via) {
    const county = getCounty(e.via.countyCode);
    text.push(
      e.recipient.level === "county"
        ? `${e.via.name} får inget eget belopp ur potten: den betalas som länsgemensamma medel för ${county.name}, som ${county.regionName} och länets ${county.municipalityCodes.length} kommuner delar på.`
        : `${e.via.name} får inget eget belopp ur potten: den betalas till ${county.regionName}, regionen i ${county.name}.`,
    );
  }
  if (e.line) text.push(...equation(e.line));
  else if (e.missing) text.push(...missingText(e.missing, a));
  else text.push(`${e.recipient.name} får inget ur den här potten.`);
  return text;
}

/**
 * The lines of a recipient's explanation: a heading, a summary per body (with unknown amounts
 * said as such), then each pot's explanation indented.
 *
 * @example
 * ```ts
 * recipientSummaryText(explainRecipient(result, "Falun"), result)[0];
 * // "Falun – överenskommelse 2025, befolkning 2024-11-01"
 * ```
 */
export function recipientSummaryText(r: RecipientExplanation, a: Pick<Allocation, "agreement" | "population">): string[] {
  const names = r.recipients.map((h) => h.name).filter((n, i, all) => all.indexOf(n) === i);
  const text = [`${names.join(" / ")} – överenskommelse ${a.agreement.id}, befolkning ${a.population.referenceDate}`, "", "Sammanfattning:"];
  const municipality = r.recipients.find((h) => h.level === "municipality");
  for (const t of r.totals) {
    const amount =
      t.amount !== null
        ? formatKronor(t.amount)
        : t.known > 0n
          ? `${formatKronor(t.known)} beräknat; ${t.unknown} belopp saknas`
          : `saknas (${t.unknown} belopp kan inte beräknas)`;
    const joint = t.joint && municipality ? ` (gemensamt för länet; ${municipality.name} delar i det)` : "";
    text.push(`  ${t.recipient.name}: ${amount}${joint}`);
  }
  if (municipality && r.totals.some((t) => t.joint)) {
    const county = getCounty(municipality.countyCode);
    text.push(
      `Kommunpotterna betalas till ${municipality.name} själv. Länspotterna betalas till ${county.name} och regionpotterna till ${county.regionName}: de beloppen delar ${municipality.name} gemensamt med länets övriga kommuner och regionen.`,
    );
  }
  for (const e of r.explanations) text.push("", e.text[0]!, ...e.text.slice(1).map((t) => `  ${t}`));
  return text;
}
