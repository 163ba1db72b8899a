/**
 * Agreement × population → allocation. One pass per pot part over arrays indexed by recipient
 * position; the result keeps columns and builds its lines, missing entries and totals only when
 * they are read, so an allocation that is only summed or selected does not pay for objects per
 * recipient.
 */
import type { RoundingMode, Tie } from "../apportion.js";
import { raise } from "../errors.js";
import { LEVELS, type Level } from "../geography/index.js";
import { COUNTY_CODES, COUNTY_OF_MUNICIPALITY, levelCodes, levelNames, levelPosition, MUNICIPALITIES_OF_COUNTY, MUNICIPALITY_CODES } from "../geography/positions.js";
import { keyCounts, sourcesUsed, type KeyCounts, type PopulationDataset, type PopulationKey } from "../population.js";
import { potLevels, potParts } from "../agreement/model.js";
import type { Agreement, Exception, LevelRule, Pot, RoundingLevel } from "../rules.js";
import type { ScenarioChange } from "../scenario.js";
import { baseAt, basesSumAt, levelBases, levelBasesSum, type LevelBases } from "./bases.js";
import { nearestAllocated, shareColumns, STEP_NAMES, type ShareColumns } from "./kernel.js";
import type {
  AgreementInfo,
  Allocation,
  AllocationLine,
  AllocationNote,
  Calculation,
  IncompletePotResult,
  KnownPotResult,
  MissingLine,
  MissingReason,
  MunicipalPart,
  PartResult,
  PotResult,
  RecipientTotal,
} from "./model.js";

/** Options for {@link allocate}. */
export interface AllocateOptions {
  /** Overrides the rounding of every pot (the agreement's and each pot's own). */
  rounding?: RoundingMode;
  /** The what-if changes behind the agreement (from {@link applyScenario}), recorded in the result. */
  scenario?: readonly ScenarioChange[];
}

/** One pot part's outcome as columns over the level's positions. */
interface PartColumns extends PartHead {
  /** Positions with a computed amount, in code order. */
  readonly positions: Int32Array;
  /** Positions without one, and why. */
  readonly missing: Int32Array;
  readonly reason: MissingReason | undefined;
  /** Fixed parts by position (perRecipient, basePlusShare), or undefined. */
  readonly bases: LevelBases | undefined;
  /** For share rules: the split, parallel to `positions` (or, rounded per municipality, to the municipalities). */
  readonly share: PartShare | undefined;
  /** For a stated rule: amounts by position. */
  readonly stated: readonly bigint[] | undefined;
  readonly allocated: bigint;
  readonly ties: readonly Tie[];
}

const EMPTY = new Int32Array(0);
const NO_TIES: readonly Tie[] = Object.freeze([]);

/**
 * A level's fixed parts: the sum now (every call needs it), the columns when an amount is first
 * read (most calls that only sum or select never do).
 */
class LazyBases implements LevelBases {
  readonly sum: bigint;
  private readonly level: Level;
  private readonly amount: bigint;
  private readonly given: readonly Exception[];
  private built: LevelBases | undefined = undefined;

  constructor(level: Level, amount: bigint, exceptions: readonly Exception[]) {
    this.level = level;
    this.amount = amount;
    this.given = exceptions;
    this.sum = levelBasesSum(level, amount, exceptions);
  }

  get values(): LevelBases["values"] {
    return (this.built ??= levelBases(this.level, this.amount, this.given)).values;
  }

  get exceptions(): LevelBases["exceptions"] {
    return (this.built ??= levelBases(this.level, this.amount, this.given)).exceptions;
  }
}

/**
 * A split whose columns are built when first read; its sum is known without them. It holds the
 * split's inputs rather than a closure over them, which would keep (and make, on every call) the
 * whole context of the function that made it.
 */
class LazyColumns {
  private built: ShareColumns | undefined = undefined;

  constructor(
    readonly allocated: bigint,
    private readonly shared: bigint,
    private readonly counts: ArrayLike<number>,
    private readonly denominator: number,
    private readonly rounding: RoundingMode,
    private readonly codes: readonly string[],
    private readonly positions: Int32Array,
    private readonly maxCount: number,
  ) {}

  get columns(): ShareColumns {
    return (this.built ??= shareColumns(this.shared, this.counts, this.denominator, this.rounding, this.codes, this.positions, this.maxCount));
  }
}

/** Every position of each level, built once: parts read them and never write them. */
const ALL_POSITIONS: Readonly<Record<Level, Int32Array>> = Object.freeze(
  Object.fromEntries(LEVELS.map((level) => [level, Int32Array.from(levelCodes(level), (_, i) => i)])) as Record<Level, Int32Array>,
);

function allPositions(level: Level): Int32Array {
  return level === "municipality" ? ALL_POSITIONS.municipality : level === "skr" ? ALL_POSITIONS.skr : level === "county" ? ALL_POSITIONS.county : ALL_POSITIONS.region;
}

/** One position as a column, one per level and position, made when first used and never written. */
const ONE_POSITION: Record<Level, (Int32Array | undefined)[]> = { region: [], municipality: [], county: [], skr: [] };

function onePosition(level: Level, i: number): Int32Array {
  const made = ONE_POSITION[level];
  return (made[i] ??= Int32Array.of(i));
}

function shareValue(columns: ShareColumns, j: number): bigint {
  const v = columns.shares[j]!;
  return typeof v === "bigint" ? v : BigInt(v);
}

/** A share rule's split of one part. */
interface PartShare {
  readonly key: PopulationKey;
  readonly shared: bigint;
  readonly denominator: bigint;
  readonly declared: boolean;
  readonly rounding: RoundingMode;
  readonly roundingLevel: RoundingLevel;
  readonly counts: ArrayLike<number>;
  readonly columns: ShareColumns;
  /** Rounded per municipality: the municipal positions split, and each county's sum of their shares. */
  readonly municipal?: { readonly positions: Int32Array; readonly counts: ArrayLike<number>; readonly columns: ShareColumns; readonly countyShares: bigint[] };
}

/** A split rounded per recipient, its columns read from a {@link LazyColumns} or given. */
class ShareOf implements PartShare {
  constructor(
    readonly key: PopulationKey,
    readonly shared: bigint,
    readonly denominator: bigint,
    readonly declared: boolean,
    readonly rounding: RoundingMode,
    readonly roundingLevel: RoundingLevel,
    readonly counts: ArrayLike<number>,
    readonly split: LazyColumns | ShareColumns,
  ) {}

  get columns(): ShareColumns {
    return this.split instanceof LazyColumns ? this.split.columns : this.split;
  }
}

/** Head of a part: who and what, shared by every outcome. */
interface PartHead {
  readonly pot: Pot;
  readonly potIndex: number;
  readonly part: number;
  readonly level: Level;
  readonly rule: LevelRule;
  readonly amount: bigint;
  readonly splitOf: { level: Level; amount: bigint } | undefined;
}

// One literal with every field in one order: V8 (Node 20) adds properties after an object spread
// one by one on a slow path, which cost a quarter of an allocation. The head's fields come as
// arguments rather than in an object of their own: a part is made on every call, and an object
// per part that only lives to be copied was a tenth of an allocation's garbage.
function partOf(
  pot: Pot,
  potIndex: number,
  part: number,
  level: Level,
  rule: LevelRule,
  amount: bigint,
  splitOf: PartHead["splitOf"],
  positions: Int32Array,
  missing: Int32Array,
  reason: MissingReason | undefined,
  bases: LevelBases | undefined,
  share: PartColumns["share"],
  stated: readonly bigint[] | undefined,
  allocated: bigint,
  ties: readonly Tie[],
): PartColumns {
  return { pot, potIndex, part, level, rule, amount, splitOf, positions, missing, reason, bases, share, stated, allocated, ties };
}

/** A part none of whose amounts can be computed, and why. */
function missingPart(pot: Pot, potIndex: number, part: number, level: Level, rule: LevelRule, amount: bigint, splitOf: PartHead["splitOf"], bases: LevelBases | undefined, reason: MissingReason): PartColumns {
  return partOf(pot, potIndex, part, level, rule, amount, splitOf, EMPTY, allPositions(level), reason, bases, undefined, undefined, 0n, NO_TIES);
}

/**
 * The columns of one level's part of a pot. No closure here captures its variables: one would
 * make V8 allocate their context on every call, whichever branch runs.
 */
function allocatePart(
  pot: Pot,
  potIndex: number,
  part: number,
  level: Level,
  rule: LevelRule,
  amount: bigint,
  split: boolean,
  rounding: RoundingMode,
  countsOf: (key: PopulationKey) => KeyCounts,
): PartColumns {
  const splitOf = split ? { level, amount } : undefined;
  if (rule.type === "fixed") {
    const i = levelPosition(level, rule.recipient);
    return partOf(pot, potIndex, part, level, rule, amount, splitOf, onePosition(level, i), EMPTY, undefined, undefined, undefined, undefined, amount, NO_TIES);
  }
  if (rule.type === "stated") {
    const stated = new Array<bigint>(levelCodes(level).length).fill(0n);
    for (const s of rule.amounts) stated[levelPosition(level, s.code)] = s.amount;
    return partOf(pot, potIndex, part, level, rule, amount, splitOf, allPositions(level), EMPTY, undefined, undefined, undefined, stated, amount, NO_TIES);
  }
  if (rule.type === "perRecipient") {
    const bases = new LazyBases(level, rule.amount, rule.exceptions);
    return partOf(pot, potIndex, part, level, rule, amount, splitOf, allPositions(level), EMPTY, undefined, bases, undefined, undefined, bases.sum, NO_TIES);
  }
  const bases = rule.type === "basePlusShare" ? new LazyBases(level, rule.base, rule.exceptions) : undefined;
  const shared = amount - (bases?.sum ?? 0n);
  const k = countsOf(rule.key);
  if (k.unavailable) return missingPart(pot, potIndex, part, level, rule, amount, splitOf, bases, { kind: "key-unavailable", key: k.key, why: k.unavailable });

  const municipal = level === "municipality";
  const column = municipal ? k.municipal : k.county;
  const n = column.length;
  const knownCount = municipal ? k.municipalKnown : k.countyKnown;
  const sum = municipal ? k.municipalSum : k.countySum;
  if (knownCount === 0) return missingPart(pot, potIndex, part, level, rule, amount, splitOf, bases, { kind: "key-unavailable", key: k.key, why: { kind: "no-key" } });
  const complete = knownCount === n;
  if (!complete && rounding !== "nearest-per-recipient") return missingPart(pot, potIndex, part, level, rule, amount, splitOf, bases, { kind: "rounding-needs-all", key: k.key, rounding });
  if (!complete && k.national === undefined) {
    return missingPart(pot, potIndex, part, level, rule, amount, splitOf, bases, { kind: "key-unavailable", key: k.key, why: { kind: "partial-without-national", have: knownCount, of: n } });
  }
  // A complete level shares by the sum of its recipients, so the whole pot is shared; a declared
  // national total that differs (SCB's noise from 2025) is reported as a note, not used.
  const denominator = complete ? sum : k.national!;
  const roundingLevel: RoundingLevel = pot.roundingLevel === "municipality" && level !== "municipality" ? "municipality" : "recipient";
  const codes = levelCodes(level);
  let share: PartShare;
  let positions: Int32Array;
  let missing: Int32Array;
  let allocated = 0n;
  if (roundingLevel === "municipality") {
    // Each municipality's part of the shared sum is rounded on its own; a county's share is the sum
    // of its municipalities' rounded parts, so a county needs every one of them.
    const m = k.municipal;
    const mPositions: number[] = [];
    let mSum = 0;
    for (let i = 0; i < m.length; i++) {
      const v = m[i]!;
      if (v === v) {
        mPositions.push(i);
        mSum += v;
      }
    }
    const mComplete = mPositions.length === m.length;
    const mDenominator = mComplete ? mSum : k.national;
    if (mDenominator === undefined || (!mComplete && rounding !== "nearest-per-recipient")) {
      return missingPart(pot, potIndex, part, level, rule, amount, splitOf, bases, !mComplete && rounding !== "nearest-per-recipient" ? { kind: "rounding-needs-all", key: k.key, rounding } : { kind: "key-unavailable", key: k.key, why: { kind: "partial-without-national", have: mPositions.length, of: m.length } });
    }
    const mPos = Int32Array.from(mPositions);
    const mCounts = new Float64Array(mPos.length);
    for (let j = 0; j < mPos.length; j++) mCounts[j] = m[mPos[j]!]!;
    const mCols = shareColumns(shared, mCounts, mDenominator, rounding, MUNICIPALITY_CODES, mPos, k.municipalMax);
    const countyShares = new Array<bigint>(COUNTY_CODES.length).fill(0n);
    const countyHas = new Int32Array(COUNTY_CODES.length);
    for (let j = 0; j < mPos.length; j++) {
      const c = COUNTY_OF_MUNICIPALITY[mPos[j]!]!;
      countyShares[c] = countyShares[c]! + shareValue(mCols, j);
      countyHas[c]!++;
    }
    const ok: number[] = [];
    const no: number[] = [];
    for (let c = 0; c < COUNTY_CODES.length; c++) (countyHas[c] === MUNICIPALITIES_OF_COUNTY[c]!.length ? ok : no).push(c);
    positions = Int32Array.from(ok);
    missing = Int32Array.from(no);
    const counts = new Float64Array(ok.length);
    for (let j = 0; j < ok.length; j++) counts[j] = column[ok[j]!]!;
    for (const c of ok) allocated += countyShares[c]! + (bases ? baseAt(bases, c) : 0n);
    share = {
      key: k.key,
      shared,
      denominator: BigInt(mDenominator),
      declared: !mComplete,
      rounding,
      roundingLevel,
      counts,
      columns: mCols,
      municipal: { positions: mPos, counts: mCounts, columns: mCols, countyShares },
    };
    return partOf(pot, potIndex, part, level, rule, amount, splitOf, positions, missing, missing.length > 0 ? { kind: "count-missing", key: k.key } : undefined, bases, share, undefined, allocated, mCols.ties);
  }
  // A complete level (the common case) splits its column as it is, with no copies.
  let counts = column;
  if (complete) {
    positions = allPositions(level);
    missing = EMPTY;
  } else {
    positions = new Int32Array(knownCount);
    missing = new Int32Array(n - knownCount);
    const known = new Float64Array(knownCount);
    counts = known;
    for (let i = 0, a = 0, b = 0; i < n; i++) {
      const v = column[i]!;
      if (v === v) {
        known[a] = v;
        positions[a++] = i;
      } else missing[b++] = i;
    }
  }
  // Nearest krona per recipient needs only the sum now; the other roundings pick recipients, so
  // their columns are the result.
  // The column's largest count bounds every product (the known ones are a subset of the column).
  const max = municipal ? k.municipalMax : k.countyMax;
  const sumOnly = rounding === "nearest-per-recipient" ? nearestAllocated(shared, counts, denominator, max) : undefined;
  const divided = sumOnly !== undefined ? new LazyColumns(sumOnly, shared, counts, denominator, rounding, codes, positions, max) : shareColumns(shared, counts, denominator, rounding, codes, positions, max);
  allocated = divided.allocated;
  if (bases) allocated += complete ? bases.sum : basesSumAt(bases, positions);
  const ties = sumOnly !== undefined ? NO_TIES : (divided as ShareColumns).ties;
  share = new ShareOf(k.key, shared, BigInt(denominator), !complete, rounding, roundingLevel, counts, divided);
  return partOf(pot, potIndex, part, level, rule, amount, splitOf, positions, missing, missing.length > 0 ? { kind: "count-missing", key: k.key } : undefined, bases, share, undefined, allocated, ties);
}

/**
 * The line of position `j` of a part's computed positions.
 *
 * Every calculation is one object literal with its fields in one fixed order, an optional field
 * added by assignment: V8 (Node 20) builds a literal that spreads another object on a slow path,
 * field by field, which made a line cost microseconds instead of about a hundred nanoseconds.
 */
function lineAt(p: PartColumns, j: number): AllocationLine {
  const i = p.positions[j]!;
  const code = levelCodes(p.level)[i]!;
  const name = levelNames(p.level)[i]!;
  const rule = p.rule;
  let calculation: Mutable<Calculation>;
  let amount: bigint;
  if (rule.type === "fixed") {
    amount = p.amount;
    calculation = { rule: "fixed", amount };
  } else if (rule.type === "stated") {
    amount = p.stated![i]!;
    calculation = { rule: "stated", amount };
  } else if (rule.type === "perRecipient") {
    amount = baseAt(p.bases!, i);
    const exception = p.bases!.exceptions[i];
    calculation = exception ? { rule: "perRecipient", base: amount, exception } : { rule: "perRecipient", base: amount };
  } else {
    const s = p.share!;
    const fixed = p.bases ? baseAt(p.bases, i) : 0n;
    const exception = p.bases?.exceptions[i];
    const count = BigInt(s.counts[j]!);
    const exact = { numerator: s.shared * count, denominator: s.denominator };
    if (s.municipal) {
      const m = s.municipal;
      const municipalities: MunicipalPart[] = [];
      for (const mi of MUNICIPALITIES_OF_COUNTY[i]!) {
        const mj = m.positions.indexOf(mi);
        const mc = BigInt(m.counts[mj]!);
        municipalities.push({
          code: MUNICIPALITY_CODES[mi]!,
          name: levelNames("municipality")[mi]!,
          count: mc,
          exact: { numerator: s.shared * mc, denominator: s.denominator },
          amount: shareValue(m.columns, mj),
          step: STEP_NAMES[m.columns.steps[mj]!]!,
        });
      }
      const share = m.countyShares[i]!;
      amount = fixed + share;
      const roundingLevel = "municipality";
      calculation = exception
        ? { rule: rule.type, base: fixed, exception, key: s.key, count, keyTotal: s.denominator, keyTotalDeclared: s.declared, shared: s.shared, exact, rounding: s.rounding, share, roundingLevel, municipalities }
        : { rule: rule.type, base: fixed, key: s.key, count, keyTotal: s.denominator, keyTotalDeclared: s.declared, shared: s.shared, exact, rounding: s.rounding, share, roundingLevel, municipalities };
    } else {
      const share = shareValue(s.columns, j);
      amount = fixed + share;
      const roundingLevel = "recipient";
      const step = STEP_NAMES[s.columns.steps[j]!]!;
      calculation = exception
        ? { rule: rule.type, base: fixed, exception, key: s.key, count, keyTotal: s.denominator, keyTotalDeclared: s.declared, shared: s.shared, exact, rounding: s.rounding, share, roundingLevel, step }
        : { rule: rule.type, base: fixed, key: s.key, count, keyTotal: s.denominator, keyTotalDeclared: s.declared, shared: s.shared, exact, rounding: s.rounding, share, roundingLevel, step };
    }
  }
  if (p.splitOf) calculation.splitPart = p.splitOf;
  return { pot: p.pot.id, part: p.part, level: p.level, code, name, amount, calculation };
}

type Mutable<T> = T extends unknown ? { -readonly [K in keyof T]: T[K] } : never;

/** The amount at position `j` of a part without building its line. */
function amountAt(p: PartColumns, j: number): bigint {
  const i = p.positions[j]!;
  const rule = p.rule;
  if (rule.type === "fixed") return p.amount;
  if (rule.type === "stated") return p.stated![i]!;
  if (rule.type === "perRecipient") return baseAt(p.bases!, i);
  const s = p.share!;
  const fixed = p.bases ? baseAt(p.bases, i) : 0n;
  return s.municipal ? fixed + s.municipal.countyShares[i]! : fixed + shareValue(s.columns, j);
}

/** A pot's levels: one frozen array per level for a pot of one level, shared by every result. */
function levelsOf(pot: Pot): readonly Level[] {
  const l = pot.level;
  return l === "split" || l === "unknown" ? potLevels(pot) : ONE_LEVEL[l];
}

const ONE_LEVEL: Readonly<Record<Level, readonly Level[]>> = Object.freeze(Object.fromEntries(LEVELS.map((level) => [level, Object.freeze([level])])) as Record<Level, readonly Level[]>);

/** The fields every pot result starts with; `inferred` and `note` only when the pot has them. */
function potHead(pot: Pot, levels: readonly Level[]): Record<string, unknown> {
  const head: Record<string, unknown> = { id: pot.id, name: pot.name, source: pot.source, level: pot.level, levels };
  if (pot.inferred) head.inferred = pot.inferred;
  if (pot.note !== undefined) head.note = pot.note;
  return head;
}

function incompleteReason(pot: Pot): MissingReason {
  return { kind: "pot-incomplete", unknown: pot.missing ?? (pot.rule ? [] : ["regel"]) };
}

/** An allocation whose lines, missing entries and totals are built from its columns when first read. */
class ColumnAllocation implements Allocation {
  readonly agreement: AgreementInfo;
  readonly scenario?: { readonly changes: readonly ScenarioChange[] };
  readonly population: Allocation["population"];
  readonly rounding: RoundingMode;
  readonly pots: readonly PotResult[];
  readonly notes: readonly AllocationNote[];
  readonly complete: boolean;
  readonly #parts: readonly PartColumns[];
  readonly #incomplete: readonly Pot[];
  #lines: AllocationLine[] | undefined;
  #missing: MissingLine[] | undefined;
  #totals: RecipientTotal[] | undefined;

  constructor(fields: Omit<Allocation, "lines" | "missing" | "totals">, parts: readonly PartColumns[], incomplete: readonly Pot[]) {
    this.agreement = fields.agreement;
    if (fields.scenario) this.scenario = fields.scenario;
    this.population = fields.population;
    this.rounding = fields.rounding;
    this.pots = fields.pots;
    this.notes = fields.notes;
    this.complete = fields.complete;
    this.#parts = parts;
    this.#incomplete = incomplete;
  }

  /** Every computed amount, pot by pot in the agreement's order, recipients in code order. */
  get lines(): readonly AllocationLine[] {
    if (!this.#lines) {
      const out: AllocationLine[] = [];
      for (const p of this.#parts) for (let j = 0; j < p.positions.length; j++) out.push(lineAt(p, j));
      this.#lines = out;
    }
    return this.#lines;
  }

  /** Every amount that could not be computed, with its reason. */
  get missing(): readonly MissingLine[] {
    if (!this.#missing) {
      const out: MissingLine[] = [];
      const order = [...this.#parts.map((p) => ({ index: p.potIndex, part: p })), ...this.#incomplete.map((pot) => ({ index: this.pots.findIndex((r) => r.id === pot.id), pot }))];
      order.sort((a, b) => a.index - b.index);
      for (const o of order) {
        if ("part" in o && o.part) {
          const p = o.part;
          const codes = levelCodes(p.level);
          const names = levelNames(p.level);
          for (const i of p.missing) out.push({ pot: p.pot.id, part: p.part, level: p.level, code: codes[i]!, name: names[i]!, reason: p.reason! });
        } else if ("pot" in o && o.pot) {
          const reason = incompleteReason(o.pot);
          potLevels(o.pot).forEach((level, part) => {
            const codes = levelCodes(level);
            const names = levelNames(level);
            for (let i = 0; i < codes.length; i++) out.push({ pot: o.pot.id, part, level, code: codes[i]!, name: names[i]!, reason });
          });
        }
      }
      this.#missing = out;
    }
    return this.#missing;
  }

  /** Each recipient's sum over the pots that pay it (null when any of its amounts is unknown). */
  get totals(): readonly RecipientTotal[] {
    if (!this.#totals) this.#totals = totalsOf(this.#parts, this.#incomplete);
    return this.#totals;
  }
}

function totalsOf(parts: readonly PartColumns[], incomplete: readonly Pot[]): RecipientTotal[] {
  const sums = new Map<Level, { computed: bigint[]; unknown: Int32Array; seen: Uint8Array }>();
  const at = (level: Level) => {
    let t = sums.get(level);
    if (!t) {
      const n = levelCodes(level).length;
      sums.set(level, (t = { computed: new Array<bigint>(n).fill(0n), unknown: new Int32Array(n), seen: new Uint8Array(n) }));
    }
    return t;
  };
  for (const p of parts) {
    const t = at(p.level);
    for (let j = 0; j < p.positions.length; j++) {
      const i = p.positions[j]!;
      t.computed[i] = t.computed[i]! + amountAt(p, j);
      t.seen[i] = 1;
    }
    for (const i of p.missing) {
      t.unknown[i]!++;
      t.seen[i] = 1;
    }
  }
  for (const pot of incomplete) {
    for (const level of potLevels(pot)) {
      const t = at(level);
      for (let i = 0; i < t.unknown.length; i++) {
        t.unknown[i]!++;
        t.seen[i] = 1;
      }
    }
  }
  const out: RecipientTotal[] = [];
  for (const level of LEVELS) {
    const t = sums.get(level);
    if (!t) continue;
    const codes = levelCodes(level);
    const names = levelNames(level);
    for (let i = 0; i < codes.length; i++) {
      if (!t.seen[i]) continue;
      const unknown = t.unknown[i]!;
      out.push({ level, code: codes[i]!, name: names[i]!, amount: unknown === 0 ? t.computed[i]! : null, computed: t.computed[i]!, unknown });
    }
  }
  return out;
}

/**
 * Each dataset's counts per key, kept while the dataset lives: a program that allocates several
 * agreements or what-ifs on one dataset makes keyCounts' pass once per key, not once per call. A
 * dataset is never changed after it is built (a changed count is a new dataset, a new entry), and
 * the counts kept here are the engine's own: no result or caller is handed them.
 */
const KEPT_COUNTS = new WeakMap<PopulationDataset, Map<PopulationKey, KeyCounts>>();

function keptCounts(population: PopulationDataset): Map<PopulationKey, KeyCounts> {
  let kept = KEPT_COUNTS.get(population);
  if (!kept) KEPT_COUNTS.set(population, (kept = new Map()));
  return kept;
}

/**
 * Allocates every pot of an agreement to its recipients with the given population.
 *
 * Pots whose rule is unknown, and recipients whose population is missing, are listed in
 * `missing` with the reason as data — never counted as zero. Each pot's residue (allocated −
 * amount) is reported: with nearest-krona rounding per recipient (SKR's 2025 convention) a pot
 * shared by population may end a few kronor off; the sum-forcing roundings always give zero.
 *
 * @throws AllocationError `ALLOCATION_INVALID_INPUT` when the agreement or population is not one
 *   the library made (parseAgreement, createPopulation), or the rounding is unknown.
 * @example
 * ```ts
 * import { allocate } from "stimulansmedel";
 * import { loadBundledAgreement, loadBundledPopulation } from "stimulansmedel/node";
 * const result = allocate(loadBundledAgreement("2025"), loadBundledPopulation("2024-11-01"));
 * result.lines.find((l) => l.pot === "4b" && l.code === "20")?.amount; // 7790015n
 * ```
 */
export function allocate(agreement: Agreement, population: PopulationDataset, options: AllocateOptions = {}): Allocation {
  checkInputs(agreement, population, options);
  const notes: AllocationNote[] = [];
  const date = population.referenceDate;
  if (agreement.referenceDate !== undefined && agreement.referenceDate !== date) {
    notes.push({ code: "POPULATION_DATE_MISMATCH", expected: agreement.referenceDate, actual: date });
  }
  const knownPots = agreement.pots.filter((p) => p.status === "known").length;
  const agreementComplete = knownPots === agreement.pots.length;
  if (!agreementComplete) {
    notes.push({ code: "AGREEMENT_INCOMPLETE", agreement: agreement.id, known: knownPots, of: agreement.pots.length, pots: agreement.pots.filter((p) => p.status !== "known").map((p) => p.id) });
  }
  for (const pot of agreement.pots) {
    if (pot.referenceDate !== undefined && pot.referenceDate !== date && pot.status === "known") {
      notes.push({ code: "POPULATION_DATE_MISMATCH", pot: pot.id, expected: pot.referenceDate, actual: date });
    }
  }
  // The keys this call uses, for its notes; their counts from the dataset's, made once per key.
  const kept = keptCounts(population);
  const keyCache = new Map<PopulationKey, KeyCounts>();
  const counts = (key: PopulationKey): KeyCounts => {
    let k = keyCache.get(key);
    if (!k) {
      k = kept.get(key);
      if (!k) kept.set(key, (k = keyCounts(population, key)));
      keyCache.set(key, k);
    }
    return k;
  };
  const potList = agreement.pots;
  const pots: PotResult[] = new Array<PotResult>(potList.length);
  const parts: PartColumns[] = [];
  const incomplete: Pot[] = [];
  let missingCount = 0;
  for (let potIndex = 0; potIndex < potList.length; potIndex++) {
    const pot = potList[potIndex]!;
    const levels = levelsOf(pot);
    const rule = pot.status === "known" ? pot.rule : undefined;
    const split = rule?.type === "splitLevels";
    // potParts() without its array and objects for a pot of one level (every pot of 2025).
    const known = split ? potParts(pot) : undefined;
    const partCount = known ? known.length : pot.level === "split" || pot.level === "unknown" ? 0 : 1;
    if (partCount === 0 || pot.amount === undefined || !rule) {
      incomplete.push(pot);
      let open = 0;
      for (const level of levels) open += levelCodes(level).length;
      missingCount += open;
      const r = potHead(pot, levels) as Mutable<IncompletePotResult>;
      r.status = "incomplete";
      r.amount = pot.amount ?? null;
      r.unknown = pot.missing ?? [];
      r.complete = false;
      r.missing = open;
      pots[potIndex] = r;
      continue;
    }
    const rounding = options.rounding ?? pot.rounding ?? agreement.rounding;
    // Sized once: an array grown by push keeps room for 16 more, a tenth of what a call retains.
    const results: PartResult[] = new Array<PartResult>(partCount);
    let allocated = 0n;
    let missing = 0;
    let ties: Tie[] | readonly Tie[] = NO_TIES;
    for (let j = 0; j < partCount; j++) {
      const part = known?.[j];
      const level = part ? part.level : (pot.level as Level);
      const partRule = part ? part.rule : (rule as LevelRule);
      const amount = part ? part.amount : pot.amount;
      const cols = allocatePart(pot, potIndex, j, level, partRule, amount, split, rounding, counts);
      parts.push(cols);
      const done = cols.missing.length === 0;
      const key = cols.share ? cols.share.key : "key" in partRule ? partRule.key : undefined;
      const residue = done ? cols.allocated - amount : null;
      // Plain literals, the key in its place or absent (a spread in the middle takes V8's slow path).
      results[j] =
        key !== undefined
          ? { level, amount, rule: partRule, key, allocated: cols.allocated, residue, complete: done, missing: cols.missing.length, ties: cols.ties }
          : { level, amount, rule: partRule, allocated: cols.allocated, residue, complete: done, missing: cols.missing.length, ties: cols.ties };
      allocated += cols.allocated;
      missing += cols.missing.length;
      if (cols.ties.length > 0) ties = [...ties, ...cols.ties];
    }
    missingCount += missing;
    const complete = missing === 0;
    const residue = complete ? allocated - pot.amount : null;
    const roundingLevel = pot.roundingLevel ?? "recipient";
    let r: KnownPotResult;
    if (pot.inferred || pot.note !== undefined) {
      // Field by field after the optional ones, in the same order: a literal spreading another
      // object is V8's slow path (about 5 µs for this one).
      const w = potHead(pot, levels) as Mutable<KnownPotResult>;
      w.status = "known";
      w.amount = pot.amount;
      w.rule = rule;
      w.rounding = rounding;
      w.roundingLevel = roundingLevel;
      w.parts = results;
      w.allocated = allocated;
      w.residue = residue;
      w.complete = complete;
      w.missing = missing;
      w.ties = ties as Tie[];
      r = w;
    } else {
      r = { id: pot.id, name: pot.name, source: pot.source, level: pot.level, levels, status: "known", amount: pot.amount, rule, rounding, roundingLevel, parts: results, allocated, residue, complete, missing, ties };
    }
    pots[potIndex] = r;
  }
  for (const k of keyCache.values()) {
    if (k.mismatch) notes.push({ code: "POPULATION_TOTAL_MISMATCH", key: k.key, declared: k.mismatch.declared, summed: k.mismatch.summed });
  }
  return new ColumnAllocation(
    {
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
      population: { referenceDate: date, sources: population.sources, coverage: population.coverage },
      rounding: options.rounding ?? agreement.rounding,
      pots,
      notes,
      complete: missingCount === 0 && agreementComplete,
      // Last: fields after a spread in a literal are added on V8's slow path.
      ...(options.scenario && options.scenario.length > 0 ? { scenario: { changes: options.scenario } } : {}),
    },
    parts,
    incomplete,
  );
}

const ROUNDINGS: readonly string[] = ["nearest-per-recipient", "largest-remainder", "largest-absorbs"];

/** Plain-JS misuse becomes a typed error instead of a TypeError deep inside. */
function checkInputs(agreement: Agreement, population: PopulationDataset, options: AllocateOptions): void {
  if (typeof agreement !== "object" || agreement === null || !Array.isArray(agreement.pots)) {
    raise("ALLOCATION_INVALID_INPUT", "not-an-agreement", {});
  }
  if (typeof population !== "object" || population === null || typeof population.referenceDate !== "string" || !(population.counts instanceof Map) || !Array.isArray(population.sources)) {
    raise("ALLOCATION_INVALID_INPUT", "not-a-population", {});
  }
  if (typeof options !== "object" || options === null) raise("ALLOCATION_INVALID_INPUT", "not-options", {});
  const r = options.rounding;
  if (r !== undefined && !ROUNDINGS.includes(r)) raise("ALLOCATION_INVALID_INPUT", "unknown-rounding", { rounding: String(r) }, { value: String(r) });
}

/**
 * The sources a line used (see {@link sourcesUsed}); none for amounts that use no population.
 *
 * @example
 * ```ts
 * lineSources(result, result.lines[0]).map((s) => s.title);
 * ```
 */
export function lineSources(allocation: Pick<Allocation, "population">, line: AllocationLine): readonly import("../population.js").PopulationSource[] {
  const c = line.calculation;
  if (c.rule !== "share" && c.rule !== "basePlusShare") return [];
  return sourcesUsed(allocation.population, c.key, line.level, line.code);
}

