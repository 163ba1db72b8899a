// What the schema refuses and how it says so: the kind, the JSON path and the value as described
// (never the whole value), and whole kronor read exactly from numbers and strings.
import { describe, expect, it } from "vitest";
import { formatPath, kronorSchema, safeParseAgreement } from "../../src/rules.js";

type Json = Record<string, unknown>;
const pot = (over: Json = {}): Json => ({ id: "p", name: "P", source: "s", level: "region", status: "known", amount: 210, rule: { type: "perRecipient", amount: 10 }, ...over });
const agreement = (over: Json = {}, pots: unknown = [pot()]): Json => ({ id: "t", title: "T", source: "s", pots, ...over });

function first(a: unknown, file?: string) {
  const r = safeParseAgreement(a, file);
  if (r.ok) throw new Error("expected a refusal");
  const i = r.issues[0]!;
  return { code: i.code, kind: i.kind, params: i.params, path: i.path, value: i.value, file: i.file };
}
const kronor = (v: unknown) => {
  const r = kronorSchema.safeParse(v);
  return r.success ? r.data : undefined;
};

describe("whole kronor", () => {
  it("reads numbers and strings exactly up to 10^15", () => {
    expect(kronor(0)).toBe(0n);
    expect(kronor(1_000_000_000_000_000)).toBe(10n ** 15n);
    expect(kronor("1000000000000000")).toBe(10n ** 15n);
    expect(kronor("1e15")).toBe(10n ** 15n);
    expect(kronor("10000000000000000e-1")).toBe(10n ** 15n);
    expect(kronor("+12")).toBe(12n);
    expect(kronor("0012.00")).toBe(12n);
    expect(kronor("1.5e6")).toBe(1_500_000n);
    expect(kronor("150E-2")).toBe(undefined);
    expect(kronor("1500e-2")).toBe(15n);
    expect(kronor("0.0")).toBe(0n);
    expect(kronor(".5e1")).toBe(5n);
    expect(kronor("5.")).toBe(5n);
    expect(kronor("120e-1")).toBe(12n);
  });

  it("refuses fractions, negatives, separators and amounts past the cap", () => {
    for (const v of [1.5, -1, 1_000_000_000_000_001, Number.MAX_SAFE_INTEGER + 2, Infinity, "1e16", "1000000000000001", "10000000000000010e-1", "-5", "1 000", "1,5", "", ".", "e5", "0x10", "1.05", "5e-1", "1e999999999", true, null]) {
      expect(kronor(v), String(v)).toBeUndefined();
    }
  });

  it("names the value it refused, shortened when long", () => {
    expect(first(agreement({ total: "12,5" }), "a.json")).toEqual({ code: "AGREEMENT_INVALID", kind: "kronor", params: { got: '"12,5"' }, path: "total", value: '"12,5"', file: "a.json" });
    expect(first(agreement({ total: -3 }))).toMatchObject({ kind: "kronor", params: { got: "-3" }, value: "-3" });
    const long = "9".repeat(100);
    const shown = `"${"9".repeat(79)}…"`;
    expect(first(agreement({ total: long }))).toMatchObject({ kind: "kronor", params: { got: shown }, value: shown });
    expect(first(agreement({ total: "9".repeat(80) }))).toMatchObject({ params: { got: `"${"9".repeat(80)}"` } });
    expect(first(agreement({ total: true }))).toMatchObject({ kind: "kronor", path: "total", params: { got: "true" } });
    expect(first(agreement({ total: null }))).toMatchObject({ kind: "kronor", params: { got: "null" } });
    expect(first(agreement({ total: [] }))).toMatchObject({ kind: "kronor", params: { got: "[]" } });
    expect(first(agreement({ total: [1, [2]] }))).toMatchObject({ kind: "kronor", params: { got: "[2 items]" } });
    expect(first(agreement({ total: {} }))).toMatchObject({ kind: "kronor", params: { got: "{}" } });
    expect(first(agreement({ total: { a: 1, b: 2, c: 3 } }))).toMatchObject({ params: { got: '{"a", "b", "c"}' } });
    expect(first(agreement({ total: { a: 1, b: 2, c: 3, d: 4 } }))).toMatchObject({ params: { got: '{"a", "b", "c", …}' } });
    expect(first(agreement({ total: { ["k".repeat(21)]: 1 } }))).toMatchObject({ params: { got: `{"${"k".repeat(19)}…"}` } });
    expect(first(agreement({ total: { ["k".repeat(20)]: 1 } }))).toMatchObject({ params: { got: `{"${"k".repeat(20)}"}` } });
  });
});

describe("schema refusals", () => {
  it("names a missing field and a field of the wrong type in words", () => {
    const { title: _, ...noTitle } = agreement();
    expect(first(noTitle)).toEqual({ code: "AGREEMENT_INVALID", kind: "required", params: { expected: "a text" }, path: "title", value: undefined, file: undefined });
    expect(first(agreement({ title: 5 }))).toMatchObject({ kind: "type", params: { expected: "a text", got: "a number" }, path: "title", value: "5" });
    expect(first(agreement({ title: null }))).toMatchObject({ kind: "type", params: { expected: "a text", got: "null" } });
    expect(first(agreement({ title: ["x"] }))).toMatchObject({ kind: "type", params: { expected: "a text", got: "a list" } });
    expect(first(agreement({ title: {} }))).toMatchObject({ kind: "type", params: { expected: "a text", got: "an object" } });
    expect(first(agreement({ title: false }))).toMatchObject({ kind: "type", params: { expected: "a text", got: "true or false" } });
    expect(first(agreement({}, "pots"))).toMatchObject({ kind: "type", params: { expected: "a list", got: "a text" }, path: "pots" });
    expect(first(agreement({ notes: [1] }))).toMatchObject({ kind: "type", path: "notes[0]", params: { expected: "a text", got: "a number" } });
  });

  it("names unknown fields, a value outside its choices, an empty text and too few items", () => {
    expect(first(agreement({ extra: 1, other: 2 }))).toEqual({ code: "AGREEMENT_INVALID", kind: "unknown-fields", params: { fields: ["extra", "other"] }, path: "", value: "extra, other", file: undefined });
    expect(first(agreement({}, [pot({ status: "maybe" })]))).toMatchObject({ kind: "choice", params: { allowed: ["known", "incomplete"], got: '"maybe"' }, path: "pots[0].status", value: '"maybe"' });
    expect(first(agreement({ title: "" }))).toMatchObject({ kind: "empty-text", params: {}, path: "title" });
    expect(first(agreement({}, []))).toMatchObject({ kind: "too-few", params: { minimum: 1 }, path: "pots" });
    expect(first(agreement({}, [pot({ levels: ["region"] })]))).toMatchObject({ kind: "too-few", params: { minimum: 2 }, path: "pots[0].levels" });
  });

  it("names a bad date or key by its own kind", () => {
    expect(first(agreement({ referenceDate: "2024-02-30" }))).toMatchObject({ kind: "date", params: { got: '"2024-02-30"' }, path: "referenceDate" });
    expect(first(agreement({ referenceDate: "2024-13-01" }))).toMatchObject({ kind: "date" });
    expect(first(agreement({ referenceDate: "x2024-01-01" }))).toMatchObject({ kind: "date" });
    expect(safeParseAgreement(agreement({ referenceDate: "2024-02-29" })).ok).toBe(true);
    expect(first(agreement({}, [pot({ rule: { type: "share", key: "0-200" } })]))).toMatchObject({ kind: "key", params: { got: '"0-200"' }, path: "pots[0].rule.key" });
  });

  it("reaches into the one union branch that fits, and otherwise names the union", () => {
    // An exception with both code and group fits neither branch.
    expect(first(agreement({}, [pot({ rule: { type: "perRecipient", amount: 10, exceptions: [{ code: "01", group: "metropolitan", amount: 1 }] } })]))).toMatchObject({
      kind: "exception",
      params: {},
      path: "pots[0].rule.exceptions[0]",
    });
    // A code exception with a bad amount: the code branch fits, so its own problem is named.
    expect(first(agreement({}, [pot({ rule: { type: "perRecipient", amount: 10, exceptions: [{ code: "01", amount: "x" }] } })]))).toMatchObject({
      kind: "kronor",
      path: "pots[0].rule.exceptions[0].amount",
    });
    expect(first(agreement({ levelTotals: { region: "x" } }))).toMatchObject({ kind: "kronor", path: "levelTotals.region", params: { got: '"x"' } });
    expect(first(agreement({}, [pot({ rule: { type: "nope" } })]))).toMatchObject({ code: "AGREEMENT_INVALID", path: "pots[0].rule.type" });
  });

  it("returns the parsed agreement with its defaults", () => {
    const r = safeParseAgreement(agreement({}, [pot({ rule: { type: "perRecipient", amount: "10" } }), pot({ id: "q", level: "skr", amount: 1, rule: { type: "fixed" } })]), "f.json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rounding).toBe("nearest-per-recipient");
    expect(r.value.pots[0]!.rule).toEqual({ type: "perRecipient", amount: 10n, exceptions: [] });
    expect(r.value.pots[1]!.rule).toEqual({ type: "fixed", recipient: "SKR" });
  });
});

describe("formatPath", () => {
  it("joins names with dots and indices in brackets", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath(["pots", 3, "rule", "exceptions", 0, "amount"])).toBe("pots[3].rule.exceptions[0].amount");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath(["a", "b"])).toBe("a.b");
  });
});
