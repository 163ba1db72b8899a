// Reading a parsed agreement: which exception applies to a recipient, each recipient's base, a
// pot's levels and parts, the keys an agreement needs, and its summary.
import { describe, expect, it } from "vitest";
import {
  agreementKeys,
  applicableException,
  baseAmounts,
  exceptionLabel,
  isComplete,
  parseAgreement,
  potLevels,
  potParts,
  summarizeAgreement,
  type Exception,
  type Pot,
} from "../../src/rules.js";

type Json = Record<string, unknown>;
const pot = (over: Json = {}): Json => ({ id: "p", name: "P", source: "s", level: "region", status: "known", amount: 210, rule: { type: "perRecipient", amount: 10 }, ...over });
const parse = (pots: Json[], over: Json = {}) => parseAgreement({ id: "t", title: "T", source: "s", pots, ...over });
const onePot = (over: Json) => parse([pot(over)]).pots[0]! as Pot;

describe("applicableException", () => {
  const metro: Exception = { group: "metropolitan", amount: 7n };
  const stockholm: Exception = { code: "01", amount: 5n };
  const malmo: Exception = { code: "1280", amount: 3n };

  it("prefers the recipient's own code, then the last group containing it or its county", () => {
    expect(applicableException("region", "01", [])).toBeUndefined();
    expect(applicableException("region", "01", [metro, stockholm])).toBe(stockholm);
    expect(applicableException("region", "12", [metro, stockholm])).toBe(metro);
    expect(applicableException("region", "20", [metro, stockholm])).toBeUndefined();
    const later: Exception = { group: "metropolitan", amount: 9n };
    expect(applicableException("region", "14", [metro, later])).toBe(later);
    // Malmö (Skåne) by its own code, Lund by its county's group, Falun by nothing.
    expect(applicableException("municipality", "1280", [metro, malmo])).toBe(malmo);
    expect(applicableException("municipality", "1281", [metro, malmo])).toBe(metro);
    expect(applicableException("municipality", "2080", [metro, malmo])).toBeUndefined();
    // SKR has no county; an unknown group contains nobody.
    expect(applicableException("skr", "SKR", [metro])).toBeUndefined();
    expect(applicableException("region", "01", [{ group: "nowhere", amount: 1n }])).toBeUndefined();
  });

  it("labels exceptions in Swedish and gives every recipient its base", () => {
    expect(exceptionLabel(stockholm)).toBe("kod 01");
    expect(exceptionLabel(metro)).toBe("grupp metropolitan");
    const bases = baseAmounts("region", 10n, [metro, stockholm]);
    expect(bases.size).toBe(21);
    expect([bases.get("01"), bases.get("12"), bases.get("14"), bases.get("20")]).toEqual([5n, 7n, 7n, 10n]);
    expect([...baseAmounts("skr", 4n, [])]).toEqual([["SKR", 4n]]);
  });
});

describe("potLevels and potParts", () => {
  const parts = [
    { level: "region", amount: 210, rule: { type: "perRecipient", amount: 10 } },
    { level: "county", amount: 42, rule: { type: "perRecipient", amount: 2 } },
  ];

  it("gives the levels a pot pays", () => {
    expect(potLevels(onePot({}))).toEqual(["region"]);
    expect(potLevels(onePot({ status: "incomplete", level: "unknown", rule: undefined, missing: ["nivå"] }))).toEqual([]);
    expect(potLevels(onePot({ level: "split", amount: 252, rule: { type: "splitLevels", parts } }))).toEqual(["region", "county"]);
    expect(potLevels(onePot({ level: "split", status: "incomplete", rule: undefined, levels: ["municipality", "region"], missing: ["regel"] }))).toEqual(["municipality", "region"]);
    expect(potLevels({ level: "split" } as Pot)).toEqual([]);
  });

  it("gives each part's level, amount, rule and path", () => {
    expect(potParts(onePot({}))).toEqual([{ level: "region", amount: 210n, rule: { type: "perRecipient", amount: 10n, exceptions: [] }, path: "rule" }]);
    expect(potParts(onePot({ level: "split", amount: 252, rule: { type: "splitLevels", parts } })).map((p) => [p.level, p.amount, p.path])).toEqual([
      ["region", 210n, "rule.parts[0].rule"],
      ["county", 42n, "rule.parts[1].rule"],
    ]);
    expect(potParts(onePot({ status: "incomplete", amount: undefined, missing: ["belopp"] }))).toEqual([]);
    expect(potParts(onePot({ status: "incomplete", rule: undefined, missing: ["regel"] }))).toEqual([]);
    expect(potParts({ level: "split", amount: 5n, rule: { type: "share", key: "total" } } as Pot)).toEqual([]);
    expect(potParts({ level: "unknown", amount: 5n, rule: { type: "share", key: "total" } } as Pot)).toEqual([]);
  });
});

describe("agreement summaries", () => {
  const a = parse(
    [
      pot({ id: "a", rule: { type: "basePlusShare", base: 1, key: "0-18" } }),
      pot({ id: "b", level: "split", amount: 252, rule: { type: "splitLevels", parts: [
        { level: "region", amount: 210, rule: { type: "share", key: "total" } },
        { level: "county", amount: 42, rule: { type: "share", key: "0 – 18" } },
      ] } }),
      pot({ id: "c", name: "C", status: "incomplete", amount: 99, rule: { type: "share", key: "65-100" }, missing: ["regel"] }),
      pot({ id: "d", name: "D", status: "incomplete", amount: undefined, rule: undefined, level: "unknown", missing: ["belopp", "nivå"] }),
    ],
    { total: 1000, referenceDate: "2024-11-01", inferred: ["referensdatum"] },
  );

  it("lists the keys of known pots once, in order", () => {
    expect(agreementKeys(a)).toEqual(["0-18", "total"]);
  });

  it("counts known pots and their amounts, and lists what the others lack", () => {
    expect(isComplete(a)).toBe(false);
    expect(summarizeAgreement(a)).toEqual({
      id: "t",
      title: "T",
      total: 1000n,
      referenceDate: "2024-11-01",
      referenceDateInferred: true,
      status: "incomplete",
      knownPots: 2,
      potCount: 4,
      knownAmount: 462n,
      incompletePots: [
        { id: "c", name: "C", amount: 99n, missing: ["regel"] },
        { id: "d", name: "D", amount: null, missing: ["belopp", "nivå"] },
      ],
    });
    const done = parse([pot()]);
    expect(isComplete(done)).toBe(true);
    expect(summarizeAgreement(done)).toMatchObject({ status: "known", knownPots: 1, potCount: 1, knownAmount: 210n, incompletePots: [], referenceDateInferred: false, total: undefined, referenceDate: undefined });
    expect(summarizeAgreement(parse([pot()], { inferred: ["total"] })).referenceDateInferred).toBe(false);
  });
});
