import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AgreementError } from "../src/errors.js";
import { agreementJsonSchema, kronorSchema, parseAgreement, safeParseAgreement, summarizeAgreement } from "../src/rules.js";
import { ROOT, thrownBy } from "./helpers.js";

const file2025 = resolve(ROOT, "data/agreements/2025.json");
const raw2025 = () => JSON.parse(readFileSync(file2025, "utf8"));

describe("the 2025 agreement file", () => {
  it("loads, with nine pots summing to 1 560 000 000 and level totals 493/250/788/29 million", () => {
    const a = parseAgreement(raw2025(), "data/agreements/2025.json");
    expect(a.pots.map((p) => p.id)).toEqual(["1a", "1b", "1c", "2", "3a", "3b", "4a", "4b", "5"]);
    expect(a.total).toBe(1_560_000_000n);
    expect(a.referenceDate).toBe("2024-11-01");
    const byLevel = (l: string) => a.pots.filter((p) => p.level === l).reduce((s, p) => s + p.amount!, 0n);
    expect(byLevel("county")).toBe(493_000_000n);
    expect(byLevel("municipality")).toBe(250_000_000n);
    expect(byLevel("region")).toBe(788_000_000n);
    expect(byLevel("skr")).toBe(29_000_000n);
    const pot2 = a.pots.find((p) => p.id === "2")!;
    expect(pot2.rule).toEqual({ type: "basePlusShare", base: 200_000n, exceptions: [], key: "0-18" });
  });

  it("refuses the pot amount as the research table printed it (63 000 000 for 1a), naming every broken invariant", () => {
    const bad = raw2025();
    bad.pots[0].amount = 63_000_000;
    const r = safeParseAgreement(bad, "2025.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "AGREEMENT_POTS_DO_NOT_SUM pots[0].rule",
      "AGREEMENT_POTS_DO_NOT_SUM pots",
      "AGREEMENT_LEVEL_TOTAL levelTotals.county",
    ]);
    expect(r.issues[0]!.file).toBe("2025.json");
  });
});

describe("malformed agreements", () => {
  it("names the JSON path and the bad value", () => {
    const bad = raw2025();
    bad.pots[3].rule.base = "200 000";
    const err = thrownBy<AgreementError>(() => parseAgreement(bad, "my.json"), "AGREEMENT_INVALID");
    expect(err).toBeInstanceOf(AgreementError);
    expect(err.file).toBe("my.json");
    expect(err.path).toBe("pots[3].rule.base");
    expect(err.value).toBe('"200 000"');
    expect(err.message).toBe('expected a whole number of kronor, got "200 000"');
    expect(err.describe()).toBe('my.json: pots[3].rule.base: expected a whole number of kronor, got "200 000" [AGREEMENT_INVALID]');
  });

  it("reports every problem at once", () => {
    const bad = raw2025();
    bad.pots[0].level = "kommun";
    bad.pots[4].rule.key = "barn";
    bad.referenceDate = "2024-13-01";
    delete bad.pots[8].source;
    const r = safeParseAgreement(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(["pots[0].level", "pots[4].rule.key", "pots[8].source", "referenceDate"]);
  });

  it("checks bases against the pot, exceptions against real codes and groups, and fixed recipients", () => {
    const a = {
      id: "x",
      title: "x",
      source: "x",
      total: 1_000,
      pots: [
        { id: "a", name: "a", source: "s", amount: 100, level: "municipality", status: "known", rule: { type: "basePlusShare", base: 1, key: "total" } },
        { id: "b", name: "b", source: "s", amount: 210, level: "county", status: "known", rule: { type: "perRecipient", amount: 10, exceptions: [{ group: "storstad", amount: 5 }, { code: "02", amount: 1 }] } },
        { id: "c", name: "c", source: "s", amount: 690, level: "region", status: "known", rule: { type: "fixed", recipient: "99" } },
      ],
    };
    const r = safeParseAgreement(a);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual([
        "AGREEMENT_RULE_EXCEEDS_POT",
        "AGREEMENT_UNKNOWN_RECIPIENT",
        "AGREEMENT_UNKNOWN_RECIPIENT",
        "AGREEMENT_UNKNOWN_RECIPIENT",
      ]);
      expect(r.issues[0]!.message).toMatch(/bases add up to 290 kr, more than the pot's 100 kr/);
    }
  });

  it("requires incomplete pots to say what is missing", () => {
    const r = safeParseAgreement({ id: "x", title: "x", source: "x", total: 5, pots: [{ id: "a", name: "a", source: "s", level: "region", status: "incomplete" }] });
    expect(!r.ok && r.issues[0]!.path).toBe("pots[0].missing");
  });
});

describe("kronor", () => {
  it("accepts whole numbers and decimal strings whose exact value is whole, and nothing else", () => {
    expect(kronorSchema.parse(200000)).toBe(200_000n);
    expect(kronorSchema.parse("1.5e6")).toBe(1_500_000n);
    expect(kronorSchema.parse("200000.00")).toBe(200_000n);
    for (const bad of ["200000.50", "200 000", "-5", "1,5", "", "abc", 1.5, -1, Number.MAX_SAFE_INTEGER + 2]) {
      expect(kronorSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it("reads strings exactly, in every notation, and refuses a fraction however far out", () => {
    const cases: [string, bigint][] = [
      ["0", 0n], ["000", 0n], ["0.000e5", 0n], ["+7", 7n], ["5.", 5n], [".5e1", 5n], ["1e0", 1n], ["12E+2", 1200n],
      ["1000000e-6", 1n], ["123.4560e3", 123456n], ["0.0000000000000000000001e22", 1n], ["1e15", 10n ** 15n], ["999999999999999", 999_999_999_999_999n],
    ];
    for (const [text, value] of cases) expect(kronorSchema.parse(text), text).toBe(value);
    for (const bad of [".", "e5", ".e5", "1e", "1.5", "15e-1", "1500000e-6", "1.0000000000000000000001", "1e-1", "0.5e0", "1e15.0", "--1", "1 e3", "0x10"]) {
      expect(kronorSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("caps numbers and strings alike at 10^15 kr, and refuses a huge exponent without building the number", () => {
    expect(kronorSchema.parse(10 ** 15)).toBe(10n ** 15n);
    expect(kronorSchema.parse("1000000000000000")).toBe(10n ** 15n);
    for (const bad of [10 ** 15 + 1, Number.MAX_SAFE_INTEGER, "1000000000000001", "1.000000000000001e15", "1e16", "1e999999999", "1e99999999999999999999"]) {
      expect(kronorSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it("gives back any whole amount written with a fraction, an exponent or both (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.nat(20), fc.nat(5), (n, shift, zeros) => {
        // n's digits with the point moved `shift` places left (and zeros after it), times 10^shift
        const digits = n.toString().padStart(shift + 1, "0");
        const mantissa = `${digits.slice(0, digits.length - shift)}.${digits.slice(digits.length - shift)}${"0".repeat(zeros)}`;
        expect(kronorSchema.parse(`${mantissa}e${shift}`), `${mantissa}e${shift}`).toBe(n);
        // one power of ten less leaves a fraction unless n ends in 0
        const less = kronorSchema.safeParse(`${mantissa}e${shift - 1}`);
        expect(less.success ? less.data : "refused", `${mantissa}e${shift - 1}`).toBe(n % 10n === 0n ? n / 10n : "refused");
      }),
    );
  });
});

describe("new primitives: schema and invariants", () => {
  const base = { id: "x", title: "x", source: "x" };
  const splitPot = (parts: unknown[], amount = 300) => ({ id: "s", name: "s", source: "s", amount, level: "split", status: "known", rule: { type: "splitLevels", parts } });

  it("accepts a pot split between levels whose parts sum to the pot", () => {
    const a = parseAgreement({
      ...base,
      total: 300,
      pots: [splitPot([{ level: "region", amount: 100, rule: { type: "share", key: "total" } }, { level: "municipality", amount: "2e2", rule: { type: "basePlusShare", base: 0, key: "0-25" } }])],
    });
    const rule = a.pots[0]!.rule!;
    expect(rule.type === "splitLevels" && rule.parts.map((p) => [p.level, p.amount])).toEqual([
      ["region", 100n],
      ["municipality", 200n],
    ]);
  });

  it("checks split parts: their sum, one part per level, and each part's own rule", () => {
    const r = safeParseAgreement({
      ...base,
      total: 300,
      pots: [
        splitPot([
          { level: "region", amount: 100, rule: { type: "share", key: "total" } },
          { level: "region", amount: 150, rule: { type: "perRecipient", amount: 1, exceptions: [{ code: "0180", amount: 2 }] } },
        ]),
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
        "AGREEMENT_POTS_DO_NOT_SUM pots[0].rule.parts",
        "AGREEMENT_INVALID pots[0].rule.parts",
        "AGREEMENT_UNKNOWN_RECIPIENT pots[0].rule.parts[1].rule.exceptions[0].code",
        "AGREEMENT_POTS_DO_NOT_SUM pots[0].rule.parts[1].rule",
      ]);
      expect(r.issues[0]!.message).toBe("the parts add up to 250 kr, but the pot is 300 kr");
    }
  });

  it("ties the split level to the splitLevels rule, and requires levels on a split pot without a rule", () => {
    const r = safeParseAgreement({
      ...base,
      total: 10,
      pots: [
        { id: "a", name: "a", source: "s", amount: 5, level: "split", status: "known", rule: { type: "share", key: "total" } },
        { id: "b", name: "b", source: "s", level: "split", status: "incomplete", missing: ["fördelning mellan nivåerna"] },
        { id: "c", name: "c", source: "s", level: "unknown", status: "known", amount: 5, rule: { type: "fixed" } },
      ],
    });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(["pots[0].rule.type", "pots[1].levels", "pots[2].level"]);
  });

  it('allows roundingLevel "municipality" only on county or region pots shared by a key', () => {
    const pot = (level: string, rule: unknown) => ({ id: level, name: "p", source: "s", amount: 21_000_000, level, status: "known", rule, roundingLevel: "municipality" });
    const r = safeParseAgreement({
      ...base,
      total: 84_000_000,
      pots: [
        pot("county", { type: "basePlusShare", base: 5, key: "total" }),
        pot("region", { type: "share", key: "0-25" }),
        pot("municipality", { type: "share", key: "total" }),
        { ...pot("skr", { type: "fixed" }), id: "s" },
      ],
    });
    expect(!r.ok && r.issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      'pots[2].roundingLevel roundingLevel "municipality" applies to county or region pots shared by a key (share or basePlusShare)',
      'pots[3].roundingLevel roundingLevel "municipality" applies to county or region pots shared by a key (share or basePlusShare)',
    ]);
  });

  it("lets the total be unknown, and otherwise keeps known pots within it", () => {
    const incomplete = { id: "b", name: "b", source: "s", level: "unknown", status: "incomplete", missing: ["belopp"] };
    expect(safeParseAgreement({ ...base, pots: [incomplete] }).ok).toBe(true);
    const r = safeParseAgreement({ ...base, total: 5, pots: [{ id: "a", name: "a", source: "s", amount: 6, level: "skr", status: "known", rule: { type: "fixed" } }, incomplete] });
    expect(!r.ok && r.issues[0]!.message).toBe("the known pots add up to 6 kr, more than the agreement's total 5 kr");
  });

  it("reads a per-pot reference date and inferred facts, and refuses a bad date with its path", () => {
    const pot = { id: "a", name: "a", source: "s", amount: 5, level: "region", status: "known", rule: { type: "share", key: "total" }, inferred: ["belopp"] };
    expect(parseAgreement({ ...base, total: 5, pots: [{ ...pot, referenceDate: "2023-11-01" }] }).pots[0]!.referenceDate).toBe("2023-11-01");
    const r = safeParseAgreement({ ...base, total: 5, pots: [{ ...pot, referenceDate: "2023-02-30" }] });
    expect(!r.ok && `${r.issues[0]!.path}: ${r.issues[0]!.message}`).toBe("pots[0].referenceDate: expected a date YYYY-MM-DD, got \"2023-02-30\"");
  });
});

describe("the bundled agreements 2016–2026", () => {
  const ids = ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"];
  const raw = (id: string) => JSON.parse(readFileSync(resolve(ROOT, `data/agreements/${id}.json`), "utf8"));

  it("all load, every pot citing a source, every incomplete pot saying what is missing", () => {
    for (const id of ids) {
      const a = parseAgreement(raw(id), `${id}.json`);
      expect(a.id).toBe(id);
      for (const p of a.pots) {
        expect(p.source.length, `${id} ${p.id}`).toBeGreaterThan(10);
        if (p.status === "incomplete") expect(p.missing!.length, `${id} ${p.id}`).toBeGreaterThan(0);
      }
    }
  });

  it("have the totals and known pots the research supports", () => {
    const summary = Object.fromEntries(ids.map((id) => [id, summarizeAgreement(parseAgreement(raw(id)))]));
    expect(Object.fromEntries(ids.map((id) => [id, summary[id]!.total]))).toEqual({
      2016: 845_000_000n, 2017: 885_000_000n, 2018: 1_414_000_000n, 2019: 1_774_000_000n, 2020: 1_716_000_000n,
      2021: 1_680_000_000n, 2022: 1_635_000_000n, 2023: undefined, 2024: 1_560_000_000n, 2025: 1_560_000_000n, 2026: 1_320_000_000n,
    });
    expect(Object.fromEntries(ids.map((id) => [id, `${summary[id]!.knownPots}/${summary[id]!.potCount}`]))).toEqual({
      2016: "2/6", 2017: "5/6", 2018: "3/7", 2019: "1/9", 2020: "1/8", 2021: "0/2", 2022: "0/10", 2023: "6/11", 2024: "4/6", 2025: "9/9", 2026: "1/4",
    });
    expect(summary["2017"]!.referenceDate).toBe("2016-11-01");
    expect(summary["2018"]!.referenceDate).toBe("2017-11-01");
    expect(summary["2024"]!.referenceDate).toBe("2023-11-01");
    expect(summary["2024"]!.referenceDateInferred).toBe(true);
    expect(summary["2025"]!.status).toBe("known");
  });
});

describe("data/agreement.schema.json", () => {
  const committed = JSON.parse(readFileSync(resolve(ROOT, "data/agreement.schema.json"), "utf8"));

  it("equals a fresh generation from the zod schema (run npm run schema after changing src/rules.ts)", () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(agreementJsonSchema())));
  });

  it("accepts every bundled agreement structurally and rejects a broken one", () => {
    for (const f of readdirSync(resolve(ROOT, "data/agreements")).filter((n) => n.endsWith(".json"))) {
      const doc = JSON.parse(readFileSync(resolve(ROOT, "data/agreements", f), "utf8"));
      expect(doc.$schema, f).toBe("../agreement.schema.json");
      expect(validate(committed, doc), f).toEqual([]);
    }
    const bad = raw2025();
    bad.pots[0].level = "kommun";
    bad.pots[1].colour = "red";
    delete bad.title;
    expect(validate(committed, bad)).toEqual(["title: required", "pots[0].level: not in enum", "pots[1].colour: not allowed"]);
  });
});

/** A structural JSON Schema check for the keywords the generated schema uses; returns problems. */
function validate(schema: Record<string, unknown>, value: unknown, path = ""): string[] {
  const at = (p: string) => (path === "" ? p : p.startsWith("[") ? `${path}${p}` : `${path}.${p}`);
  const type = schema.type as string | string[] | undefined;
  const typeOf = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v);
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === "integer" && types.includes("number"))) return [`${path}: expected ${types.join("|")}`];
  }
  if ("const" in schema && value !== schema.const) return [`${path}: expected ${JSON.stringify(schema.const)}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) return [`${path}: not in enum`];
  if (typeof value === "string" && typeof schema.minLength === "number" && value.length < schema.minLength) return [`${path}: too short`];
  for (const k of ["anyOf", "oneOf"] as const) {
    const alts = schema[k] as Record<string, unknown>[] | undefined;
    if (alts) {
      const ok = alts.filter((s) => validate(s, value, path).length === 0).length;
      if (k === "anyOf" ? ok === 0 : ok !== 1) return [`${path}: matches ${ok} of ${k}`];
    }
  }
  const out: string[] = [];
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) out.push(`${path}: too few items`);
    if (schema.items) value.forEach((v, i) => out.push(...validate(schema.items as Record<string, unknown>, v, at(`[${i}]`))));
  } else if (typeof value === "object" && value !== null) {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in value)) out.push(`${at(r)}: required`);
    for (const [k, v] of Object.entries(value)) {
      if (props[k]) out.push(...validate(props[k]!, v, at(k)));
      else if (schema.additionalProperties === false) out.push(`${at(k)}: not allowed`);
    }
  }
  return out;
}
