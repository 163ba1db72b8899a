/**
 * The `stimulansmedel` command line: finds the command, runs it, turns errors into one line and
 * an exit code. The work is in the library; the commands are in ./commands/.
 *
 * No side effects on import (so tests and the fuzzer can call {@link run} in-process); the
 * executable is ./bin.ts.
 */
import { describeIssue, StimulansmedelError, UsageError } from "../errors.js";
import { COMMANDS } from "./commands/index.js";
import { EXIT } from "./context.js";

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `stimulansmedel – statens stimulansmedel för psykisk hälsa och suicidprevention

Användning:
  stimulansmedel <kommando> [flaggor]

Kommandon:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Flaggor för alla kommandon:
  --help     Visa hjälp för kommandot, med exempel
  --debug    Visa hela felet (stack trace) vid fel

Exempel:
  stimulansmedel allocate --agreement 2025 --county 20
  stimulansmedel explain --agreement 2025 Falun

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata,
           3 data saknas för något belopp, 4 skillnader (verify).
`;
}

/** Exit code for an error that is not a {@link StimulansmedelError}: a bug (EX_SOFTWARE). */
export const EXIT_UNEXPECTED = 70;

/**
 * Runs the command line with the given arguments and resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await run(["allocate", "--county", "20"]);
 * ```
 */
export async function run(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      process.stdout.write(mainHelp());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError("USAGE", `unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(", ")}`, { value: name });
    if (rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(command.help);
      return EXIT.ok;
    }
    return await command.run(rest);
  } catch (e) {
    if (debug) console.error(e);
    if (e instanceof StimulansmedelError) {
      const hint = e instanceof UsageError ? " (stimulansmedel --help)" : "";
      console.error(`stimulansmedel: ${describeIssue({ code: e.code, message: e.message, ...e.location() })}${hint}`);
      for (const issue of e.issues.slice(1)) console.error(`  ${describeIssue(issue)}`);
      return e instanceof UsageError ? EXIT.usage : EXIT.badInput;
    }
    console.error(`stimulansmedel: unexpected error: ${(e as Error).message}${debug ? "" : " (run with --debug for details)"}`);
    return EXIT_UNEXPECTED;
  }
}
