/**
 * Working a population base back from published amounts: every national key total N and every
 * count n_i that reproduce each amount exactly, `amount_i = base_i + round(S × n_i / N)` with
 * `S = pot − Σ bases over all recipients of the level`, and for a table of every recipient, which
 * of SKR's sum-forcing conventions the table follows.
 */
import { splitLargestAbsorbs, splitLargestRemainder, splitNearest, type AbsorbingSplit, type Weighted } from "../apportion.js";
import { AllocationError, errorOf, issue, type Issue } from "../errors.js";
import { recipients, type Level } from "../geography/index.js";
import { type ChanceEstimate, expectedChanceFits } from "./chance.js";
import { CONVENTION_WORDS, ROUNDING_CONVENTIONS, type RoundingConvention } from "./convention.js";
import { type CountBound, type KeyTotalHit, searchKeyTotals, SearchTooWide, type SearchOutcome } from "./search.js";

/** Whole kronor or persons: a bigint, or a number that is a safe integer. */
export type Whole = bigint | number;

/** A base per recipient: one sum for all, with exceptions by code. */
export interface BaseRule {
  amount: Whole;
  exceptions?: Readonly<Record<string, Whole>>;
}

/** What {@link inferBase} works from. */
export interface InferBaseInput {
  /** The published amounts, by recipient code. */
  amounts: readonly { code: string; amount: Whole }[];
  /** The pot the amounts were split from (e.g. 250 000 000). */
  potAmount: Whole;
  /** The base each recipient of the level gets before the share (e.g. 200 000); none by default. */
  base?: Whole | BaseRule;
  level: Level;
  /**
   * The recipients of the level: their codes, or how many there are. Default: the geography's
   * (290 municipalities, 21 counties or regions). The bases of all of them leave the pot first.
   */
  recipientsAtLevel?: readonly string[] | number;
  /** The rounding to search under (default `nearest`); the other two need a complete table. */
  convention?: RoundingConvention;
  /** Where the national key total N may lie, inclusive: `[1_500_000, 3_500_000]`. */
  range: readonly [Whole, Whole];
  /** Keep at most this many solutions (default 1000); `fits` still counts them all. */
  maxSolutions?: number;
}

/** One recipient's count in a solution: exactly `lo` when `lo === hi`, else any of the interval. */
export interface InferredCount {
  code: string;
  lo: bigint;
  hi: bigint;
}

/** A national key total with counts that reproduce every amount. */
export interface BaseSolution {
  keyTotal: bigint;
  /** In the order of the input amounts. */
  counts: InferredCount[];
  /** Every count is a single integer. */
  exact: boolean;
  /**
   * Whether every count vector in `counts` was checked with the convention's kernel. Always true
   * for `nearest` (each amount's condition is the rule itself); for the sum-forcing conventions
   * false only when the candidate vectors were too many to check one by one.
   */
  verified: boolean;
  /** For the sum-forcing conventions: how many count vectors reproduce the table. */
  vectors?: number;
  /** For `largest-absorbs`: the recipient that took the difference, and how much (kronor). */
  absorber?: { code: string; absorbed: bigint };
}

/** A row a convention gets wrong at a reference base. */
export interface RowBreak {
  code: string;
  published: bigint;
  computed: bigint;
  /** published − computed */
  difference: bigint;
}

/** Why a convention fits or not. */
export type FitReason =
  /** At least one base reproduces every amount. */
  | "fits"
  /** No base in the range reproduces every amount. */
  | "no-fit"
  /** Candidates whose count vectors were too many to check one by one (tiny pots), none checked to fit. */
  | "undecided"
  /** The amounts do not sum to the pot, which a sum-forcing convention always makes them do. */
  | "rows-do-not-sum-to-pot";

/** How one convention fares on a complete table. */
export interface ConventionFit {
  convention: RoundingConvention;
  /** The convention in Swedish. */
  words: string;
  /** A base reproduces every amount, checked with the convention's kernel. */
  fits: boolean;
  reason: FitReason;
  solutions: BaseSolution[];
  /** When it does not fit: the rows whose amounts it computes otherwise at `reference`. */
  breaking: RowBreak[];
  /** The base `breaking` is computed at: another convention's solution, or one found by leaving a row out. */
  reference?: { keyTotal: bigint; from: RoundingConvention | "leave-one-out"; leftOut?: string };
  chance: ChanceEstimate;
}

/** What {@link inferBase} found. */
export interface InferResult {
  level: Level;
  potAmount: bigint;
  /** Σ bases over every recipient of the level. */
  baseTotal: bigint;
  /** S = pot − Σ bases: what is shared by the key. */
  shared: bigint;
  range: [bigint, bigint];
  convention: RoundingConvention;
  /** How many amounts were given, of how many recipients the level has. */
  rows: number;
  recipients: number;
  /** The table covers every recipient, so N = Σ n_i. */
  complete: boolean;
  /** Σ published amounts. */
  amountsSum: bigint;
  solutions: BaseSolution[];
  /** Every solution, also those past `maxSolutions`. */
  fits: number;
  truncated: boolean;
  /** Exactly one key total, every count a single integer, checked. */
  unique: boolean;
  chance: ChanceEstimate;
  /** For a complete table: each convention (nearest, largest remainder, largest absorbs). */
  conventions?: ConventionFit[];
  /** What the search cost. */
  search: Pick<SearchOutcome, "method" | "checked" | "pivotSteps">;
}

/** Vectors of a solution box checked one by one at most (a complete table almost always has one). */
export const MAX_VECTORS = 10_000;

interface Context {
  level: Level;
  codes: string[];
  published: bigint[];
  bases: bigint[];
  shares: bigint[];
  S: bigint;
  pot: bigint;
  from: bigint;
  to: bigint;
  complete: boolean;
  sumOk: boolean;
  maxSolutions: number;
}

function whole(v: Whole): bigint | undefined {
  if (typeof v === "bigint") return v >= 0n ? v : undefined;
  return Number.isSafeInteger(v) && v >= 0 ? BigInt(v) : undefined;
}

const nearestBound = (x: bigint): CountBound => ({ lo: 2n * x - 1n, hi: 2n * x + 1n, loStrict: false });
const remainderBound = (x: bigint): CountBound => ({ lo: x - 1n, hi: x + 1n, loStrict: true });

/** The counts of a complete table sum to N: narrow each interval by the others'. */
function tighten(N: bigint, lo: bigint[], hi: bigint[]): [bigint[], bigint[]] | undefined {
  let sumLo = 0n;
  let sumHi = 0n;
  for (let i = 0; i < lo.length; i++) {
    sumLo += lo[i]!;
    sumHi += hi[i]!;
  }
  if (N < sumLo || N > sumHi) return undefined;
  const l = lo.map((a, i) => (N - (sumHi - hi[i]!) > a ? N - (sumHi - hi[i]!) : a));
  const h = hi.map((b, i) => (N - (sumLo - lo[i]!) < b ? N - (sumLo - lo[i]!) : b));
  return [l, h];
}

/** Every vector in the box [lo, hi] summing to N, or undefined when there are more than `cap`. */
function vectorsSummingTo(N: bigint, lo: bigint[], hi: bigint[], cap: number): bigint[][] | undefined {
  const free = lo.map((_, i) => i).filter((i) => hi[i]! > lo[i]!);
  if (free.length === 0) return lo.reduce((a, b) => a + b, 0n) === N ? [lo.slice()] : [];
  let size = 1n;
  for (const i of free.slice(0, -1)) {
    size *= hi[i]! - lo[i]! + 1n;
    if (size > BigInt(cap)) return undefined;
  }
  const last = free.at(-1)!;
  const out: bigint[][] = [];
  const v = lo.slice();
  const rest = free.slice(0, -1);
  const visit = (k: number): void => {
    if (k === rest.length) {
      let s = 0n;
      for (let i = 0; i < v.length; i++) if (i !== last) s += v[i]!;
      const n = N - s;
      if (n >= lo[last]! && n <= hi[last]!) {
        v[last] = n;
        out.push(v.slice());
      }
      return;
    }
    const i = rest[k]!;
    for (let n = lo[i]!; n <= hi[i]!; n++) {
      v[i] = n;
      visit(k + 1);
    }
    v[i] = lo[i]!;
  };
  visit(0);
  return out;
}

/**
 * The amounts a convention gives for counts (complete, summing to N), bases added; undefined when
 * the kernel refuses them (largest-absorbs on a pot too small to absorb the difference).
 */
function amountsUnder(ctx: Context, convention: RoundingConvention, counts: readonly bigint[]): { amounts: bigint[]; absorber?: { code: string; absorbed: bigint } } | undefined {
  const items: Weighted[] = ctx.codes.map((id, i) => ({ id, weight: counts[i]! }));
  if (convention === "largest-absorbs") {
    let s: AbsorbingSplit;
    try {
      s = splitLargestAbsorbs(ctx.S, items);
    } catch (e) {
      if (e instanceof AllocationError) return undefined;
      throw e;
    }
    return { amounts: ctx.codes.map((_, i) => ctx.bases[i]! + s.amounts[i]!), absorber: { code: s.absorber!, absorbed: s.absorbed } };
  }
  const s = convention === "nearest" ? splitNearest(ctx.S, items) : splitLargestRemainder(ctx.S, items);
  return { amounts: ctx.codes.map((_, i) => ctx.bases[i]! + s.amounts[i]!) };
}

function solutionOf(ctx: Context, N: bigint, lo: readonly bigint[], hi: readonly bigint[], extra: Partial<BaseSolution> = {}): BaseSolution {
  const counts = ctx.codes.map((code, i) => ({ code, lo: lo[i]!, hi: hi[i]! }));
  return { keyTotal: N, counts, exact: counts.every((c) => c.lo === c.hi), verified: true, ...extra };
}

/** The solutions of the sum-forcing conventions among a box's vectors, checked with the kernel. */
function checkVectors(ctx: Context, convention: RoundingConvention, N: bigint, lo: bigint[], hi: bigint[], absorber?: string): BaseSolution | undefined {
  const vectors = vectorsSummingTo(N, lo, hi, MAX_VECTORS);
  if (vectors === undefined) return solutionOf(ctx, N, lo, hi, { verified: false });
  const good: bigint[][] = [];
  let absorbed: BaseSolution["absorber"];
  for (const v of vectors) {
    const r = amountsUnder(ctx, convention, v);
    if (!r) continue;
    // Under largest-absorbs, a vector whose largest count is another row's is that row's case.
    if (absorber !== undefined && r.absorber?.code !== absorber) continue;
    if (r.amounts.every((a, i) => a === ctx.published[i])) {
      good.push(v);
      absorbed ??= r.absorber;
    }
  }
  if (good.length === 0) return undefined;
  const l = ctx.codes.map((_, i) => good.reduce((m, v) => (v[i]! < m ? v[i]! : m), good[0]![i]!));
  const h = ctx.codes.map((_, i) => good.reduce((m, v) => (v[i]! > m ? v[i]! : m), good[0]![i]!));
  const extra: Partial<BaseSolution> = { vectors: good.length };
  if (absorbed) extra.absorber = absorbed;
  return solutionOf(ctx, N, l, h, extra);
}

interface Solved {
  solutions: BaseSolution[];
  fits: number;
  truncated: boolean;
  chance: ChanceEstimate;
  outcome: SearchOutcome;
  reason: FitReason;
}

function reasonOf(found: readonly BaseSolution[], fits: number): FitReason {
  if (found.some((s) => s.verified)) return "fits";
  return fits > 0 ? "undecided" : "no-fit";
}

function solve(ctx: Context, convention: RoundingConvention): Solved {
  const solutions: BaseSolution[] = [];
  let fits = 0;
  const keep = (s: BaseSolution | undefined) => {
    if (!s) return;
    fits++;
    if (solutions.length < ctx.maxSolutions) solutions.push(s);
  };
  const forcing = convention !== "nearest";
  const k = ctx.codes.length;
  const chance = expectedChanceFits(convention === "largest-absorbs" ? k - 1 : k, (convention === "largest-remainder" ? 2 : 1) / Number(ctx.S), ctx.from, ctx.to);
  const empty: SearchOutcome = { hits: [], fits: 0, checked: 0, pivotSteps: 0, method: "scan", truncated: false };
  if (forcing && !ctx.sumOk) return { solutions, fits, truncated: false, chance, outcome: empty, reason: "rows-do-not-sum-to-pot" };

  if (convention === "largest-absorbs") {
    // The absorber's amount says nothing about its count (it is what is left); its count is N
    // minus the others', and it must be the largest. It is the largest amount in any real table,
    // but a row whose amount is within k kronor of the largest could be it too (the difference it
    // absorbs is at most k/2 kronor), so each such row is tried.
    let outcome: SearchOutcome = empty;
    const top = ctx.published.reduce((m, a) => (a > m ? a : m), 0n);
    const candidates = ctx.codes.map((_, i) => i).filter((i) => ctx.published[i]! + BigInt(k) >= top);
    const found: BaseSolution[] = [];
    for (const abs of candidates) {
      const others = ctx.codes.map((_, i) => i).filter((i) => i !== abs);
      const o = run(others.map((i) => nearestBound(ctx.shares[i]!)), ctx, (hit) => {
        let sumLo = 0n;
        let sumHi = 0n;
        for (let j = 0; j < others.length; j++) {
          sumLo += hit.lo[j]!;
          sumHi += hit.hi[j]!;
        }
        const lo = new Array<bigint>(k);
        const hi = new Array<bigint>(k);
        others.forEach((i, j) => {
          lo[i] = hit.lo[j]!;
          hi[i] = hit.hi[j]!;
        });
        lo[abs] = hit.keyTotal - sumHi > 0n ? hit.keyTotal - sumHi : 0n;
        hi[abs] = hit.keyTotal - sumLo;
        if (hi[abs]! < lo[abs]!) return;
        const s = checkVectors(ctx, convention, hit.keyTotal, lo, hi, ctx.codes[abs]!);
        if (s) found.push(s);
      });
      outcome = { ...o, checked: outcome.checked + o.checked, pivotSteps: outcome.pivotSteps + o.pivotSteps };
    }
    found.sort((a, b) => (a.keyTotal < b.keyTotal ? -1 : a.keyTotal > b.keyTotal ? 1 : 0));
    for (const s of found) keep(s);
    return { solutions, fits, truncated: fits > solutions.length, chance, outcome, reason: reasonOf(found, fits) };
  }

  const bound = convention === "nearest" ? nearestBound : remainderBound;
  const outcome = run(ctx.shares.map(bound), ctx, (hit, den) => {
    void den;
    if (!ctx.complete) {
      // The recipients not in the table count zero or more: the table's counts sum to N at most.
      const sumLo = hit.lo.reduce((a, b) => a + b, 0n);
      if (sumLo > hit.keyTotal) return;
      const hi = hit.hi.map((h, i) => (hit.keyTotal - (sumLo - hit.lo[i]!) < h ? hit.keyTotal - (sumLo - hit.lo[i]!) : h));
      keep(solutionOf(ctx, hit.keyTotal, hit.lo, hi));
      return;
    }
    const t = tighten(hit.keyTotal, hit.lo, hit.hi);
    if (!t) return;
    keep(convention === "nearest" ? solutionOf(ctx, hit.keyTotal, t[0], t[1]) : checkVectors(ctx, convention, hit.keyTotal, t[0], t[1]));
  }, convention === "nearest" ? 2n * ctx.S : ctx.S);
  return { solutions, fits, truncated: fits > solutions.length, chance, outcome, reason: reasonOf(solutions, fits) };
}

/** Runs the search, handing every hit to `visit` (which keeps what it accepts). */
function run(bounds: CountBound[], ctx: Context, visit: (hit: KeyTotalHit, den: bigint) => void, den = 2n * ctx.S): SearchOutcome {
  try {
    // maxHits 0: the hits are consumed by `visit`, none need to be kept.
    const outcome = searchKeyTotals(bounds, den, ctx.from, ctx.to, { maxHits: 0, onHit: (h) => visit(h, den) });
    return outcome;
  } catch (e) {
    if (e instanceof SearchTooWide) {
      throw errorOf([issue("TABLE_INFER_INPUT", "range-too-wide", { from: String(ctx.from), to: String(ctx.to), limit: String(e.limit) })]);
    }
    throw e;
  }
}

/** A reference base for a convention that does not fit: another's solution, or one row left out. */
function referenceBase(ctx: Context, solved: ReadonlyMap<RoundingConvention, Solved>): { keyTotal: bigint; counts: bigint[]; from: RoundingConvention | "leave-one-out"; leftOut?: string } | undefined {
  for (const c of ROUNDING_CONVENTIONS) {
    const s = solved.get(c)!.solutions.find((x) => x.exact && x.verified);
    if (s) return { keyTotal: s.keyTotal, counts: s.counts.map((x) => x.lo), from: c };
  }
  for (let r = 0; r < ctx.codes.length; r++) {
    const rest = ctx.codes.map((_, i) => i).filter((i) => i !== r);
    const hits: KeyTotalHit[] = [];
    run(rest.map((i) => nearestBound(ctx.shares[i]!)), ctx, (hit) => {
      if (hits.length < 2) hits.push(hit);
    });
    const hit = hits[0];
    if (hits.length !== 1 || !hit || hit.lo.some((a, j) => a !== hit.hi[j])) continue;
    const counts = new Array<bigint>(ctx.codes.length);
    let sum = 0n;
    rest.forEach((i, j) => {
      counts[i] = hit.lo[j]!;
      sum += hit.lo[j]!;
    });
    counts[r] = hit.keyTotal - sum;
    if (counts[r]! < 0n) continue;
    return { keyTotal: hit.keyTotal, counts, from: "leave-one-out", leftOut: ctx.codes[r]! };
  }
  return undefined;
}

/**
 * Finds every national key total N in `range` and counts n_i such that each published amount is
 * reproduced exactly, `amount_i = base_i + round(S × n_i / N)`, S = pot − Σ bases over all
 * recipients of the level, all in exact integer arithmetic.
 *
 * For nearest-krona rounding (halves up) an amount a fits exactly the counts with
 * `(2a − 1)·N ≤ 2·S·n < (2a + 1)·N` (a = amount − base), an integer interval at each N; the
 * search (src/audit/search.ts) pivots on the largest amount's candidate counts instead of
 * scanning every N. For a table of every recipient of the level the counts must also sum to N,
 * and each sum-forcing convention is tested with the kernel that implements it (`conventions`):
 * which fit, and for those that do not, the rows they compute otherwise.
 *
 * `chance` estimates how many N would fit if the amounts were unrelated to any population (see
 * src/audit/chance.ts); a unique solution with a tiny `chance.expected` is evidence, not a
 * coincidence.
 *
 * @throws TableError `TABLE_INFER_INPUT` (empty amounts, a bad range, an amount below its base,
 * bases above the pot, a sum-forcing convention asked of an incomplete table, a range too wide to
 * search), `TABLE_DUPLICATE` (a code twice), GeographyError `GEOGRAPHY_UNKNOWN_CODE`.
 * @example
 * ```ts
 * // Dalarna's 15 published amounts of pot 2, 2025 (250 000 000 kr, 200 000 kr per municipality):
 * const r = inferBase({ amounts: dalarna, potAmount: 250_000_000, base: 200_000, level: "municipality", range: [1_500_000, 3_500_000] });
 * r.unique;                      // true
 * r.solutions[0].keyTotal;       // 2265405n
 * r.solutions[0].counts.find((c) => c.code === "2080"); // { code: "2080", lo: 13093n, hi: 13093n }
 * ```
 */
export function inferBase(input: InferBaseInput): InferResult {
  const issues: Issue[] = [];
  const level = input.level;
  const listed = typeof input.recipientsAtLevel === "number" ? undefined : (input.recipientsAtLevel ?? recipients(level).map((r) => r.code));
  const M = typeof input.recipientsAtLevel === "number" ? input.recipientsAtLevel : listed!.length;
  const codes: string[] = [];
  const published: bigint[] = [];
  const seen = new Set<string>();
  if (input.amounts.length === 0) issues.push(issue("TABLE_INFER_INPUT", "empty", {}));
  for (const a of input.amounts) {
    if (seen.has(a.code)) issues.push(issue("TABLE_DUPLICATE", "code", { code: a.code }, { value: a.code }));
    seen.add(a.code);
    if (listed && !listed.includes(a.code)) issues.push(issue("GEOGRAPHY_UNKNOWN_CODE", "level", { code: a.code, levels: [level] }, { value: a.code }));
    const v = whole(a.amount);
    if (v === undefined) issues.push(issue("TABLE_INFER_INPUT", "amount", { code: a.code, value: String(a.amount) }, { value: String(a.amount) }));
    codes.push(a.code);
    published.push(v ?? 0n);
  }
  if (!Number.isSafeInteger(M) || M < input.amounts.length) issues.push(issue("TABLE_INFER_INPUT", "recipients-at-level", { level, given: M, rows: input.amounts.length }));
  const pot = whole(input.potAmount);
  if (pot === undefined) issues.push(issue("TABLE_INFER_INPUT", "amount", { code: "pot", value: String(input.potAmount) }, { value: String(input.potAmount) }));
  const from = whole(input.range[0]);
  const to = whole(input.range[1]);
  if (from === undefined || to === undefined || from < 1n || to < from) {
    issues.push(issue("TABLE_INFER_INPUT", "range", { from: String(input.range[0]), to: String(input.range[1]) }));
  }
  const rule: BaseRule = input.base === undefined ? { amount: 0n } : typeof input.base === "object" ? input.base : { amount: input.base };
  const baseDefault = whole(rule.amount);
  if (baseDefault === undefined) issues.push(issue("TABLE_INFER_INPUT", "amount", { code: "base", value: String(rule.amount) }, { value: String(rule.amount) }));
  const exceptions = new Map<string, bigint>();
  for (const [code, v] of Object.entries(rule.exceptions ?? {})) {
    const b = whole(v);
    if (b === undefined) issues.push(issue("TABLE_INFER_INPUT", "amount", { code, value: String(v) }, { value: String(v) }));
    else exceptions.set(code, b);
  }
  const convention = input.convention ?? "nearest";
  const complete = M === input.amounts.length && issues.length === 0;
  if (convention !== "nearest" && !complete && issues.length === 0) {
    issues.push(issue("TABLE_INFER_INPUT", "needs-complete", { convention, words: CONVENTION_WORDS[convention], level, rows: input.amounts.length, recipients: M }));
  }
  if (issues.length > 0) throw errorOf(issues);

  const baseOf = (code: string) => exceptions.get(code) ?? baseDefault!;
  let baseTotal = 0n;
  if (listed) for (const c of listed) baseTotal += baseOf(c);
  else {
    baseTotal = baseDefault! * BigInt(M);
    for (const b of exceptions.values()) baseTotal += b - baseDefault!;
  }
  const S = pot! - baseTotal;
  if (S <= 0n) throw errorOf([issue("TABLE_INFER_INPUT", "bases-exceed-pot", { pot: String(pot), bases: String(baseTotal) })]);
  const bases = codes.map(baseOf);
  const shares = published.map((a, i) => a - bases[i]!);
  shares.forEach((x, i) => {
    if (x < 0n) issues.push(issue("TABLE_INFER_INPUT", "below-base", { code: codes[i]!, amount: String(published[i]), base: String(bases[i]) }, { value: String(published[i]) }));
  });
  if (issues.length > 0) throw errorOf(issues);
  const amountsSum = published.reduce((a, b) => a + b, 0n);
  const ctx: Context = { level, codes, published, bases, shares, S, pot: pot!, from: from!, to: to!, complete, sumOk: amountsSum === pot, maxSolutions: input.maxSolutions ?? 1000 };

  const main = solve(ctx, convention);
  const result: InferResult = {
    level,
    potAmount: pot!,
    baseTotal,
    shared: S,
    range: [from!, to!],
    convention,
    rows: codes.length,
    recipients: M,
    complete,
    amountsSum,
    solutions: main.solutions,
    fits: main.fits,
    truncated: main.truncated,
    unique: main.fits === 1 && main.solutions[0]!.exact && main.solutions[0]!.verified,
    chance: main.chance,
    search: { method: main.outcome.method, checked: main.outcome.checked, pivotSteps: main.outcome.pivotSteps },
  };
  if (complete) {
    const solved = new Map<RoundingConvention, Solved>();
    for (const c of ROUNDING_CONVENTIONS) solved.set(c, c === convention ? main : solve(ctx, c));
    const needReference = ROUNDING_CONVENTIONS.some((c) => solved.get(c)!.reason !== "fits");
    const reference = needReference ? referenceBase(ctx, solved) : undefined;
    result.conventions = ROUNDING_CONVENTIONS.map((c) => {
      const s = solved.get(c)!;
      const fit: ConventionFit = { convention: c, words: CONVENTION_WORDS[c], fits: s.reason === "fits", reason: s.reason, solutions: s.solutions, breaking: [], chance: s.chance };
      if (s.reason !== "fits" && reference) {
        fit.reference = { keyTotal: reference.keyTotal, from: reference.from };
        if (reference.leftOut !== undefined) fit.reference.leftOut = reference.leftOut;
        const computed = amountsUnder(ctx, c, reference.counts)?.amounts;
        if (computed) fit.breaking = codes.flatMap((code, i) => (computed[i] === published[i] ? [] : [{ code, published: published[i]!, computed: computed[i]!, difference: published[i]! - computed[i]! }]));
      }
      return fit;
    });
  }
  return result;
}
