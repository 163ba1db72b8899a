import { allocate, selectAllocation } from "../../allocate.js";
import { raise } from "../../errors.js";
import { compareAllocations, formatComparisonJson, formatComparisonTable } from "../../report/compare.js";
import { formatComparisonCsv } from "../../report/csv.js";
import { FILTER_OPTIONS, ROUNDING_OPTION, roundingOf, selectionOf } from "../common.js";
import { agreementOption, fetchedNote, POPULATION_OPTIONS, resolveAgreement, resolvePopulation } from "../inputs.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, inputFiles, type CommandDecl } from "../spec.js";

/**
 * `stimulansmedel compare`.
 *
 * @example
 * ```ts
 * await run(["compare", "--help"], processIo());
 * ```
 */
export const compareCommand: CommandDecl = {
  name: "compare",
  summary: "Jämför två överenskommelser eller befolkningar per mottagare",
  usage: [
    "compare [--agreement 2025|FIL] --against ID|FIL [filter]",
    "        [--format FORMAT] [--out FIL]",
    "compare [--agreement 2025|FIL] [--population A]...",
    "        --against-population B [filter] [--format FORMAT]",
  ],
  about: [
    "Per mottagare: beloppet före och efter (summan av de valda pottarna), skillnaden i kronor och i procent (exakt beräknad, avrundad till två decimaler), sorterat efter skillnad, störst ökning först. Ett belopp som inte kan beräknas på någon sida visas som \"saknas\", aldrig som 0, och räknas inte i summorna.",
    "Befolkningen för varje sida byggs som för allocate: den inbyggda för sidans datum, befolkning hämtad med population fetch och varje angiven fil. --no-bundled, --no-cache och --population-date gäller båda sidor.",
  ],
  options: [
    agreementOption("Före: inbyggd överenskommelse (t.ex. 2025) eller en JSON-fil."),
    { name: "against", value: "ID|FIL", description: "Efter: en annan överenskommelse, på samma befolkning.", input: true },
    ...POPULATION_OPTIONS.map((o) => (o.name === "population" ? { ...o, description: `Före: ${o.description}` } : o)),
    {
      name: "against-population",
      value: "ID|FIL|-",
      description: "Efter: en annan befolkning (t.ex. 2024-12-31), för samma överenskommelse; läggs till den inbyggda för sitt datum.",
      repeatable: true,
      input: true,
    },
    ...FILTER_OPTIONS,
    ROUNDING_OPTION,
    ...outputOptions(["table", "csv", "xlsx", "json"], "Utdataformat: table (text), csv, xlsx eller json."),
  ],
  conflicts: [["against", "against-population"]],
  examples: [
    "stimulansmedel compare --agreement 2025 --population 2024-11-01 \\",
    "  --against-population 2024-12-31 --county 20",
    "stimulansmedel compare --agreement 2025 --against min-2025.json \\",
    "  --level region --out jamforelse.xlsx",
  ],
  exits: ["Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata eller skrivfel,", "           3 något belopp saknas på någon sida."],
  async run(args, ctx) {
    if (!args.has("against") && !args.has("against-population")) raise("USAGE", "needs-one-of", { command: "compare", options: ["against", "against-population"] });
    const before = args.list("population");
    const against = args.list("against-population");
    if ([...before, ...against].filter((v) => v === "-").length > 1) raise("USAGE", "stdin-twice", {}, { value: "-" });
    const plan = planOutput(ctx, args, "compare", ["table", "csv", "xlsx", "json"], inputFiles(compareCommand, args));
    const agreementBefore = await resolveAgreement(ctx, args.string("agreement")!);
    const agreementAfter = args.has("against") ? await resolveAgreement(ctx, args.string("against")!) : agreementBefore;
    const popBefore = await resolvePopulation(ctx, args, agreementBefore, before);
    // Two agreements on the same population: the given files serve both; a second population
    // is built on its own date's base.
    const popAfter = args.has("against-population")
      ? await resolvePopulation(ctx, args, agreementAfter, against)
      : before.length > 0
        ? popBefore
        : await resolvePopulation(ctx, args, agreementAfter, []);
    const options = roundingOf(args);
    const selection = selectionOf(args);
    const comparison = compareAllocations(
      selectAllocation(allocate(agreementBefore, popBefore.dataset, options), selection),
      selectAllocation(allocate(agreementAfter, popAfter.dataset, options), selection),
    );
    if (plan.format === "xlsx") {
      const { comparisonToXlsx } = await import("../../report/xlsx.js");
      writeOutput(ctx, plan, await comparisonToXlsx(comparison));
    } else if (plan.format === "json") writeOutput(ctx, plan, formatComparisonJson(comparison));
    else if (plan.format === "csv") writeOutput(ctx, plan, formatComparisonCsv(comparison));
    else {
      const notes = [...new Set([popBefore.fetched, popAfter.fetched].flatMap((f) => (f ? [fetchedNote(f)] : [])))];
      writeOutput(ctx, plan, `${formatComparisonTable(comparison)}${notes.map((n) => `\n${n}\n`).join("")}`);
    }
    return comparison.rows.some((r) => r.difference === null) ? EXIT.dataMissing : EXIT.ok;
  },
};
