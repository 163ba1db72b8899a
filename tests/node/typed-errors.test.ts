import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { renderIssue, StimulansmedelError } from "../../src/errors.js";
import { defaultPopulationFor, loadBundledAgreement, loadBundledPopulation } from "../../src/node/bundled.js";
import { loadAgreementFile, loadPopulationFile } from "../../src/node/files.js";
import { readTableFile } from "../../src/node/table.js";
import { parseAgreement } from "../../src/rules.js";
import { ROOT, thrownBy } from "../helpers.js";

const thrown = (fn: () => unknown): StimulansmedelError => thrownBy(fn);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("errors of the Node layer are catalogue issues", () => {
  it("no file builds an error from an English sentence (new XError(code, message)), src/io included", () => {
    const offenders = [join(ROOT, "src"), join(ROOT, "web", "src")]
      .flatMap(files)
      .filter((f) => /new [A-Z][A-Za-z]*Error\(\s*["'`(]/.test(readFileSync(f, "utf8").replace(/new (?:TypeError|Error|RangeError|CsvSyntaxError)\(/g, "")))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it("the legacy English-sentence issue is gone: every error is built from catalogue issues", () => {
    const errors = readFileSync(join(ROOT, "src", "errors.ts"), "utf8");
    expect(errors).not.toMatch(/legacy/i);
    // The constructor takes issues only: a code and a sentence is a type error and a wrong call.
    expect(() => new (StimulansmedelError as unknown as new (a: string, b: string) => Error)("POPULATION_FORMAT", "text")).toThrow();
  });

  it("an unknown bundled population or agreement names the ids that exist, in Swedish without codes", () => {
    const p = thrown(() => loadBundledPopulation("1999-11-01"));
    expect(p).toMatchObject({ code: "POPULATION_NOT_FOUND", kind: "unknown-bundled", value: "1999-11-01" });
    expect(renderIssue(p.issue, "sv")).toMatch(/^det finns ingen inbyggd befolkning "1999-11-01"; inbyggda: \d{4}-\d{2}-\d{2}/);
    const a = thrown(() => loadBundledAgreement("1999"));
    expect(a).toMatchObject({ code: "AGREEMENT_NOT_FOUND", kind: "no-bundled", value: "1999" });
    expect(renderIssue(a.issue, "sv")).toMatch(/^det finns ingen inbyggd överenskommelse "1999"; inbyggda: .*2025/);
  });

  it("an agreement without a reference date asks for --population", () => {
    const agreement = { ...loadBundledAgreement("2025"), referenceDate: undefined } as unknown as ReturnType<typeof parseAgreement>;
    const e = thrown(() => defaultPopulationFor(agreement));
    expect(e).toMatchObject({ code: "POPULATION_NOT_FOUND", kind: "no-reference-date" });
    expect(renderIssue(e.issue, "sv")).toBe(`överenskommelsen ${agreement.id} har inget känt referensdatum; ange --population`);
  });

  it("a missing or unreadable file is named in Swedish words, never an errno code", () => {
    const pop = thrown(() => loadPopulationFile(join(ROOT, "nope.csv")));
    expect(pop).toMatchObject({ code: "POPULATION_NOT_FOUND", kind: "no-file" });
    expect(renderIssue(pop.issue, "sv")).toMatch(/: filen finns inte$/);
    const dir = thrown(() => loadAgreementFile(join(ROOT, "src")));
    expect(dir).toMatchObject({ code: "AGREEMENT_NOT_FOUND", kind: "unreadable" });
    expect(renderIssue(dir.issue, "sv")).toMatch(/: kan inte läsa filen \(det är en mapp\)$/);
    const table = thrown(() => readTableFile(join(ROOT, "nope.xlsx")));
    expect(table).toMatchObject({ code: "IO", kind: "no-file" });
    expect(renderIssue(table.issue, "sv")).toMatch(/nope\.xlsx: filen finns inte$/);
  });
});
