/**
 * Agreement × population → allocation: the amount of every pot for every recipient, in whole
 * kronor, with the calculation behind each amount, each pot's residue and everything missing.
 */
import { split, type RoundingMode, type RoundingStep, type Tie, type Weighted } from "./apportion.js";
import { AllocationError } from "./errors.js";
import { getRecipient, LEVELS, recipients, type Level, type Recipient } from "./geography/index.js";
import {
  keyCounts,
  levelCounts,
  type KeyCounts,
  type KeyUnavailable,
  type PopulationDataset,
  type PopulationKey,
  type PopulationSource,
} from "./population.js";
import { applicableException, exceptionLabel, isComplete, type Agreement, type Exception, type Pot, type Rule } from "./rules.js";

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
  /** For each line, its recipient's index in `recipients(level)` (-1 if not there). */
  index: readonly number[];
  missing: MissingLine[];
  ties: Tie[];
}

/** Every recipient at a level with its base (the rule's sum, or the exception that applies). */
interface PotBases {
  list: readonly Recipient[];
  bases: bigint[];
  /** The exception label per recipient, when one applies. */
  labels: (string | undefined)[] | undefined;
  sum: bigint;
}

// Same as baseAmounts() plus the exception labels, in one pass over the level's recipients.
function potBases(level: Level, amount: bigint, exceptions: readonly Exception[]): PotBases {
  const list = recipients(level);
  const bases: bigint[] = new Array(list.length);
  let sum = 0n;
  if (exceptions.length === 0) {
    for (let i = 0; i < list.length; i++) bases[i] = amount;
    return { list, bases, labels: undefined, sum: amount * BigInt(list.length) };
  }
  const labels: (string | undefined)[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = applicableException(level, list[i]!.code, exceptions);
    bases[i] = e?.amount ?? amount;
    labels[i] = e ? exceptionLabel(e) : undefined;
    sum += bases[i]!;
  }
  return { list, bases, labels, sum };
}

/** The weights of one key at one level, in the level's code order, and who has none. */
interface LevelWeights {
  items: Weighted[];
  /** Index into `recipients(level)` of each item. */
  index: number[];
  unknown: string[];
}

type KeyResult = KeyCounts | KeyUnavailable;

// Population datasets are immutable, so a key's counts (summed from single-year ages, perhaps)
// and their level sums are computed once per dataset, not once per pot and call. Weak maps let
// a dataset and its derived counts be collected together.
const keyCache = new WeakMap<PopulationDataset, Map<string, KeyResult>>();
const weightCache = new WeakMap<KeyCounts, Partial<Record<Level, LevelWeights>>>();

function cachedKeyCounts(population: PopulationDataset, key: PopulationKey): KeyResult {
  let byKey = keyCache.get(population);
  if (!byKey) keyCache.set(population, (byKey = new Map()));
  let counts = byKey.get(key);
  if (!counts) byKey.set(key, (counts = keyCounts(population, key)));
  return counts;
}

function cachedWeights(counts: KeyCounts, level: Level): LevelWeights {
  let byLevel = weightCache.get(counts);
  if (!byLevel) weightCache.set(counts, (byLevel = {}));
  let w = byLevel[level];
  if (!w) {
    const weights = levelCounts(counts, level);
    w = { items: [], index: [], unknown: [] };
    recipients(level).forEach((r, i) => {
      const weight = weights.get(r.code);
      if (weight === undefined) w!.unknown.push(r.code);
      else {
        w!.items.push({ id: r.code, weight });
        w!.index.push(i);
      }
    });
    byLevel[level] = w;
  }
  return w;
}

function allocatePot(pot: Pot, rule: Rule, amount: bigint, population: PopulationDataset, rounding: RoundingMode, used: Set<KeyResult>): PotOutcome {
  const level = pot.level;
  const line = (r: Recipient, value: bigint, calculation: Calculation): AllocationLine => ({
    pot: pot.id,
    level,
    code: r.code,
    name: r.name,
    amount: value,
    calculation,
  });

  if (rule.type === "fixed") {
    const i = recipients(level).findIndex((r) => r.code === rule.recipient);
    const r = recipients(level)[i] ?? { level, code: rule.recipient, name: rule.recipient, countyCode: null };
    return { lines: [line(r, amount, { rule: "fixed", base: amount })], index: [i], missing: [], ties: [] };
  }
  if (rule.type === "perRecipient") {
    const { list, bases, labels } = potBases(level, rule.amount, rule.exceptions);
    const lines = list.map((r, i) => {
      const calc: Calculation = { rule: "perRecipient", base: bases[i]! };
      const ex = labels?.[i];
      if (ex) calc.exception = ex;
      return line(r, bases[i]!, calc);
    });
    return { lines, index: list.map((_, i) => i), missing: [], ties: [] };
  }

  const { list, bases, labels, sum } = rule.type === "basePlusShare" ? potBases(level, rule.base, rule.exceptions) : potBases(level, 0n, []);
  const shared = amount - sum;

  const counts = cachedKeyCounts(population, rule.key);
  used.add(counts);
  if ("reason" in counts) {
    return { lines: [], index: [], missing: missingFor(pot, list.map((r) => r.code), "KEY_UNAVAILABLE", counts.reason), ties: [] };
  }

  const { items, index, unknown } = cachedWeights(counts, level);
  const missingReason = `${level === "municipality" ? "kommunens" : "länets"} befolkning (${counts.key}) saknas i befolkningsdata`;
  if (unknown.length > 0 && rounding === "largest-remainder") {
    return {
      lines: [],
      index: [],
      missing: missingFor(pot, list.map((r) => r.code), "ROUNDING_NEEDS_ALL", "största-restmetoden kräver befolkning för alla mottagare"),
      ties: [],
    };
  }
  const result = split(shared, items, rounding, unknown.length > 0 ? counts.national : undefined);
  // Every part of one split has the same denominator, so whether it is the declared total is one question.
  const firstDenominator = result.parts[0]?.denominator;
  const denominatorDeclared = counts.declared && firstDenominator === counts.national;
  // A complete level shares by the sum of its recipients, which is the national count unless a
  // declared total differs (e.g. CKM-noised tables); keep the declared one as the denominator then.
  const lines: AllocationLine[] = new Array(result.parts.length);
  for (let k = 0; k < result.parts.length; k++) {
    const p = result.parts[k]!;
    const i = index[k]!;
    const base = bases[i]!;
    const calc: Calculation = {
      rule: rule.type,
      base,
      key: counts.key,
      count: p.weight,
      keyTotal: p.denominator,
      keyTotalDeclared: p.denominator === firstDenominator ? denominatorDeclared : counts.declared && p.denominator === counts.national,
      shared,
      numerator: p.numerator,
      denominator: p.denominator,
      share: p.amount,
      step: p.step,
      rounding,
    };
    const ex = labels?.[i];
    if (ex) calc.exception = ex;
    lines[k] = line(list[i]!, base + p.amount, calc);
  }
  return { lines, index, missing: unknown.length > 0 ? missingFor(pot, unknown, "COUNT_MISSING", missingReason) : [], ties: result.ties };
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

  // The keys this call used, in first-use order, for the mismatch warnings below.
  const used = new Set<KeyResult>();
  const totals = new TotalsBuilder();
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
    const out = allocatePot(pot, pot.rule, pot.amount, population, rounding, used);
    let allocated = 0n;
    for (let k = 0; k < out.lines.length; k++) {
      const l = out.lines[k]!;
      allocated += l.amount;
      totals.add(l, out.index[k]!);
    }
    const complete = out.missing.length === 0;
    for (const l of out.lines) lines.push(l);
    for (const m of out.missing) missing.push(m);
    pots.push({ ...base, allocated, residue: complete ? allocated - pot.amount : null, complete, ties: out.ties, missing: out.missing.length });
  }

  for (const counts of used) {
    if (!("reason" in counts) && counts.mismatch) {
      warnings.push({
        code: "POPULATION_TOTAL_MISMATCH",
        message: `riket ${counts.key}: angiven summa ${counts.mismatch.declared} skiljer sig från kommunernas summa ${counts.mismatch.summed}; den angivna används som nämnare`,
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
    totals: totals.build(lines, missing),
    warnings,
    complete: missing.length === 0 && isComplete(agreement),
  };
}

/**
 * {@link recipientTotals} for allocate(), where each line's place in `recipients(level)` is
 * known: sums into arrays in code order instead of maps, so nothing is looked up or sorted.
 */
class TotalsBuilder {
  private readonly byLevel: Partial<Record<Level, (RecipientTotal | undefined)[]>> = {};
  private general = false;

  add(l: AllocationLine, i: number): void {
    if (i < 0) {
      this.general = true;
      return;
    }
    const acc = (this.byLevel[l.level] ??= []);
    const t = acc[i];
    if (t) t.amount += l.amount;
    else acc[i] = { level: l.level, code: l.code, name: l.name, amount: l.amount, complete: true };
  }

  build(lines: readonly AllocationLine[], missing: readonly MissingLine[]): RecipientTotal[] {
    if (this.general || missing.length > 0) return recipientTotals(lines, missing);
    const out: RecipientTotal[] = [];
    for (const level of LEVELS) {
      const acc = this.byLevel[level];
      if (acc) for (const t of acc) if (t) out.push(t);
    }
    return out;
  }
}

/** Sums each recipient's lines over the pots, in level then code order. */
function recipientTotals(lines: readonly AllocationLine[], missing: readonly MissingLine[]): RecipientTotal[] {
  // One map per level keyed by code: no `level:code` strings to build and hash per line.
  const byLevel = new Map<Level, Map<string, RecipientTotal>>();
  const at = (level: Level, code: string, name: string): RecipientTotal => {
    let m = byLevel.get(level);
    if (!m) byLevel.set(level, (m = new Map()));
    let t = m.get(code);
    if (!t) m.set(code, (t = { level, code, name, amount: 0n, complete: true }));
    return t;
  };
  for (const l of lines) at(l.level, l.code, l.name).amount += l.amount;
  for (const m of missing) at(m.level, m.code, m.name).complete = false;
  const out: RecipientTotal[] = [];
  for (const level of LEVELS) {
    const m = byLevel.get(level);
    if (m) out.push(...[...m.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
  }
  return out;
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
