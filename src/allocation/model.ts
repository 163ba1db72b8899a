/**
 * The allocation model: what {@link allocate} returns, as types that carry the invariants. A pot
 * is known (amount, rule, parts) or incomplete (what is missing); a calculation is a union by rule
 * kind and rounding level over one exact ratio type; an amount that cannot be computed is a
 * missing line with a reason as data, never a zero. Words are chosen at the edge.
 */
import type { RoundingMode, RoundingStep, Tie } from "../apportion.js";
import type { Level, MunicipalityCode, RecipientCode } from "../geography/index.js";
import type { KeyUnavailableReason, PopulationKey, PopulationSource, SourceCoverage } from "../population.js";
import type { LevelRule, PotLevel, RoundingLevel, Rule } from "../rules.js";
import type { ScenarioChange } from "../scenario.js";

/** An exact non-negative rational: `numerator / denominator` kronor, denominator positive, not reduced. */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The exception that set a recipient's fixed part: one code, or a named group such as `metropolitan`. */
export type ExceptionRef = { readonly kind: "code"; readonly code: string } | { readonly kind: "group"; readonly group: string };

/** Set on a calculation when the line is one level's part of a pot split between levels. */
export interface SplitPartRef {
  readonly level: Level;
  readonly amount: bigint;
}

interface CalculationBase {
  readonly splitPart?: SplitPartRef;
}

/** The whole pot (or part) to one recipient. */
export interface FixedCalculation extends CalculationBase {
  readonly rule: "fixed";
  readonly amount: bigint;
}

/** The same sum to every recipient, or an exception's. */
export interface PerRecipientCalculation extends CalculationBase {
  readonly rule: "perRecipient";
  readonly base: bigint;
  readonly exception?: ExceptionRef;
}

/** An amount the agreement states for this recipient (no key). */
export interface StatedCalculation extends CalculationBase {
  readonly rule: "stated";
  readonly amount: bigint;
}

interface KeyedCalculation extends CalculationBase {
  readonly rule: "share" | "basePlusShare";
  /** The fixed part: the base (or an exception's), 0 for a plain share. */
  readonly base: bigint;
  readonly exception?: ExceptionRef;
  readonly key: PopulationKey;
  /** The recipient's count for the key. */
  readonly count: bigint;
  /** The denominator of the share: the level's sum, or the declared national total for partial data. */
  readonly keyTotal: bigint;
  /** Whether `keyTotal` was declared by the dataset (partial data) rather than summed. */
  readonly keyTotalDeclared: boolean;
  /** The part of the pot shared by the key (pot minus every recipient's fixed part). */
  readonly shared: bigint;
  /** The exact share, shared × count / keyTotal. */
  readonly exact: Ratio;
  /** The share after rounding; the line's amount is base + share. */
  readonly share: bigint;
  readonly rounding: RoundingMode;
}

/** A share rounded per recipient. */
export interface RecipientShareCalculation extends KeyedCalculation {
  readonly roundingLevel: "recipient";
  readonly step: RoundingStep;
}

/** One municipality's rounded part of a county or region share rounded per municipality. */
export interface MunicipalPart {
  readonly code: MunicipalityCode;
  readonly name: string;
  readonly count: bigint;
  readonly exact: Ratio;
  readonly amount: bigint;
  readonly step: RoundingStep;
}

/** A county or region share summed from its municipalities' parts, each rounded on its own. */
export interface MunicipalShareCalculation extends KeyedCalculation {
  readonly roundingLevel: "municipality";
  readonly municipalities: readonly MunicipalPart[];
}

/** How one amount was computed: enough to explain it to the krona. */
export type Calculation = FixedCalculation | PerRecipientCalculation | StatedCalculation | RecipientShareCalculation | MunicipalShareCalculation;

/** One recipient's amount from one pot (one part of it, for a pot split between levels). */
export interface AllocationLine {
  readonly pot: string;
  /** Which of the pot's parts (0 for a pot of one level). */
  readonly part: number;
  readonly level: Level;
  readonly code: RecipientCode;
  readonly name: string;
  /** Whole kronor. */
  readonly amount: bigint;
  readonly calculation: Calculation;
}

/** Why an amount could not be computed, as data. */
export type MissingReason =
  /** The pot's rule or amount is not known (the agreement is incomplete). */
  | { readonly kind: "pot-incomplete"; readonly unknown: readonly string[] }
  /** The population data has no usable counts for the pot's key at this level. */
  | { readonly kind: "key-unavailable"; readonly key: PopulationKey; readonly why: KeyUnavailableReason }
  /** The key is known, but not for this recipient. */
  | { readonly kind: "count-missing"; readonly key: PopulationKey }
  /** Sum-forcing rounding needs every recipient's count. */
  | { readonly kind: "rounding-needs-all"; readonly key: PopulationKey; readonly rounding: RoundingMode };

/** The stable code of a reason, as the JSON contract names it. */
export type MissingReasonCode = "POT_INCOMPLETE" | "KEY_UNAVAILABLE" | "COUNT_MISSING" | "ROUNDING_NEEDS_ALL";

/** A recipient whose amount from a pot is not known. Never reported as zero. */
export interface MissingLine {
  readonly pot: string;
  readonly part: number;
  readonly level: Level;
  readonly code: RecipientCode;
  readonly name: string;
  readonly reason: MissingReason;
}

/** One level's part of a known pot (the whole pot when it pays one level). */
export interface PartResult {
  readonly level: Level;
  readonly amount: bigint;
  readonly rule: LevelRule;
  /** The key shared by, for share rules. */
  readonly key?: PopulationKey;
  /** Sum of the amounts computed. */
  readonly allocated: bigint;
  /** allocated − amount when every recipient was computed; null otherwise. */
  readonly residue: bigint | null;
  readonly complete: boolean;
  /** How many recipients are missing. */
  readonly missing: number;
  /** Ties broken by code with largest remainder. */
  readonly ties: readonly Tie[];
}

interface PotResultBase {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** `split` for a pot split between levels, `unknown` when the sources do not say. */
  readonly level: PotLevel;
  /** The levels the pot pays to (several for a split pot, none when unknown). */
  readonly levels: readonly Level[];
  /** What the agreement file marks as inferred rather than stated. */
  readonly inferred?: readonly string[];
  readonly note?: string;
  /** How many recipients are missing. */
  readonly missing: number;
}

/** A pot whose amount and rule are known. */
export interface KnownPotResult extends PotResultBase {
  readonly status: "known";
  readonly amount: bigint;
  readonly rule: Rule;
  /** The rounding this pot was computed with. */
  readonly rounding: RoundingMode;
  readonly roundingLevel: RoundingLevel;
  /** One part per level paid (one for most pots). */
  readonly parts: readonly PartResult[];
  /** Sum of the amounts computed. */
  readonly allocated: bigint;
  /** allocated − amount when every recipient was computed; null otherwise. */
  readonly residue: bigint | null;
  readonly complete: boolean;
  readonly ties: readonly Tie[];
}

/** A pot the agreement does not fully describe: it is not computed. */
export interface IncompletePotResult extends PotResultBase {
  readonly status: "incomplete";
  /** The pot's amount, when the sources state it. */
  readonly amount: bigint | null;
  /** What the sources do not say (amount, key, reference date, …). */
  readonly unknown: readonly string[];
  readonly complete: false;
}

/** The outcome of one pot. */
export type PotResult = KnownPotResult | IncompletePotResult;

/** One recipient's sum over the pots that pay it. */
export interface RecipientTotal {
  readonly level: Level;
  readonly code: RecipientCode;
  readonly name: string;
  /** The sum, when every amount is known; null when any is missing. */
  readonly amount: bigint | null;
  /** The sum of the amounts that are known. */
  readonly computed: bigint;
  /** How many of the recipient's amounts are unknown. */
  readonly unknown: number;
}

/** Something worth telling that does not stop the allocation, as data (rendered in words at the edge). */
export type AllocationNote =
  | { readonly code: "POPULATION_DATE_MISMATCH"; readonly pot?: string; readonly expected: string; readonly actual: string }
  | { readonly code: "POPULATION_TOTAL_MISMATCH"; readonly key: PopulationKey; readonly declared: bigint; readonly summed: bigint }
  | { readonly code: "AGREEMENT_INCOMPLETE"; readonly agreement: string; readonly known: number; readonly of: number; readonly pots: readonly string[] };

/** What the agreement is, as the allocation reports it. */
export interface AgreementInfo {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly referenceDate: string | undefined;
  /** Undefined when no source states the total. */
  readonly total: bigint | undefined;
  /** Whether every pot of the agreement is known. */
  readonly complete: boolean;
  readonly knownPots: number;
  readonly potCount: number;
  readonly inferred?: readonly string[];
}

/** The result of {@link allocate}. Amounts are bigint kronor. */
export interface Allocation {
  readonly agreement: AgreementInfo;
  /** Set when the agreement was changed by a what-if. */
  readonly scenario?: { readonly changes: readonly ScenarioChange[] };
  readonly population: {
    readonly referenceDate: string;
    readonly sources: readonly PopulationSource[];
    /** What each source supplies, parallel to `sources`: which lines used it ({@link sourcesUsed}). */
    readonly coverage: readonly SourceCoverage[];
  };
  /** The rounding asked for (the agreement's, or the caller's override); each pot says its own. */
  readonly rounding: RoundingMode;
  readonly pots: readonly PotResult[];
  readonly lines: readonly AllocationLine[];
  readonly missing: readonly MissingLine[];
  readonly totals: readonly RecipientTotal[];
  readonly notes: readonly AllocationNote[];
  /** True when every pot is known and every amount was computed. */
  readonly complete: boolean;
}
