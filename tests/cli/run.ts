import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { execute, run } from "../../src/cli/main.js";
import { processIo, type CliIo } from "../../src/cli/io.js";
import { ROOT } from "../helpers.js";
import { afterEach, beforeEach, vi } from "vitest";
import { CLI_BIN } from "./bin.js";

export { CLI_BIN };

/** An empty cache folder, so that nothing a developer fetched changes a test. */
const EMPTY_CACHE = mkdtempSync(join(tmpdir(), "sm-cache-"));

/**
 * The environment of an isolated run: the developer's own, with an empty cache folder, so a
 * population fetched on this machine cannot change what a test sees.
 */
export function isolatedEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...process.env, XDG_CACHE_HOME: EMPTY_CACHE, STIMULANSMEDEL_CACHE_DIR: undefined, NO_COLOR: "1", ...extra };
}

/** The process's own streams and folder, with {@link isolatedEnv}. */
export function isolatedProcessIo(): CliIo {
  return { ...processIo(), env: isolatedEnv() };
}

/** run() on the process's streams (tests that spy on process.stdout) with {@link isolatedEnv}. */
export function isolatedRun(argv: readonly string[]): Promise<number> {
  return run(argv, isolatedProcessIo());
}

export interface CliOptions {
  input?: string | Buffer;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

/**
 * Runs the CLI in-process through run(), with its own stdout, stderr, stdin, environment and
 * folder: what a subprocess would see, without starting Node again.
 */
export async function cli(args: string[], options: CliOptions = {}) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (to: Buffer[]) => ({ write: (c: string | Uint8Array) => to.push(typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c)) });
  const input = options.input ?? "";
  const { exit: code, error } = await execute(args, {
    stdout: sink(out),
    stderr: sink(err),
    stdin: Readable.from([typeof input === "string" ? Buffer.from(input, "utf8") : input]),
    env: isolatedEnv(options.env),
    cwd: options.cwd ?? ROOT,
  });
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), bytes, error };
}

/** In-process, standard output as bytes (for xlsx). */
export async function cliBytes(args: string[], options: CliOptions = {}) {
  const r = await cli(args, options);
  return { code: r.code, stdout: r.bytes, stderr: r.stderr };
}

/** Runs the built CLI as a real subprocess: for exit codes, stdin, the bin itself and pipes. */
export function cliProcess(args: string[], options: CliOptions = {}) {
  const r = spawnSync(process.execPath, [CLI_BIN, ...args], {
    encoding: "utf8",
    input: options.input,
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, XDG_CACHE_HOME: EMPTY_CACHE, STIMULANSMEDEL_CACHE_DIR: "", NO_COLOR: "1", ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Captures what commands run on the real process io write to standard output, per test (console
 * errors silenced), for tests that go through {@link isolatedRun}.
 *
 * @example
 * ```ts
 * const stdout = captureStdout();
 * it("prints", async () => { await isolatedRun(["agreements"]); expect(stdout.text).toContain("2025"); });
 * ```
 */
export function captureStdout(): { readonly text: string; reset(): void } {
  let text = "";
  beforeEach(() => {
    text = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((text += typeof s === "string" ? s : ""), true));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());
  return {
    get text() {
      return text;
    },
    reset() {
      text = "";
    },
  };
}
