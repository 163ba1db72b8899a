import { allocate } from "../../allocate.js";
import { raise } from "../../errors.js";
import { readTableFile } from "../../node/table.js";
import { buildVerifyReport, formatVerifyCsv, formatVerifyJson, formatVerifyTable, verifyParts, verifyToXlsx } from "../../report/verify.js";
import { parseCommandArgs, type Command } from "../command.js";
import { EXIT, OUTPUT_OPTIONS, resolveAgreement, resolveFormat, resolvePopulation, resolveSelection, writeOutput } from "../context.js";

const HELP = `stimulansmedel verify – kontrollera en publicerad tabell mot reglerna

Användning:
  stimulansmedel verify [--agreement 2025|FIL] [--pot ID]
                        [--population DATUM|FIL] [--level NIVÅ]
                        [--format table|json|csv|xlsx] [--out FIL] TABELL|-

TABELL är en publicerad tabell: CSV eller xlsx med en kolumn för namn eller
kod och en för belopp, eller text inklistrad från en pdf eller ett bildspel,
en mottagare per rad (- läser standard in). Namn som "Malung/Sälen",
"Region Dalarna", "Dalarnas län" och koder går bra; belopp med mellanslag,
hårda mellanslag eller punkter mellan tusental och med eller utan "kr".
Rubriker och summarader känns igen, och summarader kontrolleras.

För varje rad visas publicerat belopp, beräknat belopp, skillnaden och
vilken pott (eller vilka pottar) det beräknade beloppet kommer från. Utan
--pot väljs, per nivå, den pott som ger flest lika belopp, eller nivåns
pottar sammanlagda. En tabell med en kolumn "pott" jämförs pott för pott.

Flaggor:
  --agreement ID|FIL    Inbyggd överenskommelse eller JSON-fil (standard: 2025)
  --pot ID              Jämför med dessa pottar, summerade per mottagare
                        (upprepa eller kommaseparera: --pot 1a,1b,1c)
  --population ID|FIL   Inbyggd befolkning eller fil (standard:
                        överenskommelsens datum)
  --level NIVÅ          Tabellens nivå när namnen är tvetydiga (Dalarna):
                        region, county, municipality
  --format FORMAT       table (standard), json, csv eller xlsx
  --out FIL             Skriv till fil; formatet följer filändelsen

Exempel:
  pbpaste | stimulansmedel verify --agreement 2025 -
    … 15 av 15 lika
  stimulansmedel verify --agreement 2023 stockholm-2023.csv --format json

Slutkoder: 0 alla lika, 1 felaktig användning, 2 felaktiga indata,
3 data saknas för något belopp, 4 skillnader (minst ett belopp eller en
summa skiljer sig).
`;

const OPTIONS = {
  agreement: { type: "string" },
  population: { type: "string" },
  pot: { type: "string", multiple: true },
  level: { type: "string" },
  ...OUTPUT_OPTIONS,
} as const;

export const verifyCommand: Command = {
  name: "verify",
  summary: "Kontrollera en publicerad tabell: publicerat, beräknat, skillnad",
  help: HELP,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length === 0) raise("USAGE", "missing-argument", { command: "verify", what: "a table (a file, or - for standard input)", example: "stimulansmedel verify --agreement 2025 -" });
    if (positionals.length > 1) raise("USAGE", "extra-argument", { command: "verify", value: positionals[1]! }, { value: positionals[1]! });
    const format = resolveFormat(values.format, values.out, ["table", "json", "csv", "xlsx"]);
    const agreement = resolveAgreement(values.agreement);
    const selection = resolveSelection({ level: values.level, pot: values.pot }, agreement);
    const population = resolvePopulation(values.population, agreement);
    const source = readTableFile(positionals[0]!);
    const parts = verifyParts(source, agreement, { ...(selection.pots ? { pots: selection.pots } : {}), ...(selection.level ? { level: selection.level } : {}) });
    const report = buildVerifyReport(allocate(agreement, population), parts, { file: source.file });
    const out = format === "json" ? formatVerifyJson(report) : format === "csv" ? formatVerifyCsv(report) : format === "xlsx" ? verifyToXlsx(report) : formatVerifyTable(report);
    writeOutput(out, values.out);
    return report.missing > 0 ? EXIT.dataMissing : report.ok ? EXIT.ok : EXIT.differs;
  },
};
