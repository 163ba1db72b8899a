// The agreement helpers of src/agreement/model.ts on the cases the bundled agreements and the
// rules tests do not reach: agreements built past the schema (as a plain-JS caller can), unknown
// recipients, split pots rounded per municipality, incomplete pots against level totals.
import { describe, expect, it } from "vitest";
import { agreementIssues, applicableException, summarizeAgreement } from "../../src/agreement/model.js";
import { safeParseAgreement, type Agreement } from "../../src/rules.js";

type Json = Record<string, unknown>;
const agreement = (pots: Json[], over: Json = {}): Json => ({ id: "t", title: "T", source: "s", pots, ...over });
const kinds = (a: Json) => {
  const r = safeParseAgreement(a);
  return r.ok ? [] : r.issues.map((i) => `${i.code}/${i.kind}`);
};
const split = (parts: Json[], over: Json = {}): Json => ({ id: "s", name: "S", source: "s", level: "split", status: "known", amount: 420, rule: { type: "splitLevels", parts }, ...over });
const half = (level: string): Json => ({ level, amount: 210, rule: { type: "share", key: "total" } });

describe("applicableException", () => {
  it("a code that is no recipient of the level gets no group's exception", () => {
    const metro = [{ group: "metropolitan", amount: 1n }];
    expect(applicableException("county", "99", metro)).toBeUndefined();
    expect(applicableException("municipality", "9999", metro)).toBeUndefined();
    expect(applicableException("municipality", "0180", metro)).toEqual(metro[0]);
  });
});

describe("summarizeAgreement", () => {
  it("an incomplete pot without a list of what is missing, built past the schema, lists nothing", () => {
    const a = { id: "t", title: "T", source: "s", rounding: "nearest-per-recipient", pots: [{ id: "u", name: "U", source: "s", level: "region", status: "incomplete" }] } as unknown as Agreement;
    expect(summarizeAgreement(a).incompletePots).toEqual([{ id: "u", name: "U", amount: null, missing: [] }]);
  });
});

describe("agreementIssues", () => {
  it("a split pot without a rule needs two levels, even built past the schema", () => {
    const a = { id: "t", title: "T", source: "s", rounding: "nearest-per-recipient", pots: [{ id: "s", name: "S", source: "s", level: "split", status: "incomplete", missing: ["belopp"], levels: ["region"] }] } as unknown as Agreement;
    expect(agreementIssues(a).map((i) => i.kind)).toEqual(["split-needs-levels"]);
    const two = { ...a, pots: [{ ...a.pots[0]!, levels: ["region", "county"] }] } as Agreement;
    expect(agreementIssues(two)).toEqual([]);
  });

  it("a split pot whose parts are county and region shares may be rounded per municipality", () => {
    expect(kinds(agreement([split([half("region"), half("county")], { roundingLevel: "municipality" })]))).toEqual([]);
    expect(kinds(agreement([split([half("region"), half("municipality")], { roundingLevel: "municipality" })]))).toEqual(["AGREEMENT_INVALID/rounding-level"]);
  });

  it("a known split pot without an amount is refused for that alone, its parts not summed against nothing", () => {
    const { amount: _, ...noAmount } = split([half("region"), half("county")]);
    expect(kinds(agreement([noAmount]))).toEqual(["AGREEMENT_INVALID/known-needs-amount"]);
  });

  it("a per-recipient pot smaller than its sums is one problem, not also a base that exceeds it", () => {
    // 21 regions × 10 = 210 against 209.
    const p = { id: "p", name: "P", source: "s", level: "region", status: "known", amount: 209, rule: { type: "perRecipient", amount: 10 } };
    expect(kinds(agreement([p]))).toEqual(["AGREEMENT_POTS_DO_NOT_SUM/per-recipient"]);
  });

  it("an incomplete pot's stated amount counts toward its level's declared total", () => {
    const u = { id: "u", name: "U", source: "s", level: "region", status: "incomplete", amount: 100, missing: ["nyckel"] };
    expect(kinds(agreement([u], { levelTotals: { region: 100 } }))).toEqual([]);
    // 100 known of a declared 150, and no other pot pays regions: the level does not add up.
    expect(kinds(agreement([u], { levelTotals: { region: 150 } }))).toEqual(["AGREEMENT_LEVEL_TOTAL/level"]);
    const r = safeParseAgreement(agreement([u], { levelTotals: { region: 150 } }));
    expect(r.ok ? undefined : r.issues[0]!.params).toEqual({ level: "region", sum: "100", declared: "150" });
  });
});
