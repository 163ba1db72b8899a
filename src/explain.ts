/**
 * Why an amount is what it is: the rule, the counts, the exact fraction and the rounding step,
 * as data and as plain Swedish.
 */
import type { Allocation, AllocationLine, MissingLine, PotResult } from "./allocate.js";
import { AllocationError } from "./errors.js";
import { findRecipients, getCounty, getRecipient, LEVEL_LABELS, type Level, type Recipient } from "./geography/index.js";
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

/** A recipient at one of a pot's levels: an exact level match first, then through a municipality. */
function resolveAtLevels(query: string | Recipient, levels: readonly Level[]): { recipient: Recipient; via?: Recipient } {
  const found: { recipient: Recipient; via?: Recipient }[] = [];
  let error: unknown;
  for (const level of levels) {
    try {
      found.push(resolveRecipient(query, level));
    } catch (e) {
      error = e;
    }
  }
  const direct = found.find((f) => !f.via);
  if (direct) return direct;
  if (found[0]) return found[0];
  throw error;
}

/** The amount as an equation in Swedish: `200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr`. */
function equation(line: AllocationLine): string[] {
  const c = line.calculation;
  const out: string[] = [];
  if (c.splitPart) out.push(`Potten delas mellan nivåer; ${LEVEL_LABELS[line.level].toLowerCase()} får ${formatKronor(c.splitPart.amount)} av den.`);
  if (c.rule === "fixed") return [...out, `Hela ${c.splitPart ? "delen" : "potten"} går till ${line.name}: ${formatKronor(line.amount)}.`];
  if (c.rule === "perRecipient") {
    return [...out, `Fast belopp per mottagare${c.exception ? ` (undantag: ${c.exception})` : ""}: ${formatKronor(line.amount)}.`];
  }
  if (c.roundingLevel === "municipality") return [...out, ...municipalEquation(line)];
  return [...out, ...recipientEquation(line)];
}

/** A share rounded per municipality and summed: the county's exact share, then each municipality's rounded part. */
function municipalEquation(line: AllocationLine): string[] {
  const c = line.calculation;
  const exact = c.base * c.denominator! + c.numerator!;
  const basePart = c.rule === "basePlusShare" ? `${formatInteger(c.base)} + ` : "";
  const ms = c.municipalities!;
  const out = [
    `${basePart}${ms.map((m) => formatInteger(m.amount)).join(" + ")} = ${formatKronor(line.amount)}`,
    `Andelen avrundas per kommun och summeras till länet: varje kommuns del, ${formatInteger(c.shared!)} × kommunens ${keyLabel(c.key!)} / ${formatInteger(c.keyTotal!)}, avrundas för sig (${c.rounding}).`,
  ];
  for (const m of ms) {
    out.push(`  ${m.name}: ${formatInteger(c.shared!)} × ${formatInteger(m.count)} / ${formatInteger(m.denominator)} = ${formatFraction(m.numerator, m.denominator)} → ${formatInteger(m.amount)} (${STEP_TEXT[m.step] ?? m.step})`);
  }
  if (c.rule === "basePlusShare") out.push(`Grundbelopp ${formatKronor(c.base)}${c.exception ? ` (undantag: ${c.exception})` : ""}.`);
  out.push(
    `Utan avrundning per kommun vore beloppet ${formatFraction(exact, c.denominator!)} kr (${formatInteger(c.count!)} av ${formatInteger(c.keyTotal!)}); summan av kommunernas avrundade delar är ${formatKronor(c.share!)}.`,
  );
  return out;
}

function recipientEquation(line: AllocationLine): string[] {
  const c = line.calculation;
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
  if (pot.levels.length === 0) {
    const head = `Pott ${pot.id} – ${pot.name} (${pot.amount !== undefined ? formatKronor(pot.amount) : "belopp okänt"}):`;
    const name = typeof recipient === "string" ? recipient : recipient.name;
    const r = typeof recipient === "string" ? (findRecipients(recipient)[0] ?? null) : recipient;
    if (!r) throw new AllocationError("ALLOCATION_UNKNOWN_RECIPIENT", `"${name}" is not a recipient`, { value: name });
    return { pot, recipient: r, text: [head, `Beloppet kan inte beräknas: källorna anger inte vilka som får potten (saknas: ${(pot.unknown ?? []).join(", ")}).`] };
  }
  const { recipient: r, via } = resolveAtLevels(recipient, pot.levels);
  const line = allocation.lines.find((l) => l.pot === pot.id && l.level === r.level && l.code === r.code);
  const missing = allocation.missing.find((m) => m.pot === pot.id && m.level === r.level && m.code === r.code);
  const head = `Pott ${pot.id} – ${pot.name} (${pot.amount !== undefined ? formatKronor(pot.amount) : "belopp okänt"}), ${r.name}:`;
  const text = [head];
  if (via) {
    const county = getCounty(r.countyCode!);
    text.push(
      r.level === "county"
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

/** Everything a recipient gets, pot by pot: the result of {@link explainRecipient}. */
export interface RecipientExplanation {
  /** The recipients the query named (a county name names both the county and the region). */
  recipients: Recipient[];
  /** One explanation per pot that concerns the recipients, in the agreement's order. */
  explanations: Explanation[];
  /** Per recipient explained (including a municipality's county and region): the sum of the computed amounts. */
  totals: { recipient: Recipient; amount: bigint; complete: boolean; joint: boolean }[];
  /** Plain-Swedish lines, ready to print. */
  text: string[];
}

/**
 * Explains every pot for one recipient, given by name or code. For a municipality, the county and
 * region pots are explained through its county and region, whose amounts it shares jointly with
 * the other municipalities of the county; `pots` limits the pots, `levels` the levels.
 *
 * @throws GeographyError when nothing has that name or code.
 * @example
 * ```ts
 * explainRecipient(result, "Falun").text.some((t) => t.includes("1 309 671,78 → 1 309 672 kr")); // true
 * ```
 */
export function explainRecipient(
  allocation: Allocation,
  query: string,
  options: { pots?: readonly string[]; levels?: readonly Level[] } = {},
): RecipientExplanation {
  const hits = findRecipients(query);
  const municipality = hits.find((h) => h.level === "municipality");
  const explanations: Explanation[] = [];
  for (const pot of allocation.pots) {
    if (options.pots && !options.pots.includes(pot.id)) continue;
    if (options.levels && !pot.levels.some((l) => options.levels!.includes(l))) continue;
    const direct = hits.find((h) => h.level === pot.level);
    if (direct) explanations.push(explain(allocation, direct, pot.id));
    else if (municipality && (pot.level === "county" || pot.level === "region")) explanations.push(explain(allocation, municipality, pot.id));
  }
  const totals: RecipientExplanation["totals"] = [];
  const order = (e: Explanation) => (e.via ? (e.recipient.level === "county" ? 1 : 2) : 0);
  for (const e of [...explanations].sort((x, y) => order(x) - order(y))) {
    let t = totals.find((x) => x.recipient === e.recipient);
    if (!t) totals.push((t = { recipient: e.recipient, amount: 0n, complete: true, joint: e.via !== undefined }));
    if (e.line) t.amount += e.line.amount;
    if (e.missing) t.complete = false;
  }
  const text: string[] = [];
  const names = hits.map((h) => h.name).filter((n, i, all) => all.indexOf(n) === i);
  text.push(`${names.join(" / ")} – överenskommelse ${allocation.agreement.id}, befolkning ${allocation.population.referenceDate}`);
  if (explanations.length === 0) {
    text.push("Inga pottar i urvalet gäller den här mottagaren.");
  } else {
    text.push("");
    text.push("Sammanfattning:");
    for (const t of totals) {
      const amount = t.complete
        ? formatKronor(t.amount)
        : explanations.some((e) => e.recipient === t.recipient && e.line)
          ? `${formatKronor(t.amount)} beräknat, men något belopp saknas`
          : "kan inte beräknas, data saknas";
      const joint = t.joint && municipality ? ` (gemensamt för länet; ${municipality.name} delar i det)` : "";
      text.push(`  ${t.recipient.name}: ${amount}${joint}`);
    }
    if (municipality && totals.some((t) => t.joint)) {
      const county = getCounty(municipality.countyCode!);
      text.push(
        `Kommunpotterna betalas till ${municipality.name} själv. Länspotterna betalas till ${county.name} och regionpotterna till ${county.regionName}: de beloppen delar ${municipality.name} gemensamt med länets övriga kommuner och regionen.`,
      );
    }
    for (const e of explanations) text.push("", e.text[0]!, ...e.text.slice(1).map((t) => `  ${t}`));
  }
  return { recipients: hits, explanations, totals, text };
}
