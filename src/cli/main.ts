/**
 * The `stimulansmedel` command line: finds the command, parses its arguments by its declaration,
 * runs it, and turns an error into one Swedish line and an exit code. The work is in the library;
 * the commands are in ./commands/.
 *
 * No side effects on import: {@link run} takes its io (output, input, environment, folder), so
 * tests and the fuzzer run the CLI in-process; the executable is ./bin.ts.
 */
import { renderIssue, StimulansmedelError, type Issue } from "../errors.js";
import { COMMANDS, type CommandEntry } from "./commands/index.js";
import { processIo, type CliIo } from "./io.js";
import { commandHelp, EXIT, parseCommand, type CommandDecl } from "./spec.js";
import { raise } from "../errors.js";

function mainHelp(): string {
  const names = COMMANDS.map((c) => c.name);
  const width = Math.max(...names.map((n) => n.length));
  return `stimulansmedel – statens stimulansmedel för psykisk hälsa och suicidprevention

Användning:
  stimulansmedel <kommando> [flaggor]
  stimulansmedel <kommando> --help    hjälp och exempel för kommandot

Kommandon:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Flaggor för alla kommandon:
  --help     Visa hjälp för kommandot, med exempel
  --debug    Visa hela felet (stack trace) vid fel

  stimulansmedel --version   visar versionen

Exempel:
  stimulansmedel allocate --agreement 2025 --county 20
  stimulansmedel explain --agreement 2025 Falun

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata eller skrivfel,
           3 data saknas för något belopp, 4 skillnader (verify).
`;
}

/** Exit code for an error that is not a {@link StimulansmedelError}: a bug (EX_SOFTWARE). */
export const EXIT_UNEXPECTED = 70;

/** A selection that matches nothing is a usage problem, like an unknown option. */
function exitFor(e: StimulansmedelError): number {
  if (e.code === "USAGE" || e.code === "ALLOCATION_EMPTY_SELECTION" || e.code === "ALLOCATION_UNKNOWN_POT") return EXIT.usage;
  return EXIT.badInput;
}

async function findCommand(argv: readonly string[]): Promise<{ command: CommandDecl; rest: string[] }> {
  const [first, second, ...more] = argv;
  const two = COMMANDS.find((c) => c.name === `${first} ${second}`);
  if (two) return { command: await two.load(), rest: more };
  const one = COMMANDS.find((c) => c.name === first);
  if (one) return { command: await one.load(), rest: argv.slice(1) };
  const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
  if (group.length > 0 && (second === undefined || second === "--help" || second === "-h")) {
    // `population --help`: the group's commands' help, one after the other.
    return { command: { ...(await group[0]!.load()), name: first!, run: () => EXIT.ok }, rest: ["--help"] };
  }
  return raise("USAGE", "unknown-command", { command: group.length > 0 ? `${first} ${second}` : first!, commands: COMMANDS.map((c) => c.name) }, { value: first! });
}

/**
 * Runs the command line with the given arguments and io, and resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await run(["allocate", "--county", "20"], processIo());
 * ```
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  return (await execute(argv, io)).exit;
}

/** What a run ended with: the exit code, and the typed error when it failed with one. */
export interface RunOutcome {
  exit: number;
  error?: StimulansmedelError;
}

/**
 * {@link run}, also giving the typed error behind a failure (for tests and tools that check the
 * code rather than the Swedish line).
 *
 * @example
 * ```ts
 * const { exit, error } = await execute(["allocate", "--bogus"], processIo());
 * error?.code; // "USAGE"
 * ```
 */
export async function execute(argv: readonly string[], io: CliIo = processIo()): Promise<RunOutcome> {
  const debug = argv.includes("--debug");
  let hint = "";
  try {
    const [name] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(mainHelp());
      return { exit: name === undefined ? EXIT.usage : EXIT.ok };
    }
    if (name === "--version" || name === "-V") {
      // Loaded only here: the other commands never read package.json.
      const { packageVersion } = await import("../node/version.js");
      io.stdout.write(`stimulansmedel ${packageVersion() ?? "(okänd version)"}\n`);
      return { exit: EXIT.ok };
    }
    const { command, rest } = await findCommand(argv);
    hint = ` (se stimulansmedel ${command.name} --help)`;
    if (rest.includes("--help") || rest.includes("-h")) {
      const group = await Promise.all(COMMANDS.filter((c: CommandEntry) => c.name.startsWith(`${command.name} `)).map((c) => c.load()));
      io.stdout.write(group.length > 0 ? group.map(commandHelp).join("\n") : commandHelp(command));
      return { exit: EXIT.ok };
    }
    const args = parseCommand(command, rest);
    return { exit: await command.run(args, { io }) };
  } catch (e) {
    if (debug) io.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    if (e instanceof StimulansmedelError) {
      const code = exitFor(e);
      const more = e.issues.length > 1 ? ` (och ${e.issues.length - 1} problem till)` : "";
      io.stderr.write(`stimulansmedel: ${oneLine(e.issues[0]!)}${more}${code === EXIT.usage ? hint || " (se stimulansmedel --help)" : ""}\n`);
      return { exit: code, error: e };
    }
    io.stderr.write(`stimulansmedel: oväntat fel, ett programfel: ${(e as Error).message}${debug ? "" : " (kör med --debug för detaljer)"}\n`);
    return { exit: EXIT_UNEXPECTED };
  }
}

function oneLine(i: Issue): string {
  return renderIssue(i, "sv").replace(/\s*\n\s*/g, " ");
}
