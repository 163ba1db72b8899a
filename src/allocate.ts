/**
 * Agreement × population → allocation: the amount of every pot for every recipient, in whole
 * kronor, with the calculation behind each amount, each pot's residue and everything missing.
 */
import { split, type RoundingMode, type RoundingStep, type Tie } from "./apportion.js";
import { AllocationError } from "./errors.js";
import { getRecipient, LEVELS, recipients, type Level } from "./geography/index.js";
import {
  keyCounts,
  levelCounts,
  type KeyCounts,
  type PopulationDataset,
  type PopulationKey,
  type PopulationSource,
} from "./population.js";
import { applicableException, baseAmounts, exceptionLabel, isComplete, type Agreement, type Pot, type Rule } from "./rules.js";

/** Options for {@link allocate}. */
export interface AllocateOptions {
  /** Overrides the agreement's rounding mode. */
  rounding?: RoundingMode;
}

/** How one amount was computed: enough to explain it to the krona. */
export interface Calculation {
  rule: Rule["type"];
  /** The fixed part: the per-recipient sum, the base, the whole pot (fixed) or 0 (share). */
  base: bigint;
  /** The exception that set `base`, e.g. `group metropolitan` or `code 0980`. */
  exception?: string;
  /** Population key of the shared part. */
  key?: PopulationKey;
  /** The recipient's count for the key. */
  count?: bigint;
  /** The national count for the key (the denominator of the share). */
  keyTotal?: bigint;
  /** Whether `keyTotal` was declared by the dataset (partial data) rather than summed. */
  keyTotalDeclared?: boolean;
  /** The part of the pot shared by the key (pot minus all bases). */
  shared?: bigint;
  /** The exact share is `numerator / denominator` kronor, i.e. shared × count / keyTotal. */
  numerator?: bigint;
  denominator?: bigint;
  /** The share after rounding. */
  share?: bigint;
  step?: RoundingStep;
  rounding?: RoundingMode;
}

/** One recipient's amount from one pot. */
export interface AllocationLine {
  pot: string;
  level: Level;
  code: string;
  name: string;
  /** Whole kronor. */
  amount: bigint;
  calculation: Calculation;
}

/** Why an amount could not be computed. */
export type MissingReason =
  /** The pot's rule is not known (the agreement is incomplete). */
  | "POT_INCOMPLETE"
  /** The population data has no usable counts for the pot's key. */
  | "KEY_UNAVAILABLE"
  /** The key is known nationally but not for this recipient. */
  | "COUNT_MISSING"
  /** Largest remainder cannot be applied without every recipient's count. */
  | "ROUNDING_NEEDS_ALL";

/** A recipient whose amount from a pot is not known. Never reported as zero. */
export interface MissingLine {
  pot: string;
  level: Level;
  code: string;
  name: string;
  reasonCode: MissingReason;
  /** In Swedish, for people. */
  reason: string;
}

/** The outcome of one pot. */
export interface PotResult {
  id: string;
  name: string;
  level: Level;
  source: string;
  status: Pot["status"];
  /** The pot's amount, when the agreement gives it. */
  amount: bigint | undefined;
  /** The sum of the amounts computed. */
  allocated: bigint;
  /** `allocated − amount` when every recipient was computed; `null` otherwise. */
  residue: bigint | null;
  /** Whether every recipient's amount was computed. */
  complete: boolean;
  rule: Rule | undefined;
  /** Ties broken by code in largest-remainder mode. */
  ties: Tie[];
  /** How many recipients are missing. */
  missing: number;
  /** For incomplete pots: what the agreement does not say. */
  unknown?: string[];
}

/** One recipient's sum over all pots computed for it. */
export interface RecipientTotal {
  level: Level;
  code: string;
  name: string;
  amount: bigint;
  /** False when some pot at this level is missing for the recipient. */
  complete: boolean;
}

/** A problem worth telling that does not stop the allocation. */
export interface AllocationWarning {
  code: "POPULATION_DATE_MISMATCH" | "POPULATION_TOTAL_MISMATCH" | "POPULATION_DERIVED" | "AGREEMENT_INCOMPLETE";
  message: string;
}

/** The result of {@link allocate}. Amounts are bigint kronor. */
export interface Allocation {
  agreement: {
    id: string;
    title: string;
    source: string;
    referenceDate: string | undefined;
    total: bigint;
    complete: boolean;
  };
  population: { referenceDate: string; sources: readonly PopulationSource[] };
  rounding: RoundingMode;
  pots: PotResult[];
  lines: AllocationLine[];
  missing: MissingLine[];
  totals: RecipientTotal[];
  warnings: AllocationWarning[];
  /** True when every pot is known and every amount was computed. */
  complete: boolean;
}

function exceptionFor(pot: Pot, code: string): string | undefined {
  const rule = pot.rule;
  if (!rule || (rule.type !== "perRecipient" && rule.type !== "basePlusShare")) return undefined;
  const e = applicableException(pot.level, code, rule.exceptions);
  return e ? exceptionLabel(e) : undefined;
}

function missingFor(pot: Pot, codes: readonly string[], reasonCode: MissingReason, reason: string): MissingLine[] {
  return codes.map((code) => ({
    pot: pot.id,
    level: pot.level,
    code,
    name: getRecipient(pot.level, code)?.name ?? code,
    reasonCode,
    reason,
  }));
}

interface PotOutcome {
  lines: AllocationLine[];
  missing: MissingLine[];
  ties: Tie[];
}

function allocatePot(pot: Pot, rule: Rule, amount: bigint, population: PopulationDataset, rounding: RoundingMode, keyCache: Map<string, KeyCounts | { reason: string }>): PotOutcome {
  const line = (code: string, value: bigint, calculation: Calculation): AllocationLine => ({
    pot: pot.id,
    level: pot.level,
    code,
    name: getRecipient(pot.level, code)?.name ?? code,
    amount: value,
    calculation,
  });

  if (rule.type === "fixed") {
    return { lines: [line(rule.recipient, amount, { rule: "fixed", base: amount })], missing: [], ties: [] };
  }
  if (rule.type === "perRecipient") {
    const lines = [...baseAmounts(pot.level, rule.amount, rule.exceptions)].map(([code, base]) => {
      const calc: Calculation = { rule: "perRecipient", base };
      const ex = exceptionFor(pot, code);
      if (ex) calc.exception = ex;
      return line(code, base, calc);
    });
    return { lines, missing: [], ties: [] };
  }

  const bases = rule.type === "basePlusShare" ? baseAmounts(pot.level, rule.base, rule.exceptions) : new Map(recipients(pot.level).map((r) => [r.code, 0n]));
  let basesSum = 0n;
  for (const b of bases.values()) basesSum += b;
  const shared = amount - basesSum;
  const all = [...bases.keys()];

  let counts = keyCache.get(rule.key);
  if (!counts) {
    counts = keyCounts(population, rule.key);
    keyCache.set(rule.key, counts);
  }
  if ("reason" in counts) return { lines: [], missing: missingFor(pot, all, "KEY_UNAVAILABLE", counts.reason), ties: [] };

  const weights = levelCounts(counts, pot.level);
  const known = all.filter((c) => weights.has(c));
  const unknown = all.filter((c) => !weights.has(c));
  const missingReason = `${pot.level === "municipality" ? "kommunens" : "länets"} befolkning (${counts.key}) saknas i befolkningsdata`;
  if (unknown.length > 0 && rounding === "largest-remainder") {
    return {
      lines: [],
      missing: missingFor(pot, all, "ROUNDING_NEEDS_ALL", "största-restmetoden kräver befolkning för alla mottagare"),
      ties: [],
    };
  }
  const result = split(
    shared,
    known.map((code) => ({ id: code, weight: weights.get(code)! })),
    rounding,
    unknown.length > 0 ? counts.national : undefined,
  );
  // A complete level shares by the sum of its recipients, so the whole pot is shared; a declared
  // national total that differs (e.g. CKM-noised tables) is reported as a warning, not used.
  const lines = result.parts.map((p) => {
    const base = bases.get(p.id)!;
    const calc: Calculation = {
      rule: rule.type,
      base,
      key: counts.key,
      count: p.weight,
      keyTotal: p.denominator,
      keyTotalDeclared: counts.declared && p.denominator === counts.national,
      shared,
      numerator: p.numerator,
      denominator: p.denominator,
      share: p.amount,
      step: p.step,
      rounding,
    };
    const ex = exceptionFor(pot, p.id);
    if (ex) calc.exception = ex;
    return line(p.id, base + p.amount, calc);
  });
  return { lines, missing: missingFor(pot, unknown, "COUNT_MISSING", missingReason), ties: result.ties };
}

/**
 * Allocates every pot of an agreement to its recipients with the given population.
 *
 * Pots whose rule is unknown, and recipients whose population is missing, are listed in
 * `missing` with the reason — never counted as zero. Each pot's residue (allocated − amount) is
 * reported: with SKR's nearest-per-recipient rounding a pot shared by population may end a few
 * kronor off; with `largest-remainder` it is always zero.
 *
 * @example
 * ```ts
 * import { allocate, parseAgreement } from "stimulansmedel";
 * import { loadBundledAgreement, loadBundledPopulation } from "stimulansmedel/node";
 * const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
 * result.lines.find((l) => l.pot === "4b" && l.code === "20")?.amount; // 7790015n
 * ```
 */
export function allocate(agreement: Agreement, population: PopulationDataset, options: AllocateOptions = {}): Allocation {
  const rounding = options.rounding ?? agreement.rounding;
  if (rounding !== "nearest-per-recipient" && rounding !== "largest-remainder") {
    throw new AllocationError("ALLOCATION_INVALID_INPUT", `unknown rounding mode "${String(rounding)}"`, { value: String(rounding) });
  }
  const warnings: AllocationWarning[] = [];
  if (agreement.referenceDate !== undefined && agreement.referenceDate !== population.referenceDate) {
    warnings.push({
      code: "POPULATION_DATE_MISMATCH",
      message: `överenskommelsen utgår från befolkningen ${agreement.referenceDate}, men befolkningsdata avser ${population.referenceDate}`,
    });
  }
  for (const s of population.sources) {
    if (s.derived) warnings.push({ code: "POPULATION_DERIVED", message: `${s.title}: ${s.note ?? "härledda tal, inte officiell statistik"}` });
  }
  if (!isComplete(agreement)) {
    warnings.push({ code: "AGREEMENT_INCOMPLETE", message: `överenskommelsen ${agreement.id} är ofullständigt känd: pottar utan känd regel beräknas inte` });
  }

  const keyCache = new Map<string, KeyCounts | { reason: string }>();
  const pots: PotResult[] = [];
  const lines: AllocationLine[] = [];
  const missing: MissingLine[] = [];
  for (const pot of agreement.pots) {
    const base: PotResult = {
      id: pot.id,
      name: pot.name,
      level: pot.level,
      source: pot.source,
      status: pot.status,
      amount: pot.amount,
      allocated: 0n,
      residue: null,
      complete: false,
      rule: pot.rule,
      ties: [],
      missing: 0,
    };
    if (pot.status !== "known" || !pot.rule || pot.amount === undefined) {
      const codes = recipients(pot.level).map((r) => r.code);
      const what = pot.missing?.join(", ") ?? "regeln";
      missing.push(...missingFor(pot, codes, "POT_INCOMPLETE", `pottens fördelning är inte känd (saknas: ${what})`));
      pots.push({ ...base, missing: codes.length, ...(pot.missing ? { unknown: pot.missing } : {}) });
      continue;
    }
    const out = allocatePot(pot, pot.rule, pot.amount, population, rounding, keyCache);
    const allocated = out.lines.reduce((s, l) => s + l.amount, 0n);
    const complete = out.missing.length === 0;
    lines.push(...out.lines);
    missing.push(...out.missing);
    pots.push({ ...base, allocated, residue: complete ? allocated - pot.amount : null, complete, ties: out.ties, missing: out.missing.length });
  }

  for (const counts of keyCache.values()) {
    if (!("reason" in counts) && counts.mismatch) {
      warnings.push({
        code: "POPULATION_TOTAL_MISMATCH",
        message: `riket ${counts.key}: angiven summa ${counts.mismatch.declared} skiljer sig från kommunernas summa ${counts.mismatch.summed}; kommunernas summa används som nämnare när alla kommuner finns`,
      });
    }
  }

  return {
    agreement: {
      id: agreement.id,
      title: agreement.title,
      source: agreement.source,
      referenceDate: agreement.referenceDate,
      total: agreement.total,
      complete: isComplete(agreement),
    },
    population: { referenceDate: population.referenceDate, sources: population.sources },
    rounding,
    pots,
    lines,
    missing,
    totals: recipientTotals(lines, missing),
    warnings,
    complete: missing.length === 0 && isComplete(agreement),
  };
}

/** Sums each recipient's lines over the pots, in level then code order. */
function recipientTotals(lines: readonly AllocationLine[], missing: readonly MissingLine[]): RecipientTotal[] {
  const totals = new Map<string, RecipientTotal>();
  for (const l of lines) {
    const k = `${l.level}:${l.code}`;
    const t = totals.get(k) ?? { level: l.level, code: l.code, name: l.name, amount: 0n, complete: true };
    t.amount += l.amount;
    totals.set(k, t);
  }
  for (const m of missing) {
    const k = `${m.level}:${m.code}`;
    const t = totals.get(k) ?? { level: m.level, code: m.code, name: m.name, amount: 0n, complete: false };
    t.complete = false;
    totals.set(k, t);
  }
  return [...totals.values()].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Which recipients to keep in {@link selectAllocation}. */
export interface Selection {
  /** County code: its region, its county line and its municipalities. */
  county?: string;
  /** Municipality code: that municipality only. */
  municipality?: string;
  level?: Level;
  /** Pot ids to keep. */
  pots?: readonly string[];
}

/**
 * Keeps the lines, missing entries and totals that match a selection. Pot results (amount,
 * allocated, residue) stay whole: they describe the pot, not the selection.
 *
 * @example
 * ```ts
 * const dalarna = selectAllocation(result, { county: "20" });
 * dalarna.lines.filter((l) => l.level === "municipality").length; // 15 (given 0–18 counts)
 * ```
 */
export function selectAllocation(allocation: Allocation, selection: Selection): Allocation {
  const keep = (x: { level: Level; code: string; pot?: string }): boolean => {
    if (selection.level && x.level !== selection.level) return false;
    if (selection.pots && x.pot !== undefined && !selection.pots.includes(x.pot)) return false;
    if (selection.municipality && !(x.level === "municipality" && x.code === selection.municipality)) return false;
    if (selection.county) {
      const county = x.level === "municipality" ? x.code.slice(0, 2) : x.level === "skr" ? null : x.code;
      if (county !== selection.county) return false;
    }
    return true;
  };
  const lines = allocation.lines.filter(keep);
  const missing = allocation.missing.filter(keep);
  const pots = selection.pots ? allocation.pots.filter((p) => selection.pots!.includes(p.id)) : allocation.pots;
  return { ...allocation, pots, lines, missing, totals: recipientTotals(lines, missing) };
}
