/**
 * Properties of splitLargestAbsorbs against an independent exact computation: every part but the
 * largest is its own half-up rounding, the largest is whatever makes the sum exact.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLargestAbsorbs, type Weighted } from "../../src/apportion.js";
import { nearestReference, shuffle } from "./exact.js";

const RUNS = { numRuns: 200 };

/** Up to 300 recipients with distinct ids and weights up to 10^8; the total large enough to absorb. */
const caseArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 300 })
  .chain((ids) =>
    fc.tuple(
      fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(String(id).padStart(4, "0")), weight: fc.oneof(fc.bigInt(0n, 4n), fc.bigInt(1n, 10n ** 8n)) }))),
      fc.oneof(fc.bigInt(0n, 10n ** 9n), fc.bigInt(10n ** 11n, 10n ** 15n)),
    ),
  )
  .filter(([items]) => items.some((x) => x.weight > 0n))
  // The largest exact share must be able to give up the rounding overshoot (at most n/2 kronor).
  .filter(([items, total]) => {
    const den = items.reduce((s, x) => s + x.weight, 0n);
    const top = items.reduce((m, x) => (x.weight > m ? x.weight : m), 0n);
    return (total * top) / den >= BigInt(items.length);
  }) as fc.Arbitrary<[Weighted[], bigint]>;

describe("splitLargestAbsorbs (properties)", () => {
  it("parts sum exactly to the total; all but the largest are half-up roundings; the largest is the largest weight, lowest id on ties", () => {
    fc.assert(
      fc.property(caseArb, ([items, total]) => {
        const s = splitLargestAbsorbs(total, items);
        const den = items.reduce((a, x) => a + x.weight, 0n);
        const top = items.reduce((m, x) => (x.weight > m ? x.weight : m), 0n);
        const absorber = items.filter((x) => x.weight === top).map((x) => x.id).sort()[0]!;
        expect(s.absorber).toBe(absorber);
        let others = 0n;
        items.forEach((x, i) => {
          if (x.id === absorber) return;
          expect(s.amounts[i]).toBe(nearestReference(total, x.weight, den));
          others += s.amounts[i]!;
        });
        expect(s.amounts[s.absorberIndex]).toBe(total - others);
        expect(s.absorbed).toBe(total - others - nearestReference(total, top, den));
        expect(s.allocated).toBe(total);
        expect([...s.amounts].reduce((a, b) => a + b, 0n)).toBe(total);
      }),
      RUNS,
    );
  });

  it("does not depend on the order of the items", () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), ([items, total], seed) => {
        const a = splitLargestAbsorbs(total, items);
        const b = splitLargestAbsorbs(total, shuffle(items, seed));
        const byId = (s: typeof a, xs: readonly Weighted[]) => new Map(xs.map((x, i) => [x.id, s.amounts[i]!]));
        expect(byId(b, shuffle(items, seed))).toEqual(byId(a, items));
        expect(b.absorber).toBe(a.absorber);
      }),
      RUNS,
    );
  });

  it("the absorbed difference is at most half a krona per other recipient", () => {
    fc.assert(
      fc.property(caseArb, ([items, total]) => {
        const s = splitLargestAbsorbs(total, items);
        const d = s.absorbed < 0n ? -s.absorbed : s.absorbed;
        expect(2n * d).toBeLessThanOrEqual(BigInt(items.length));
      }),
      RUNS,
    );
  });
});
