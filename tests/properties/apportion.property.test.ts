/**
 * Properties of the exact kernels (src/apportion.ts), checked on generated inputs against an
 * independent exact computation (./exact.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROUNDING_MODES, roundHalfUp, type RoundingMode, split, splitLargestRemainder, splitNearest, type Split, type Weighted } from "../../src/apportion.js";
import { largestRemainderReference, nearestReference, shuffle } from "./exact.js";

const RUNS = { numRuns: 200 };
const MAX_PERSONS = 10n ** 8n;

/** Up to 300 recipients with distinct ids, weights 0 to 10^8 persons, at least one positive. */
const itemsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 300 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(String(id).padStart(4, "0")),
          // Small weights make exact halves and equal remainders common; large ones test exactness.
          weight: fc.oneof(
            { weight: 1, arbitrary: fc.constant(0n) },
            { weight: 3, arbitrary: fc.bigInt(1n, 4n) },
            { weight: 3, arbitrary: fc.bigInt(1n, MAX_PERSONS) },
          ),
        }),
      ),
    ),
  )
  .filter((items) => items.some((x) => x.weight > 0n)) as fc.Arbitrary<Weighted[]>;

/** Sums from nothing to 10^15 kr, biased to both small sums (many ties) and huge ones. */
const totalArb = fc.oneof(fc.bigInt(0n, 100n), fc.bigInt(0n, 10n ** 9n), fc.bigInt(10n ** 11n, 10n ** 15n));
const modeArb = fc.constantFrom(...ROUNDING_MODES);

const byId = (s: Split) => new Map(s.parts.map((p) => [p.id, p.amount]));
const sum = (xs: Iterable<bigint>) => [...xs].reduce((a, b) => a + b, 0n);

describe("splitLargestRemainder (properties)", () => {
  it("parts sum exactly to the total and each is the floor or ceiling of its exact share", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, (total, items) => {
        const s = splitLargestRemainder(total, items);
        const den = sum(items.map((x) => x.weight));
        expect(sum(s.parts.map((p) => p.amount))).toBe(total);
        expect(s.allocated).toBe(total);
        for (const p of s.parts) {
          const exactFloor = (total * p.weight) / den;
          const whole = (total * p.weight) % den === 0n;
          expect(p.amount === exactFloor || (!whole && p.amount === exactFloor + 1n)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("equals an independent exact computation, up to 10^15 kr and 10^8 persons", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, (total, items) => {
        expect(byId(splitLargestRemainder(total, items))).toEqual(largestRemainderReference(total, items));
      }),
      RUNS,
    );
  });

  it("reports every decisive tie with the lower ids as winners", () => {
    fc.assert(
      fc.property(fc.bigInt(1n, 50n), itemsArb, (total, items) => {
        for (const tie of splitLargestRemainder(total, items).ties) {
          expect(tie.winners.length).toBeGreaterThan(0);
          expect(tie.losers.length).toBeGreaterThan(0);
          for (const w of tie.winners) for (const l of tie.losers) expect(w < l).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("splitNearest (properties)", () => {
  it("rounds each share half up on its own: off by at most half a krona per recipient", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, (total, items) => {
        const s = splitNearest(total, items);
        const den = sum(items.map((x) => x.weight));
        for (const p of s.parts) {
          expect(p.amount).toBe(nearestReference(total, p.weight, den));
          // |amount − T·w/D| ≤ 1/2, in integers.
          const diff = 2n * p.amount * den - 2n * total * p.weight;
          expect(diff <= den && -diff <= den).toBe(true);
        }
        const residue = s.allocated - total;
        expect(2n * (residue < 0n ? -residue : residue) <= BigInt(items.length)).toBe(true);
      }),
      RUNS,
    );
  });

  it("gives every part, in every rounding, its exact share's floor and the amount of its column", () => {
    // The parts derive the floor from the rounding step (down, exact and floor: the amount; up,
    // half-up and floor+1: one less; absorbed: the division); this holds it to the division.
    fc.assert(
      fc.property(totalArb, itemsArb, fc.constantFrom("nearest-per-recipient", "largest-remainder", "largest-absorbs" as const), (total, items, mode) => {
        const s = split(total, items, mode);
        const den = s.denominator;
        s.parts.forEach((p, i) => {
          expect(p.numerator).toBe(total * items[i]!.weight);
          expect(p.floor).toBe((total * items[i]!.weight) / den);
          expect(p.amount).toBe(BigInt(s.amounts[i]!));
          expect(p.step).toBe(s.steps[i]);
        });
      }),
      RUNS,
    );
  });

  it("names each rounding step as roundHalfUp does, and keeps the columns and the parts equal", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, fc.bigInt(0n, 3n), (total, items, extra) => {
        // Small extras make odd and even denominators and exact halves alike.
        const den = sum(items.map((x) => x.weight)) + extra;
        const s = splitNearest(total, items, den);
        items.forEach((it, i) => {
          const r = roundHalfUp(total * it.weight, den);
          expect([s.amounts[i], s.steps[i]]).toEqual([r.value, r.step]);
          expect(s.parts[i]).toEqual({ id: it.id, weight: it.weight, numerator: total * it.weight, denominator: den, floor: (total * it.weight) / den, amount: r.value, step: r.step });
        });
      }),
      RUNS,
    );
  });

  it("shares by a declared denominator larger than the known weights (partial data) exactly", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, fc.bigInt(0n, MAX_PERSONS), (total, items, unknown) => {
        const den = sum(items.map((x) => x.weight)) + unknown;
        for (const p of splitNearest(total, items, den).parts) expect(p.amount).toBe(nearestReference(total, p.weight, den));
      }),
      RUNS,
    );
  });
});

describe("both rounding modes (properties)", () => {
  it("give zero to a zero weight", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, modeArb, (total, items, mode) => {
        for (const p of split(total, items, mode).parts) if (p.weight === 0n) expect(p.amount).toBe(0n);
      }),
      RUNS,
    );
  });

  it("do not depend on the order of the input", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, modeArb, fc.integer(), (total, items, mode, seed) => {
        const a = split(total, items, mode);
        const b = split(total, shuffle(items, seed), mode);
        expect(byId(b)).toEqual(byId(a));
        expect(b.ties.map((t) => [t.winners, t.losers])).toEqual(a.ties.map((t) => [t.winners, t.losers]));
      }),
      RUNS,
    );
  });

  it("do not change when every count is multiplied (doubling the population changes nothing)", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, modeArb, fc.bigInt(2n, 5n), (total, items, mode, k) => {
        const scaled = items.map((x) => ({ id: x.id, weight: x.weight * k }));
        expect(byId(split(total, scaled, mode))).toEqual(byId(split(total, items, mode)));
      }),
      RUNS,
    );
  });

  /*
   * Monotonicity also holds for largest remainder (no population paradox when one weight grows
   * and the others stay): the grower's floor never falls; if it stays, its remainder grows while
   * every other exact share shrinks, and each other part that newly ranks above it must have lost
   * a whole krona of floor, which adds one leftover krona. So at most L'−1 parts rank above it.
   */
  it("never give a recipient less when its count grows and the others stay (nearest and largest remainder)", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, fc.constantFrom<RoundingMode>("nearest-per-recipient", "largest-remainder"), fc.nat(), fc.bigInt(1n, MAX_PERSONS), (total, items, mode, pick, more) => {
        const i = pick % items.length;
        const grown = items.map((x, j) => (j === i ? { id: x.id, weight: x.weight + more } : x));
        const id = items[i]!.id;
        expect(byId(split(total, grown, mode)).get(id)! >= byId(split(total, items, mode)).get(id)!).toBe(true);
      }),
      RUNS,
    );
  });

  /*
   * "The largest absorbs the difference" is not monotone, and SKR's tables that use it show the
   * same: the recipient that grows into the largest takes the whole rounding difference. Hand case:
   * 2 kr over weights 1, 1, 1 gives 1 kr each by nearest (3 kr), so the absorber "a" (ties by
   * code) gets 2 − 2 = 0; grow "b" to 2 and every share is 0,50 → 1 kr, "b" is now the largest and
   * gets 2 − 1 − 1 = 0 instead of its 1 kr before.
   */
  it("largest-absorbs can give a recipient less when its count grows (documented, hand case)", () => {
    const before = byId(split(2n, [{ id: "a", weight: 1n }, { id: "b", weight: 1n }, { id: "c", weight: 1n }], "largest-absorbs"));
    const after = byId(split(2n, [{ id: "a", weight: 1n }, { id: "b", weight: 2n }, { id: "c", weight: 1n }], "largest-absorbs"));
    expect([before.get("a"), before.get("b"), before.get("c")]).toEqual([0n, 1n, 1n]);
    expect([after.get("a"), after.get("b"), after.get("c")]).toEqual([1n, 0n, 1n]);
  });

  it("are identical across runs", () => {
    fc.assert(
      fc.property(totalArb, itemsArb, modeArb, (total, items, mode) => {
        expect(split(total, items, mode)).toEqual(split(total, items, mode));
      }),
      { numRuns: 100 },
    );
  });
});
