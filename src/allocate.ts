/**
 * Agreement × population → allocation: the amount of every pot for every recipient, in whole
 * kronor, with the calculation behind each amount, each pot's residue and everything missing.
 */
import { prepareWeights, splitPrepared, type PreparedWeights, type RoundingMode, type RoundingStep, type Split, type Tie, type Weighted } from "./apportion.js";
import { AllocationError } from "./errors.js";
import { getCounty, LEVELS, recipients, type Level } from "./geography/index.js";
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
  exceptionLabel,
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

/** A level's recipients in code order, with names and positions: geography is fixed, so built once. */
interface LevelIndex {
  codes: readonly string[];
  names: readonly string[];
  position: ReadonlyMap<string, number>;
}

const levelIndexes = new Map<Level, LevelIndex>();

function levelIndex(level: Level): LevelIndex {
  let ix = levelIndexes.get(level);
  if (!ix) {
    const rs = recipients(level);
    const codes = rs.map((r) => r.code);
    ix = { codes, names: rs.map((r) => r.name), position: new Map(codes.map((c, i) => [c, i])) };
    levelIndexes.set(level, ix);
  }
  return ix;
}

/** One level's running totals: amount and state per position (bit 1: has an amount, bit 2: has a missing one). */
interface LevelTotals {
  amounts: bigint[];
  state: Uint8Array;
}

/**
 * Each recipient's running total over the pots, by level and position in code order. Positions
 * rather than codes keep allocate() from looking up every line a second time.
 */
class TotalsBuilder {
  private readonly levels = new Map<Level, LevelTotals>();

  /** The accumulator of one level, made on first use. */
  at(level: Level): LevelTotals {
    let t = this.levels.get(level);
    if (!t) {
      const n = levelIndex(level).codes.length;
      this.levels.set(level, (t = { amounts: new Array<bigint>(n).fill(0n), state: new Uint8Array(n) }));
    }
    return t;
  }

  /** Adds lines and missing entries found by code (codes outside the geography are left out). */
  addAll(lines: readonly AllocationLine[], missing: readonly MissingLine[]): this {
    for (const l of lines) {
      const i = levelIndex(l.level).position.get(l.code);
      if (i === undefined) continue;
      const t = this.at(l.level);
      t.amounts[i] = t.amounts[i]! + l.amount;
      t.state[i]! |= 1;
    }
    for (const m of missing) {
      const i = levelIndex(m.level).position.get(m.code);
      if (i !== undefined) this.at(m.level).state[i]! |= 2;
    }
    return this;
  }

  /** The totals in level, then code order; a recipient with any missing amount is incomplete. */
  build(): RecipientTotal[] {
    const out: RecipientTotal[] = [];
    for (const level of LEVELS) {
      const t = this.levels.get(level);
      if (!t) continue;
      const { codes, names } = levelIndex(level);
      for (let i = 0; i < t.state.length; i++) {
        const state = t.state[i]!;
        if (state) out.push({ level, code: codes[i]!, name: names[i]!, amount: t.amounts[i]!, complete: (state & 2) === 0 });
      }
    }
    return out;
  }
}

type KeyCache = Map<string, KeyCounts | { reason: string }>;

/** A key's counts at one level, by position, with the split inputs for the recipients that have one. */
interface LevelWeights {
  /** Positions with a count, in code order; `weights.items[j]` is position `known[j]`. */
  known: number[];
  /** The split inputs of the positions with a count, checked once. */
  weights: PreparedWeights;
  /** Position → index in `weights.items`, or −1. */
  itemOf: Int32Array;
  /** Positions without a count. */
  unknown: number[];
}

// Datasets are immutable, so a key's counts and a level's weights are computed once per dataset
// and reused by every allocation on it (scenario runs allocate the same population many times).
const datasetKeys = new WeakMap<PopulationDataset, KeyCache>();
const levelWeights = new WeakMap<KeyCounts, Map<Level, LevelWeights>>();

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

function weightsFor(counts: KeyCounts, level: Level): LevelWeights {
  let byLevel = levelWeights.get(counts);
  if (!byLevel) levelWeights.set(counts, (byLevel = new Map()));
  let w = byLevel.get(level);
  if (!w) {
    const given = levelCounts(counts, level);
    const { codes } = levelIndex(level);
    const known: number[] = [];
    const unknown: number[] = [];
    const itemOf = new Int32Array(codes.length).fill(-1);
    const items: Weighted[] = [];
    for (let i = 0; i < codes.length; i++) {
      const weight = given.get(codes[i]!);
      if (weight === undefined) unknown.push(i);
      else {
        itemOf[i] = items.length;
        known.push(i);
        items.push({ id: codes[i]!, weight });
      }
    }
    w = { known, weights: prepareWeights(items), itemOf, unknown };
    byLevel.set(level, w);
  }
  return w;
}

/** What every recipient at a level gets before any share, by position, and the exception behind it. */
interface LevelBases {
  bases: bigint[];
  sum: bigint;
  exceptions: (string | undefined)[];
}

// Rules are parsed once and not changed (a scenario makes new rule objects), so each rule's bases
// per level are worked out once.
const ruleBases = new WeakMap<object, Map<Level, Map<bigint, LevelBases>>>();

function basesFor(rule: LevelRule, level: Level, amount: bigint): LevelBases {
  let byLevel = ruleBases.get(rule);
  if (!byLevel) ruleBases.set(rule, (byLevel = new Map()));
  let byAmount = byLevel.get(level);
  if (!byAmount) byLevel.set(level, (byAmount = new Map()));
  let b = byAmount.get(amount);
  if (!b) {
    const exceptions = rule.type === "perRecipient" || rule.type === "basePlusShare" ? rule.exceptions : [];
    b = { bases: [], sum: 0n, exceptions: [] };
    for (const code of levelIndex(level).codes) {
      const e = applicableException(level, code, exceptions);
      const base = e?.amount ?? amount;
      b.bases.push(base);
      b.sum += base;
      b.exceptions.push(e ? exceptionLabel(e) : undefined);
    }
    byAmount.set(amount, b);
  }
  return b;
}

/** Where one level's part of a pot writes its lines, missing entries and totals. */
interface Sink {
  lines: AllocationLine[];
  missing: MissingLine[];
  totals: TotalsBuilder;
}

/** What one level's part of a pot came to. */
interface PartOutcome {
  allocated: bigint;
  missing: number;
  ties: Tie[];
}

function addMissing(sink: Sink, pot: Pot, level: Level, positions: Iterable<number>, reasonCode: MissingReason, reason: string): number {
  const { codes, names } = levelIndex(level);
  const totals = sink.totals.at(level);
  let n = 0;
  for (const i of positions) {
    sink.missing.push({ pot: pot.id, level, code: codes[i]!, name: names[i]!, reasonCode, reason });
    totals.state[i]! |= 2;
    n++;
  }
  return n;
}

const everyPosition = (level: Level): number[] => levelIndex(level).codes.map((_, i) => i);

/** A county's municipalities' rounded parts of a split made over all municipalities. */
function municipalParts(county: string, shared: bigint, result: Split, municipal: LevelWeights): MunicipalPart[] {
  const { names, position } = levelIndex("municipality");
  return getCounty(county).municipalityCodes.map((m) => {
    const at = position.get(m)!;
    const k = municipal.itemOf[at]!;
    const count = municipal.weights.items[k]!.weight;
    return { code: m, name: names[at]!, count, numerator: shared * count, denominator: result.denominator, amount: result.amounts[k]!, step: result.steps[k]! };
  });
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
  sink: Sink,
): PartOutcome {
  const { codes, names, position } = levelIndex(level);
  const splitOf = splitPart ? { level, amount } : undefined;
  const totals = sink.totals.at(level);
  const emit = (i: number, value: bigint, calculation: Calculation): void => {
    if (splitOf) calculation.splitPart = splitOf;
    sink.lines.push({ pot: pot.id, level, code: codes[i]!, name: names[i]!, amount: value, calculation });
    totals.amounts[i] = totals.amounts[i]! + value;
    totals.state[i]! |= 1;
  };

  if (rule.type === "fixed") {
    emit(position.get(rule.recipient)!, amount, { rule: "fixed", base: amount });
    return { allocated: amount, missing: 0, ties: [] };
  }
  const { bases, sum: basesSum, exceptions } = basesFor(rule, level, rule.type === "basePlusShare" ? rule.base : rule.type === "perRecipient" ? rule.amount : 0n);
  if (rule.type === "perRecipient") {
    for (let i = 0; i < codes.length; i++) {
      const calc: Calculation = { rule: "perRecipient", base: bases[i]! };
      if (exceptions[i] !== undefined) calc.exception = exceptions[i];
      emit(i, bases[i]!, calc);
    }
    return { allocated: basesSum, missing: 0, ties: [] };
  }

  const shared = amount - basesSum;
  const counts = countsFor(population, rule.key, keyCache);
  if ("reason" in counts) return { allocated: 0n, missing: addMissing(sink, pot, level, everyPosition(level), "KEY_UNAVAILABLE", counts.reason), ties: [] };

  const weights = weightsFor(counts, level);
  if (weights.unknown.length > 0 && rounding === "largest-remainder") {
    const reason = "största-restmetoden kräver befolkning för alla mottagare";
    return { allocated: 0n, missing: addMissing(sink, pot, level, everyPosition(level), "ROUNDING_NEEDS_ALL", reason), ties: [] };
  }
  // A complete level shares by the sum of its recipients, so the whole pot is shared; a declared
  // national total that differs (e.g. CKM-noised tables) is reported as a warning, not used.
  const declaredDenominator = weights.unknown.length > 0 || counts.missing.length > 0 ? counts.national : undefined;
  // Rounding per municipality: the shared part is split over the municipalities, each part rounded
  // on its own, and a county's share is the sum of its municipalities' rounded parts.
  const byMunicipality = pot.roundingLevel === "municipality" && level !== "municipality";
  const municipal = byMunicipality ? weightsFor(counts, "municipality") : weights;
  const result = splitPrepared(shared, municipal.weights, rounding, declaredDenominator);
  const den = result.denominator;
  const keyTotalDeclared = counts.declared && den === counts.national;
  const { key } = counts;
  const type = rule.type;
  let allocated = 0n;
  for (let j = 0; j < weights.known.length; j++) {
    const i = weights.known[j]!;
    const base = bases[i]!;
    const count = weights.weights.items[j]!.weight;
    const numerator = shared * count;
    let calc: Calculation;
    if (byMunicipality) {
      const municipalities = municipalParts(codes[i]!, shared, result, municipal);
      const share = municipalities.reduce((s, m) => s + m.amount, 0n);
      calc = { rule: type, base, key, count, shared, rounding, keyTotal: den, keyTotalDeclared, numerator, denominator: den, share, roundingLevel: "municipality", municipalities };
    } else {
      // One literal with every field, so that all lines share one object shape.
      calc = { rule: type, base, key, count, shared, rounding, keyTotal: den, keyTotalDeclared, numerator, denominator: den, share: result.amounts[j]!, step: result.steps[j]! };
    }
    if (exceptions[i] !== undefined) calc.exception = exceptions[i];
    const value = base + calc.share!;
    allocated += value;
    emit(i, value, calc);
  }
  const reason = `${level === "municipality" ? "kommunens" : "länets"} befolkning (${counts.key}) saknas i befolkningsdata`;
  return { allocated, missing: addMissing(sink, pot, level, weights.unknown, "COUNT_MISSING", reason), ties: result.ties };
}

function potResult(pot: Pot, levels: Level[], allocated: bigint, residue: bigint | null, complete: boolean, ties: Tie[], missing: number): PotResult {
  const r: PotResult = {
    id: pot.id,
    name: pot.name,
    level: pot.level,
    levels,
    roundingLevel: pot.roundingLevel ?? "recipient",
    source: pot.source,
    status: pot.status,
    amount: pot.amount,
    allocated,
    residue,
    complete,
    rule: pot.rule,
    ties,
    missing,
  };
  if (pot.inferred) r.inferred = pot.inferred;
  if (pot.note !== undefined) r.note = pot.note;
  return r;
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
  const agreementComplete = knownPots === agreement.pots.length;
  if (!agreementComplete) {
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
  const sink: Sink = { lines: [], missing: [], totals: new TotalsBuilder() };
  for (const pot of agreement.pots) {
    const parts = pot.status === "known" ? potParts(pot) : [];
    if (parts.length === 0) {
      const reason = `pottens fördelning är inte känd (saknas: ${pot.missing?.join(", ") ?? "regeln"})`;
      const levels = potLevels(pot);
      let open = 0;
      for (const level of levels) open += addMissing(sink, pot, level, everyPosition(level), "POT_INCOMPLETE", reason);
      const result = potResult(pot, levels, 0n, null, false, [], open);
      if (pot.missing) result.unknown = pot.missing;
      pots.push(result);
      continue;
    }
    const isSplit = pot.rule?.type === "splitLevels";
    const outcomes = parts.map((part) => allocatePart(pot, part.level, part.rule, part.amount, population, rounding, keyCache, isSplit, sink));
    let allocated = 0n;
    let missingCount = 0;
    const ties: Tie[] = [];
    for (const out of outcomes) {
      allocated += out.allocated;
      missingCount += out.missing;
      ties.push(...out.ties);
    }
    const complete = missingCount === 0;
    const result = potResult(pot, potLevels(pot), allocated, complete ? allocated - pot.amount! : null, complete, ties, missingCount);
    if (isSplit) {
      result.parts = outcomes.map((out, j) => {
        const part = parts[j]!;
        const done = out.missing === 0;
        return { level: part.level, amount: part.amount, allocated: out.allocated, residue: done ? out.allocated - part.amount : null, complete: done };
      });
    }
    pots.push(result);
  }
  const { lines, missing } = sink;

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
      complete: agreementComplete,
      knownPots,
      potCount: agreement.pots.length,
      ...(agreement.inferred ? { inferred: agreement.inferred } : {}),
    },
    population: { referenceDate: population.referenceDate, sources: population.sources },
    rounding,
    pots,
    lines,
    missing,
    totals: sink.totals.build(),
    warnings,
    complete: missing.length === 0 && agreementComplete,
  };
  if (options.scenario && options.scenario.length > 0) out.scenario = { changes: options.scenario };
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
  return { ...allocation, pots, lines, missing, totals: new TotalsBuilder().addAll(lines, missing).build() };
}
