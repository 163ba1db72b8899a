import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AgreementError } from "../src/errors.js";
import { kronorSchema, parseAgreement, safeParseAgreement } from "../src/rules.js";
import { ROOT } from "./helpers.js";

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
    try {
      parseAgreement(bad, "my.json");
      expect.unreachable();
    } catch (e) {
      const err = e as AgreementError;
      expect(err).toBeInstanceOf(AgreementError);
      expect(err.code).toBe("AGREEMENT_INVALID");
      expect(err.file).toBe("my.json");
      expect(err.path).toBe("pots[3].rule.base");
      expect(err.value).toBe('"200 000"');
      expect(err.message).toBe('expected a whole number of kronor, got "200 000"');
      expect(err.describe()).toBe('my.json: pots[3].rule.base: expected a whole number of kronor, got "200 000" [AGREEMENT_INVALID]');
    }
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
});
