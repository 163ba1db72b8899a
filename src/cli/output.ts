/**
 * The one output writer of the CLI: the format from `--format` or the extension of `--out`, a
 * format the command cannot write refused before anything is computed, `--out` never naming an
 * input, and files written whole or not at all (a temporary file in the same folder, renamed).
 */
import { randomBytes } from "node:crypto";
import { existsSync, realpathSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { raise } from "../errors.js";
import { ioReason, localPath, type CliContext } from "./io.js";
import type { Args, OptionDecl } from "./spec.js";

/** The output formats. */
export type Format = "table" | "csv" | "xlsx" | "json";

const EXTENSIONS: Record<string, Format> = { ".txt": "table", ".csv": "csv", ".xlsx": "xlsx", ".json": "json" };

const FORMAT_WORD: Record<Format, string> = { table: "table (text)", csv: "csv", xlsx: "xlsx", json: "json" };

/**
 * `--format` and `--out` for a command that writes the given formats.
 *
 * @example
 * ```ts
 * const options = [...outputOptions(["table", "json"])];
 * ```
 */
export function outputOptions(formats: readonly Format[], describe: string): OptionDecl[] {
  return [
    { name: "format", value: "FORMAT", description: describe, choices: formats, default: "table" },
    {
      name: "out",
      value: "FIL",
      description: `Skriv till filen i stället för standard ut; formatet följer filändelsen (${formats.map((f) => Object.keys(EXTENSIONS).find((e) => EXTENSIONS[e] === f)).join(", ")}) om inte --format anges. Filen skrivs hel eller inte alls.`,
    },
  ];
}

/** Where and how a command writes. */
export interface OutputPlan {
  format: Format;
  out: string | undefined;
}

/**
 * Decides the format and checks `--out` before anything is computed.
 *
 * @throws UsageError for a format the command cannot write, an unknown extension, a format that
 *   contradicts the extension, `--out` naming an input, xlsx to a terminal.
 * @example
 * ```ts
 * planOutput(ctx, args, "agreements", ["table", "json"], inputs); // { format: "json", out: "a.json" }
 * ```
 */
export function planOutput(ctx: CliContext, args: Args, command: string, formats: readonly Format[], inputs: readonly string[]): OutputPlan {
  const out = args.string("out");
  const given = args.has("format") ? (args.string("format") as Format) : undefined;
  let fromExtension: Format | undefined;
  if (out !== undefined) {
    const ext = /\.[^./\\]+$/.exec(out.toLowerCase())?.[0];
    if (ext !== undefined) {
      fromExtension = EXTENSIONS[ext];
      if (fromExtension === undefined && given === undefined) {
        raise("USAGE", "unknown-extension", { file: out, extension: ext, extensions: formats.map((f) => Object.keys(EXTENSIONS).find((e) => EXTENSIONS[e] === f)!) }, { value: out });
      }
    }
    // .txt is any text; another known extension names one format, and --format may not contradict it.
    if (given !== undefined && fromExtension !== undefined && fromExtension !== given && !(ext === ".txt" && given !== "xlsx")) raise("USAGE", "format-vs-extension", { format: given, file: out }, { value: out });
  }
  const format = given ?? fromExtension ?? "table";
  if (!formats.includes(format)) raise("USAGE", "format-not-written", { command, format: FORMAT_WORD[format], allowed: formats.map((f) => FORMAT_WORD[f]) }, { value: out ?? format });
  if (out !== undefined) {
    const target = canonical(localPath(ctx, out));
    for (const input of inputs) {
      if (input === "-") continue;
      if (canonical(localPath(ctx, input)) === target) raise("USAGE", "out-is-input", { file: out }, { value: out });
    }
  } else if (format === "xlsx" && ctx.io.stdout.isTTY) {
    raise("USAGE", "binary-to-terminal", {});
  }
  return { format, out };
}

function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return existsSync(abs) ? realpathSync(abs) : join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

/**
 * Writes the output: to standard output, or to `--out` through a temporary file renamed into
 * place, so a failure leaves the old file (or none), never half of a new one.
 *
 * @throws StimulansmedelError `IO` naming the file and the reason.
 * @example
 * ```ts
 * writeOutput(ctx, plan, formatJson(result));
 * ```
 */
export function writeOutput(ctx: CliContext, plan: OutputPlan, data: string | Uint8Array): void {
  if (plan.out === undefined) {
    ctx.io.stdout.write(data);
    return;
  }
  const path = localPath(ctx, plan.out);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: "wx" });
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed.
    }
    raise("IO", "write", { file: plan.out, reason: ioReason(e) }, { value: plan.out });
  }
}
