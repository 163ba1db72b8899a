/**
 * The bad-input corpus: every file in tests/bad-inputs/ must be refused with the typed error
 * named in tests/bad-inputs/manifest.json. Adding a case = adding a file and a manifest line.
 *
 * Kinds: `population` (bytes through parsePopulation), `agreement` (loadAgreementFile), `cli`
 * (a JSON file `{ "args": [...] }` run in-process through the CLI's run() with the corpus as working directory).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, StimulansmedelError } from "../src/errors.js";
import { parsePopulation, safeParsePopulation } from "../src/io/population.js";
import { loadAgreementFile, safeLoadAgreementFile } from "../src/node/files.js";
import { ROOT } from "./helpers.js";
import { cli } from "./cli/run.js";

const CORPUS = resolve(ROOT, "tests", "bad-inputs");

interface Case {
  kind: "population" | "agreement" | "cli";
  /** The error code expected; `null` only for a CLI case that prints help instead of an error. */
  code: string | null;
  /** Must appear in the one-line description (`file:line: path: message [CODE]`). */
  fragment: string;
  line?: number;
  path?: string;
  /** CLI exit code. */
  exit?: number;
}

const manifest = JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as Record<string, Case>;
const files = readdirSync(CORPUS, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name !== "manifest.json")
  .map((e) => join(e.parentPath, e.name).slice(CORPUS.length + 1).replaceAll("\\", "/"))
  .sort();

function caught(f: () => unknown): StimulansmedelError {
  try {
    f();
  } catch (e) {
    if (e instanceof StimulansmedelError) return e;
    throw new Error(`untyped error: ${String(e)}`, { cause: e });
  }
  throw new Error("accepted a bad input");
}

function expectError(e: StimulansmedelError, c: Case, file: string): void {
  expect(e.code, file).toBe(c.code);
  expect(e.describe(), file).toContain(c.fragment);
  if (c.line !== undefined) expect(e.line, file).toBe(c.line);
  if (c.path !== undefined) expect(e.path ?? "", file).toBe(c.path);
  expect(e.issues.length).toBeGreaterThan(0);
  for (const issue of e.issues) expect(ERROR_CODES, file).toContain(issue.code);
}

describe("the bad-input corpus", () => {
  it("has a manifest line for every file and a file for every manifest line, at least 50 of them", () => {
    expect(Object.keys(manifest).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(50);
    for (const [file, c] of Object.entries(manifest)) {
      expect(["population", "agreement", "cli"], file).toContain(c.kind);
      if (c.code !== null) expect(ERROR_CODES, file).toContain(c.code);
      expect(c.fragment.length, file).toBeGreaterThan(0);
    }
  });

  const cases = Object.entries(manifest);
  it.each(cases.filter(([, c]) => c.kind === "population"))("refuses population %s", (file, c) => {
    const bytes = readFileSync(join(CORPUS, file));
    const e = caught(() => parsePopulation(bytes, { file }));
    expectError(e, c, file);
    expect(e.file).toBe(file);
    const safe = safeParsePopulation(bytes, { file });
    expect(safe.ok).toBe(false);
    if (!safe.ok) expect(safe.issues).toEqual(e.issues);
  });

  it.each(cases.filter(([, c]) => c.kind === "agreement"))("refuses agreement %s", (file, c) => {
    const path = join(CORPUS, file);
    const e = caught(() => loadAgreementFile(path));
    expectError(e, c, file);
    expect(e.file).toBe(path);
    const safe = safeLoadAgreementFile(path);
    expect(safe.ok).toBe(false);
    if (!safe.ok) expect(safe.issues).toEqual(e.issues);
  });

  it.each(cases.filter(([, c]) => c.kind === "cli"))("refuses the command line %s", async (file, c) => {
    const { args } = JSON.parse(readFileSync(join(CORPUS, file), "utf8")) as { args: string[] };
    const r = await cli(args, { cwd: CORPUS });
    expect(r.code, file).toBe(c.exit);
    if (c.code === null) {
      expect(r.stdout).toContain(c.fragment);
      return;
    }
    expect(r.stdout, file).toBe("");
    // One Swedish line for the user; the code and the English text stay in the typed error.
    expect(r.stderr, file).toMatch(/^stimulansmedel: [^\n]+\n$/);
    expect(r.stderr, file).not.toContain(`[${c.code}]`);
    expect(r.error?.code, file).toBe(c.code);
    expect(r.error?.describe(), file).toContain(c.fragment);
  });
});
