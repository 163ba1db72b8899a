/**
 * What every recipient of a level gets before any share: a rule's per-recipient sum or base, or
 * the exception that applies. An exception naming a code beats one naming a group; among groups
 * the last one listed that contains the recipient wins.
 */
import { groupMembers, type Level } from "../geography/index.js";
import { COUNTY_OF_MUNICIPALITY, countyPosition, levelCodes, levelPosition } from "../geography/positions.js";
import type { Exception } from "../rules.js";
import type { ExceptionRef } from "./model.js";

/** Each position's fixed part and the exception behind it. */
export interface LevelBases {
  /**
   * Whole kronor by position: doubles when the level's count times the largest amount stays below
   * 2^53 (so every base and every partial sum is exact), bigints otherwise. Read with {@link baseAt}.
   */
  readonly values: Float64Array | bigint[];
  readonly sum: bigint;
  /** The exception that set each position's base, or undefined (an empty list when there are none). */
  readonly exceptions: readonly (ExceptionRef | undefined)[];
}

const NO_EXCEPTIONS: readonly (ExceptionRef | undefined)[] = Object.freeze([]);

/**
 * The base at position `i` as a bigint.
 *
 * @example
 * ```ts
 * baseAt(levelBases("county", 1_000_000n, []), 0); // 1_000_000n
 * ```
 */
export function baseAt(b: LevelBases, i: number): bigint {
  const v = b.values[i]!;
  return typeof v === "bigint" ? v : BigInt(v);
}

/**
 * The sum of the bases at the given positions.
 *
 * @example
 * ```ts
 * basesSumAt(levelBases("county", 5n, []), Int32Array.of(0, 1)); // 10n
 * ```
 */
export function basesSumAt(b: LevelBases, positions: Int32Array): bigint {
  const v = b.values;
  if (v instanceof Float64Array) {
    let s = 0;
    for (let j = 0; j < positions.length; j++) s += v[positions[j]!]!;
    return BigInt(s);
  }
  let s = 0n;
  for (let j = 0; j < positions.length; j++) s += v[positions[j]!]!;
  return s;
}

/**
 * Sets each position's fixed part through `set` (and `mark` for the exception behind it): the
 * rule's amount everywhere, then groups in order, then code exceptions, so that a later group and
 * then any code exception overwrite earlier ones.
 */
function fillBases(level: Level, n: number, exceptions: readonly Exception[], set: (i: number, a: bigint) => void, mark?: (i: number, ref: ExceptionRef) => void): void {
  for (const e of exceptions) {
    if (!("group" in e)) continue;
    const members = groupMembers(e.group) ?? [];
    const ref: ExceptionRef | undefined = mark ? { kind: "group", group: e.group } : undefined;
    if (level === "municipality") {
      const counties = members.map(countyPosition);
      const codes = levelCodes(level);
      for (let i = 0; i < n; i++) {
        if (counties.includes(COUNTY_OF_MUNICIPALITY[i]!) || members.includes(codes[i]!)) {
          set(i, e.amount);
          mark?.(i, ref!);
        }
      }
    } else {
      for (const code of members) {
        const i = levelPosition(level, code);
        if (i >= 0) {
          set(i, e.amount);
          mark?.(i, ref!);
        }
      }
    }
  }
  for (const e of exceptions) {
    if (!("code" in e)) continue;
    const i = levelPosition(level, e.code);
    if (i >= 0) {
      set(i, e.amount);
      mark?.(i, { kind: "code", code: e.code });
    }
  }
}

/** Whether every base and every partial sum of `n` of them stays below 2^53. */
function basesSafe(n: number, amount: bigint, exceptions: readonly Exception[]): boolean {
  let max = amount < 0n ? -amount : amount;
  for (const e of exceptions) if (e.amount > max) max = e.amount;
  return max <= BigInt(Math.floor(Number.MAX_SAFE_INTEGER / Math.max(n, 1)));
}

/** One buffer per level for sums: filled and read within one call, so nothing crosses calls. */
const SCRATCH = new Map<Level, Float64Array>();

/**
 * The sum of a level's fixed parts, without building the per-position columns: what allocate()
 * needs for a pot's total and shared remainder on every call (the columns are built only when an
 * amount is read, by {@link levelBases}).
 *
 * @example
 * ```ts
 * levelBasesSum("county", 1_000_000n, [{ group: "metropolitan", amount: 2_000_000n }]); // 24_000_000n
 * ```
 */
export function levelBasesSum(level: Level, amount: bigint, exceptions: readonly Exception[]): bigint {
  const n = levelCodes(level).length;
  if (exceptions.length === 0) return amount * BigInt(n);
  if (!basesSafe(n, amount, exceptions)) return levelBases(level, amount, exceptions).sum;
  let values = SCRATCH.get(level);
  if (!values) SCRATCH.set(level, (values = new Float64Array(n)));
  values.fill(Number(amount));
  const v = values;
  fillBases(level, n, exceptions, (i, a) => (v[i] = Number(a)));
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i]!;
  return BigInt(s);
}

/**
 * The fixed part of every recipient at a level, by position.
 *
 * @example
 * ```ts
 * levelBases("county", 1_000_000n, [{ group: "metropolitan", amount: 2_000_000n }]).sum; // 24_000_000n
 * ```
 */
export function levelBases(level: Level, amount: bigint, exceptions: readonly Exception[]): LevelBases {
  const n = levelCodes(level).length;
  const safe = basesSafe(n, amount, exceptions);
  const values: Float64Array | bigint[] = safe ? new Float64Array(n).fill(Number(amount)) : new Array<bigint>(n).fill(amount);
  const set = safe ? (i: number, a: bigint) => ((values as Float64Array)[i] = Number(a)) : (i: number, a: bigint) => ((values as bigint[])[i] = a);
  let refs: (ExceptionRef | undefined)[] | undefined;
  fillBases(level, n, exceptions, set, (i, ref) => ((refs ??= new Array<ExceptionRef | undefined>(n).fill(undefined))[i] = ref));
  let sum: bigint;
  if (values instanceof Float64Array) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[i]!;
    sum = BigInt(s);
  } else {
    sum = 0n;
    for (const b of values) sum += b;
  }
  return { values, sum, exceptions: refs ?? NO_EXCEPTIONS };
}
