import { allocate, selectAllocation } from "../../allocate.js";
import { UsageError } from "../../errors.js";
import { compareAllocations, formatComparisonJson, formatComparisonTable } from "../../report/compare.js";
import { formatComparisonCsv } from "../../report/csv.js";
import { parseCommandArgs, rejectPositionals, type Command } from "../command.js";
import { EXIT, FILTER_OPTIONS, OUTPUT_OPTIONS, resolveAgreement, resolveFormat, resolvePopulation, resolveRounding, resolveSelection, writeOutput } from "../context.js";

const HELP = `stimulansmedel compare – jämför två överenskommelser eller två befolkningar

Användning:
  stimulansmedel compare [--agreement 2025|FIL] --against ID|FIL
                         [filter] [--format FORMAT] [--out FIL]
  stimulansmedel compare [--agreement 2025|FIL] --population A
                         --against-population B [filter] [--format FORMAT]

Per mottagare: beloppet före och efter (summan av de valda pottarna),
skillnaden i kronor och i procent (exakt beräknad, avrundad till två
decimaler), sorterat efter skillnad, störst ökning först. Ett belopp som inte
kan beräknas på någon sida visas som "saknas", aldrig som 0, och räknas inte
i summorna.

Flaggor:
  --agreement ID|FIL    Före: överenskommelse (standard: 2025)
  --against ID|FIL      Efter: en annan överenskommelse
  --population ID|FIL|- Före: befolkning (standard: överenskommelsens datum)
  --against-population ID|FIL|-
                        Efter: en annan befolkning (t.ex. 2024-12-31)
  --county KOD|NAMN, --municipality KOD|NAMN, --level NIVÅ, --pot ID
                        Filter, som för allocate (gäller båda sidor)
  --rounding LÄGE       nearest-per-recipient (standard) eller
                        largest-remainder
  --format FORMAT       table (standard), csv, xlsx eller json
  --out FIL             Skriv till fil; formatet följer filändelsen
                        (.csv, .xlsx, .json, .txt) om inte --format anges

Exempel:
  stimulansmedel compare --agreement 2025 --population 2024-11-01 \\
    --against-population 2024-12-31 --county 20
  stimulansmedel compare --agreement 2025 --against min-2025.json \\
    --level region --out jamforelse.xlsx

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata,
3 något belopp saknas på någon sida.
`;

const OPTIONS = {
  agreement: { type: "string" },
  against: { type: "string" },
  population: { type: "string" },
  "against-population": { type: "string" },
  rounding: { type: "string" },
  ...FILTER_OPTIONS,
  ...OUTPUT_OPTIONS,
} as const;

export const compareCommand: Command = {
  name: "compare",
  summary: "Jämför två överenskommelser eller två befolkningar, per mottagare",
  help: HELP,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    rejectPositionals(positionals);
    const againstPopulation = values["against-population"];
    if (values.against === undefined && againstPopulation === undefined) {
      throw new UsageError("USAGE", "compare needs --against AGREEMENT or --against-population POPULATION");
    }
    if (values.population === "-" && againstPopulation === "-") throw new UsageError("USAGE", "only one side can read standard input", { value: "-" });
    const format = resolveFormat(values.format, values.out, ["table", "csv", "xlsx", "json"]);
    const before = resolveAgreement(values.agreement);
    const after = values.against !== undefined ? resolveAgreement(values.against) : before;
    // Pot ids may exist in only one of two agreements; either is a valid filter.
    const selection = resolveSelection(values, { ...before, pots: [...before.pots, ...after.pots.filter((p) => !before.pots.some((q) => q.id === p.id))] });
    const rounding = resolveRounding(values.rounding);
    const options = rounding ? { rounding } : {};
    const popBefore = resolvePopulation(values.population, before);
    const popAfter =
      againstPopulation !== undefined ? resolvePopulation(againstPopulation, after) : values.population !== undefined && after !== before ? popBefore : resolvePopulation(undefined, after);
    const comparison = compareAllocations(selectAllocation(allocate(before, popBefore, options), selection), selectAllocation(allocate(after, popAfter, options), selection));
    if (format === "xlsx") {
      const { comparisonToXlsx } = await import("../../report/xlsx.js");
      writeOutput(await comparisonToXlsx(comparison), values.out);
    } else {
      writeOutput(format === "json" ? formatComparisonJson(comparison) : format === "csv" ? formatComparisonCsv(comparison) : formatComparisonTable(comparison), values.out);
    }
    return comparison.rows.some((r) => r.difference === null) ? EXIT.dataMissing : EXIT.ok;
  },
};
