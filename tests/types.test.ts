// Type-level checks: every `@ts-expect-error` below fails `npm run typecheck` if the line it
// guards starts compiling, so these lock the invariants the type model promises.
import { describe, expect, expectTypeOf, it } from "vitest";
import { allCounties, allMunicipalities, countyCode, isCountyCode, isMunicipalityCode, municipalityCode } from "../src/geography/index.js";
import { getRecipient, recipients, SKR_CODE, type Recipient } from "../src/geography/index.js";
import { formatPercent, type ComparisonRow, type KnownComparisonRow } from "../src/report/compare.js";
import type { CountyCode, MunicipalityCode, RecipientCode, SkrCode } from "../src/geography/index.js";
import { levelCodes } from "../src/geography/positions.js";
import type { AllocationLine, IncompletePotResult, KnownPotResult, MissingLine, MunicipalPart, PotResult, RecipientTotal } from "../src/allocation/model.js";
import type { Rule } from "../src/rules.js";
import { ROUNDING_MODES, type RoundingMode } from "../src/apportion.js";
import { ROUNDING_SHORT, ROUNDING_TEXT } from "../src/sv/words.js";
import { isPopulationKey, keyLabel, normalizeKey, parseKey, type PopulationDataset, type PopulationKey } from "../src/population.js";

describe("branded codes", () => {
  it("a plain string is not a MunicipalityCode or a CountyCode", () => {
    expectTypeOf<string>().not.toMatchTypeOf<MunicipalityCode>();
    expectTypeOf<string>().not.toMatchTypeOf<CountyCode>();
    expectTypeOf<MunicipalityCode>().not.toMatchTypeOf<CountyCode>();
    // @ts-expect-error a string literal must go through municipalityCode()
    const bad: MunicipalityCode = "2080";
    expect(bad).toBe("2080");
    // A branded code still reads as a string wherever one is expected.
    expectTypeOf<MunicipalityCode>().toMatchTypeOf<string>();
  });

  it("the validating constructors accept real codes and reject others with a typed error", () => {
    expect(municipalityCode("2080")).toBe("2080");
    expect(countyCode("20")).toBe("20");
    expect(() => municipalityCode("2099")).toThrowError(expect.objectContaining({ code: "GEOGRAPHY_UNKNOWN_CODE" }));
    expect(() => countyCode("99")).toThrowError(expect.objectContaining({ code: "GEOGRAPHY_UNKNOWN_CODE" }));
    expect(() => municipalityCode("20")).toThrowError(expect.objectContaining({ code: "GEOGRAPHY_UNKNOWN_CODE" }));
  });

  it("the guards narrow a string to the brand", () => {
    const s: string = "0980";
    if (isMunicipalityCode(s)) expectTypeOf(s).toEqualTypeOf<MunicipalityCode>();
    else expect.unreachable("0980 is Gotland");
    expect(isCountyCode("26")).toBe(false);
  });

  it("the reference tables hand out branded codes", () => {
    const m = allMunicipalities()[0];
    const c = allCounties()[0];
    expectTypeOf(allMunicipalities()[0]!.code).toEqualTypeOf<MunicipalityCode>();
    expectTypeOf(allCounties()[0]!.municipalityCodes).toEqualTypeOf<readonly MunicipalityCode[]>();
    expect(m?.code).toBe("0114");
    expect(c?.code).toBe("01");
    expect(allMunicipalities().every((x) => isMunicipalityCode(x.code) && x.countyCode === x.code.slice(0, 2))).toBe(true);
  });
});

describe("recipient codes", () => {
  it("a recipient code is a municipality's, a county's (and its region's) or SKR's", () => {
    expectTypeOf<MunicipalityCode>().toMatchTypeOf<RecipientCode>();
    expectTypeOf<CountyCode>().toMatchTypeOf<RecipientCode>();
    expectTypeOf<SkrCode>().toMatchTypeOf<RecipientCode>();
    expectTypeOf<string>().not.toMatchTypeOf<RecipientCode>();
    expectTypeOf<SkrCode>().not.toMatchTypeOf<CountyCode>();
    expectTypeOf(SKR_CODE).toEqualTypeOf<SkrCode>();
    // @ts-expect-error "SKR" is spelled SKR_CODE
    const skr: SkrCode = "SKR";
    expect(skr).toBe(SKR_CODE);
    expect(recipients("skr").map((r) => r.code)).toEqual(["SKR"]);
    expect(levelCodes("region")).toEqual(recipients("county").map((r) => r.code));
  });

  it("an allocation's lines, missing lines and totals are coded by the brand", () => {
    expectTypeOf<AllocationLine["code"]>().toEqualTypeOf<RecipientCode>();
    expectTypeOf<MissingLine["code"]>().toEqualTypeOf<RecipientCode>();
    expectTypeOf<RecipientTotal["code"]>().toEqualTypeOf<RecipientCode>();
    expectTypeOf<MunicipalPart["code"]>().toEqualTypeOf<MunicipalityCode>();
    const line = { pot: "5", part: 0, level: "skr", name: "SKR", amount: 1n, calculation: { rule: "fixed", amount: 1n } } as const;
    // @ts-expect-error a line's code is a checked recipient code, not any string
    const bad: AllocationLine = { ...line, code: "SKR" };
    const good: AllocationLine = { ...line, code: SKR_CODE };
    expect(bad.code).toBe(good.code);
  });
});

describe("branded population keys", () => {
  it("a plain string is not a PopulationKey, and a key is not a code", () => {
    expectTypeOf<string>().not.toMatchTypeOf<PopulationKey>();
    expectTypeOf<PopulationKey>().not.toMatchTypeOf<MunicipalityCode>();
    expectTypeOf<MunicipalityCode>().not.toMatchTypeOf<PopulationKey>();
    // @ts-expect-error a string literal must go through normalizeKey()
    const bad: PopulationKey = "0-18";
    expect(bad).toBe("0-18");
    // @ts-expect-error a dataset's maps are keyed by the brand, not by any string
    const lookUp = (d: PopulationDataset, k: string) => d.counts.get(k);
    expect(typeof lookUp).toBe("function");
    // @ts-expect-error keyLabel wants a checked key
    expect(() => keyLabel("0 – 18")).not.toThrow();
    expectTypeOf<PopulationKey>().toMatchTypeOf<string>();
  });

  it("normalizeKey is the constructor: it spells the key canonically or throws", () => {
    expectTypeOf(normalizeKey).returns.toEqualTypeOf<PopulationKey>();
    expect(normalizeKey(" 0 – 18 ")).toBe("0-18");
    expect(normalizeKey("TOTAL")).toBe("total");
    expect(keyLabel(normalizeKey("0–18"))).toBe("folkmängd 0–18 år");
    expect(() => normalizeKey("18-0")).toThrowError(expect.objectContaining({ code: "POPULATION_FORMAT" }));
    expect(parseKey("0-100")).toEqual({ kind: "ages", from: 0, to: 100 });
  });

  it("isPopulationKey narrows only the canonical spelling", () => {
    const s: string = "0-18";
    if (isPopulationKey(s)) expectTypeOf(s).toEqualTypeOf<PopulationKey>();
    else expect.unreachable("0-18 is canonical");
    expect(["total", "0-18", "100-100"].every(isPopulationKey)).toBe(true);
    expect(["Total", "0 - 18", "00-18", "0–18", "18-0", "0-101", ""].some(isPopulationKey)).toBe(false);
  });

  it("an agreement's rule keys are branded", () => {
    type ShareRule = Extract<Rule, { type: "share" }>;
    expectTypeOf<ShareRule["key"]>().toEqualTypeOf<PopulationKey>();
  });
});

describe("reading without non-null assertions", () => {
  it("a recipient is a union on its level: every one but SKR has a county", () => {
    const countyOf = (r: Recipient) => (r.level === "skr" ? null : r.countyCode);
    expectTypeOf(countyOf).returns.toEqualTypeOf<CountyCode | null>();
    const read = (r: Recipient) => (r.level === "municipality" ? r.countyCode : undefined);
    expectTypeOf(read).returns.toEqualTypeOf<CountyCode | undefined>();
    const r = {} as Recipient;
    // @ts-expect-error before the level is known the county may be null (SKR)
    const c: CountyCode = r.countyCode;
    expect(c).toBeUndefined();
    expect(countyOf(getRecipient("municipality", "2080")!)).toBe("20");
    expect(countyOf(getRecipient("skr", "SKR")!)).toBeNull();
  });

  it("a comparison row with a difference has both amounts", () => {
    const sum = (rows: readonly ComparisonRow[]) => rows.filter((r) => r.difference !== null).reduce((s, r) => s + r.before + r.after, 0n);
    expectTypeOf(sum).returns.toEqualTypeOf<bigint>();
    expectTypeOf<Extract<ComparisonRow, { difference: bigint }>>().toEqualTypeOf<KnownComparisonRow>();
    const r = {} as ComparisonRow;
    // @ts-expect-error a row without a difference may lack an amount
    const before: bigint = r.before;
    expect(before).toBeUndefined();
    expectTypeOf(formatPercent({ numerator: 1n, denominator: 3n })).toEqualTypeOf<string>();
    expectTypeOf(formatPercent(null)).toEqualTypeOf<string | null>();
    expect(formatPercent({ numerator: 100n, denominator: 3n })).toBe("+33,33");
  });
});

describe("text tables", () => {
  it("a table keyed by a union needs every member: one missing does not compile", () => {
    expectTypeOf<keyof typeof ROUNDING_TEXT>().toEqualTypeOf<RoundingMode>();
    const short: typeof ROUNDING_SHORT = {
      "nearest-per-recipient": "närmaste krona",
      "largest-remainder": "största rest",
      "largest-absorbs": "största tar skillnaden",
    };
    // @ts-expect-error a rounding without its words
    const missing: typeof ROUNDING_SHORT = { "nearest-per-recipient": "närmaste krona", "largest-remainder": "största rest" };
    // @ts-expect-error nor words for a rounding that does not exist
    const extra: typeof ROUNDING_SHORT = { ...short, "round-half-even": "bankavrundning" };
    expect(short).toEqual(ROUNDING_SHORT);
    expect(Object.keys(missing)).toHaveLength(2);
    expect(Object.keys(extra)).toHaveLength(4);
    expect(Object.keys(ROUNDING_TEXT).sort()).toEqual([...ROUNDING_MODES].sort());
  });
});

describe("pot results", () => {
  it("a known pot has an amount and a rule once its status is known", () => {
    expectTypeOf<KnownPotResult["amount"]>().toEqualTypeOf<bigint>();
    expectTypeOf<KnownPotResult["rule"]>().toEqualTypeOf<Rule>();
    const read = (p: PotResult): bigint | null => (p.status === "known" ? p.amount : null);
    expectTypeOf(read).returns.toEqualTypeOf<bigint | null>();
  });

  it("an incomplete pot has no computed amount and no rule", () => {
    expectTypeOf<IncompletePotResult["amount"]>().toEqualTypeOf<bigint | null>();
    expectTypeOf<IncompletePotResult>().not.toHaveProperty("rule");
    expectTypeOf<IncompletePotResult>().toHaveProperty("unknown");
    const p = {} as IncompletePotResult;
    // @ts-expect-error an incomplete pot's amount may be null
    const amount: bigint = p.amount;
    expect(amount).toBeUndefined();
  });
});
