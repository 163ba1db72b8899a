/**
 * Bench section: working a population base back from published amounts (inferBase) against the
 * naive scan of every national total N, written here. Two cases:
 *
 * - Dalarna's 15 published municipal amounts of 2025 (pot 2: 250 000 000 kr, 200 000 kr per
 *   municipality), N in [1 500 000, 3 500 000]. Target: under 1 s.
 * - SKR's complete 21-region women's-health table of 2023 (1 437 000 000 kr), N in
 *   [10 000 000, 11 000 000], every convention tested (nearest, largest remainder, largest
 *   absorbs). Target: under 2 s.
 *
 * `benchAudit()` returns the figures (medians and means in ms) for the bench runner to print;
 * `npx tsx bench/audit.ts [--quick]` runs it alone. The naive scan's results are checked equal to
 * inferBase's before anything is timed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as src from "../src/index.js";

/** The parts of the library the section uses: the built `dist/` or the sources. */
export type AuditLib = Pick<typeof src, "inferBase" | "parsePublishedTable" | "splitLargestRemainder" | "splitLargestAbsorbs">;

/** Timings of one contender, in milliseconds. */
export interface Timing {
  median: number;
  mean: number;
  min: number;
  samples: number;
}

/** One case: inferBase against the naive scan. */
export interface AuditCase {
  name: string;
  amounts: number;
  range: [number, number];
  /** Key totals that fit, per convention tested (identical for both contenders). */
  fits: Record<string, string[]>;
  inferBase: Timing;
  naive: Timing;
  /** naive median / inferBase median. */
  speedup: number;
  targetMs: number;
  pass: boolean;
}

/** What {@link benchAudit} returns. */
export interface AuditFigures {
  node: string;
  quick: boolean;
  dalarna: AuditCase;
  regions: AuditCase;
}

const ROOT = resolve(import.meta.dirname, "..");

// ---------------------------------------------------------------------------------------------
// The naive scan: every N in the range, every amount checked by the definition, in bigint.

/** For nearest: (2x − 1)·N ≤ 2·S·n < (2x + 1)·N. For largest remainder: (x − 1)·N < S·n < (x + 1)·N. */
function countsAt(x: bigint, S: bigint, N: bigint, remainder: boolean): [bigint, bigint] {
  // Floor and ceiling for b > 0; bigint division truncates toward zero.
  const fdiv = (a: bigint, b: bigint) => (a < 0n && a % b !== 0n ? a / b - 1n : a / b);
  const cdiv = (a: bigint, b: bigint) => -fdiv(-a, b);
  let lo: bigint;
  let hi: bigint;
  if (remainder) {
    lo = fdiv((x - 1n) * N, S) + 1n;
    hi = cdiv((x + 1n) * N, S) - 1n;
  } else {
    lo = cdiv((2n * x - 1n) * N, 2n * S);
    hi = cdiv((2n * x + 1n) * N, 2n * S) - 1n;
  }
  return [lo < 0n ? 0n : lo, hi > N ? N : hi];
}

interface NaiveInput {
  codes: string[];
  shares: bigint[];
  S: bigint;
  from: bigint;
  to: bigint;
}

/**
 * Key totals where every amount has a count (partial table: the counts sum to N at most).
 *
 * @example
 * ```ts
 * // Falun's 1 109 672 kr of 192 000 000 kr alone, N near 2 265 405:
 * naivePartial({ codes: ["2080"], shares: [1_109_672n], S: 192_000_000n, from: 2_265_400n, to: 2_265_410n });
 * // [2265404n, 2265405n]: every N at which some count rounds to the amount
 * ```
 */
export function naivePartial(input: NaiveInput): bigint[] {
  const out: bigint[] = [];
  for (let N = input.from; N <= input.to; N++) {
    let sum = 0n;
    let ok = true;
    for (const x of input.shares) {
      const [lo, hi] = countsAt(x, input.S, N, false);
      if (lo > hi) {
        ok = false;
        break;
      }
      sum += lo;
    }
    if (ok && sum <= N) out.push(N);
  }
  return out;
}

/**
 * Key totals at which a complete table fits each convention, the counts summing to N.
 *
 * @example
 * ```ts
 * naiveComplete(lib, { codes: ["a", "b", "c"], shares: [4n, 3n, 3n], S: 10n, from: 1n, to: 4n });
 * // { nearest: [], "largest-remainder": [3n], "largest-absorbs": [3n, 4n] }
 * ```
 */
export function naiveComplete(lib: AuditLib, input: NaiveInput): Record<string, bigint[]> {
  const fits: Record<string, bigint[]> = { nearest: [], "largest-remainder": [], "largest-absorbs": [] };
  const k = input.shares.length;
  let absorber = 0;
  for (let i = 1; i < k; i++) if (input.shares[i]! > input.shares[absorber]!) absorber = i;
  for (let N = input.from; N <= input.to; N++) {
    for (const convention of ["nearest", "largest-remainder", "largest-absorbs"] as const) {
      const lo: bigint[] = [];
      const hi: bigint[] = [];
      let ok = true;
      for (let i = 0; i < k && ok; i++) {
        if (convention === "largest-absorbs" && i === absorber) {
          lo.push(0n);
          hi.push(N);
          continue;
        }
        const [a, b] = countsAt(input.shares[i]!, input.S, N, convention === "largest-remainder");
        if (a > b) ok = false;
        lo.push(a);
        hi.push(b);
      }
      if (!ok) continue;
      if (convention === "largest-absorbs") {
        const others = lo.reduce((s, v, i) => (i === absorber ? s : s + v), 0n);
        const othersHi = hi.reduce((s, v, i) => (i === absorber ? s : s + v), 0n);
        if (others !== othersHi) continue; // a count interval wider than one person: not in these tables
        lo[absorber] = hi[absorber] = N - others;
        if (lo[absorber]! < 0n) continue;
      }
      const sumLo = lo.reduce((a, b) => a + b, 0n);
      const sumHi = hi.reduce((a, b) => a + b, 0n);
      if (N < sumLo || N > sumHi) continue;
      if (convention === "nearest") {
        fits.nearest!.push(N);
        continue;
      }
      if (sumLo !== sumHi) continue;
      const items = lo.map((weight, i) => ({ id: input.codes[i]!, weight }));
      const split = convention === "largest-remainder" ? lib.splitLargestRemainder(input.S, items) : lib.splitLargestAbsorbs(input.S, items);
      if ([...split.amounts].every((a, i) => a === input.shares[i])) fits[convention]!.push(N);
    }
  }
  return fits;
}

// ---------------------------------------------------------------------------------------------
// Timing.

function time(fn: () => unknown, budgetMs: number, maxIterations: number, minIterations = 3, warmUp = true): Timing {
  // The naive scans run for seconds and warm themselves up; inferBase gets one call first.
  if (warmUp) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < maxIterations && (samples.length < minIterations || performance.now() - start < budgetMs)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return {
    median: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    min: sorted[0]!,
    samples: samples.length,
  };
}

const same = (a: readonly bigint[], b: readonly bigint[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Times inferBase against the naive scan on Dalarna's 2025 amounts and on SKR's 2023 table.
 *
 * @example
 * ```ts
 * const f = await benchAudit({ quick: true });
 * f.dalarna.inferBase.median; // ms, target < 1000
 * ```
 */
export async function benchAudit(options: { lib?: AuditLib; quick?: boolean } = {}): Promise<AuditFigures> {
  const lib = options.lib ?? src;
  const quick = options.quick ?? false;
  const budget = quick ? 300 : 3000;

  // Dalarna 2025, pot 2.
  const dalarnaText = readFileSync(resolve(ROOT, "tests", "oracles", "dalarna-2025.csv"), "utf8");
  const dalarna = lib.parsePublishedTable(dalarnaText, { where: { pot: "2" } }).rows;
  const dRange: [number, number] = [1_500_000, 3_500_000];
  const dInput = () => lib.inferBase({ amounts: dalarna, potAmount: 250_000_000, base: 200_000, level: "municipality", range: dRange });
  const dNaiveInput: NaiveInput = { codes: dalarna.map((r) => r.code), shares: dalarna.map((r) => r.amount - 200_000n), S: 192_000_000n, from: BigInt(dRange[0]), to: BigInt(dRange[1]) };
  const dFast = dInput().solutions.map((s) => s.keyTotal);
  const dNaive = naivePartial(dNaiveInput);
  if (!same(dFast, dNaive)) throw new Error(`Dalarna: inferBase found ${dFast.join(", ")}, the scan ${dNaive.join(", ")}`);
  const dalarnaCase = ((): AuditCase => {
    const fast = time(dInput, budget, 200);
    const naive = time(() => naivePartial(dNaiveInput), budget, quick ? 1 : 3, quick ? 1 : 3, false);
    return { name: "Dalarna 2025, 15 municipal amounts", amounts: dalarna.length, range: dRange, fits: { nearest: dFast.map(String) }, inferBase: fast, naive, speedup: naive.median / fast.median, targetMs: 1000, pass: fast.median < 1000 };
  })();

  // SKR's women's-health table 2023, all 21 regions.
  const whText = readFileSync(resolve(ROOT, "tests", "oracles", "kvinnors-halsa", "2023.csv"), "utf8");
  const wh = lib.parsePublishedTable(whText, { amountColumn: "belopp_befolkning_kr" });
  const pot = wh.totals[0]!.amount;
  const rRange: [number, number] = [10_000_000, 11_000_000];
  const rInput = () => lib.inferBase({ amounts: wh.rows, potAmount: pot, level: "region", range: rRange });
  const rNaiveInput: NaiveInput = { codes: wh.rows.map((r) => r.code), shares: wh.rows.map((r) => r.amount), S: pot, from: BigInt(rRange[0]), to: BigInt(rRange[1]) };
  const fast = rInput();
  const naiveFits = naiveComplete(lib, rNaiveInput);
  for (const c of fast.conventions!) {
    const mine = c.solutions.filter((s) => s.verified).map((s) => s.keyTotal);
    if (!same(mine, naiveFits[c.convention]!)) throw new Error(`2023 ${c.convention}: inferBase found ${mine.join(", ")}, the scan ${naiveFits[c.convention]!.join(", ")}`);
  }
  const regionsCase = ((): AuditCase => {
    const f = time(rInput, budget, 100);
    const naive = time(() => naiveComplete(lib, rNaiveInput), budget, quick ? 1 : 3, quick ? 1 : 3, false);
    return {
      name: "SKR women's health 2023, 21 regions, three conventions",
      amounts: wh.rows.length,
      range: rRange,
      fits: Object.fromEntries(Object.entries(naiveFits).map(([k, v]) => [k, v.map(String)])),
      inferBase: f,
      naive,
      speedup: naive.median / f.median,
      targetMs: 2000,
      pass: f.median < 2000,
    };
  })();

  return { node: process.version, quick, dalarna: dalarnaCase, regions: regionsCase };
}

async function main(): Promise<void> {
  const f = await benchAudit({ quick: process.argv.includes("--quick") });
  for (const c of [f.dalarna, f.regions]) {
    const ms = (t: Timing) => `median ${t.median.toFixed(2)} ms, mean ${t.mean.toFixed(2)} ms (${t.samples} runs)`;
    console.log(`${c.name}, N in [${c.range.join(", ")}]: inferBase ${ms(c.inferBase)}; naive scan ${ms(c.naive)}; ${c.speedup.toFixed(0)}× faster; target < ${c.targetMs} ms: ${c.pass ? "PASS" : "FAIL"}`);
    console.log(`  fits: ${JSON.stringify(c.fits)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
