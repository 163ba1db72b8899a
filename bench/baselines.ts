/**
 * What the library is measured against: the same allocation written the way a careful newcomer
 * would (decimal.js per cell, a Decimal per division and rounding), dinero.js `allocate` for the
 * plain share pots, and the complete national population the allocation bench runs on.
 *
 * Everything takes the library's public types as input, so the bench can hand it either the
 * built package (dist/) or the sources.
 */
import Decimal from "decimal.js";
import { allocate as dineroAllocate, dinero, SEK, toSnapshot } from "dinero.js/bigint";
import type { Agreement, createPopulation, Exception, Level, mergePopulations, normalizeKey, PopulationDataset, PopulationKey, Recipient } from "../src/index.js";

/** The geography a newcomer would copy into their script: recipients per level and the named groups. */
export interface Geography {
  recipients: (level: Level) => readonly Recipient[];
  groups: Readonly<Record<string, readonly string[]>>;
}

/** Plain inputs for the baselines: counts per municipality as numbers, as read from a file. */
export interface PlainPopulation {
  /** Municipality code → count, per key (`total`, `0-18`). */
  byKey: Record<string, Record<string, number>>;
}

/** One amount computed by a baseline. */
export interface BaselineAmount {
  pot: string;
  level: Level;
  code: string;
  amount: Decimal;
}

/**
 * Turns a complete dataset into plain numbers per municipality (outside any timing).
 *
 * @example
 * ```ts
 * const plain = toPlain(pop, [lib.normalizeKey("total"), lib.normalizeKey("0-18")]);
 * ```
 */
export function toPlain(pop: PopulationDataset, keys: readonly PopulationKey[]): PlainPopulation {
  const byKey: PlainPopulation["byKey"] = {};
  for (const key of keys) {
    const given = pop.counts.get(key);
    if (!given || given.size !== 290) throw new Error(`the baseline needs ${key} for all 290 municipalities`);
    byKey[key] = Object.fromEntries([...given].map(([code, v]) => [code, Number(v)]));
  }
  return { byKey };
}

/**
 * The 2025 agreement computed with decimal.js, one Decimal per cell: each recipient's share is
 * `shared × count ÷ national` as a Decimal, rounded half up to whole kronor, plus its base. County
 * and region counts are summed from the municipalities on every call, as a script would.
 *
 * @example
 * ```ts
 * const amounts = decimalBaseline(agreement, plain, geography);
 * ```
 */
export function decimalBaseline(agreement: Agreement, pop: PlainPopulation, geo: Geography): BaselineAmount[] {
  const out: BaselineAmount[] = [];
  // One pass per pot over the municipalities: counts per recipient at the pot's level, as Decimals.
  const countsAt = (level: Level, key: string): Map<string, Decimal> => {
    const out = new Map<string, Decimal>();
    for (const [m, n] of Object.entries(pop.byKey[key]!)) {
      const code = level === "municipality" ? m : m.slice(0, 2);
      out.set(code, (out.get(code) ?? new Decimal(0)).plus(n));
    }
    return out;
  };
  const baseFor = (level: Level, code: string, amount: bigint, list: readonly Exception[]): Decimal => {
    const byCode = list.find((e) => "code" in e && e.code === code);
    if (byCode) return new Decimal(byCode.amount.toString());
    const county = level === "municipality" ? code.slice(0, 2) : code;
    const byGroup = [...list].reverse().find((e) => "group" in e && (geo.groups[e.group] ?? []).some((g) => g === code || g === county));
    return new Decimal((byGroup ? byGroup.amount : amount).toString());
  };
  for (const pot of agreement.pots) {
    const rule = pot.rule;
    const level = pot.level;
    // The baseline covers the primitives of the 2025 agreement, which is what the bench runs.
    if (!rule || pot.amount === undefined || level === "split" || level === "unknown" || rule.type === "splitLevels") continue;
    const potAmount = new Decimal(pot.amount.toString());
    if (rule.type === "fixed") {
      out.push({ pot: pot.id, level: level, code: rule.recipient, amount: potAmount });
      continue;
    }
    const who = geo.recipients(level);
    if (rule.type === "stated") throw new Error("the decimal.js baseline covers the 2025 rule primitives only");
    if (rule.type === "perRecipient") {
      for (const r of who) out.push({ pot: pot.id, level: level, code: r.code, amount: baseFor(level, r.code, rule.amount, rule.exceptions) });
      continue;
    }
    const bases = who.map((r) => (rule.type === "basePlusShare" ? baseFor(level, r.code, rule.base, rule.exceptions) : new Decimal(0)));
    const shared = bases.reduce((s, b) => s.minus(b), potAmount);
    const counts = countsAt(level, rule.key);
    const national = [...counts.values()].reduce((s, n) => s.plus(n), new Decimal(0));
    who.forEach((r, i) => {
      const share = shared.times(counts.get(r.code)!).dividedBy(national).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      out.push({ pot: pot.id, level: level, code: r.code, amount: bases[i]!.plus(share) });
    });
  }
  return out;
}

/** The pots whose rule is a plain share of the pot by a key, with no bases: what dinero.js can do. */
export const SHARE_POTS = ["3a", "3b", "4b"] as const;

/** Weights per share pot, prepared outside the timing: counts per recipient at the pot's level. */
export interface SharePotInput {
  pot: string;
  amount: bigint;
  codes: string[];
  weights: bigint[];
}

/**
 * The share pots' amounts and level weights from a complete dataset.
 *
 * @example
 * ```ts
 * const inputs = sharePotInputs(agreement, plain, geography);
 * ```
 */
export function sharePotInputs(agreement: Agreement, pop: PlainPopulation, geo: Geography): SharePotInput[] {
  return agreement.pots
    .filter((p) => (SHARE_POTS as readonly string[]).includes(p.id) && p.rule?.type === "share" && p.amount !== undefined)
    .map((p) => {
      const key = (p.rule as { key: string }).key;
      const codes = geo.recipients(p.level as Level).map((r) => r.code); // share pots have one level
      const weights = codes.map((code) => {
        let s = 0n;
        for (const [m, n] of Object.entries(pop.byKey[key]!)) if (m.slice(0, 2) === code) s += BigInt(n);
        return s;
      });
      return { pot: p.id, amount: p.amount!, codes, weights };
    });
}

/**
 * dinero.js `allocate` over the share pots. Its remainder policy is not SKR's (it hands the
 * leftover units out in its own order instead of rounding each share half up), so only the time
 * is comparable, not the amounts.
 *
 * @example
 * ```ts
 * dineroSharePots(inputs); // bigint kronor per pot, per recipient
 * ```
 */
export function dineroSharePots(inputs: readonly SharePotInput[]): bigint[][] {
  return inputs.map((p) => dineroAllocate(dinero({ amount: p.amount, currency: SEK, scale: 0n }), p.weights).map((d) => toSnapshot(d).amount));
}

/** The library functions {@link completePopulation} needs (from dist or src). */
export interface PopulationLib {
  createPopulation: typeof createPopulation;
  mergePopulations: typeof mergePopulations;
  normalizeKey: typeof normalizeKey;
}

/**
 * A complete national population for the 2025 agreement: the 1 November 2024 totals plus ages
 * 0–18 summed from the single-year ages of 31 December 2019, merged as one dataset dated
 * 2024-11-01. The bundled 2024-11-01 data has 0–18 only for Dalarna, so this is what lets the
 * bench run every pot for every recipient. Not official 2024 figures for 0–18.
 *
 * @example
 * ```ts
 * const pop = completePopulation(lib, loadBundledPopulation("2024-11-01"), loadBundledPopulation("2019-12-31"));
 * ```
 */
export function completePopulation(lib: PopulationLib, totals2024: PopulationDataset, ages2019: PopulationDataset): PopulationDataset {
  const total = totals2024.counts.get(lib.normalizeKey("total"));
  if (!total || total.size !== 290) throw new Error("the 2024-11-01 totals must cover all 290 municipalities");
  const young: Record<string, bigint> = {};
  for (const [code, v] of ages2019.ages) {
    let s = 0n;
    for (let a = 0; a <= 18; a++) s += v[a] ?? 0n;
    young[code] = s;
  }
  if (Object.keys(young).length !== 290) throw new Error("the 2019 single-year ages must cover all 290 municipalities");
  const referenceDate = totals2024.referenceDate;
  return lib.mergePopulations(
    lib.createPopulation({ referenceDate, counts: { total: Object.fromEntries(total) }, sources: totals2024.sources.filter((s) => !s.derived) }),
    lib.createPopulation({
      referenceDate,
      counts: { "0-18": young },
      sources: [{ title: "0–18 år summerat ur SCB:s ettårsklasser 31 december 2019 (bänkdata, inte 2024 års siffror)", derived: true }],
    }),
  );
}
