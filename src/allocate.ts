/**
 * Agreement × population → allocation: the amount of every pot for every recipient, in whole
 * kronor, with the calculation behind each amount, each pot's residue and everything missing.
 */
import { split, type RoundingMode, type RoundingStep, type Tie } from "./apportion.js";
import { AllocationError } from "./errors.js";
import { getCounty, getRecipient, LEVELS, recipients, type Level } from "./geography/index.js";
import {
  keyCounts,
  levelCounts,
  type KeyCounts,
  type PopulationDataset,
  type PopulationKey,
  type PopulationSource,
} from "./population.js";
import {
  applicableException,
  baseAmounts,
  exceptionLabel,
  isComplete,
  potLevels,
  potParts,
  type Agreement,
  type LevelRule,
  type Pot,
  type PotLevel,
  type RoundingLevel,
  type Rule,
} from "./rules.js";
import type { ScenarioChange } from "./scenario.js";

/** Options for {@link allocate}. */
export interface AllocateOptions {
  /** Overrides the agreement's rounding mode. */
  rounding?: RoundingMode;
  /** The what-if changes behind the agreement (from {@link applyScenario}), recorded in the result. */
  scenario?: readonly ScenarioChange[];
}

/** One municipality's rounded part of a county or region amount under `roundingLevel: "municipality"`. */
export interface MunicipalPart {
  code: string;
  name: string;
  count: bigint;
  /** The exact part is `numerator / denominator` kronor. */
  numerator: bigint;
  denominator: bigint;
  amount: bigint;
  step: RoundingStep;
}

/** How one amount was computed: enough to explain it to the krona. */
export interface Calculation {
  rule: LevelRule["type"];
  /** Set when the line is one level's part of a pot split between levels. */
  splitPart?: { level: Level; amount: bigint };
  /** Where the shared part was rounded: per recipient (default) or per municipality, then summed. */
  roundingLevel?: RoundingLevel;
  /** With `roundingLevel: "municipality"`: each municipality's rounded part, summed into `share`. */
  municipalities?: MunicipalPart[];
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
  /** The pot's level; `split` for a pot split between levels, `unknown` when the sources do not say. */
  level: PotLevel;
  /** The levels the pot pays to (several for a split pot, none when unknown). */
  levels: Level[];
  /** Each level's part of a split pot, with its own residue. */
  parts?: { level: Level; amount: bigint; allocated: bigint; residue: bigint | null; complete: boolean }[];
  roundingLevel: RoundingLevel;
  /** What the agreement file marks as inferred rather than stated. */
  inferred?: string[];
  note?: string;
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
    /** Undefined when no source states the total. */
    total: bigint | undefined;
    /** Whether every pot of the agreement is known. */
    complete: boolean;
    /** How many pots are known, of how many. */
    knownPots: number;
    potCount: number;
    inferred?: string[];
  };
  /** Set when the agreement was changed by a what-if ({@link applyScenario}). */
  scenario?: { changes: readonly ScenarioChange[] };
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

function exceptionFor(level: Level, rule: LevelRule, code: string): string | undefined {
  if (rule.type !== "perRecipient" && rule.type !== "basePlusShare") return undefined;
  const e = applicableException(level, code, rule.exceptions);
  return e ? exceptionLabel(e) : undefined;
}

function missingFor(pot: Pot, level: Level, codes: readonly string[], reasonCode: MissingReason, reason: string): MissingLine[] {
  return codes.map((code) => ({
    pot: pot.id,
    level,
    code,
    name: getRecipient(level, code)?.name ?? code,
    reasonCode,
    reason,
  }));
}

interface PotOutcome {
  lines: AllocationLine[];
  missing: MissingLine[];
  ties: Tie[];
}

type KeyCache = Map<string, KeyCounts | { reason: string }>;

// Datasets are immutable, so a key's counts and a level's weights are computed once per dataset
// and reused by every allocation on it (scenario runs allocate the same population many times).
const datasetKeys = new WeakMap<PopulationDataset, KeyCache>();
const levelWeights = new WeakMap<KeyCounts, Map<Level, Map<string, bigint>>>();

function countsFor(population: PopulationDataset, key: PopulationKey, cache: KeyCache): KeyCounts | { reason: string } {
  let shared = datasetKeys.get(population);
  if (!shared) datasetKeys.set(population, (shared = new Map()));
  let counts = shared.get(key);
  if (!counts) {
    counts = keyCounts(population, key);
    shared.set(key, counts);
  }
  cache.set(key, counts);
  return counts;
}

// Rules are parsed once and not changed (a scenario makes new rule objects), so each rule's bases
// per level are worked out once.
const ruleBases = new WeakMap<object, Map<string, Map<string, bigint>>>();

function basesFor(rule: Rule, level: Level, amount: bigint): Map<string, bigint> {
  let byLevel = ruleBases.get(rule);
  if (!byLevel) ruleBases.set(rule, (byLevel = new Map()));
  const k = `${level}:${amount}`;
  let bases = byLevel.get(k);
  if (!bases) {
    const exceptions = "exceptions" in rule ? rule.exceptions : [];
    byLevel.set(k, (bases = baseAmounts(level, amount, exceptions)));
  }
  return bases;
}

function weightsFor(counts: KeyCounts, level: Level): Map<string, bigint> {
  let byLevel = levelWeights.get(counts);
  if (!byLevel) levelWeights.set(counts, (byLevel = new Map()));
  let weights = byLevel.get(level);
  if (!weights) byLevel.set(level, (weights = levelCounts(counts, level)));
  return weights;
}

/** One level's amount of a pot (the whole pot, or one part of a split pot) split by its rule. */
function allocatePart(
  pot: Pot,
  level: Level,
  rule: LevelRule,
  amount: bigint,
  population: PopulationDataset,
  rounding: RoundingMode,
  keyCache: KeyCache,
  splitPart: boolean,
): PotOutcome {
  const line = (code: string, value: bigint, calculation: Calculation): AllocationLine => {
    if (splitPart) calculation.splitPart = { level, amount };
    return { pot: pot.id, level, code, name: getRecipient(level, code)?.name ?? code, amount: value, calculation };
  };

  if (rule.type === "fixed") {
    return { lines: [line(rule.recipient, amount, { rule: "fixed", base: amount })], missing: [], ties: [] };
  }
  if (rule.type === "perRecipient") {
    const lines = [...basesFor(rule, level, rule.amount)].map(([code, base]) => {
      const calc: Calculation = { rule: "perRecipient", base };
      const ex = exceptionFor(level, rule, code);
      if (ex) calc.exception = ex;
      return line(code, base, calc);
    });
    return { lines, missing: [], ties: [] };
  }

  const bases = basesFor(rule, level, rule.type === "basePlusShare" ? rule.base : 0n);
  let basesSum = 0n;
  for (const b of bases.values()) basesSum += b;
  const shared = amount - basesSum;
  const all = [...bases.keys()];

  const counts = countsFor(population, rule.key, keyCache);
  if ("reason" in counts) return { lines: [], missing: missingFor(pot, level, all, "KEY_UNAVAILABLE", counts.reason), ties: [] };

  const weights = weightsFor(counts, level);
  const known = all.filter((c) => weights.has(c));
  const unknown = all.filter((c) => !weights.has(c));
  const missingReason = `${level === "municipality" ? "kommunens" : "länets"} befolkning (${counts.key}) saknas i befolkningsdata`;
  if (unknown.length > 0 && rounding === "largest-remainder") {
    return {
      lines: [],
      missing: missingFor(pot, level, all, "ROUNDING_NEEDS_ALL", "största-restmetoden kräver befolkning för alla mottagare"),
      ties: [],
    };
  }
  const byMunicipality = pot.roundingLevel === "municipality" && level !== "municipality";
  // Rounding per municipality: the shared part is split over the municipalities, each part rounded
  // on its own, and a county's share is the sum of its municipalities' rounded parts.
  const items = byMunicipality
    ? [...counts.byMunicipality].map(([id, weight]) => ({ id, weight }))
    : known.map((code) => ({ id: code, weight: weights.get(code)! }));
  const result = split(shared, items, rounding, unknown.length > 0 || counts.missing.length > 0 ? counts.national : undefined);
  // A complete level shares by the sum of its recipients, so the whole pot is shared; a declared
  // national total that differs (e.g. CKM-noised tables) is reported as a warning, not used.
  const partOf = new Map(result.parts.map((p) => [p.id, p]));
  const lines = known.map((code) => {
    const base = bases.get(code)!;
    const count = weights.get(code)!;
    const calc: Calculation = { rule: rule.type, base, key: counts.key, count, shared, rounding };
    if (byMunicipality) {
      const municipalities: MunicipalPart[] = getCounty(code).municipalityCodes.map((m) => {
        const p = partOf.get(m)!;
        return { code: m, name: getRecipient("municipality", m)?.name ?? m, count: p.weight, numerator: p.numerator, denominator: p.denominator, amount: p.amount, step: p.step };
      });
      const denominator = municipalities[0]?.denominator ?? counts.national;
      calc.keyTotal = denominator;
      calc.keyTotalDeclared = counts.declared && denominator === counts.national;
      calc.numerator = shared * count;
      calc.denominator = denominator;
      calc.share = municipalities.reduce((s, m) => s + m.amount, 0n);
      calc.roundingLevel = "municipality";
      calc.municipalities = municipalities;
    } else {
      const p = partOf.get(code)!;
      calc.keyTotal = p.denominator;
      calc.keyTotalDeclared = counts.declared && p.denominator === counts.national;
      calc.numerator = p.numerator;
      calc.denominator = p.denominator;
      calc.share = p.amount;
      calc.step = p.step;
    }
    const ex = exceptionFor(level, rule, code);
    if (ex) calc.exception = ex;
    return line(code, base + calc.share!, calc);
  });
  return { lines, missing: missingFor(pot, level, unknown, "COUNT_MISSING", missingReason), ties: result.ties };
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
  const knownPots = agreement.pots.filter((p) => p.status === "known").length;
  if (!isComplete(agreement)) {
    const open = agreement.pots.filter((p) => p.status !== "known").map((p) => p.id);
    warnings.push({
      code: "AGREEMENT_INCOMPLETE",
      message: `överenskommelsen ${agreement.id} är ofullständigt känd: ${knownPots} av ${agreement.pots.length} pottar har känd regel; pott ${open.join(", ")} beräknas inte`,
    });
  }
  for (const pot of agreement.pots) {
    if (pot.referenceDate !== undefined && pot.referenceDate !== population.referenceDate && pot.status === "known") {
      warnings.push({
        code: "POPULATION_DATE_MISMATCH",
        message: `pott ${pot.id} utgår från befolkningen ${pot.referenceDate}, men befolkningsdata avser ${population.referenceDate}`,
      });
    }
  }

  const keyCache: KeyCache = new Map();
  const pots: PotResult[] = [];
  const lines: AllocationLine[] = [];
  const missing: MissingLine[] = [];
  for (const pot of agreement.pots) {
    const base: PotResult = {
      id: pot.id,
      name: pot.name,
      level: pot.level,
      levels: potLevels(pot),
      roundingLevel: pot.roundingLevel ?? "recipient",
      source: pot.source,
      status: pot.status,
      amount: pot.amount,
      allocated: 0n,
      residue: null,
      complete: false,
      rule: pot.rule,
      ties: [],
      missing: 0,
      ...(pot.inferred ? { inferred: pot.inferred } : {}),
      ...(pot.note !== undefined ? { note: pot.note } : {}),
    };
    const parts = pot.status === "known" ? potParts(pot) : [];
    if (parts.length === 0) {
      const what = pot.missing?.join(", ") ?? "regeln";
      const open = base.levels.flatMap((level) =>
        missingFor(
          pot,
          level,
          recipients(level).map((r) => r.code),
          "POT_INCOMPLETE",
          `pottens fördelning är inte känd (saknas: ${what})`,
        ),
      );
      missing.push(...open);
      pots.push({ ...base, missing: open.length, ...(pot.missing ? { unknown: pot.missing } : {}) });
      continue;
    }
    const outcomes = parts.map((part) => ({
      part,
      out: allocatePart(pot, part.level, part.rule, part.amount, population, rounding, keyCache, pot.rule?.type === "splitLevels"),
    }));
    let allocated = 0n;
    const ties: Tie[] = [];
    let missingCount = 0;
    for (const { out } of outcomes) {
      lines.push(...out.lines);
      missing.push(...out.missing);
      ties.push(...out.ties);
      allocated += out.lines.reduce((s, l) => s + l.amount, 0n);
      missingCount += out.missing.length;
    }
    const complete = missingCount === 0;
    const result: PotResult = { ...base, allocated, residue: complete ? allocated - pot.amount! : null, complete, ties, missing: missingCount };
    if (pot.rule?.type === "splitLevels") {
      result.parts = outcomes.map(({ part, out }) => {
        const sum = out.lines.reduce((s, l) => s + l.amount, 0n);
        return { level: part.level, amount: part.amount, allocated: sum, residue: out.missing.length === 0 ? sum - part.amount : null, complete: out.missing.length === 0 };
      });
    }
    pots.push(result);
  }

  for (const counts of keyCache.values()) {
    if (!("reason" in counts) && counts.mismatch) {
      warnings.push({
        code: "POPULATION_TOTAL_MISMATCH",
        message: `riket ${counts.key}: angiven summa ${counts.mismatch.declared} skiljer sig från kommunernas summa ${counts.mismatch.summed}; kommunernas summa används som nämnare när alla kommuner finns`,
      });
    }
  }

  const out: Allocation = {
    agreement: {
      id: agreement.id,
      title: agreement.title,
      source: agreement.source,
      referenceDate: agreement.referenceDate,
      total: agreement.total,
      complete: isComplete(agreement),
      knownPots,
      potCount: agreement.pots.length,
      ...(agreement.inferred ? { inferred: agreement.inferred } : {}),
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
  if (options.scenario && options.scenario.length > 0) out.scenario = { changes: options.scenario };
  return out;
}

/** Sums each recipient's lines over the pots, in level then code order. */
function recipientTotals(lines: readonly AllocationLine[], missing: readonly MissingLine[]): RecipientTotal[] {
  const byLevel = new Map<Level, Map<string, RecipientTotal>>(LEVELS.map((l) => [l, new Map()]));
  for (const l of lines) {
    const level = byLevel.get(l.level)!;
    const t = level.get(l.code);
    if (t) t.amount += l.amount;
    else level.set(l.code, { level: l.level, code: l.code, name: l.name, amount: l.amount, complete: true });
  }
  for (const m of missing) {
    const level = byLevel.get(m.level)!;
    const t = level.get(m.code);
    if (t) t.complete = false;
    else level.set(m.code, { level: m.level, code: m.code, name: m.name, amount: 0n, complete: false });
  }
  // Geography lists recipients in code order, so walking it orders the totals without a sort.
  const out: RecipientTotal[] = [];
  for (const level of LEVELS) {
    const found = byLevel.get(level)!;
    for (const r of recipients(level)) {
      const t = found.get(r.code);
      if (t) out.push(t);
    }
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
