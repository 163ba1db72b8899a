import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AgreementError, describeIssue, ERROR_CODES, PopulationError, StimulansmedelError } from "../src/errors.js";
import { ROOT } from "./helpers.js";

describe("the error model", () => {
  it("documents every code in the README's table, and nothing that is not a code", () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual([...ERROR_CODES]);
  });

  it("keeps codes unique and in SCREAMING_SNAKE_CASE", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const c of ERROR_CODES) expect(c).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  it("carries file, line, path and value, and every collected issue", () => {
    const issues = [
      { code: "POPULATION_BAD_COUNT" as const, message: 'count "-5" is negative', file: "p.csv", line: 4, value: "-5" },
      { code: "POPULATION_UNKNOWN_CODE" as const, message: '"9999" is not one of the 290 municipality codes', file: "p.csv", line: 5, value: "9999" },
    ];
    const e = new PopulationError("POPULATION_BAD_COUNT", 'count "-5" is negative (and 1 more problem)', issues[0], issues);
    expect(e).toBeInstanceOf(StimulansmedelError);
    expect(e.name).toBe("PopulationError");
    expect(e.location()).toEqual({ file: "p.csv", line: 4, value: "-5" });
    expect(e.describe()).toBe('p.csv:4: count "-5" is negative (and 1 more problem) [POPULATION_BAD_COUNT]');
    expect(e.issues.map(describeIssue)).toEqual([
      'p.csv:4: count "-5" is negative [POPULATION_BAD_COUNT]',
      'p.csv:5: "9999" is not one of the 290 municipality codes [POPULATION_UNKNOWN_CODE]',
    ]);
    const a = new AgreementError("AGREEMENT_INVALID", "expected a whole number of kronor", { file: "a.json", path: "pots[3].rule.base" });
    expect(a.describe()).toBe("a.json: pots[3].rule.base: expected a whole number of kronor [AGREEMENT_INVALID]");
    expect(a.issues).toEqual([{ code: "AGREEMENT_INVALID", message: "expected a whole number of kronor", file: "a.json", path: "pots[3].rule.base" }]);
  });
});
