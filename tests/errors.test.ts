import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AgreementError, attempt, describeIssue, ERROR_CODES, errorOf, issue, PopulationError, raise, renderIssue, StimulansmedelError, UsageError } from "../src/errors.js";
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

  it("builds issues from the catalogue: English message, Swedish rendering, location kept", () => {
    const i = issue("POPULATION_BAD_COUNT", "negative", { value: "-5" }, { file: "p.csv", line: 4, value: "-5" });
    expect(i).toEqual({ code: "POPULATION_BAD_COUNT", kind: "negative", params: { value: "-5" }, message: "a count cannot be negative: -5", file: "p.csv", line: 4, value: "-5" });
    expect(describeIssue(i)).toBe("p.csv:4: a count cannot be negative: -5 [POPULATION_BAD_COUNT]");
    expect(renderIssue(i, "sv")).toBe("p.csv, rad 4: ett antal kan inte vara negativt: -5");
    expect(renderIssue(i)).toBe(describeIssue(i));
  });

  it("throws the class that belongs to the code, carrying every collected issue", () => {
    const issues = [
      issue("POPULATION_BAD_COUNT", "negative", { value: "-5" }, { file: "p.csv", line: 4, value: "-5" }),
      issue("POPULATION_UNKNOWN_CODE", "municipality", { code: "9999" }, { file: "p.csv", line: 5, value: "9999" }),
    ];
    const e = errorOf(issues);
    expect(e).toBeInstanceOf(PopulationError);
    expect(e.name).toBe("PopulationError");
    expect(e.code).toBe("POPULATION_BAD_COUNT");
    expect(e.message).toBe("a count cannot be negative: -5 (and 1 more problem)");
    expect(e.location()).toEqual({ file: "p.csv", line: 4, value: "-5" });
    expect(e.describe()).toBe("p.csv:4: a count cannot be negative: -5 (and 1 more problem) [POPULATION_BAD_COUNT]");
    expect(e.issues.map((x) => renderIssue(x, "sv"))).toEqual([
      "p.csv, rad 4: ett antal kan inte vara negativt: -5",
      'p.csv, rad 5: "9999" är inte en av de 290 kommunkoderna',
    ]);
    expect(() => raise("GEOGRAPHY_UNKNOWN_CODE", "county", { code: "99" })).toThrowError(expect.objectContaining({ code: "GEOGRAPHY_UNKNOWN_CODE", kind: "county" }));
    expect(errorOf([issue("POPULATION_FORMAT", "nothing-to-merge", {})])).toBeInstanceOf(StimulansmedelError);
  });

  it("never keeps more than 200 characters of an offending value", () => {
    const i = issue("POPULATION_FORMAT", "bad-key", { key: "x" }, { value: "x".repeat(10_000) });
    expect(i.value).toHaveLength(200);
    expect(i.value!.endsWith("…")).toBe(true);
  });

  it("attempt() turns typed errors into issues and rethrows anything else", () => {
    const r = attempt(() => raise("POPULATION_FORMAT", "bad-date", { date: "2024-13-01" }, { file: "p.csv" }));
    expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ code: "POPULATION_FORMAT", kind: "bad-date", file: "p.csv" })] });
    expect(() => attempt(() => JSON.parse("{"))).toThrow(SyntaxError);
    expect(attempt(() => 3)).toEqual({ ok: true, value: 3 });
    expect(new AgreementError(issue("POPULATION_FORMAT", "nothing-to-merge", {}))).toBeInstanceOf(StimulansmedelError);
    expect(errorOf([issue("POPULATION_FORMAT", "nothing-to-merge", {})])).not.toBeInstanceOf(UsageError);
  });
});
