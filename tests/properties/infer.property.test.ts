/**
 * inferBase against a brute force written without its arithmetic: every key total N in the range
 * and every count vector, each amount recomputed by the rule and compared. Small cases (up to four
 * recipients, a few dozen persons), where the brute force is cheap and ties, halves and several
 * fitting counts are common.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferBase } from "../../src/audit/infer.js";
import type { RoundingConvention } from "../../src/audit/convention.js";

const RUNS = { numRuns: 80 };
const IDS = ["a", "b", "c", "d"];

// The three conventions in plain integer arithmetic (small numbers, so exact), from their definitions.
const nearest = (S: number, n: number, N: number) => Math.floor((2 * S * n + N) / (2 * N));
function remainder(S: number, ns: readonly number[]): number[] {
  const N = ns.reduce((a, b) => a + b, 0);
  const floors = ns.map((n) => Math.floor((S * n) / N));
  let left = S - floors.reduce((a, b) => a + b, 0);
  const order = ns.map((_, i) => i).sort((i, j) => ((S * ns[j]!) % N) - ((S * ns[i]!) % N) || i - j);
  for (const i of order) if (left > 0 && (S * ns[i]!) % N > 0) (floors[i]! += 1), left--;
  return floors;
}
function absorbs(S: number, ns: readonly number[]): { parts: number[]; absorber: number } | undefined {
  const N = ns.reduce((a, b) => a + b, 0);
  const parts = ns.map((n) => nearest(S, n, N));
  let top = 0;
  ns.forEach((n, i) => {
    if (n > ns[top]!) top = i;
  });
  parts[top] = parts[top]! + S - parts.reduce((a, b) => a + b, 0);
  return parts[top]! < 0 ? undefined : { parts, absorber: top };
}
function amountsOf(convention: RoundingConvention, S: number, ns: readonly number[]): { parts: number[]; absorber?: number } | undefined {
  if (convention === "nearest") {
    const N = ns.reduce((a, b) => a + b, 0);
    return { parts: ns.map((n) => nearest(S, n, N)) };
  }
  return convention === "largest-remainder" ? { parts: remainder(S, ns) } : absorbs(S, ns);
}

/** All vectors of k counts summing to exactly N. */
function* vectors(k: number, N: number): Generator<number[]> {
  const v = new Array<number>(k).fill(0);
  function* rec(i: number, left: number): Generator<number[]> {
    if (i === k - 1) {
      v[i] = left;
      yield v.slice();
      return;
    }
    for (let n = 0; n <= left; n++) {
      v[i] = n;
      yield* rec(i + 1, left - n);
    }
  }
  yield* rec(0, N);
}

interface Found {
  N: number;
  lo: number[];
  hi: number[];
  vectors: number;
  absorber?: string;
}

function bruteForce(convention: RoundingConvention, S: number, base: number, published: readonly number[], complete: boolean, range: number): Found[] {
  const out: Found[] = [];
  for (let N = 1; N <= range; N++) {
    if (!complete) {
      // Each row's counts by trying every n; the rows not in the table take the rest, so the
      // table's counts sum to N at most: a row's count is bounded by N minus the others' least.
      const sets = published.map((a) => Array.from({ length: N + 1 }, (_, n) => n).filter((n) => base + nearest(S, n, N) === a));
      if (sets.some((x) => x.length === 0)) continue;
      const least = sets.map((x) => x[0]!);
      const sumLeast = least.reduce((a, b) => a + b, 0);
      if (sumLeast > N) continue;
      const hi = sets.map((x, i) => Math.max(...x.filter((n) => n <= N - (sumLeast - least[i]!))));
      out.push({ N, lo: least, hi, vectors: -1 });
      continue;
    }
    const groups = new Map<string, number[][]>();
    for (const v of vectors(published.length, N)) {
      const r = amountsOf(convention, S, v);
      if (r === undefined || !r.parts.every((p, i) => base + p === published[i])) continue;
      const key = r.absorber !== undefined ? IDS[r.absorber]! : "";
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    for (const [key, vs] of [...groups.entries()].sort()) {
      const f: Found = { N, lo: vs[0]!.map((_, i) => Math.min(...vs.map((v) => v[i]!))), hi: vs[0]!.map((_, i) => Math.max(...vs.map((v) => v[i]!))), vectors: vs.length };
      if (key !== "") f.absorber = key;
      out.push(f);
    }
  }
  return out;
}

const caseArb = fc
  .record({
    k: fc.integer({ min: 1, max: 4 }),
    counts: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 4, maxLength: 4 }),
    S: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 300 })),
    base: fc.integer({ min: 0, max: 40 }),
    complete: fc.boolean(),
    convention: fc.constantFrom<RoundingConvention>("nearest", "largest-remainder", "largest-absorbs"),
    others: fc.integer({ min: 0, max: 6 }),
    slack: fc.integer({ min: 0, max: 8 }),
  })
  .map((c) => ({ ...c, counts: c.counts.slice(0, c.k), convention: c.complete ? c.convention : ("nearest" as const) }))
  .filter((c) => c.counts.some((n) => n > 0));

describe("inferBase against a brute force (properties)", () => {
  it("finds exactly the key totals and count intervals the brute force finds, for every convention", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const N = c.counts.reduce((a, b) => a + b, 0) + (c.complete ? 0 : c.others);
        const made = amountsOf(c.convention, c.S, c.complete ? c.counts : [...c.counts, c.others]);
        fc.pre(made !== undefined && N > 0);
        const published = c.counts.map((_, i) => c.base + made!.parts[i]!);
        const range = N + c.slack;
        const M = c.k + (c.complete ? 0 : 1);
        const r = inferBase({
          amounts: published.map((amount, i) => ({ code: IDS[i]!, amount })),
          potAmount: c.S + M * c.base,
          base: c.base,
          level: "municipality",
          recipientsAtLevel: M,
          convention: c.convention,
          range: [1, range],
        });
        expect(r.complete).toBe(c.complete);
        const got: Found[] = r.solutions.map((s) => {
          const f: Found = { N: Number(s.keyTotal), lo: s.counts.map((x) => Number(x.lo)), hi: s.counts.map((x) => Number(x.hi)), vectors: s.vectors ?? -1 };
          if (s.absorber) f.absorber = s.absorber.code;
          return f;
        });
        const want = bruteForce(c.convention, c.S, c.base, published, c.complete, range).map((f) => (c.convention === "nearest" ? { ...f, vectors: -1 } : f));
        // A box of too many vectors to check one by one (a pot of a few kronor) is a candidate: it
        // must contain what the brute force finds at that N.
        const unverified = new Set(r.solutions.filter((s) => !s.verified).map((s) => Number(s.keyTotal)));
        for (const g of got.filter((x) => unverified.has(x.N))) {
          for (const w of want.filter((x) => x.N === g.N)) w.lo.forEach((l, i) => expect(g.lo[i]! <= l && w.hi[i]! <= g.hi[i]!).toBe(true));
        }
        expect(got.filter((x) => !unverified.has(x.N))).toEqual(want.filter((x) => !unverified.has(x.N)));
        // The counts the amounts were made from are among the solutions.
        const truth = got.find((g) => g.N === N && c.counts.every((n, i) => g.lo[i]! <= n && n <= g.hi[i]!));
        expect(truth).toBeDefined();
        if (unverified.size === 0) expect(r.fits).toBe(want.length);
      }),
      RUNS,
    );
  });
});
