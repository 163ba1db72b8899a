/**
 * Reading agreement and population files from disk (Node only). Errors name the file.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { attempt, errorOf, issue, raise, type Attempt, type StimulansmedelError } from "../errors.js";
import { MAX_JSON_LENGTH, readJson } from "../io/json.js";
import { MAX_POPULATION_CSV_BYTES, parsePopulation, type ParsePopulationOptions } from "../io/population.js";
import type { PopulationDataset } from "../population.js";
import { parseAgreement, type Agreement } from "../rules.js";
import { fsReason } from "./fs-reason.js";

export { fsReason };


/** Why a file could not be opened or read: missing, or the reason in Swedish words. */
export interface ReadFailure {
  readonly missing: boolean;
  readonly reason: string;
  /** The system's code (`EISDIR`, `EACCES` …), for the English message integrators read. */
  readonly errno?: string | undefined;
}

function inputError(code: "AGREEMENT_NOT_FOUND" | "POPULATION_NOT_FOUND", file: string, f: ReadFailure): StimulansmedelError {
  return errorOf([f.missing ? issue(code, "no-file", { file }, { file }) : issue(code, "unreadable", { file, reason: f.reason, errno: f.errno ?? f.reason }, { file })]);
}

/** Why {@link readBounded} stopped: the file is larger than the limit. */
export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
    this.name = "TooLargeError";
  }
}

const CHUNK = 1024 * 1024;

/**
 * Reads a file (or `-`, standard input) in chunks, stopping as soon as it passes `limit` bytes:
 * `/dev/zero`, a FIFO or an endless pipe costs at most the limit, never all memory.
 *
 * @throws TooLargeError past the limit; the `onMissing` error when the file cannot be opened or read.
 * @example
 * ```ts
 * const bytes = readBounded("pop.csv", 64 * 1024 * 1024, (f) => errorOf([issue("IO", "cannot-read", { reason: f.reason })]));
 * ```
 */
export function readBounded(path: string, limit: number, onMissing: (failure: ReadFailure) => Error): Buffer {
  let fd: number;
  try {
    fd = path === "-" ? 0 : openSync(path, "r");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw onMissing(err.code === "ENOENT" ? { missing: true, reason: fsReason(err), errno: err.code } : { missing: false, reason: fsReason(err), errno: err.code });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        // A non-blocking stdin has no data yet: wait a little and read again.
        if (err.code === "EAGAIN") {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        if (err.code === "EOF") break;
        throw onMissing({ missing: false, reason: fsReason(err), errno: err.code });
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new TooLargeError(limit);
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The first `n` bytes of a file (fewer when it is shorter), read once: enough to tell a format
 * without reading a large file, a FIFO or `/dev/zero` to its end.
 *
 * @example
 * ```ts
 * readHead("pop.json", 200_000).toString("utf8").includes('"dimension"');
 * ```
 */
export function readHead(path: string, n: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    let at = 0;
    for (;;) {
      const got = readSync(fd, buf, at, n - at, null);
      if (got === 0 || (at += got) >= n) break;
    }
    return buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** Reads a file as bytes (up to 64 MB), turning a missing or unreadable file into a typed error. */
export function readBytes(path: string, onMissing: (failure: ReadFailure) => Error, limit = MAX_POPULATION_CSV_BYTES): Buffer {
  return readBounded(path, limit, onMissing);
}

// Decoding with replacement would turn a Windows-1252 "Ö" into U+FFFD without a word, and UTF-16
// would fail later as a puzzling "unexpected \u0000".
function agreementText(bytes: Buffer, path: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0);
  if (utf16) raise("AGREEMENT_INVALID", "encoding", { reason: "UTF-16, UTF-32 or binary" }, { file: path, line: 1 });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const line = bytes.subarray(0, badUtf8At(bytes)).toString("latin1").split("\n").length;
    return raise("AGREEMENT_INVALID", "encoding", { reason: "bytes that are not UTF-8, such as Windows-1252" }, { file: path, line });
  }
}

/** The offset of the first byte sequence that is not UTF-8. */
function badUtf8At(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Reads and validates an agreement JSON file.
 *
 * @throws AgreementError naming the file and JSON path of every problem.
 * @example
 * ```ts
 * const a = loadAgreementFile("my-what-if.json");
 * ```
 */
export function loadAgreementFile(path: string): Agreement {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, MAX_JSON_LENGTH, (f) => inputError("AGREEMENT_NOT_FOUND", path, f));
  } catch (e) {
    if (e instanceof TooLargeError) raise("AGREEMENT_INVALID", "file-too-large", { limit: "32 MB" }, { file: path });
    throw e;
  }
  const json = readJson(agreementText(bytes, path), "AGREEMENT_INVALID", path);
  return parseAgreement(json, path);
}

/**
 * Reads a population file (`-` reads standard input); see {@link parsePopulation} for the formats.
 *
 * @throws PopulationError naming the file, line and value.
 * @example
 * ```ts
 * const pop = loadPopulationFile("befolkning-0-18.csv");
 * ```
 */
export function loadPopulationFile(path: string, options: Omit<ParsePopulationOptions, "file"> = {}): PopulationDataset {
  const label = path === "-" ? "<stdin>" : path;
  let bytes: Buffer;
  try {
    bytes = readBounded(path, MAX_POPULATION_CSV_BYTES, (f) => inputError("POPULATION_NOT_FOUND", label, f));
  } catch (e) {
    if (e instanceof TooLargeError) raise("POPULATION_FORMAT", "file-too-large", { limit: "64 MB", format: "CSV" }, { file: label });
    throw e;
  }
  return parsePopulation(bytes, { file: label, ...options });
}

/** The result of the `safeLoad…File` functions: the value, or every problem found. */
export type LoadResult<T> = Attempt<T>;

/**
 * {@link loadAgreementFile} without throwing: the agreement, or every problem (missing file,
 * invalid JSON, each schema problem and broken invariant with its JSON path).
 *
 * @example
 * ```ts
 * const r = safeLoadAgreementFile("what-if.json");
 * if (!r.ok) for (const i of r.issues) console.error(describeIssue(i));
 * ```
 */
export function safeLoadAgreementFile(path: string): LoadResult<Agreement> {
  return attempt(() => loadAgreementFile(path));
}

/**
 * {@link loadPopulationFile} without throwing: the dataset, or every problem (missing file,
 * encoding, each bad row with its line and value).
 *
 * @example
 * ```ts
 * const r = safeLoadPopulationFile("befolkning.csv");
 * if (r.ok) console.log(r.value.referenceDate);
 * ```
 */
export function safeLoadPopulationFile(path: string, options: { referenceDate?: string } = {}): LoadResult<PopulationDataset> {
  return attempt(() => loadPopulationFile(path, options));
}
