/**
 * Why an amount is what it is: the rule, the counts, the exact fraction and the rounding step, as
 * data (the line or the missing entry behind one matrix cell) with its Swedish text from
 * src/sv/explain.ts.
 */
import { cellOf, type MatrixCell } from "./allocation/matrix.js";
import type { Allocation, AllocationLine, KnownPotResult, MissingLine, PotResult } from "./allocation/model.js";
import { raise } from "./errors.js";
import { findRecipients, getCounty, getRecipient, LEVEL_LABELS, type Level, type Municipality, type Recipient } from "./geography/index.js";
import { explanationText, recipientSummaryText } from "./sv/explain.js";

/** The explanation of one recipient's amount from one pot (one part of it, for a split pot). */
export interface Explanation {
  pot: PotResult;
  /** Which of the pot's parts (0 for a pot of one level). */
  part: number;
  /** The recipient at the part's level. */
  recipient: Recipient;
  /** When asked about a municipality for a county or region pot: the municipality asked about. */
  via?: Municipality;
  /** The computed line, or the reason it is missing; neither when the pot does not pay the recipient. */
  line?: AllocationLine;
  missing?: MissingLine;
  /** Plain-Swedish lines, ready to print. */
  text: string[];
}

/** The recipient a part pays, for a query: the recipient itself at that level, or through its county. */
function atLevel(r: Recipient, level: Level): { recipient: Recipient; via?: Municipality } | undefined {
  if (r.level === level) return { recipient: r };
  if (r.level === "municipality" && (level === "county" || level === "region")) {
    const at = getRecipient(level, r.countyCode);
    if (at) return { recipient: at, via: r };
  }
  return undefined;
}

function build(allocation: Allocation, pot: PotResult, part: number, target: { recipient: Recipient; via?: Municipality }): Explanation {
  const cell: MatrixCell = cellOf(allocation, pot.id, part, target.recipient.level, target.recipient.code);
  const out: Explanation = { pot, part, recipient: target.recipient, text: [] };
  if (target.via) out.via = target.via;
  if (cell.kind === "amount") out.line = cell.line;
  if (cell.kind === "missing") out.missing = cell.missing;
  out.text = explanationText(out, allocation);
  return out;
}

function lookup(query: string | Recipient): Recipient[] {
  return typeof query === "string" ? findRecipients(query) : [query];
}

/**
 * Explains one recipient's amount from one pot. The recipient may be given by name or code; a
 * municipality asked about for a county or region pot is explained through its county or region,
 * which it shares jointly. For a pot split between levels, the part at the recipient's own level
 * comes first (`part` chooses another).
 *
 * @throws AllocationError `ALLOCATION_UNKNOWN_POT`, or `ALLOCATION_UNKNOWN_RECIPIENT` when the pot
 *   pays nothing at the recipient's level; GeographyError for a name nothing has.
 * @example
 * ```ts
 * explain(result, "Falun", "2").text[1];
 * // "200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr"
 * ```
 */
export function explain(allocation: Allocation, recipient: string | Recipient, potId: string, part?: number): Explanation {
  const pot = allocation.pots.find((p) => p.id === potId);
  if (!pot) return raise("ALLOCATION_UNKNOWN_POT", "no-pot", { pot: potId, pots: allocation.pots.map((p) => p.id) }, { value: potId });
  const hits = lookup(recipient);
  const name = typeof recipient === "string" ? recipient : recipient.name;
  if (hits.length === 0) return raise("ALLOCATION_UNKNOWN_RECIPIENT", "not-a-recipient", { query: name }, { value: name });
  const parts = pot.levels.map((level, j) => ({ level, j })).filter((x) => part === undefined || x.j === part);
  // A direct hit at any part's level beats one through a municipality's county.
  for (const pass of ["direct", "via"] as const) {
    for (const { level, j } of parts) {
      for (const h of hits) {
        const t = atLevel(h, level);
        if (t && (pass === "direct") === !t.via) return build(allocation, pot, j, t);
      }
    }
  }
  if (pot.levels.length === 0) {
    // The sources do not say who receives the pot: explain that, for the recipient asked about.
    const out: Explanation = { pot, part: 0, recipient: hits[0]!, text: [] };
    out.text = explanationText(out, allocation);
    return out;
  }
  return raise("ALLOCATION_UNKNOWN_RECIPIENT", "not-at-level", { name: hits[0]!.name, levels: pot.levels.map((l) => LEVEL_LABELS[l].toLowerCase()) }, { value: hits[0]!.code });
}

/** Everything a recipient gets, pot by pot: the result of {@link explainRecipient}. */
export interface RecipientExplanation {
  /** The recipients the query named (a county name names both the county and the region). */
  recipients: Recipient[];
  /** One explanation per pot part that concerns the recipients, in the agreement's order. */
  explanations: Explanation[];
  /**
   * Per recipient explained (including a municipality's county and region): the sum of the known
   * amounts, how many are unknown, and whether the municipality shares it jointly.
   */
  totals: { recipient: Recipient; amount: bigint | null; known: bigint; unknown: number; joint: boolean }[];
  /** Plain-Swedish lines, ready to print. */
  text: string[];
}

/**
 * Explains every pot for one recipient, given by name or code. For a municipality, the county and
 * region pots are explained through its county and region, whose amounts it shares jointly with
 * the other municipalities of the county; `pots` limits the pots, `levels` the levels.
 *
 * @throws GeographyError when nothing has that name or code; AllocationError
 *   `ALLOCATION_EMPTY_SELECTION` when no pot (of those asked for) concerns the recipient.
 * @example
 * ```ts
 * explainRecipient(result, "Falun").text.some((t) => t.includes("1 309 671,78 → 1 309 672 kr")); // true
 * ```
 */
export function explainRecipient(allocation: Allocation, query: string, options: { pots?: readonly string[]; levels?: readonly Level[] } = {}): RecipientExplanation {
  const hits = findRecipients(query);
  if (hits.length === 0) return raise("ALLOCATION_UNKNOWN_RECIPIENT", "not-a-recipient", { query }, { value: query });
  for (const p of options.pots ?? []) {
    if (!allocation.pots.some((x) => x.id === p)) raise("ALLOCATION_UNKNOWN_POT", "no-pot", { pot: p, pots: allocation.pots.map((x) => x.id) }, { value: p });
  }
  const explanations: Explanation[] = [];
  for (const pot of allocation.pots) {
    if (options.pots && !options.pots.includes(pot.id)) continue;
    pot.levels.forEach((level, j) => {
      if (options.levels && !options.levels.includes(level)) return;
      const direct = hits.find((h) => h.level === level);
      const through = direct ? undefined : hits.map((h) => atLevel(h, level)).find((t) => t?.via);
      const target = direct ? { recipient: direct } : through;
      if (target) explanations.push(build(allocation, pot, j, target));
    });
  }
  if (explanations.length === 0) {
    raise("ALLOCATION_EMPTY_SELECTION", "nothing-matches", {
      recipients: hits.map((h) => h.code),
      recipientNames: hits.map((h) => h.name),
      ...(options.levels ? { level: options.levels.join(",") } : {}),
      ...(options.pots ? { pots: options.pots } : {}),
    });
  }
  const totals: RecipientExplanation["totals"] = [];
  const order = (e: Explanation) => (e.via ? (e.recipient.level === "county" ? 1 : 2) : 0);
  for (const e of [...explanations].sort((x, y) => order(x) - order(y))) {
    let t = totals.find((x) => x.recipient === e.recipient);
    if (!t) totals.push((t = { recipient: e.recipient, amount: null, known: 0n, unknown: 0, joint: e.via !== undefined }));
    if (e.line) t.known += e.line.amount;
    if (e.missing) t.unknown++;
  }
  for (const t of totals) t.amount = t.unknown === 0 ? t.known : null;
  const out: RecipientExplanation = { recipients: hits, explanations, totals, text: [] };
  out.text = recipientSummaryText(out, allocation);
  return out;
}

/** The county a municipality shares its county and region amounts with (for the summary text). */
export function sharedCounty(e: RecipientExplanation): ReturnType<typeof getCounty> | undefined {
  const m = e.recipients.find((r) => r.level === "municipality");
  return m ? getCounty(m.countyCode) : undefined;
}

/** Whether a pot result is known (has parts and a rule). */
export function isKnownPot(p: PotResult): p is KnownPotResult {
  return p.status === "known";
}
