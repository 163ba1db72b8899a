/**
 * What a command may touch of the outside world, passed in so that the whole CLI runs in-process
 * (tests, the fuzzer) with its own output, input, environment and working folder.
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { raise, StimulansmedelError } from "../errors.js";
import type { TableSource } from "../report/verify.js";
import { fsReason } from "../node/fs-reason.js";

/** Something text or bytes can be written to (process.stdout, or a buffer in tests). */
export interface Writer {
  write(chunk: string | Uint8Array): unknown;
  /** True when a person reads it (xlsx is then refused). */
  readonly isTTY?: boolean;
}

/** The outside world of one run. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** Standard input, read only when an input is `-`. */
  stdin: AsyncIterable<Uint8Array | string>;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths are read from and written to. */
  cwd: string;
}

/** A run's context: its io, and the files it read (so `--out` cannot overwrite one). */
export interface CliContext {
  io: CliIo;
}

/**
 * The real process's io.
 *
 * @example
 * ```ts
 * await run(process.argv.slice(2), processIo());
 * ```
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/**
 * The largest file or standard input read: well above any SCB export (a national table by single
 * age and sex is about 3 MB).
 *
 * @example
 * ```ts
 * MAX_INPUT_BYTES / 1024 / 1024; // 64
 * ```
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The path to open for a name the user gave, relative to the run's folder. The user's own
 * spelling stays the name in messages.
 *
 * @example
 * ```ts
 * localPath(ctx, "befolkning.csv"); // "/home/anna/befolkning.csv"
 * ```
 */
export function localPath(ctx: CliContext, file: string): string {
  return isAbsolute(file) || ctx.io.cwd === process.cwd() ? file : resolve(ctx.io.cwd, file);
}

/**
 * The reason of a file-system failure, in Swedish words rather than an errno code.
 *
 * @example
 * ```ts
 * ioReason({ code: "EACCES" } as NodeJS.ErrnoException); // "åtkomst nekad"
 * ```
 */
export const ioReason = fsReason;

/**
 * Reads a file the user named (`-`: standard input), bounded by {@link MAX_INPUT_BYTES}.
 *
 * @throws PopulationError `POPULATION_NOT_FOUND`, or AgreementError `AGREEMENT_NOT_FOUND` (no file, unreadable, too large).
 * @example
 * ```ts
 * const bytes = await readInput(ctx, "befolkning.csv");
 * ```
 */
export async function readInput(ctx: CliContext, file: string, code: InputCode = "POPULATION_NOT_FOUND"): Promise<Buffer> {
  if (file === "-") return readStream(ctx.io.stdin, "<stdin>", code);
  const path = localPath(ctx, file);
  try {
    const st = statSync(path);
    if (st.isFile() && st.size > MAX_INPUT_BYTES) tooLarge(file, code);
    // A special file (/dev/zero, a FIFO) is read in bounded chunks like standard input.
    if (!st.isFile()) return await readStream(createReadStream(path), file, code);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof StimulansmedelError) throw e;
    if ((e as { code?: string }).code === "ENOENT") raise(code, "no-file", { file }, { file });
    return raise(code, "unreadable", { file, reason: ioReason(e), errno: (e as { code?: string }).code ?? ioReason(e) }, { file });
  }
}

/** The code a file that cannot be read is refused with: what the file was to be. */
export type InputCode = "POPULATION_NOT_FOUND" | "AGREEMENT_NOT_FOUND";

function tooLarge(file: string, code: InputCode): never {
  return raise(code, "too-large", { file, limit: `${MAX_INPUT_BYTES / 1024 / 1024} MB` }, { file });
}

async function readStream(stream: AsyncIterable<Uint8Array | string>, file: string, code: InputCode): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    size += b.length;
    if (size > MAX_INPUT_BYTES) {
      (stream as { destroy?: () => void }).destroy?.();
      tooLarge(file, code);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * A published table (CSV, xlsx or pasted text) the user named, `-` from this run's standard input,
 * as `verify` and `infer` read it.
 *
 * @throws PopulationError `POPULATION_NOT_FOUND` for a file that cannot be read.
 * @example
 * ```ts
 * const source = await readTable(ctx, "stockholm-2023.csv");
 * ```
 */
export async function readTable(ctx: CliContext, file: string): Promise<TableSource> {
  const bytes = await readInput(ctx, file);
  const label = file === "-" ? "<stdin>" : file;
  // Readers loaded on first use, so a run that reads no table never loads the zip reader or the decoder.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const [{ readWorkbookTable }, { nodeInflateRaw }] = await Promise.all([import("../xlsx/read.js"), import("../node/xlsx.js")]);
    // A TRUE/FALSE cell is text to the table's reader, like any other non-amount.
    return { file: label, rows: readWorkbookTable(bytes, { inflateRaw: nodeInflateRaw, file: label }).rows.map((r) => r.map((c) => (typeof c === "boolean" ? String(c).toUpperCase() : c))) };
  }
  const { decodeText } = await import("../io/decode.js");
  return { file: label, text: decodeText(bytes, label).text };
}
