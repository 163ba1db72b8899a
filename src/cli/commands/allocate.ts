import { allocate, selectAllocation } from "../../allocate.js";
import { PopulationError, UsageError } from "../../errors.js";
import { formatJson } from "../../report/json.js";
import { applyScenario, parseScenarioSet } from "../../scenario.js";
import { formatTable } from "../../report/table.js";
import { formatAllocationCsv } from "../../report/csv.js";
import { noteText } from "../../sv/notes.js";
import { parseCommandArgs, rejectPositionals, type Command } from "../command.js";
import { agreementKeys } from "../../rules.js";
import { EXIT, FILTER_OPTIONS, OUTPUT_OPTIONS, resolveAgreement, resolveFormat, resolvePopulation, resolveRounding, resolveSelection, writeOutput } from "../context.js";

const HELP = `stimulansmedel allocate – fördela en överenskommelse

Användning:
  stimulansmedel allocate [--agreement 2025|FIL] [--population DATUM|FIL|-]
                          [--population-date DATUM] [--strict] [filter]
                          [--format table|csv|xlsx|json] [--out FIL]

Flaggor:
  --agreement ID|FIL   Inbyggd överenskommelse (t.ex. 2025) eller en JSON-fil
                       (standard: 2025)
  --population ID|FIL  Inbyggd befolkning (t.ex. 2024-11-01), en fil, eller -
                       för standard in (standard: den inbyggda befolkningen för
                       överenskommelsens referensdatum). Filer: projektets CSV,
                       SCB:s CSV-export (bred eller lång) eller JSON-stat2
  --population-date DATUM
                       Befolkningsfilens referensdatum (ÅÅÅÅ-MM-DD) när filen
                       inte anger det
  --strict             Fel (slutkod 2) i stället för varning när befolkningens
                       datum inte är överenskommelsens
  --county KOD|NAMN    Bara länet: regionen, länets gemensamma medel och länets
                       kommuner
  --municipality KOD|NAMN  Bara en kommun
  --level NIVÅ         region, county, municipality eller skr
  --pot ID             Bara dessa pottar (upprepa eller kommaseparera:
                       --pot 3a,3b)
  --rounding LÄGE      nearest-per-recipient (standard, SKR:s sätt) eller
                       largest-remainder
  --set POTT.FÄLT=BELOPP
                       Scenario (what-if) utan att skriva någon fil: FÄLT är
                       amount, base eller perRecipient; upprepa för flera
                       ändringar
  --format FORMAT      table (standard), csv (svenskt Excel: semikolon,
                       UTF-8 med BOM, hela kronor), xlsx (ett blad per nivå
                       och ett blad Källor) eller json
  --out FIL            Skriv till fil i stället för standard ut; formatet
                       följer filändelsen (.csv, .xlsx, .json, .txt)

Exempel:
  stimulansmedel allocate --agreement 2025 --county 20
  stimulansmedel allocate --agreement 2025 --level region --format json \\
    --out regioner.json
  stimulansmedel allocate --agreement 2025 --county 20 --out dalarna.xlsx
  stimulansmedel allocate --population 0-18.csv --municipality Falun
  stimulansmedel allocate --population scb-export.csv \\
    --population-date 2024-11-01 --strict
  stimulansmedel allocate --set 2.amount=300000000 --set 2.base=250000 \\
    --format json

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata,
           3 data saknas för något av de valda beloppen.
`;

const OPTIONS = {
  agreement: { type: "string" },
  population: { type: "string" },
  "population-date": { type: "string" },
  strict: { type: "boolean" },
  rounding: { type: "string" },
  set: { type: "string", multiple: true },
  ...FILTER_OPTIONS,
  ...OUTPUT_OPTIONS,
} as const;

export const allocateCommand: Command = {
  name: "allocate",
  summary: "Fördela en överenskommelse på regioner, län, kommuner och SKR",
  help: HELP,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    rejectPositionals(positionals);
    const format = resolveFormat(values.format, values.out, ["table", "csv", "xlsx", "json"]);
    const scenario = values.set && values.set.length > 0 ? applyScenario(resolveAgreement(values.agreement), values.set.map(parseScenarioSet)) : undefined;
    const agreement = scenario?.agreement ?? resolveAgreement(values.agreement);
    const selection = resolveSelection(values, agreement);
    const rounding = resolveRounding(values.rounding);
    const date = values["population-date"];
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError("USAGE", "--population-date must be a date YYYY-MM-DD", { value: date });
    const population = resolvePopulation(values.population, agreement, { referenceDate: date, keys: agreementKeys(agreement) });
    const full = allocate(agreement, population, { ...(rounding ? { rounding } : {}), ...(scenario ? { scenario: scenario.changes } : {}) });
    const mismatch = full.notes.find((w) => w.code === "POPULATION_DATE_MISMATCH");
    if (values.strict && mismatch) {
      throw new PopulationError("POPULATION_DATE_MISMATCH", `${noteText(mismatch)} (--strict)`, { value: population.referenceDate });
    }
    const result = selectAllocation(full, selection);
    if (format === "xlsx") {
      const { allocationToXlsx } = await import("../../report/xlsx.js");
      writeOutput(await allocationToXlsx(result), values.out);
    } else {
      writeOutput(format === "json" ? formatJson(result) : format === "csv" ? formatAllocationCsv(result) : formatTable(result), values.out);
    }
    return result.missing.length > 0 || result.pots.some((p) => p.status === "incomplete") ? EXIT.dataMissing : EXIT.ok;
  },
};
