import { allocate, selectAllocation } from "../../allocate.js";
import { raise } from "../../errors.js";
import { formatJson } from "../../report/json.js";
import { applyScenario, parseScenarioSet } from "../../scenario.js";
import { formatTable } from "../../report/table.js";
import { formatAllocationCsv } from "../../report/csv.js";
import { FILTER_OPTIONS, ROUNDING_OPTION, roundingOf, selectionOf } from "../common.js";
import { agreementOption, fetchedNote, POPULATION_OPTIONS, resolveAgreement, resolvePopulation } from "../inputs.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, EXITS_COMPUTE, inputFiles, type CommandDecl } from "../spec.js";

/**
 * `stimulansmedel allocate`.
 *
 * @example
 * ```ts
 * await run(["allocate", "--help"], processIo());
 * ```
 */
export const allocateCommand: CommandDecl = {
  name: "allocate",
  summary: "Fördela en överenskommelse på regioner, län, kommuner, SKR",
  usage: ["allocate [--agreement 2025|FIL] [--population ID|FIL|-]...", "         [filter] [--format table|csv|xlsx|json] [--out FIL]"],
  about: [
    "Befolkningen byggs i lager med samma referensdatum: den inbyggda befolkningen för datumet (om inte --no-bundled), befolkning hämtad med population fetch (om ingen --population anges och inte --no-cache) och varje --population i tur och ordning. Samma tal från två källor måste stämma.",
  ],
  options: [
    agreementOption(),
    ...POPULATION_OPTIONS,
    { name: "strict", description: "Fel (slutkod 2) i stället för varning när befolkningens datum inte är överenskommelsens." },
    ...FILTER_OPTIONS,
    ROUNDING_OPTION,
    {
      name: "set",
      value: "POTT.FÄLT=BELOPP",
      description: "Scenario (what-if) utan att skriva någon fil: FÄLT är amount, base eller perRecipient.",
      repeatable: true,
    },
    ...outputOptions(
      ["table", "csv", "xlsx", "json"],
      "Utdataformat: table (text), csv (svenskt Excel: semikolon, UTF-8 med BOM), xlsx (ett blad per nivå och ett blad Källor) eller json.",
    ),
  ],
  examples: [
    "stimulansmedel allocate --agreement 2025 --county 20",
    "stimulansmedel allocate --agreement 2025 --level region --format json \\",
    "  --out regioner.json",
    "stimulansmedel allocate --agreement 2025 --county 20 --out dalarna.xlsx",
    "stimulansmedel allocate --population 0-18.csv --municipality Falun",
    "stimulansmedel allocate --population scb-export.csv \\",
    "  --population-date 2024-11-01 --strict",
    "stimulansmedel allocate --set 2.amount=300000000 --set 2.base=250000 \\",
    "  --format json",
  ],
  exits: EXITS_COMPUTE,
  async run(args, ctx) {
    const plan = planOutput(ctx, args, "allocate", ["table", "csv", "xlsx", "json"], inputFiles(allocateCommand, args));
    const base = await resolveAgreement(ctx, args.string("agreement")!);
    const sets = args.list("set");
    const scenario = sets.length > 0 ? applyScenario(base, sets.map(parseScenarioSet)) : undefined;
    const agreement = scenario?.agreement ?? base;
    const { dataset, fetched } = await resolvePopulation(ctx, args, agreement);
    const full = allocate(agreement, dataset, { ...roundingOf(args), ...(scenario ? { scenario: scenario.changes } : {}) });
    if (args.flag("strict") && full.notes.some((w) => w.code === "POPULATION_DATE_MISMATCH")) {
      raise("POPULATION_DATE_MISMATCH", "strict", { population: dataset.referenceDate, agreement: agreement.id, date: agreement.referenceDate ?? "" }, { value: dataset.referenceDate });
    }
    const result = selectAllocation(full, selectionOf(args));
    if (plan.format === "xlsx") {
      const { allocationToXlsx } = await import("../../report/xlsx.js");
      writeOutput(ctx, plan, await allocationToXlsx(result));
    } else if (plan.format === "json") writeOutput(ctx, plan, formatJson(result));
    else if (plan.format === "csv") writeOutput(ctx, plan, formatAllocationCsv(result));
    else writeOutput(ctx, plan, `${formatTable(result)}${fetched ? `\n${fetchedNote(fetched)}\n` : ""}`);
    return result.missing.length > 0 || result.pots.some((p) => p.status === "incomplete") ? EXIT.dataMissing : EXIT.ok;
  },
};
