import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceilDiv, countInterval, floatWindow, floorDiv, searchKeyTotals, SearchTooWide, type CountBound } from "../../src/audit/search.js";

const nearestBound = (x: bigint): CountBound => ({ lo: 2n * x - 1n, hi: 2n * x + 1n, loStrict: false });

describe("the integer helpers", () => {
  it("floor and ceiling division for negative numerators too", () => {
    expect([floorDiv(7n, 2n), floorDiv(-7n, 2n), floorDiv(-8n, 2n), floorDiv(0n, 3n)]).toEqual([3n, -4n, -4n, 0n]);
    expect([ceilDiv(7n, 2n), ceilDiv(-7n, 2n), ceilDiv(8n, 2n), ceilDiv(0n, 3n)]).toEqual([4n, -3n, 4n, 0n]);
  });

  it("count intervals: Falun's 1 109 672 kr of 192 000 000 kr at N = 2 265 405 is exactly 13 093 persons", () => {
    expect(countInterval(nearestBound(1_109_672n), 384_000_000n, 2_265_405n)).toEqual([13_093n, 13_093n]);
    // At N = 2 265 406 no integer count gives 1 109 672 kr.
    const [a, b] = countInterval(nearestBound(1_109_672n), 384_000_000n, 2_265_406n);
    expect(a > b).toBe(true);
    // An amount of 0 kr: 0 persons (and more while S·n/N stays below half a krona).
    expect(countInterval(nearestBound(0n), 20n, 3n)).toEqual([0n, 0n]);
  });

  it("the floating-point window contains every N the exact window does", () => {
    fc.assert(
      fc.property(fc.bigInt(1n, 10n ** 9n), fc.bigInt(1n, 10n ** 7n), fc.bigInt(1n, 10n ** 12n), (x, n, S) => {
        const b = nearestBound(x);
        const den = 2n * S;
        const [fa, fb] = floatWindow(Number(n), Number(den), Number(b.lo), Number(b.hi));
        const ea = floorDiv(den * n, b.hi) + 1n;
        const eb = floorDiv(den * n, b.lo);
        if (ea <= eb) {
          expect(BigInt(fa) <= ea).toBe(true);
          expect(BigInt(fb) >= eb).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("searchKeyTotals", () => {
  const scan = (bounds: CountBound[], den: bigint, from: bigint, to: bigint) => {
    const out: bigint[] = [];
    for (let N = from; N <= to; N++) if (bounds.every((b) => { const [a, c] = countInterval(b, den, N); return a <= c; })) out.push(N);
    return out;
  };

  it("finds what a scan of every N finds, on the floating-point and on the exact path", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt(0n, 5000n), { minLength: 1, maxLength: 5 }),
        fc.bigInt(1n, 20_000n),
        fc.bigInt(1n, 3000n),
        fc.bigInt(0n, 1500n),
        fc.boolean(),
        (xs, S, from, width, strict) => {
          const bounds = xs.map((x): CountBound => (strict ? { lo: x - 1n, hi: x + 1n, loStrict: true } : nearestBound(x)));
          const den = strict ? S : 2n * S;
          const to = from + width;
          const want = scan(bounds, den, from, to);
          for (const exactOnly of [false, true]) {
            const s = searchKeyTotals(bounds, den, from, to, { maxHits: 10_000, exactOnly });
            expect(s.hits.map((h) => h.keyTotal)).toEqual(want);
            expect(s.fits).toBe(want.length);
            for (const h of s.hits) {
              bounds.forEach((b, i) => {
                expect(countInterval(b, den, h.keyTotal)).toEqual([h.lo[i], h.hi[i]]);
              });
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps at most maxHits hits but counts every fit, and hands each to onHit in order", () => {
    const seen: bigint[] = [];
    const s = searchKeyTotals([nearestBound(3n), nearestBound(7n)], 20n, 1n, 10n, { maxHits: 2, onHit: (h) => seen.push(h.keyTotal) });
    expect(s.hits.map((h) => h.keyTotal)).toEqual([3n, 6n]);
    expect(s.fits).toBe(5);
    expect(s.truncated).toBe(true);
    expect(seen).toEqual([3n, 6n, 7n, 9n, 10n]);
  });

  it("refuses a search it cannot finish in time", () => {
    expect(() => searchKeyTotals([nearestBound(0n)], 2n, 1n, 10n ** 9n)).toThrow(SearchTooWide);
    expect(() => searchKeyTotals([nearestBound(10n ** 6n)], 2n * 10n ** 6n, 1n, 10n ** 12n)).toThrow(SearchTooWide);
  });
});
