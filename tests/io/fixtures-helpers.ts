import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "vitest";
import { PopulationError } from "../../src/errors.js";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { ROOT } from "../helpers.js";
import { normalizeKey } from "../../src/population.js";

export const FIXTURES = resolve(ROOT, "tests", "fixtures", "population");

export function fixture(name: string): Buffer {
  return readFileSync(resolve(FIXTURES, name));
}

/** Dalarna's fifteen derived 0–18 counts for 1 Nov 2024 and Sweden's, from the bundled file. */
export function dalarnaCounts(): { byCode: Map<string, bigint>; national: bigint } {
  const pop = parseProjectCsv(readFileSync(resolve(ROOT, "data", "population", "2024-11-01_dalarna_0-18_harledd.csv"), "utf8"));
  return { byCode: new Map(pop.counts.get(normalizeKey("0-18"))!), national: pop.nationalTotals.get(normalizeKey("0-18"))! };
}

/** Runs `fn`, expecting a PopulationError with this code (and line and value, when given). */
export function fails(fn: () => unknown, code: string, line?: number, value?: string): PopulationError {
  try {
    fn();
  } catch (e) {
    const err = e as PopulationError;
    expect(err).toBeInstanceOf(PopulationError);
    expect(err.code, err.message).toBe(code);
    if (line !== undefined) expect(err.line, err.message).toBe(line);
    if (value !== undefined) expect(err.value, err.message).toBe(value);
    return err;
  }
  return expect.unreachable(`expected ${code}`);
}
