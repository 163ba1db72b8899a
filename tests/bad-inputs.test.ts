/**
 * The bad-input corpus (tests/support/bad-inputs.ts says how it is written): the manifest, and
 * every committed file in tests/bad-inputs/. The generated cases (sizes, depths, special files)
 * run in tests/bad-inputs-generated-*.test.ts, in parallel.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../src/errors.js";
import { parsePopulation, safeParsePopulation } from "../src/io/population.js";
import { loadAgreementFile, safeLoadAgreementFile } from "../src/node/files.js";
import { cli } from "./cli/run.js";
import { ROOT } from "./helpers.js";
import { caught, CORPUS, expectDataset, expectError, files, generated, GENERATED_SHARDS, generatedShard, manifest } from "./support/bad-inputs.js";

describe("the bad-input corpus", () => {
  it("has a manifest line for every file and a file for every manifest line, at least 50 of them", () => {
    expect(
      Object.keys(manifest)
        .filter((f) => !f.startsWith("generated/"))
        .sort(),
    ).toEqual(files);
    expect(generated.map(([f]) => f.startsWith("generated/"))).not.toContain(false);
    // Every generated case is run by exactly one of tests/bad-inputs-generated-*.test.ts.
    const sharded = Array.from({ length: GENERATED_SHARDS }, (_, s) => generatedShard(s + 1).map(([f]) => f)).flat();
    expect(sharded.sort()).toEqual(generated.map(([f]) => f).sort());
    for (let s = 1; s <= GENERATED_SHARDS; s++) expect(existsSync(join(ROOT, "tests", `bad-inputs-generated-${s}.test.ts`)), `shard ${s}`).toBe(true);
    expect(files.length + generated.length).toBeGreaterThanOrEqual(250);
    for (const [file, c] of Object.entries(manifest)) {
      expect(["population", "agreement", "cli"], file).toContain(c.kind);
      if (c.code !== null) expect(ERROR_CODES, file).toContain(c.code);
      // A case is refused with a code, or accepted with stated values, never neither.
      if (c.kind !== "cli") expect(c.code === null, file).toBe(c.accept !== undefined);
      expect(c.fragment.length, file).toBeGreaterThan(0);
    }
  });

  const cases = Object.entries(manifest).filter(([, c]) => c.generate === undefined);
  it.each(cases.filter(([, c]) => c.kind === "population" && c.accept !== undefined))("reads population %s", (file, c) => {
    const bytes = readFileSync(join(CORPUS, file));
    expectDataset(parsePopulation(bytes, { file }), c.accept!, file);
  });

  it.each(cases.filter(([, c]) => c.kind === "agreement" && c.accept !== undefined))("reads agreement %s", (file, c) => {
    const a = loadAgreementFile(join(CORPUS, file));
    if (c.accept!.total !== undefined) expect(String(a.total), file).toBe(c.accept!.total);
    if (c.accept!.pots !== undefined) expect(a.pots.length, file).toBe(c.accept!.pots);
    if (c.accept!.title !== undefined) expect(a.title, file).toBe(c.accept!.title);
  });

  it.each(cases.filter(([, c]) => c.kind === "population" && c.accept === undefined))("refuses population %s", (file, c) => {
    const bytes = readFileSync(join(CORPUS, file));
    const e = caught(() => parsePopulation(bytes, { file }));
    expectError(e, c, file);
    expect(e.file).toBe(file);
    const safe = safeParsePopulation(bytes, { file });
    expect(safe.ok).toBe(false);
    if (!safe.ok) expect(safe.issues).toEqual(e.issues);
  });

  it.each(cases.filter(([, c]) => c.kind === "agreement" && c.accept === undefined))("refuses agreement %s", (file, c) => {
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
