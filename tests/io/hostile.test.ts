/**
 * Inputs that a reader once read into a wrong allocation without a word (issue 16): counts past
 * the limit, an incomplete extra dimension, JSON-stat without an index, duplicate JSON keys and
 * nesting deep enough to overflow a recursive walk. Each must be a typed error naming where.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AgreementError, PopulationError } from "../../src/errors.js";
import { parsePopulation } from "../../src/io/population.js";
import { loadAgreementFile } from "../../src/node/files.js";
import { parseAgreement } from "../../src/rules.js";
import { ROOT } from "../helpers.js";
import { readFileSync } from "node:fs";
import { fixture, fails } from "./fixtures-helpers.js";

const enc = (s: string) => new TextEncoder().encode(s);
const SCB_LONG = fixture("dalarna-0-18_lang_semikolon_utf-8-bom.csv").toString("utf8");
const JSONSTAT = fixture("dalarna-0-18_TAB1267.json-stat2.json").toString("utf8");

function withLine(text: string, line: number, edit: (l: string) => string): string {
  const lines = text.split("\n");
  lines[line - 1] = edit(lines[line - 1]!);
  return lines.join("\n");
}

describe("the count limit holds in every reader", () => {
  it.each(["99999999999999999999", "18446744073709551616", "10000000001"])("SCB CSV: %s in a part beside its total is refused at its line", (big) => {
    // Line 5 is Vansbro, 0 år, kvinnor; line 6 its totalt row, which used to hide the part.
    const text = withLine(SCB_LONG, 5, (l) => l.replace(/;35$/, `;${big}`));
    const e = fails(() => parsePopulation(enc(text), { file: "scb.csv" }), "POPULATION_BAD_COUNT", 5, big);
    expect(e.describe()).toContain(`the count ${big} is larger than any population (at most 10000000000)`);
    expect(e.file).toBe("scb.csv");
    expect(e.path).toBe("Folkmängd");
  });

  it.each([9e15, 99_999_999_999])("JSON-stat: the value %d is refused at its path", (big) => {
    const ds = JSON.parse(JSONSTAT) as { value: number[] };
    ds.value[3] = big;
    const e = fails(() => parsePopulation(enc(JSON.stringify(ds)), { file: "t.json" }), "POPULATION_BAD_COUNT", undefined, String(big));
    expect(e.path).toBe("value[3]");
    expect(e.message).toContain("larger than any population");
  });

  it("10^10 itself is still a count (the limit is inclusive)", () => {
    const text = withLine(SCB_LONG, 5, (l) => l.replace(/;35$/, ";10000000000"));
    // Accepted by the count reader; refused only because the total row (line 6) now disagrees.
    const e = fails(() => parsePopulation(enc(text), { file: "scb.csv" }), "POPULATION_TOTAL_MISMATCH", 6);
    expect(e.message).toContain("says 70, but its parts sum to 10000000035");
  });
});

describe("extra dimensions are complete per recipient", () => {
  const head = '"Folkmängden den 1 november efter region, civilstånd, ålder och år"\n\n"region","civilstånd","ålder","2024"\n';
  const rows = (falunStatuses: string[]) =>
    [
      ...falunStatuses.map((m, i) => `"2080 Falun","${m}","0 år",${100 + i}`),
      ...["ogifta", "gifta", "skilda", "änka/änkling"].map((m, i) => `"00 Riket","${m}","0 år",${1000 + i}`),
    ].join("\n");

  it("sums every civilstånd when all are there", () => {
    const pop = parsePopulation(enc(head + rows(["ogifta", "gifta", "skilda", "änka/änkling"])), { file: "c.csv" });
    expect(pop.ages.get("2080")![0]).toBe(100n + 101n + 102n + 103n);
    expect(pop.nationalAges![0]).toBe(4006n);
  });

  it("refuses a municipality lacking one civilstånd, naming it", () => {
    const e = fails(() => parsePopulation(enc(head + rows(["ogifta", "gifta", "änka/änkling"])), { file: "c.csv" }), "POPULATION_FORMAT", 4, "skilda");
    expect(e.message).toBe('2080, 0 år: civilstånd "skilda" is missing, which other rows have; the parts are summed, so each must be complete (or give the total)');
  });
});

describe("JSON-stat order comes from the index, never from object keys", () => {
  it("refuses a multi-category dimension with label but no index", () => {
    const ds = JSON.parse(JSONSTAT) as { dimension: { Region: { category: { index?: unknown } } } };
    delete ds.dimension.Region.category.index;
    const e = fails(() => parsePopulation(enc(JSON.stringify(ds)), { file: "t.json" }), "POPULATION_FORMAT");
    expect(e.path).toBe("dimension.Region.category");
    expect(e.message).toContain("has 16 categories but no category.index");
  });

  it("accepts a one-category dimension without index (its order cannot matter)", () => {
    const ds = JSON.parse(JSONSTAT) as { dimension: { Tid: { category: { index?: unknown } } } };
    delete ds.dimension.Tid.category.index;
    expect(parsePopulation(enc(JSON.stringify(ds)), { file: "t.json" }).referenceDate).toBe("2024-11-01");
  });
});

describe("agreement JSON is read strictly", () => {
  const dir = mkdtempSync(join(tmpdir(), "hostile-"));
  const agreement2025 = readFileSync(join(ROOT, "data", "agreements", "2025.json"), "utf8");
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("refuses a duplicate key with its path and line", () => {
    const text = agreement2025.replace(/"key": "0-18"/, '"key": "0-18", "key": "total"');
    expect(text).not.toBe(agreement2025);
    const path = write("dup.json", text);
    let e: unknown;
    try {
      loadAgreementFile(path);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(AgreementError);
    const err = e as AgreementError;
    expect(err.kind).toBe("duplicate-key");
    expect(err.path).toMatch(/^pots\[\d+\]\.rule\.key$/);
    expect(err.line).toBe(text.slice(0, text.indexOf('"key": "total"')).split("\n").length);
  });

  it("refuses 10 000 nested arrays with a typed error, not a stack overflow", () => {
    const path = write("deep.json", `${"[".repeat(10_000)}${"]".repeat(10_000)}`);
    expect(() => loadAgreementFile(path)).toThrowError(expect.objectContaining({ code: "AGREEMENT_INVALID", kind: "too-deep" }));
  });

  it("refuses 1e400 as too large, not as null", () => {
    const path = write("inf.json", agreement2025.replace(/"total": (\d+|"\d+")/, '"total": 1e400'));
    expect(() => loadAgreementFile(path)).toThrowError(expect.objectContaining({ code: "AGREEMENT_INVALID", kind: "number-range", value: "1e400" }));
  });

  it("describes a huge or deep value without stringifying it (API input)", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const json = JSON.parse(agreement2025) as Record<string, unknown>;
    json.title = deep;
    json.note = "x".repeat(50_000_000);
    let e: unknown;
    try {
      parseAgreement(json, "api");
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(AgreementError);
    const issues = (e as AgreementError).issues;
    for (const i of issues) expect((i.value ?? "").length).toBeLessThanOrEqual(200);
    expect(issues.find((i) => i.path === "title")?.message).toBe("expected a text, got a list");
  });

  it("population JSON too: a duplicate key in JSON-stat is refused", () => {
    const text = JSONSTAT.replace('"version"', '"class": "dataset", "version"');
    const e = fails(() => parsePopulation(enc(text), { file: "t.json" }), "POPULATION_FORMAT");
    expect(e.kind).toBe("duplicate-key");
    expect(e.path).toBe("class");
    expect(e).toBeInstanceOf(PopulationError);
  });
});
