import { allocate, selectAllocation } from "../../allocate.js";
import { UsageError } from "../../errors.js";
import { formatJson } from "../../report/json.js";
import { applyScenario, parseScenarioSet } from "../../scenario.js";
import { formatTable } from "../../report/table.js";
import { parseCommandArgs, type Command } from "../command.js";
import { emit, EXIT, resolveAgreement, resolvePopulation, resolveRounding, resolveSelection } from "../context.js";

const HELP = `stimulansmedel allocate – fördela en överenskommelse

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
  --set POTT.FÄLT=BELOPP
                       Scenario (what-if) utan att skriva någon fil: FÄLT är amount, base
                       eller perRecipient; upprepa för flera ändringar
  --format FORMAT      table (standard) eller json
  --out FIL            Skriv till fil i stället för standard ut

Exempel:
  stimulansmedel allocate --agreement 2025 --county 20
  stimulansmedel allocate --agreement 2025 --level region --format json --out regioner.json
  stimulansmedel allocate --population 0-18.csv --municipality Falun
  stimulansmedel allocate --set 2.amount=300000000 --set 2.base=250000 --format json

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata, 3 data saknas för något av de valda beloppen.
`;

const OPTIONS = {
  agreement: { type: "string" },
  population: { type: "string" },
  county: { type: "string" },
  municipality: { type: "string" },
  level: { type: "string" },
  pot: { type: "string", multiple: true },
  rounding: { type: "string" },
  set: { type: "string", multiple: true },
  format: { type: "string" },
  out: { type: "string" },
} as const;

export const allocateCommand: Command = {
  name: "allocate",
  summary: "Fördela en överenskommelse på regioner, län, kommuner och SKR",
  help: HELP,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length > 0) throw new UsageError("USAGE", `unexpected argument "${positionals[0]}"`, { value: positionals[0]! });
    const format = values.format ?? (values.out?.endsWith(".json") ? "json" : "table");
    if (format !== "table" && format !== "json") throw new UsageError("USAGE", "--format must be table or json", { value: format });
    const scenario = values.set && values.set.length > 0 ? applyScenario(resolveAgreement(values.agreement), values.set.map(parseScenarioSet)) : undefined;
    const agreement = scenario?.agreement ?? resolveAgreement(values.agreement);
    const selection = resolveSelection(values, agreement);
    const rounding = resolveRounding(values.rounding);
    const population = resolvePopulation(values.population, agreement);
    const result = selectAllocation(allocate(agreement, population, { ...(rounding ? { rounding } : {}), ...(scenario ? { scenario: scenario.changes } : {}) }), selection);
    emit(format === "json" ? formatJson(result) : formatTable(result), values.out);
    return result.missing.length > 0 || result.pots.some((p) => p.status === "incomplete") ? EXIT.dataMissing : EXIT.ok;
  },
};
