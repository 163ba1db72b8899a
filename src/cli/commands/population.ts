import { UsageError } from "../../errors.js";
import { formatProjectCsv } from "../../io/project-csv.js";
import { normalizeKey } from "../../population.js";
import { DEFAULT_SCB_API, fetchScbPopulation } from "../../node/scb-api.js";
import { parseCommandArgs, rejectPositionals, type Command } from "../command.js";
import { emit, EXIT } from "../context.js";

const HELP = `stimulansmedel population fetch – hämta befolkning från SCB:s API (PxWeb API v2)

Användning:
  stimulansmedel population fetch --date ÅÅÅÅ-MM-DD [--ages 0-18|total]
                                 [--out FIL] [--api-url URL]

Hämtar alla 290 kommuner och riket (00, som angiven rikssumma), de åldrar
nyckeln kräver och båda könen, och skriver projektets CSV med ursprung (tabell,
fråga, hämtningstid). Tabellen väljs efter datum: 1 november → TAB1267
(FolkmangdNov), 31 december → TAB638 (BefolkningNy), sista dagen i en annan
månad → TAB5444 (BefolkManad).

Flaggor:
  --date DATUM    Referensdatum, t.ex. 2024-11-01
  --ages NYCKEL   Åldersband, t.ex. 0-18 (ettårsklasser, 100 = 100+), eller
                  total (standard: total)
  --out FIL       Skriv till fil i stället för standard ut
  --api-url URL   API:ets adress (standard: miljövariabeln
                  STIMULANSMEDEL_SCB_API, annars
                  ${DEFAULT_SCB_API})

Exempel:
  stimulansmedel population fetch --date 2024-11-01 --ages 0-18 \\
    --out befolkning-0-18.csv
  stimulansmedel allocate --agreement 2025 --population befolkning-0-18.csv

Utan nätverk: en rad som säger vilken tabell som ska laddas ner för hand och
var, slutkod 2.
Slutkoder: 0 ok, 1 felaktig användning, 2 SCB kunde inte nås eller svarade fel.
`;

const OPTIONS = {
  date: { type: "string" },
  ages: { type: "string" },
  out: { type: "string" },
  "api-url": { type: "string" },
} as const;

export const populationCommand: Command = {
  name: "population",
  summary: "Befolkningsdata: hämta från SCB (population fetch)",
  help: HELP,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const [sub, ...extra] = positionals;
    if (sub !== "fetch") throw new UsageError("USAGE", `population: expected the subcommand "fetch"${sub ? `, not "${sub}"` : ""}`, { value: sub ?? "" });
    rejectPositionals(extra);
    if (values.date === undefined) throw new UsageError("USAGE", "population fetch needs --date YYYY-MM-DD");
    const key = normalizeKey(values.ages ?? "total");
    const apiUrl = values["api-url"] ?? process.env.STIMULANSMEDEL_SCB_API ?? DEFAULT_SCB_API;
    const dataset = await fetchScbPopulation({ date: values.date, key, apiUrl });
    emit(formatProjectCsv(dataset), values.out);
    return EXIT.ok;
  },
};
