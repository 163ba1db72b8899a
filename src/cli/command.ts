/**
 * What a command is: a name, a one-line summary for the main help, its help text (with a worked
 * example) and its option table for node:util parseArgs.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Runs with the arguments after the command name; returns the exit code. */
  run(args: string[]): number | Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: "boolean" },
  debug: { type: "boolean" },
} as const satisfies Options;

/** parseArgs with usage errors turned into {@link UsageError}. */
export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError("USAGE", (e as Error).message.replace(/\. To specify a positional.*$/s, ""));
  }
}

/** Refuses arguments a command does not take, naming the first one. */
export function rejectPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError("USAGE", `unexpected argument "${positionals[0]}"`, { value: positionals[0]! });
}
