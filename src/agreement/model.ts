/**
 * What the engine, the scenarios and the CLI need of a validated agreement, without zod: its
 * pots as one-level parts, exceptions, the load-time invariants and summaries. src/rules.ts
 * re-exports all of it, so the public API is unchanged; importing this module instead keeps zod
 * out of a start-up that reads only bundled (build-time checked) agreements.
 */
import { issue, type Issue } from "../errors.js";
import { getRecipient, groupMembers, GROUPS, LEVELS, recipients, type Level } from "../geography/index.js";
import type { PopulationKey } from "../population.js";
import type { Agreement, Exception, LevelRule, Pot } from "../rules.js";

/** `pots[3].rule.base` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out;
}

/**
 * The exception that applies to a recipient, if any: an exception naming its code beats one
 * naming a group it belongs to (a county, or a municipality in that county).
 */
export function applicableException(level: Level, code: string, exceptions: readonly Exception[]): Exception | undefined {
  if (exceptions.length === 0) return undefined;
  const byCode = exceptions.find((e) => "code" in e && e.code === code);
  if (byCode) return byCode;
  const countyCode = getRecipient(level, code)?.countyCode ?? null;
  // The last group that contains the recipient wins.
  for (let i = exceptions.length - 1; i >= 0; i--) {
    const e = exceptions[i]!;
    if ("group" in e && groupContains(e.group, countyCode, code)) return e;
  }
  return undefined;
}

/** A Swedish label of an exception, for explanations: `grupp metropolitan` or `kod 0980`. */
export function exceptionLabel(e: Exception): string {
  return "code" in e ? `kod ${e.code}` : `grupp ${e.group}`;
}

/**
 * The amount each recipient at a level gets before any share: the rule's sum or base, or the
 * exception that applies. Recipients are in code order.
 */
export function baseAmounts(level: Level, amount: bigint, exceptions: readonly Exception[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const r of recipients(level)) out.set(r.code, applicableException(level, r.code, exceptions)?.amount ?? amount);
  return out;
}

function groupContains(group: string, countyCode: string | null, code: string): boolean {
  const members = groupMembers(group);
  return !!members && (members.includes(code) || (countyCode !== null && members.includes(countyCode)));
}

/**
 * The levels a pot pays to: its own level, the levels of its split parts (or the `levels` an
 * incomplete split pot names), or none when the level is unknown.
 *
 * @example
 * ```ts
 * potLevels({ level: "split", levels: ["region", "municipality"] } as Pot); // ["region", "municipality"]
 * ```
 */
export function potLevels(pot: Pot): Level[] {
  if (pot.level === "unknown") return [];
  if (pot.level !== "split") return [pot.level];
  if (pot.rule?.type === "splitLevels") return [...new Set(pot.rule.parts.map((p) => p.level))];
  return pot.levels ? [...pot.levels] : [];
}

/**
 * A known pot as one-level parts: the pot itself, or each part of a `splitLevels` pot. Empty for
 * a pot without amount or rule.
 *
 * @example
 * ```ts
 * potParts(pot).map((p) => `${p.level} ${p.amount}`); // ["region 100000000", "municipality 100000000"]
 * ```
 */
export function potParts(pot: Pot): { level: Level; amount: bigint; rule: LevelRule; path: string }[] {
  if (!pot.rule || pot.amount === undefined) return [];
  if (pot.rule.type === "splitLevels") return pot.rule.parts.map((p, j) => ({ level: p.level, amount: p.amount, rule: p.rule, path: `rule.parts[${j}].rule` }));
  if (pot.level === "split" || pot.level === "unknown") return [];
  return [{ level: pot.level, amount: pot.amount, rule: pot.rule, path: "rule" }];
}

function ruleIssues(level: Level, amount: bigint, rule: LevelRule, at: string, add: (i: Issue) => void): void {
  if (level === "skr" && rule.type !== "fixed" && rule.type !== "stated") add(issue("AGREEMENT_INVALID", "skr-not-fixed", { type: rule.type }, { path: `${at}.type`, value: rule.type }));
  if (rule.type === "fixed") {
    if (!getRecipient(level, rule.recipient)) add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "code", { level, code: rule.recipient }, { path: `${at}.recipient`, value: rule.recipient }));
    return;
  }
  if (rule.type === "stated") {
    const seen = new Set<string>();
    let sum = 0n;
    rule.amounts.forEach((x, j) => {
      if (!getRecipient(level, x.code)) add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "code", { level, code: x.code }, { path: `${at}.amounts[${j}].code`, value: x.code }));
      else if (seen.has(x.code)) add(issue("AGREEMENT_INVALID", "stated-twice", { code: x.code }, { path: `${at}.amounts[${j}].code`, value: x.code }));
      seen.add(x.code);
      sum += x.amount;
    });
    const absent = recipients(level).filter((r) => !seen.has(r.code));
    if (absent.length > 0) add(issue("AGREEMENT_INVALID", "stated-missing", { level, codes: absent.map((r) => r.code) }, { path: `${at}.amounts`, value: absent[0]!.code }));
    if (sum !== amount) add(issue("AGREEMENT_POTS_DO_NOT_SUM", "stated", { sum: String(sum), amount: String(amount) }, { path: `${at}.amounts`, value: String(sum) }));
    return;
  }
  if (level === "skr" || rule.type === "share") return;
  const named = new Map<string, number>();
  rule.exceptions.forEach((e, j) => {
    const id = "code" in e ? `code ${e.code}` : `group ${e.group}`;
    const first = named.get(id);
    if (first !== undefined) add(issue("AGREEMENT_INVALID", "exception-twice", { target: id, first }, { path: `${at}.exceptions[${j}]`, value: "code" in e ? e.code : e.group }));
    else named.set(id, j);
  });
  rule.exceptions.forEach((e, j) => {
    const ep = `${at}.exceptions[${j}]`;
    if ("group" in e && !groupMembers(e.group)) {
      add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "group", { group: e.group, groups: Object.keys(GROUPS) }, { path: `${ep}.group`, value: e.group }));
    }
    if ("code" in e && !getRecipient(level, e.code)) add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "code", { level, code: e.code }, { path: `${ep}.code`, value: e.code }));
  });
  const per = rule.type === "perRecipient" ? rule.amount : rule.base;
  let sum = 0n;
  for (const v of baseAmounts(level, per, rule.exceptions).values()) sum += v;
  if (rule.type === "perRecipient" && sum !== amount) {
    add(issue("AGREEMENT_POTS_DO_NOT_SUM", "per-recipient", { sum: String(sum), amount: String(amount) }, { path: at, value: String(sum) }));
  }
  if (rule.type === "basePlusShare" && sum > amount) {
    add(issue("AGREEMENT_RULE_EXCEEDS_POT", "bases", { sum: String(sum), amount: String(amount) }, { path: `${at}.base`, value: String(rule.base) }));
  }
}

/**
 * The load-time invariants of a validated agreement, as a list of problems (empty when it holds
 * together): pot ids unique; known pots with amount and rule; incomplete pots saying what is
 * missing; split pots whose parts sum to the pot; per-recipient sums equal to their pot; bases
 * within their pot; exceptions naming real codes or groups; rounding levels only where they
 * mean something; pots summing to the total and to the declared level totals.
 *
 * @example
 * ```ts
 * agreementIssues(loadBundledAgreement("2025")); // []
 * ```
 */
export function agreementIssues(a: Agreement): Issue[] {
  const issues: Issue[] = [];
  const add = (i: Issue) => issues.push(i);
  const seen = new Set<string>();
  a.pots.forEach((pot, i) => {
    const at = `pots[${i}]`;
    if (seen.has(pot.id)) add(issue("AGREEMENT_INVALID", "pot-id-twice", { id: pot.id }, { path: `${at}.id`, value: pot.id }));
    seen.add(pot.id);
    if (pot.status === "known" && pot.amount === undefined) add(issue("AGREEMENT_INVALID", "known-needs-amount", {}, { path: `${at}.amount` }));
    if (pot.status === "known" && pot.rule === undefined) add(issue("AGREEMENT_INVALID", "known-needs-rule", {}, { path: `${at}.rule` }));
    if (pot.status === "known" && pot.level === "unknown") add(issue("AGREEMENT_INVALID", "known-needs-level", {}, { path: `${at}.level`, value: pot.level }));
    if (pot.status === "incomplete" && (!pot.missing || pot.missing.length === 0)) {
      add(issue("AGREEMENT_INVALID", "incomplete-needs-missing", {}, { path: `${at}.missing` }));
    }
    if (pot.levels && pot.level !== "split") add(issue("AGREEMENT_INVALID", "levels-not-split", { level: pot.level }, { path: `${at}.levels`, value: pot.level }));
    const rule = pot.rule;
    if (rule?.type === "splitLevels" && pot.level !== "split") {
      add(issue("AGREEMENT_INVALID", "split-rule-level", { level: pot.level }, { path: `${at}.level`, value: pot.level }));
    }
    if (rule && rule.type !== "splitLevels" && pot.level === "split") {
      add(issue("AGREEMENT_INVALID", "split-needs-rule", { type: rule.type }, { path: `${at}.rule.type`, value: rule.type }));
    }
    if (pot.level === "split" && !rule && (!pot.levels || pot.levels.length < 2)) {
      add(issue("AGREEMENT_INVALID", "split-needs-levels", {}, { path: `${at}.levels` }));
    }
    if (pot.roundingLevel === "municipality") {
      const parts = potParts(pot);
      const bad = parts.find((p) => (p.level !== "county" && p.level !== "region") || (p.rule.type !== "share" && p.rule.type !== "basePlusShare"));
      if (bad || (parts.length === 0 && pot.level !== "county" && pot.level !== "region")) {
        add(issue("AGREEMENT_INVALID", "rounding-level", { value: pot.roundingLevel }, { path: `${at}.roundingLevel`, value: pot.roundingLevel }));
      }
    }
    if (!rule || pot.amount === undefined) return;
    if (rule.type === "splitLevels") {
      const sum = rule.parts.reduce((s, p) => s + p.amount, 0n);
      if (sum !== pot.amount) add(issue("AGREEMENT_POTS_DO_NOT_SUM", "parts", { sum: String(sum), amount: String(pot.amount) }, { path: `${at}.rule.parts`, value: String(sum) }));
      const levels = rule.parts.map((p) => p.level);
      const twice = levels.find((l, j) => levels.indexOf(l) !== j);
      if (twice) add(issue("AGREEMENT_INVALID", "split-level-twice", { level: twice }, { path: `${at}.rule.parts`, value: twice }));
    }
    for (const part of potParts(pot)) ruleIssues(part.level, part.amount, part.rule, `${at}.${part.path}`, add);
  });
  const amounts = a.pots.map((p) => p.amount);
  const known = amounts.reduce<bigint>((s, v) => s + (v ?? 0n), 0n);
  if (a.total !== undefined) {
    if (amounts.every((v) => v !== undefined)) {
      if (known !== a.total) add(issue("AGREEMENT_POTS_DO_NOT_SUM", "total", { sum: String(known), total: String(a.total) }, { path: "pots", value: String(known) }));
    } else if (known > a.total) {
      add(issue("AGREEMENT_POTS_DO_NOT_SUM", "known-exceed", { sum: String(known), total: String(a.total) }, { path: "pots", value: String(known) }));
    }
  }
  for (const level of LEVELS) {
    const declared = a.levelTotals?.[level];
    if (declared === undefined) continue;
    let sum = 0n;
    let allKnown = true;
    for (const p of a.pots) {
      const parts = potParts(p).filter((x) => x.level === level);
      if (parts.length > 0) for (const x of parts) sum += x.amount;
      else if (p.level === level && p.amount !== undefined) sum += p.amount;
      else if (p.level === level || p.level === "unknown" || (p.level === "split" && potLevels(p).includes(level))) allKnown = false;
    }
    if (allKnown ? sum !== declared : sum > declared) {
      add(issue("AGREEMENT_LEVEL_TOTAL", "level", { level, sum: String(sum), declared: String(declared) }, { path: `levelTotals.${level}`, value: String(declared) }));
    }
  }
  return issues;
}

/** An agreement in one line: what {@link summarizeAgreement} returns. */
export interface AgreementSummary {
  id: string;
  title: string;
  total: bigint | undefined;
  referenceDate: string | undefined;
  referenceDateInferred: boolean;
  /** `known` when every pot has a known rule, `incomplete` otherwise. */
  status: "known" | "incomplete";
  knownPots: number;
  potCount: number;
  /** The sum of the known pots' amounts. */
  knownAmount: bigint;
  /** Each incomplete pot with what is missing. */
  incompletePots: { id: string; name: string; amount: bigint | null; missing: string[] }[];
}

/**
 * What is known of an agreement: total, reference date, status and the pots still incomplete.
 *
 * @example
 * ```ts
 * summarizeAgreement(loadBundledAgreement("2017")); // { status: "incomplete", knownPots: 5, potCount: 6, … }
 * ```
 */
export function summarizeAgreement(a: Agreement): AgreementSummary {
  const known = a.pots.filter((p) => p.status === "known");
  return {
    id: a.id,
    title: a.title,
    total: a.total,
    referenceDate: a.referenceDate,
    referenceDateInferred: a.inferred?.includes("referensdatum") ?? false,
    status: known.length === a.pots.length ? "known" : "incomplete",
    knownPots: known.length,
    potCount: a.pots.length,
    knownAmount: known.reduce((s, p) => s + (p.amount ?? 0n), 0n),
    incompletePots: a.pots
      .filter((p) => p.status !== "known")
      .map((p) => ({ id: p.id, name: p.name, amount: p.amount ?? null, missing: p.missing ?? [] })),
  };
}

/**
 * The population keys an agreement's known pots use, inside split pots too, in first-use order.
 *
 * @example
 * ```ts
 * agreementKeys(loadBundledAgreement("2025")); // ["0-18", "total"]
 * ```
 */
export function agreementKeys(agreement: Agreement): PopulationKey[] {
  const keys: PopulationKey[] = [];
  for (const pot of agreement.pots) {
    if (pot.status !== "known") continue;
    for (const part of potParts(pot)) if ("key" in part.rule && !keys.includes(part.rule.key)) keys.push(part.rule.key);
  }
  return keys;
}

/** Whether every pot of the agreement is known. */
export function isComplete(a: Agreement): boolean {
  return a.pots.every((p) => p.status === "known");
}
