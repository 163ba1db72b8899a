// The load-time invariants of an agreement (agreementIssues and the rule checks), each on a small
// agreement whose sums are worked out by hand: 21 regions, 290 municipalities, and the
// metropolitan group's counties Stockholm (26 municipalities), Skåne (33) and Västra Götaland (49).
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/errors.js";
import { safeParseAgreement } from "../../src/rules.js";

type Json = Record<string, unknown>;
const pot = (over: Json = {}): Json => ({ id: "p", name: "P", source: "s", level: "region", status: "known", amount: 210, rule: { type: "perRecipient", amount: 10 }, ...over });
const agreement = (pots: Json[], over: Json = {}): Json => ({ id: "t", title: "T", source: "s", pots, ...over });

/** The issues of an agreement, as code/kind, params, path and value. */
function issuesOf(a: Json, file?: string): Pick<Issue, "code" | "kind" | "params" | "path" | "value" | "file">[] {
  const r = safeParseAgreement(a, file);
  if (r.ok) return [];
  return r.issues.map((i) => ({ code: i.code, kind: i.kind, params: i.params, path: i.path, value: i.value, ...(i.file !== undefined ? { file: i.file } : {}) }));
}
const ok = (a: Json) => expect(issuesOf(a)).toEqual([]);

describe("per-recipient and base-plus-share rules", () => {
  it("sums a per-recipient amount over every recipient of the level, exceptions included", () => {
    ok(agreement([pot()]));
    expect(issuesOf(agreement([pot({ amount: 211 })]), "a.json")).toEqual([
      { code: "AGREEMENT_POTS_DO_NOT_SUM", kind: "per-recipient", params: { sum: "210", amount: "211" }, path: "pots[0].rule", value: "210", file: "a.json" },
    ]);
    // Stockholm 5 instead of 10: 205.
    ok(agreement([pot({ amount: 205, rule: { type: "perRecipient", amount: 10, exceptions: [{ code: "01", amount: 5 }] } })]));
    // The metropolitan regions 7 each: 3 × 7 + 18 × 10 = 201.
    ok(agreement([pot({ amount: 201, rule: { type: "perRecipient", amount: 10, exceptions: [{ group: "metropolitan", amount: 7 }] } })]));
    // A code exception wins over a group: 5 + 2 × 7 + 18 × 10 = 199.
    ok(agreement([pot({ amount: 199, rule: { type: "perRecipient", amount: 10, exceptions: [{ group: "metropolitan", amount: 7 }, { code: "01", amount: 5 }] } })]));
    // Municipalities of the metropolitan counties at 0: 290 − 108 = 182.
    ok(agreement([pot({ level: "municipality", amount: 182, rule: { type: "perRecipient", amount: 1, exceptions: [{ group: "metropolitan", amount: 0 }] } })]));
  });

  it("lets bases reach the pot but not exceed it", () => {
    const share = (amount: number, base: number) => pot({ amount, rule: { type: "basePlusShare", base, key: "total" } });
    ok(agreement([share(210, 10)]));
    ok(agreement([share(1000, 10)]));
    expect(issuesOf(agreement([share(209, 10)]))).toEqual([
      { code: "AGREEMENT_RULE_EXCEEDS_POT", kind: "bases", params: { sum: "210", amount: "209" }, path: "pots[0].rule.base", value: "10" },
    ]);
  });

  it("refuses an exception given twice, naming the first, and unknown codes and groups", () => {
    const rule = (exceptions: Json[]) => pot({ amount: 200, rule: { type: "perRecipient", amount: 10, exceptions } });
    expect(issuesOf(agreement([rule([{ code: "01", amount: 5 }, { code: "03", amount: 5 }, { code: "01", amount: 5 }])])).slice(0, 1)).toEqual([
      { code: "AGREEMENT_INVALID", kind: "exception-twice", params: { target: "code 01", first: 0 }, path: "pots[0].rule.exceptions[2]", value: "01" },
    ]);
    expect(issuesOf(agreement([rule([{ group: "metropolitan", amount: 5 }, { group: "metropolitan", amount: 5 }])]))[0]).toEqual({
      code: "AGREEMENT_INVALID",
      kind: "exception-twice",
      params: { target: "group metropolitan", first: 0 },
      path: "pots[0].rule.exceptions[1]",
      value: "metropolitan",
    });
    // A code and a group with the same text are different targets.
    expect(issuesOf(agreement([rule([{ code: "metropolitan", amount: 5 }, { group: "metropolitan", amount: 5 }])])).map((i) => i.kind)).toEqual(["code", "per-recipient"]);
    expect(issuesOf(agreement([pot({ rule: { type: "perRecipient", amount: 10, exceptions: [{ group: "nowhere", amount: 10 }] } })]))).toEqual([
      { code: "AGREEMENT_UNKNOWN_RECIPIENT", kind: "group", params: { group: "nowhere", groups: ["metropolitan"] }, path: "pots[0].rule.exceptions[0].group", value: "nowhere" },
    ]);
    expect(issuesOf(agreement([pot({ rule: { type: "perRecipient", amount: 10, exceptions: [{ code: "2080", amount: 10 }] } })]))).toEqual([
      { code: "AGREEMENT_UNKNOWN_RECIPIENT", kind: "code", params: { level: "region", code: "2080" }, path: "pots[0].rule.exceptions[0].code", value: "2080" },
    ]);
  });

  it("does not check exceptions or sums of a share rule", () => {
    ok(agreement([pot({ amount: 1, rule: { type: "share", key: "0-18" } })]));
  });
});

describe("SKR, fixed and stated rules", () => {
  it("pays SKR by a fixed or stated rule only", () => {
    ok(agreement([pot({ level: "skr", amount: 5, rule: { type: "fixed" } })]));
    expect(issuesOf(agreement([pot({ level: "skr", amount: 5, rule: { type: "share", key: "total" } })]))).toEqual([
      { code: "AGREEMENT_INVALID", kind: "skr-not-fixed", params: { type: "share" }, path: "pots[0].rule.type", value: "share" },
    ]);
    // Per recipient at SKR: refused as not fixed, and no sum is checked (one recipient).
    expect(issuesOf(agreement([pot({ level: "skr", amount: 5, rule: { type: "perRecipient", amount: 9 } })])).map((i) => i.kind)).toEqual(["skr-not-fixed"]);
    ok(agreement([pot({ level: "skr", amount: 5, rule: { type: "stated", amounts: [{ code: "SKR", amount: 5 }] } })]));
  });

  it("names a fixed recipient that is not of the pot's level", () => {
    expect(issuesOf(agreement([pot({ rule: { type: "fixed" } })]))).toEqual([
      { code: "AGREEMENT_UNKNOWN_RECIPIENT", kind: "code", params: { level: "region", code: "SKR" }, path: "pots[0].rule.recipient", value: "SKR" },
    ]);
    ok(agreement([pot({ rule: { type: "fixed", recipient: "20" } })]));
  });

  it("requires stated amounts for every recipient once, summing to the pot", () => {
    const codes = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"];
    const stated = (amounts: Json[], amount = 21) => pot({ amount, rule: { type: "stated", amounts } });
    const each = codes.map((code) => ({ code, amount: 1 }));
    ok(agreement([stated(each)]));
    expect(issuesOf(agreement([stated(each, 22)]))).toEqual([{ code: "AGREEMENT_POTS_DO_NOT_SUM", kind: "stated", params: { sum: "21", amount: "22" }, path: "pots[0].rule.amounts", value: "21" }]);
    expect(issuesOf(agreement([stated([...each, { code: "20", amount: 1 }], 22)]))).toEqual([
      { code: "AGREEMENT_INVALID", kind: "stated-twice", params: { code: "20" }, path: "pots[0].rule.amounts[21].code", value: "20" },
    ]);
    expect(issuesOf(agreement([stated(each.filter((e) => e.code !== "03" && e.code !== "25"), 19)]))).toEqual([
      { code: "AGREEMENT_INVALID", kind: "stated-missing", params: { level: "region", codes: ["03", "25"] }, path: "pots[0].rule.amounts", value: "03" },
    ]);
    expect(issuesOf(agreement([stated([...each, { code: "2080", amount: 1 }], 22)]))).toEqual([
      { code: "AGREEMENT_UNKNOWN_RECIPIENT", kind: "code", params: { level: "region", code: "2080" }, path: "pots[0].rule.amounts[21].code", value: "2080" },
    ]);
  });
});

describe("pots", () => {
  it("refuses a pot id twice and a known pot without amount, rule or level", () => {
    expect(issuesOf(agreement([pot(), pot({ id: "p" })]))).toContainEqual({ code: "AGREEMENT_INVALID", kind: "pot-id-twice", params: { id: "p" }, path: "pots[1].id", value: "p" });
    expect(issuesOf(agreement([pot({ amount: undefined })]))).toEqual([{ code: "AGREEMENT_INVALID", kind: "known-needs-amount", params: {}, path: "pots[0].amount", value: undefined }]);
    expect(issuesOf(agreement([pot({ rule: undefined })]))).toEqual([{ code: "AGREEMENT_INVALID", kind: "known-needs-rule", params: {}, path: "pots[0].rule", value: undefined }]);
    expect(issuesOf(agreement([pot({ level: "unknown" })]))).toEqual([{ code: "AGREEMENT_INVALID", kind: "known-needs-level", params: {}, path: "pots[0].level", value: "unknown" }]);
  });

  it("requires an incomplete pot to say what is missing, and then checks nothing it lacks", () => {
    const incomplete = (over: Json) => pot({ status: "incomplete", amount: undefined, rule: undefined, level: "unknown", ...over });
    expect(issuesOf(agreement([incomplete({})]))).toEqual([{ code: "AGREEMENT_INVALID", kind: "incomplete-needs-missing", params: {}, path: "pots[0].missing", value: undefined }]);
    expect(issuesOf(agreement([incomplete({ missing: [] })])).map((i) => i.kind)).toEqual(["incomplete-needs-missing"]);
    ok(agreement([incomplete({ missing: ["belopp"] })]));
  });

  it("ties levels and the splitLevels rule to a split pot", () => {
    expect(issuesOf(agreement([pot({ levels: ["region", "county"] })]))).toEqual([
      { code: "AGREEMENT_INVALID", kind: "levels-not-split", params: { level: "region" }, path: "pots[0].levels", value: "region" },
    ]);
    const parts = [
      { level: "region", amount: 210, rule: { type: "perRecipient", amount: 10 } },
      { level: "county", amount: 42, rule: { type: "perRecipient", amount: 2 } },
    ];
    ok(agreement([pot({ level: "split", amount: 252, rule: { type: "splitLevels", parts } })]));
    expect(issuesOf(agreement([pot({ level: "region", amount: 252, rule: { type: "splitLevels", parts } })]))[0]).toEqual({
      code: "AGREEMENT_INVALID",
      kind: "split-rule-level",
      params: { level: "region" },
      path: "pots[0].level",
      value: "region",
    });
    expect(issuesOf(agreement([pot({ level: "split", rule: { type: "share", key: "total" } })]))).toEqual([
      { code: "AGREEMENT_INVALID", kind: "split-needs-rule", params: { type: "share" }, path: "pots[0].rule.type", value: "share" },
    ]);
    const noRule = (levels?: string[]) => pot({ level: "split", status: "incomplete", rule: undefined, missing: ["regel"], ...(levels ? { levels } : {}) });
    expect(issuesOf(agreement([noRule()]))).toEqual([{ code: "AGREEMENT_INVALID", kind: "split-needs-levels", params: {}, path: "pots[0].levels", value: undefined }]);
    ok(agreement([noRule(["region", "county"])]));
  });

  it("sums split parts, one per level, and checks each part's rule at its path", () => {
    const split = (amount: number, parts: Json[]) => agreement([pot({ level: "split", amount, rule: { type: "splitLevels", parts } })]);
    const region = { level: "region", amount: 210, rule: { type: "perRecipient", amount: 10 } };
    expect(issuesOf(split(400, [region, { level: "county", amount: 190, rule: { type: "share", key: "total" } }]))).toEqual([]);
    expect(issuesOf(split(401, [region, { level: "county", amount: 190, rule: { type: "share", key: "total" } }]))).toEqual([
      { code: "AGREEMENT_POTS_DO_NOT_SUM", kind: "parts", params: { sum: "400", amount: "401" }, path: "pots[0].rule.parts", value: "400" },
    ]);
    expect(issuesOf(split(420, [region, { ...region }]))).toEqual([
      { code: "AGREEMENT_INVALID", kind: "split-level-twice", params: { level: "region" }, path: "pots[0].rule.parts", value: "region" },
    ]);
    expect(issuesOf(split(421, [region, { level: "county", amount: 211, rule: { type: "perRecipient", amount: 10 } }]))).toEqual([
      { code: "AGREEMENT_POTS_DO_NOT_SUM", kind: "per-recipient", params: { sum: "210", amount: "211" }, path: "pots[0].rule.parts[1].rule", value: "210" },
    ]);
  });

  it('allows roundingLevel "municipality" only where county or region amounts are shared by a key', () => {
    const rounding = { roundingLevel: "municipality" };
    ok(agreement([pot({ ...rounding, level: "county", rule: { type: "share", key: "total" } })]));
    ok(agreement([pot({ ...rounding, rule: { type: "basePlusShare", base: 1, key: "total" } })]));
    const refused = { code: "AGREEMENT_INVALID", kind: "rounding-level", params: { value: "municipality" }, path: "pots[0].roundingLevel", value: "municipality" };
    expect(issuesOf(agreement([pot({ ...rounding })]))).toEqual([refused]);
    expect(issuesOf(agreement([pot({ ...rounding, level: "municipality", amount: 290, rule: { type: "share", key: "total" } })]))).toEqual([refused]);
    // Without a rule the pot's level decides.
    ok(agreement([pot({ ...rounding, status: "incomplete", rule: undefined, missing: ["regel"] })]));
    ok(agreement([pot({ ...rounding, level: "county", status: "incomplete", rule: undefined, missing: ["regel"] })]));
    expect(issuesOf(agreement([pot({ ...rounding, level: "skr", status: "incomplete", rule: undefined, missing: ["regel"] })]))).toEqual([refused]);
  });
});

describe("agreement totals", () => {
  it("requires known pots to sum to the total, and unknown ones to leave room", () => {
    ok(agreement([pot(), pot({ id: "q", level: "skr", amount: 5, rule: { type: "fixed" } })], { total: 215 }));
    expect(issuesOf(agreement([pot()], { total: 209 }))).toEqual([{ code: "AGREEMENT_POTS_DO_NOT_SUM", kind: "total", params: { sum: "210", total: "209" }, path: "pots", value: "210" }]);
    expect(issuesOf(agreement([pot()], { total: 211 })).map((i) => i.kind)).toEqual(["total"]);
    const open = pot({ id: "q", status: "incomplete", amount: undefined, rule: undefined, level: "unknown", missing: ["belopp"] });
    ok(agreement([pot(), open], { total: 210 }));
    ok(agreement([pot(), open], { total: 1000 }));
    expect(issuesOf(agreement([pot(), open], { total: 209 }))).toEqual([{ code: "AGREEMENT_POTS_DO_NOT_SUM", kind: "known-exceed", params: { sum: "210", total: "209" }, path: "pots", value: "210" }]);
  });

  it("checks a declared level total against the pots of the level, and split parts", () => {
    const parts = [
      { level: "region", amount: 210, rule: { type: "perRecipient", amount: 10 } },
      { level: "county", amount: 42, rule: { type: "perRecipient", amount: 2 } },
    ];
    const split = pot({ id: "s", level: "split", amount: 252, rule: { type: "splitLevels", parts } });
    ok(agreement([pot(), split], { levelTotals: { region: 420, county: 42 } }));
    expect(issuesOf(agreement([pot(), split], { levelTotals: { region: 421, county: 41 } }))).toEqual([
      { code: "AGREEMENT_LEVEL_TOTAL", kind: "level", params: { level: "region", sum: "420", declared: "421" }, path: "levelTotals.region", value: "421" },
      { code: "AGREEMENT_LEVEL_TOTAL", kind: "level", params: { level: "county", sum: "42", declared: "41" }, path: "levelTotals.county", value: "41" },
    ]);
    // A region pot without an amount: the known region pots may fall short, not exceed.
    const open = pot({ id: "q", status: "incomplete", amount: undefined, rule: undefined, missing: ["belopp"] });
    ok(agreement([pot(), open], { levelTotals: { region: 500 } }));
    expect(issuesOf(agreement([pot(), open], { levelTotals: { region: 209 } })).map((i) => i.params)).toEqual([{ level: "region", sum: "210", declared: "209" }]);
    // A pot of unknown level, or a split pot naming the level without parts, also leaves room.
    const unknown = pot({ id: "u", status: "incomplete", amount: 5, rule: undefined, level: "unknown", missing: ["nivå"] });
    ok(agreement([pot(), unknown], { levelTotals: { region: 300 } }));
    const splitOpen = pot({ id: "v", status: "incomplete", level: "split", levels: ["region", "county"], amount: 5, rule: undefined, missing: ["regel"] });
    ok(agreement([pot(), splitOpen], { levelTotals: { region: 300 } }));
    expect(issuesOf(agreement([pot(), splitOpen], { levelTotals: { municipality: 1 } })).map((i) => i.params)).toEqual([{ level: "municipality", sum: "0", declared: "1" }]);
    // Another level's pots do not count.
    expect(issuesOf(agreement([pot(), pot({ id: "k", level: "county", amount: 21, rule: { type: "perRecipient", amount: 1 } })], { levelTotals: { county: 21, skr: 0 } }))).toEqual([]);
  });
});
