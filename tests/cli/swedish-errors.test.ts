/**
 * A sample of every command's errors — a bad file, an unknown name, a bad option, an unwritable
 * --out — reads in Swedish on one line, with no error codes or other internal identifiers and no
 * English words.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { cli } from "./run.js";

const TMP = mkdtempSync(join(tmpdir(), "sm-sv-"));
writeFileSync(join(TMP, "en-fil"), "x");
const BAD_AGREEMENT = "tests/bad-inputs/agreement/amount-negative.json";
const BLOCKED = join(TMP, "en-fil", "ut");

/** Per command: [what is wrong, argv]. */
const SAMPLE: Record<string, [string, string[]][]> = {
  allocate: [
    ["missing file", ["allocate", "--agreement", "finns-inte.json"]],
    ["bad file", ["allocate", "--agreement", BAD_AGREEMENT]],
    ["unknown name", ["allocate", "--county", "Atlantis"]],
    ["bad option", ["allocate", "--bogus"]],
    ["unwritable --out", ["allocate", "--out", `${BLOCKED}.json`]],
  ],
  explain: [
    ["missing file", ["explain", "--population", "finns-inte.csv", "Falun"]],
    ["bad file", ["explain", "--agreement", BAD_AGREEMENT, "Falun"]],
    ["unknown name", ["explain", "Atlantis"]],
    ["bad option", ["explain", "--bogus", "Falun"]],
    ["unwritable --out", ["explain", "Falun", "--out", `${BLOCKED}.txt`]],
  ],
  compare: [
    ["missing file", ["compare", "--against", "finns-inte.json"]],
    ["bad file", ["compare", "--against", BAD_AGREEMENT]],
    ["unknown name", ["compare", "--against", "2024", "--municipality", "Atlantis"]],
    ["bad option", ["compare", "--against", "2024", "--bogus"]],
    ["unwritable --out", ["compare", "--against", "2024", "--out", `${BLOCKED}.json`]],
  ],
  verify: [
    ["missing file", ["verify", "finns-inte.txt"]],
    ["bad file", ["verify", "--agreement", BAD_AGREEMENT, "x.txt"]],
    ["unknown name", ["verify", "--agreement", "1999", "x.txt"]],
    ["bad option", ["verify", "--format", "pdf", "x.txt"]],
  ],
  infer: [
    ["missing file", ["infer", "finns-inte.txt"]],
    ["bad option", ["infer", "--format", "pdf", "x.txt"]],
    ["unknown option", ["infer", "--bogus", "x.txt"]],
  ],
  validate: [
    ["missing file", ["validate", "finns-inte.json"]],
    ["bad file", ["validate", BAD_AGREEMENT]],
    ["bad option", ["validate", "--kind", "pdf", "x.json"]],
  ],
  agreements: [
    ["bad option", ["agreements", "--format", "xlsx"]],
    ["unknown option", ["agreements", "--bogus"]],
    ["unwritable --out", ["agreements", "--out", `${BLOCKED}.json`]],
  ],
  "population fetch": [
    ["missing file", ["population", "fetch", "--agreement", "finns-inte.json"]],
    ["bad file", ["population", "fetch", "--agreement", BAD_AGREEMENT]],
    ["unknown name", ["population", "fetch", "--agreement", "1999"]],
    ["bad option", ["population", "fetch", "--date", "2024-02-30"]],
  ],
  "population list": [
    ["bad option", ["population", "list", "--format", "csv"]],
    ["unwritable --out", ["population", "list", "--out", `${BLOCKED}.json`]],
  ],
};

/** English words an untranslated message would carry (whole words, lower case). */
const ENGLISH = /\b(?:the|is|are|not|cannot|no such|file|must|expected|got|unknown|missing|and|or|of|with|error|invalid|found|needs|given|value|option)\b/i;

/** The message without what the user typed: quoted values, --options, paths and file names. */
const ownWords = (line: string) =>
  line
    .replace(/"[^"]*"/g, "")
    .replace(/--[\w-]+/g, "")
    .replace(/[\w./-]*\/[\w./-]*|[\w-]+\.(?:json|csv|txt|xlsx)\b/g, "")
    .replace(/\b(?:pots|rule|amount)\b(?:\[\d+\])?/g, "");

describe("every command's errors read in Swedish", () => {
  it("the sample covers every command", () => {
    expect(Object.keys(SAMPLE).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  const cases = Object.entries(SAMPLE).flatMap(([command, list]) => list.map(([what, argv]) => [`${command}: ${what}`, argv] as const));
  it.each(cases)("%s", async (_, argv) => {
    const r = await cli(argv);
    expect(r.code).toBeGreaterThan(0);
    expect(r.code).toBeLessThan(70);
    // validate reports each file's problems on standard output; every other command one line on stderr.
    const lines = argv[0] === "validate" && r.stderr === "" ? r.stdout.trimEnd().split("\n").slice(1).map((l) => l.trim()) : [r.stderr];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^[^\n]+\n?$/);
      expect(line).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
      expect(line).not.toMatch(/nearest-per-recipient|null när|\bundefined\b|\bNaN\b|\[object /);
      expect(ownWords(line), line).not.toMatch(ENGLISH);
      expect(line).toMatch(/[åäö]|inte|ingen|finns|kan|ska|får|har|fick/);
    }
  });
});
