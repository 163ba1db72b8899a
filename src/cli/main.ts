/**
 * The `stimulansmedel` command line. Argument parsing and commands only; the work is in the library.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { allocate, selectAllocation } from "../allocate.js";
import { describeIssue, StimulansmedelError, UsageError } from "../errors.js";
import { formatJson } from "../report/json.js";
import { formatTable } from "../report/table.js";
import { emit, EXIT, resolveAgreement, resolvePopulation, resolveRounding, resolveSelection } from "./context.js";

const MAIN_HELP = `stimulansmedel – fördelning av statens stimulansmedel för psykisk hälsa och suicidprevention

Användning:
  stimulansmedel <kommando> [flaggor]

Kommandon:
  allocate   Fördela en överenskommelse på regioner, län, kommuner och SKR

Flaggor för alla kommandon:
  --help     Visa hjälp för kommandot
  --debug    Visa hela felet (stack trace) vid fel

Exempel:
  stimulansmedel allocate --agreement 2025 --county 20

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata, 3 data saknas för något belopp.
`;

const ALLOCATE_HELP = `stimulansmedel allocate – fördela en överenskommelse

Användning:
  stimulansmedel allocate [--agreement 2025|FIL] [--population DATUM|FIL|-] [filter] [--format table|json] [--out FIL]

Flaggor:
  --agreement ID|FIL   Inbyggd överenskommelse (t.ex. 2025) eller en JSON-fil (standard: 2025)
  --population ID|FIL  Inbyggd befolkning (t.ex. 2024-11-01), en CSV-fil, eller - för standard in
                       (standard: den inbyggda befolkningen för överenskommelsens referensdatum)
  --county KOD|NAMN    Bara länet: regionen, länets gemensamma medel och länets kommuner
  --municipality KOD|NAMN  Bara en kommun
  --level NIVÅ         region, county, municipality eller skr
  --pot ID             Bara dessa pottar (upprepa eller kommaseparera: --pot 3a,3b)
  --rounding LÄGE      nearest-per-recipient (standard, SKR:s sätt) eller largest-remainder
  --format FORMAT      table (standard) eller json
  --out FIL            Skriv till fil i stället för standard ut

Exempel:
  stimulansmedel allocate --agreement 2025 --county 20
  stimulansmedel allocate --agreement 2025 --level region --format json --out regioner.json
  stimulansmedel allocate --population 0-18.csv --municipality Falun

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata, 3 data saknas för något av de valda beloppen.
`;

const allocateOptions = {
  agreement: { type: "string" },
  population: { type: "string" },
  county: { type: "string" },
  municipality: { type: "string" },
  level: { type: "string" },
  pot: { type: "string", multiple: true },
  rounding: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  help: { type: "boolean" },
  debug: { type: "boolean" },
} satisfies ParseArgsConfig["options"];

function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError("USAGE", (e as Error).message.replace(/\. To specify a positional.*$/s, ""));
  }
}

function runAllocate(args: string[]): number {
  const { values, positionals } = parse(args, allocateOptions);
  if (values.help) {
    process.stdout.write(ALLOCATE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError("USAGE", `unexpected argument "${positionals[0]}"`, { value: positionals[0]! });
  const format = values.format ?? (values.out?.endsWith(".json") ? "json" : "table");
  if (format !== "table" && format !== "json") throw new UsageError("USAGE", `--format must be table or json`, { value: format });
  const agreement = resolveAgreement(values.agreement);
  const selection = resolveSelection(values, agreement);
  const rounding = resolveRounding(values.rounding);
  const population = resolvePopulation(values.population, agreement);
  const result = selectAllocation(allocate(agreement, population, rounding ? { rounding } : {}), selection);
  emit(format === "json" ? formatJson(result) : formatTable(result), values.out);
  return result.missing.length > 0 ? EXIT.dataMissing : EXIT.ok;
}

/** Runs the command line with the given arguments and returns the exit code. */
export function run(argv: string[]): number {
  const debug = argv.includes("--debug");
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      process.stdout.write(MAIN_HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "--version") {
      process.stdout.write("stimulansmedel\n");
      return EXIT.ok;
    }
    if (command === "allocate") return runAllocate(rest);
    throw new UsageError("USAGE", `unknown command "${command}"; see stimulansmedel --help`, { value: command });
  } catch (e) {
    if (debug) console.error(e);
    if (e instanceof StimulansmedelError) {
      const hint = e instanceof UsageError ? " (stimulansmedel --help)" : "";
      console.error(`stimulansmedel: ${describeIssue({ code: e.code, message: e.message, ...e.location() })}${hint}`);
      for (const issue of e.issues.slice(1)) console.error(`  ${describeIssue(issue)}`);
      return e instanceof UsageError ? EXIT.usage : EXIT.badInput;
    }
    console.error(`stimulansmedel: unexpected error: ${(e as Error).message}${debug ? "" : " (run with --debug for details)"}`);
    return 70;
  }
}

process.exitCode = run(process.argv.slice(2));
