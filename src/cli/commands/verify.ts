import { allocate } from "../../allocate.js";
import { readTable } from "../io.js";
import { buildVerifyReport, formatVerifyCsv, formatVerifyJson, formatVerifyTable, verifyParts, verifyToXlsx } from "../../report/verify.js";
import { agreementOption, POPULATION_OPTIONS, resolveAgreement, resolvePopulation } from "../inputs.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, inputFiles, type CommandDecl } from "../spec.js";
import { raise } from "../../errors.js";
import type { Level } from "../../geography/index.js";
import { LEVEL_ALIASES } from "../common.js";

/**
 * `stimulansmedel verify`.
 *
 * @example
 * ```ts
 * await run(["verify", "--agreement", "2023", "stockholm-2023.csv"], processIo());
 * ```
 */
export const verifyCommand: CommandDecl = {
  name: "verify",
  summary: "Kontrollera en publicerad tabell mot reglerna",
  usage: ["verify [--agreement 2025|FIL] [--pot ID] [--population ID|FIL]", "       [--level NIVÅ] [--format FORMAT] [--out FIL] TABELL|-"],
  about: [
    'TABELL är en publicerad tabell: CSV eller xlsx med en kolumn för namn eller kod och en för belopp, eller text inklistrad från en pdf eller ett bildspel, en mottagare per rad (- läser standard in). Namn som "Malung/Sälen", "Region Dalarna", "Dalarnas län" och koder går bra; belopp med mellanslag, hårda mellanslag eller punkter mellan tusental och med eller utan "kr". Rubriker och summarader känns igen, och summarader kontrolleras.',
    'För varje rad visas publicerat belopp, beräknat belopp, skillnaden och vilken pott (eller vilka pottar) det beräknade beloppet kommer från. Utan --pot väljs, per nivå, den pott som ger flest lika belopp, eller nivåns pottar sammanlagda. En tabell med en kolumn "pott" jämförs pott för pott.',
  ],
  options: [
    agreementOption(),
    { name: "pot", value: "ID", description: "Jämför med dessa pottar, summerade per mottagare (upprepa eller kommaseparera: --pot 1a,1b,1c).", repeatable: true, commaList: true },
    ...POPULATION_OPTIONS,
    { name: "level", value: "NIVÅ", description: "Tabellens nivå när namnen är tvetydiga (Dalarna).", choices: ["region", "county", "municipality"], aliases: LEVEL_ALIASES },
    ...outputOptions(["table", "json", "csv", "xlsx"], "Utdataformat: table (text), json, csv eller xlsx."),
  ],
  positionals: { what: "en tabell (en fil, eller - för standard in), t.ex. stimulansmedel verify --agreement 2025 -", min: 1, max: 1 },
  examples: ["pbpaste | stimulansmedel verify --agreement 2025 -", "  … 15 av 15 lika", "stimulansmedel verify --agreement 2023 stockholm-2023.csv --format json"],
  exits: [
    "Slutkoder: 0 alla lika, 1 felaktig användning, 2 felaktiga indata eller",
    "           skrivfel, 3 data saknas för något belopp, 4 skillnader (minst ett",
    "           belopp eller en summa skiljer sig).",
  ],
  async run(args, ctx) {
    const plan = planOutput(ctx, args, "verify", ["table", "json", "csv", "xlsx"], [...inputFiles(verifyCommand, args), ...args.positionals]);
    const agreement = await resolveAgreement(ctx, args.string("agreement")!);
    const pots = args.list("pot");
    for (const p of pots) if (!agreement.pots.some((q) => q.id === p)) raise("ALLOCATION_UNKNOWN_POT", "no-pot", { pot: p, pots: agreement.pots.map((q) => q.id) }, { value: p });
    const level = args.string("level") as Level | undefined;
    const { dataset } = await resolvePopulation(ctx, args, agreement);
    const source = await readTable(ctx, args.positionals[0]!);
    const parts = verifyParts(source, agreement, { ...(pots.length > 0 ? { pots } : {}), ...(level ? { level } : {}) });
    const report = buildVerifyReport(allocate(agreement, dataset), parts, { file: source.file });
    const out = plan.format === "json" ? formatVerifyJson(report) : plan.format === "csv" ? formatVerifyCsv(report) : plan.format === "xlsx" ? verifyToXlsx(report) : formatVerifyTable(report);
    writeOutput(ctx, plan, out);
    return report.missing > 0 ? EXIT.dataMissing : report.ok ? EXIT.ok : EXIT.differs;
  },
};
