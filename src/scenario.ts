/**
 * What-if: an agreement with some pot amounts, bases or per-recipient sums changed, without
 * writing a file. The changed agreement is re-validated, and every change — asked for or
 * following from one (the agreement's total, a level total) — is recorded for the output.
 */
import { errorOf, issue, raise, type Issue } from "./errors.js";
import { parseKronor } from "./agreement/kronor.js";
import { agreementIssues, baseAmounts, potParts } from "./agreement/model.js";
import type { Agreement, Pot } from "./rules.js";

/** The fields a what-if can set on a pot. */
export const SCENARIO_FIELDS = ["amount", "base", "perRecipient"] as const;
export type ScenarioField = (typeof SCENARIO_FIELDS)[number];

/** One change asked for: `--set 2.amount=300000000` is `{ pot: "2", field: "amount", value: 300000000n }`. */
export interface ScenarioSet {
  pot: string;
  field: ScenarioField;
  value: bigint;
}

/** One change made to the agreement, asked for or following from one. */
export interface ScenarioChange {
  /** Where: `pots[2].amount`, `pots[2].rule.base`, `total`, `levelTotals.municipality`. */
  path: string;
  /** The pot, for pot changes. */
  pot?: string;
  field: ScenarioField | "total" | "levelTotal";
  from: bigint | null;
  to: bigint;
  /** `set` when asked for; `derived` when it follows from another change. */
  kind: "set" | "derived";
}

/** The result of {@link applyScenario}. */
export interface Scenario {
  agreement: Agreement;
  changes: ScenarioChange[];
}

/**
 * Parses one `POT.FIELD=VALUE` (the pot id is everything before the last dot, so ids may hold
 * dots). VALUE follows the agreement files' rule for kronor: a whole number, or a decimal string
 * whose exact value is whole (`3e8`); no spaces or thousands separators.
 *
 * @throws AgreementError `AGREEMENT_SCENARIO` naming the text.
 * @example
 * ```ts
 * parseScenarioSet("2.amount=300000000"); // { pot: "2", field: "amount", value: 300000000n }
 * ```
 */
export function parseScenarioSet(text: string): ScenarioSet {
  const eq = text.indexOf("=");
  const lhs = eq < 0 ? text : text.slice(0, eq);
  const dot = lhs.lastIndexOf(".");
  if (eq < 0 || dot <= 0) return raise("AGREEMENT_SCENARIO", "form", { text }, { value: text });
  const field = lhs.slice(dot + 1);
  if (!(SCENARIO_FIELDS as readonly string[]).includes(field)) return raise("AGREEMENT_SCENARIO", "field", { text, field }, { value: text });
  const value = parseKronor(text.slice(eq + 1));
  if (value === undefined) return raise("AGREEMENT_SCENARIO", "value", { text, got: JSON.stringify(text.slice(eq + 1)) }, { value: text });
  return { pot: lhs.slice(0, dot), field: field as ScenarioField, value };
}

function clonePot(p: Pot): Pot {
  return structuredClone(p);
}

/**
 * Applies what-if changes to an agreement and re-validates it. Setting a pot's `amount` moves the
 * agreement's total and the pot's level total (when declared) by the same sum; setting a
 * per-recipient sum without the amount sets the pot's amount to the new sum of per-recipient
 * amounts. A base must still fit its pot. Each change is recorded, asked for or derived.
 *
 * @throws AgreementError `AGREEMENT_SCENARIO` for an unknown pot or a field the pot's rule lacks;
 *   the invariant codes (with every problem in `issues`) when the changed agreement breaks one.
 * @example
 * ```ts
 * const { agreement, changes } = applyScenario(loadBundledAgreement("2025"), [
 *   { pot: "2", field: "amount", value: 300_000_000n },
 * ]);
 * agreement.total; // 1610000000n
 * allocate(agreement, population, { scenario: changes });
 * ```
 */
export function applyScenario(agreement: Agreement, sets: readonly ScenarioSet[]): Scenario {
  // Copy on write: only the pots a change touches are cloned; the others (and their rules) stay
  // shared with the original agreement, which is never changed, so allocate() reuses what it has
  // worked out for them.
  const pots = agreement.pots.slice();
  const cloned = new Set<number>();
  const changes: ScenarioChange[] = [];
  const before = new Map(agreement.pots.map((p) => [p.id, p.amount]));
  const amountSet = new Set<string>();
  const perRecipientSet = new Set<string>();
  for (const s of sets) {
    const i = pots.findIndex((p) => p.id === s.pot);
    if (i < 0) {
      raise("AGREEMENT_SCENARIO", "no-pot", { pot: s.pot, agreement: agreement.id, pots: pots.map((p) => p.id) }, { value: s.pot });
    }
    if (!cloned.has(i)) {
      pots[i] = clonePot(pots[i]!);
      cloned.add(i);
    }
    const pot = pots[i]!;
    const rule = pot.rule;
    if (s.field === "amount") {
      changes.push({ path: `pots[${i}].amount`, pot: pot.id, field: "amount", from: pot.amount ?? null, to: s.value, kind: "set" });
      pot.amount = s.value;
      amountSet.add(pot.id);
    } else if (s.field === "base") {
      if (rule?.type !== "basePlusShare") {
        raise("AGREEMENT_SCENARIO", "no-base", { pot: pot.id, rule: rule?.type ?? "unknown" }, { value: s.pot });
      }
      changes.push({ path: `pots[${i}].rule.base`, pot: pot.id, field: "base", from: rule.base, to: s.value, kind: "set" });
      rule.base = s.value;
    } else {
      if (rule?.type !== "perRecipient") {
        raise("AGREEMENT_SCENARIO", "no-per-recipient", { pot: pot.id, rule: rule?.type ?? "unknown" }, { value: s.pot });
      }
      changes.push({ path: `pots[${i}].rule.amount`, pot: pot.id, field: "perRecipient", from: rule.amount, to: s.value, kind: "set" });
      rule.amount = s.value;
      perRecipientSet.add(pot.id);
    }
  }
  pots.forEach((pot, i) => {
    if (!perRecipientSet.has(pot.id) || amountSet.has(pot.id)) return;
    const [part] = potParts(pot);
    if (!part || part.rule.type !== "perRecipient") return;
    // The pot is the sum of what its recipients get, so it follows the per-recipient sum.
    const sum = [...baseAmounts(part.level, part.rule.amount, part.rule.exceptions).values()].reduce((s, v) => s + v, 0n);
    changes.push({ path: `pots[${i}].amount`, pot: pot.id, field: "amount", from: pot.amount ?? null, to: sum, kind: "derived" });
    pot.amount = sum;
  });

  let total = agreement.total;
  const levelTotals = agreement.levelTotals ? { ...agreement.levelTotals } : undefined;
  for (const pot of pots) {
    const from = before.get(pot.id);
    if (pot.amount === from || pot.amount === undefined) continue;
    const delta = pot.amount - (from ?? 0n);
    if (total !== undefined) total += delta;
    if (levelTotals && pot.level !== "split" && pot.level !== "unknown" && levelTotals[pot.level] !== undefined) {
      const was = levelTotals[pot.level]!;
      levelTotals[pot.level] = was + delta;
    }
  }
  if (total !== agreement.total && total !== undefined) {
    changes.push({ path: "total", field: "total", from: agreement.total ?? null, to: total, kind: "derived" });
  }
  if (levelTotals && agreement.levelTotals) {
    for (const [level, v] of Object.entries(levelTotals) as [keyof typeof levelTotals, bigint][]) {
      const was = agreement.levelTotals[level];
      if (was !== undefined && v !== was) changes.push({ path: `levelTotals.${level}`, field: "levelTotal", from: was, to: v, kind: "derived" });
    }
  }
  const changed: Agreement = { ...agreement, pots, ...(total !== undefined ? { total } : {}), ...(levelTotals ? { levelTotals } : {}) };
  const broken: Issue[] = agreementIssues(changed);
  if (broken.length > 0) throw errorOf([issue("AGREEMENT_SCENARIO", "breaks", { problems: broken.length }), ...broken]);
  return { agreement: changed, changes };
}

