/**
 * The bad-input corpus (tests/bad-inputs.test.ts, and its generated cases in
 * tests/bad-inputs-generated-*.test.ts): every file in tests/bad-inputs/ must be refused with the typed error
 * named in tests/bad-inputs/manifest.json, or, for a valid file in an unusual form, read to the
 * counts (or agreement total) its `accept` line states. Adding a case = adding a file and a
 * manifest line (scripts/build-bad-inputs.ts writes most of them).
 *
 * Kinds: `population` (bytes through parsePopulation), `agreement` (loadAgreementFile), `cli`
 * (a JSON file `{ "args": [...] }` run in-process through the CLI's run() with the corpus as working directory).
 * A `generated/…` line has no file: its bytes (sizes, depths) or its special file (/dev/null, a
 * directory, a FIFO) are made at test time, so no large file is committed.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import { ERROR_CODES, StimulansmedelError } from "../../src/errors.js";
import type { PopulationDataset } from "../../src/population.js";
import { loadAgreementFile, loadPopulationFile } from "../../src/node/files.js";
import { ROOT } from "../helpers.js";

export const CORPUS = resolve(ROOT, "tests", "bad-inputs");

/** What a valid file must read as: counts are decimal strings, ages indexed by year of age. */
export interface Accept {
  referenceDate?: string;
  /** Key → municipality code → count. */
  counts?: Record<string, Record<string, string>>;
  /** Municipality code → age → count; `null` where the count must be missing (saknas), never 0. */
  ages?: Record<string, Record<string, string | null>>;
  /** Age → declared national count. */
  nationalAges?: Record<string, string | null>;
  /** Key → national total. */
  national?: Record<string, string>;
  /** How many municipalities have counts under each key present (or ages). */
  municipalities?: number;
  /** Agreement: total in kronor, number of pots, title. */
  total?: string;
  pots?: number;
  title?: string;
}

/** A case made at test time instead of read from a file. */
export interface Generate {
  /** `dev-null`, `dev-zero`, `directory`, `not-a-directory` (a path through a file), `fifo`. */
  special?: "dev-null" | "dev-zero" | "directory" | "not-a-directory" | "fifo";
  /** For `fifo`: what the writer sends. */
  content?: string;
  /** Text = head + line × n + tail, with n (and a last padding line) making exactly `size` bytes. */
  size?: number;
  head?: string;
  line?: string;
  tail?: string;
  /** How the remainder below one `line` is filled: a `#` comment line or spaces. */
  rest?: "comment" | "space";
  /** Text = head + line with `{i}` numbered 0…rows−1, repeated `rows` times + tail. */
  rows?: number;
  /** Text = head + "[" × depth + "]" × depth + tail. */
  depth?: number;
}

export interface Case {
  kind: "population" | "agreement" | "cli";
  /** The error code expected; `null` for a CLI case that prints help, or a case that is accepted. */
  code: string | null;
  /** Must appear in the one-line description (`file:line: path: message [CODE]`), or say why a case is accepted. */
  fragment: string;
  accept?: Accept;
  generate?: Generate;
  /** At most this many issues (the rest counted in one last issue). */
  maxIssues?: number;
  line?: number;
  path?: string;
  /** CLI exit code. */
  exit?: number;
}

export const manifest = JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as Record<string, Case>;
export const generated = Object.entries(manifest).filter(([, c]) => c.generate !== undefined);
export const files = readdirSync(CORPUS, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name !== "manifest.json")
  .map((e) => join(e.parentPath, e.name).slice(CORPUS.length + 1).replaceAll("\\", "/"))
  .sort();

export function caught(f: () => unknown): StimulansmedelError {
  try {
    f();
  } catch (e) {
    if (e instanceof StimulansmedelError) return e;
    throw new Error(`untyped error: ${String(e)}`, { cause: e });
  }
  throw new Error("accepted a bad input");
}

export function expectError(e: StimulansmedelError, c: Case, file: string): void {
  // A message never echoes a whole file or field.
  expect(e.describe().length, file).toBeLessThan(4000);
  expect(e.code, file).toBe(c.code);
  expect(e.describe(), file).toContain(c.fragment);
  if (c.line !== undefined) expect(e.line, file).toBe(c.line);
  if (c.path !== undefined) expect(e.path ?? "", file).toBe(c.path);
  expect(e.issues.length).toBeGreaterThan(0);
  if (c.maxIssues !== undefined) expect(e.issues.length, file).toBeLessThanOrEqual(c.maxIssues);
  for (const issue of e.issues) {
    expect(ERROR_CODES, file).toContain(issue.code);
    expect((issue.value ?? "").length, file).toBeLessThanOrEqual(200);
  }
}

export function expectDataset(d: PopulationDataset, a: Accept, file: string): void {
  if (a.referenceDate !== undefined) expect(d.referenceDate, file).toBe(a.referenceDate);
  for (const [key, byCode] of Object.entries(a.counts ?? {})) {
    for (const [code, n] of Object.entries(byCode)) expect(d.counts.get(key as never)?.get(code), `${file} ${key} ${code}`).toBe(BigInt(n));
  }
  for (const [code, byAge] of Object.entries(a.ages ?? {})) {
    expect(d.ages.has(code), `${file} ${code}`).toBe(true);
    for (const [age, n] of Object.entries(byAge)) expect(d.ages.get(code)?.[Number(age)], `${file} ${code} ${age} år`).toBe(n === null ? undefined : BigInt(n));
  }
  for (const [age, n] of Object.entries(a.nationalAges ?? {})) expect(d.nationalAges?.[Number(age)], `${file} riket ${age} år`).toBe(n === null ? undefined : BigInt(n));
  for (const [key, n] of Object.entries(a.national ?? {})) expect(d.nationalTotals.get(key as never), `${file} ${key} riket`).toBe(BigInt(n));
  if (a.municipalities !== undefined) {
    const codes = new Set([...d.ages.keys(), ...[...d.counts.values()].flatMap((m) => [...m.keys()])]);
    expect(codes.size, file).toBe(a.municipalities);
  }
}

function generatedText(g: Generate): string {
  const head = g.head ?? "";
  const tail = g.tail ?? "";
  if (g.depth !== undefined) return head + "[".repeat(g.depth) + "]".repeat(g.depth) + tail;
  const line = g.line ?? "";
  if (g.rows !== undefined) {
    const parts: string[] = [head];
    for (let i = 0; i < g.rows; i++) parts.push(line.replaceAll("{i}", String(i)));
    return parts.join("") + tail;
  }
  if (g.size !== undefined) {
    const room = g.size - Buffer.byteLength(head + tail);
    const lineBytes = Buffer.byteLength(line);
    let n = Math.floor(room / lineBytes);
    let rest = room - n * lineBytes;
    if (g.rest === "comment" && rest > 0 && rest < 2) {
      n--;
      rest += lineBytes;
    }
    const pad = rest === 0 ? "" : g.rest === "comment" ? `#${" ".repeat(rest - 2)}\n` : " ".repeat(rest);
    return head + line.repeat(n) + pad + tail;
  }
  return head + tail;
}

/** The path a generated case reads, and how to clean up after it. */
export function generatedPath(name: string, c: Case, dir: string): { path: string; done?: Promise<unknown> } {
  const g = c.generate!;
  switch (g.special) {
    case "dev-null":
      return { path: "/dev/null" };
    case "dev-zero":
      return { path: "/dev/zero" };
    case "directory":
      return { path: dir };
    case "not-a-directory":
      return { path: join(CORPUS, "manifest.json", "befolkning.csv") };
    case "fifo": {
      const path = join(dir, "fifo");
      execFileSync("mkfifo", [path]);
      // The writer is another process: this one blocks in the synchronous read until it writes.
      const writer = spawn(process.execPath, ["-e", `require("node:fs").writeFileSync(${JSON.stringify(path)}, ${JSON.stringify(g.content ?? "")})`], { stdio: "ignore" });
      return { path, done: new Promise((r) => writer.on("exit", r)) };
    }
    default: {
      const path = join(dir, name.split("/").pop()!);
      writeFileSync(path, generatedText(g));
      return { path };
    }
  }
}

/** How many files the generated cases are spread over (tests/bad-inputs-generated-N.test.ts). */
export const GENERATED_SHARDS = 2;

/**
 * The generated cases of shard `shard` (1 … {@link GENERATED_SHARDS}): every other one by name,
 * so the few that read tens of megabytes run in parallel files instead of one after another.
 */
export function generatedShard(shard: number): [string, Case][] {
  return [...generated].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).filter((_, i) => i % GENERATED_SHARDS === shard - 1);
}

/** One test per generated case of `shard`: its bytes or special file made, then read. */
export function generatedCaseTests(shard: number): void {
  it.each(generatedShard(shard))("generated case %s", async (name, c) => {
    const dir = mkdtempSync(join(tmpdir(), "bad-inputs-"));
    try {
      const { path, done } = generatedPath(name, c, dir);
      const load = c.kind === "agreement" ? () => loadAgreementFile(path) : () => loadPopulationFile(path);
      if (c.accept !== undefined) {
        const value = load();
        if (c.kind === "agreement") expect(String((value as { total: bigint }).total), name).toBe(c.accept.total);
        else expectDataset(value as PopulationDataset, c.accept, name);
      } else {
        expectError(caught(load), c, name);
      }
      await done;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
}
