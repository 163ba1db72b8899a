/**
 * The exact floor the allocation is judged against: the 2025 agreement written by hand for its
 * rule kinds (perRecipient with group exceptions, basePlusShare, share, fixed), half up per
 * recipient, with county counts summed from the municipalities on every call. Two versions: checked
 * safe integers (doubles holding whole numbers, every intermediate below 2^53, which the 2025
 * figures satisfy and `floorSafe` asserts) and bigint. No explanations, no missing data, no checks
 * beyond the bound: the least work that yields every krona.
 */
import type { Agreement, Level } from "../src/index.js";

/** Municipal counts per key in municipality position order, and each municipality's county position. */
export interface FloorInput {
  readonly municipal: Readonly<Record<string, Float64Array>>;
  readonly countyOf: Int8Array;
  readonly counties: number;
  /** County positions of each named group (metropolitan: Stockholm, Skåne, Västra Götaland). */
  readonly groupCounties: Readonly<Record<string, readonly number[]>>;
  readonly countyCodes: readonly string[];
}

/** One pot's amounts by position (one amount for a fixed pot). */
export interface FloorPot<T> {
  readonly pot: string;
  readonly level: Level;
  readonly amounts: T[];
}

type Rule = NonNullable<Agreement["pots"][number]["rule"]>;

function basesFor(input: FloorInput, n: number, level: Level, amount: number, rule: Extract<Rule, { exceptions: readonly unknown[] }>): number[] {
  const out = new Array<number>(n).fill(amount);
  for (const e of rule.exceptions) {
    if ("group" in e) {
      for (const c of input.groupCounties[e.group] ?? []) {
        if (level === "municipality") {
          for (let i = 0; i < n; i++) if (input.countyOf[i] === c) out[i] = Number(e.amount);
        } else out[c] = Number(e.amount);
      }
    } else {
      const i = input.countyCodes.indexOf(e.code);
      if (i >= 0 && level !== "municipality") out[i] = Number(e.amount);
    }
  }
  return out;
}

function columnOf(input: FloorInput, level: Level, key: string): Float64Array {
  const m = input.municipal[key]!;
  if (level === "municipality") return m;
  // Counties summed from their municipalities, on every call.
  const c = new Float64Array(input.counties);
  for (let i = 0; i < m.length; i++) c[input.countyOf[i]!]! += m[i]!;
  return c;
}

/**
 * The 2025 allocation in checked safe integers.
 *
 * @example
 * ```ts
 * floorSafe(agreement, input).find((p) => p.pot === "4b")!.amounts[19]; // Dalarna's 4b
 * ```
 */
export function floorSafe(agreement: Agreement, input: FloorInput): FloorPot<number>[] {
  const out: FloorPot<number>[] = [];
  for (const pot of agreement.pots) {
    const rule = pot.rule!;
    const level = pot.level as Level;
    const amount = Number(pot.amount!);
    if (rule.type === "fixed") {
      out.push({ pot: pot.id, level, amounts: [amount] });
      continue;
    }
    const n = level === "municipality" ? input.countyOf.length : input.counties;
    if (rule.type === "perRecipient") {
      out.push({ pot: pot.id, level, amounts: basesFor(input, n, level, Number(rule.amount), rule) });
      continue;
    }
    if (rule.type !== "share" && rule.type !== "basePlusShare") throw new Error(`the floor covers the 2025 rule kinds, not ${rule.type}`);
    const bases = rule.type === "basePlusShare" ? basesFor(input, n, level, Number(rule.base), rule) : undefined;
    let shared = amount;
    if (bases) for (let i = 0; i < n; i++) shared -= bases[i]!;
    const counts = columnOf(input, level, rule.key);
    let d = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      d += counts[i]!;
      if (counts[i]! > max) max = counts[i]!;
    }
    // The bound: shared × max + d below 2^53, so products, quotients and remainders are exact.
    if (shared > Math.floor((Number.MAX_SAFE_INTEGER - d) / max)) throw new Error("the safe floor's bound does not hold");
    const amounts = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const p = shared * counts[i]!;
      let q = Math.floor(p / d);
      let r = p - q * d;
      if (r < 0) {
        q--;
        r += d;
      } else if (r >= d) {
        q++;
        r -= d;
      }
      amounts[i] = (bases ? bases[i]! : 0) + q + (2 * r >= d ? 1 : 0);
    }
    out.push({ pot: pot.id, level, amounts });
  }
  return out;
}

/**
 * The 2025 allocation in bigint.
 *
 * @example
 * ```ts
 * floorBigint(agreement, input).find((p) => p.pot === "5")!.amounts[0]; // SKR's sum
 * ```
 */
export function floorBigint(agreement: Agreement, input: FloorInput): FloorPot<bigint>[] {
  const out: FloorPot<bigint>[] = [];
  for (const pot of agreement.pots) {
    const rule = pot.rule!;
    const level = pot.level as Level;
    const amount = pot.amount!;
    if (rule.type === "fixed") {
      out.push({ pot: pot.id, level, amounts: [amount] });
      continue;
    }
    const n = level === "municipality" ? input.countyOf.length : input.counties;
    if (rule.type === "perRecipient") {
      out.push({ pot: pot.id, level, amounts: basesFor(input, n, level, Number(rule.amount), rule).map(BigInt) });
      continue;
    }
    if (rule.type !== "share" && rule.type !== "basePlusShare") throw new Error(`the floor covers the 2025 rule kinds, not ${rule.type}`);
    const bases = rule.type === "basePlusShare" ? basesFor(input, n, level, Number(rule.base), rule).map(BigInt) : undefined;
    let shared = amount;
    if (bases) for (let i = 0; i < n; i++) shared -= bases[i]!;
    const column = columnOf(input, level, rule.key);
    const counts = new Array<bigint>(n);
    let d = 0n;
    for (let i = 0; i < n; i++) d += counts[i] = BigInt(column[i]!);
    const amounts = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const p = shared * counts[i]!;
      const q = p / d;
      const r = p - q * d;
      amounts[i] = (bases ? bases[i]! : 0n) + q + (2n * r >= d ? 1n : 0n);
    }
    out.push({ pot: pot.id, level, amounts });
  }
  return out;
}
