/**
 * Command-line argument forms from outside (issue 16.6): every case in argv-corpus.json runs
 * in-process and must end with its stated exit code and typed error, on one Swedish line, with a
 * long value clipped.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/errors.js";
import { ROOT } from "../helpers.js";
import { cli } from "./run.js";

interface ArgvCase {
  name: string;
  args: string[];
  exit: number;
  code: string | null;
  kind: string | null;
}

const corpus = JSON.parse(readFileSync(join(ROOT, "tests/cli/argv-corpus.json"), "utf8")) as { cases: ArgvCase[] };
const TMP = mkdtempSync(join(tmpdir(), "sm-argv-"));
writeFileSync(join(TMP, "en-fil"), "x");
const LONG = "x".repeat(5000);
const fill = (a: string) =>
  a.replace("$LONG", LONG).replace("$TMP", TMP).replace("$FIXTURE", "tests/fixtures/population/dalarna-0-18_TAB1267.json-stat2.json").replace("$AGREEMENT", "tests/bad-inputs/agreement/amount-negative.json");

describe("the command-line argument corpus", () => {
  it("has at least 40 cases, each with a stated outcome", () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.cases.map((c) => c.name)).size).toBe(corpus.cases.length);
    for (const c of corpus.cases) {
      if (c.code !== null) expect(ERROR_CODES, c.name).toContain(c.code);
      expect(c.code === null, c.name).toBe(c.exit === 0);
    }
  });

  it.each(corpus.cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const r = await cli(c.args.map(fill));
    expect(r.code, r.stderr).toBe(c.exit);
    expect(r.error?.code ?? null).toBe(c.code);
    expect(r.error?.kind ?? null).toBe(c.kind);
    if (c.exit !== 0) {
      expect(r.stderr).toMatch(/^stimulansmedel: [^\n]+\n$/);
      // A 5 000-character value is never echoed whole.
      expect(r.stderr.length).toBeLessThan(400);
      expect(r.stderr).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b|\bat .*\.(?:ts|js):\d+/);
    }
  });

  it("--out into a missing folder leaves nothing behind, and a refused --out leaves the input as it was", async () => {
    const input = join(TMP, "pop.json");
    const bytes = readFileSync(join(ROOT, "tests/fixtures/population/dalarna-0-18_TAB1267.json-stat2.json"));
    writeFileSync(input, bytes);
    expect((await cli(["allocate", "--population", input, "--out", input])).code).toBe(1);
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });
});
