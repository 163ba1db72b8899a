import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "vitest";
import { StimulansmedelError } from "../src/errors.js";

export const ROOT = resolve(import.meta.dirname, "..");
/** Published amounts, copied into the repository with their sources and checksums (tests/oracles/README.md). */
export const ORACLES = resolve(ROOT, "tests", "oracles");

/** A published amount from tests/oracles/dalarna-2025.csv. */
export interface OracleRow {
  agreement: string;
  pot: string;
  level: string;
  code: string;
  name: string;
  amount: bigint;
}

export function readOracle(name = "dalarna-2025.csv"): OracleRow[] {
  const [header, ...rows] = readFileSync(resolve(ORACLES, name), "utf8").trim().split(/\r?\n/);
  const cols = header!.split(",");
  return rows.map((r) => {
    const v = r.split(",");
    const get = (c: string) => v[cols.indexOf(c)]!;
    return { agreement: get("agreement"), pot: get("pot"), level: get("level"), code: get("code"), name: get("name"), amount: BigInt(get("amount_sek")) };
  });
}

/** Top-level fields of a StimulansmedelError a test may pin, besides its code. */
export interface IssueFields {
  value?: string;
  path?: string;
  line?: number;
  file?: string;
  /** The typed parameters of the first issue (`error.issue.params`), matched as a subset. */
  params?: Record<string, unknown>;
}

/**
 * Matches a thrown StimulansmedelError by its code (and the given fields), so a test fails when
 * the right kind of error stops being thrown, not when a message is reworded:
 * `expect(() => f()).toThrowError(issueWith("POPULATION_FORMAT", { value: "0-101" }))`.
 */
export function issueWith(code: string, fields: IssueFields = {}): ReturnType<typeof expect.objectContaining> {
  const { params, ...rest } = fields;
  return expect.objectContaining({ code, ...rest, ...(params ? { issue: expect.objectContaining({ params: expect.objectContaining(params) }) } : {}) });
}

/**
 * The StimulansmedelError `fn` throws, after checking its code (when given); fails the test if
 * `fn` returns or throws anything else. For tests that go on to read the error's location or
 * issues.
 */
export function thrownBy<E extends StimulansmedelError = StimulansmedelError>(fn: () => unknown, code?: string): E {
  let returned: unknown;
  try {
    returned = fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StimulansmedelError);
    if (code !== undefined) expect((e as StimulansmedelError).code).toBe(code);
    return e as E;
  }
  return expect.fail(`expected ${code ?? "a StimulansmedelError"}, but it returned ${String(returned)}`);
}
