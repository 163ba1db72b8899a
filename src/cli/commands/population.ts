import { normalizeKey } from "../../population.js";
import { listBundledPopulations } from "../../node/bundled.js";
import { cacheDir, listFetched, saveFetched } from "../../node/cache.js";
import { agreementPopulationNeeds } from "../../node/fetch.js";
import { DEFAULT_SCB_API, fetchScbKeys } from "../../node/scb-api.js";
import { renderColumns, wrap } from "../../report/text.js";
import { agreementOption, resolveAgreement } from "../inputs.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, type CommandDecl } from "../spec.js";

/**
 * `stimulansmedel population fetch`.
 *
 * @example
 * ```ts
 * await run(["population", "fetch", "--agreement", "2025"], processIo());
 * ```
 */
export const populationFetchCommand: CommandDecl = {
  name: "population fetch",
  summary: "Hämta den befolkning en överenskommelse behöver från SCB",
  usage: ["population fetch --agreement 2025|FIL [--out FIL]", "population fetch --date ÅÅÅÅ-MM-DD [--ages NYCKLAR] [--out FIL]"],
  about: [
    "Med --agreement räknas ut vilka nycklar (t.ex. totalt och 0–18 år) och vilket referensdatum överenskommelsen behöver; allt hämtas i en fråga om alla 290 kommuner och riket från SCB:s API (PxWeb API v2), inom SCB:s gränser och med nya försök när SCB är upptaget. Tabellen följer datumet: 1 november → TAB1267 (FolkmangdNov), 31 december → TAB638 (BefolkningNy), sista dagen i en annan månad → TAB5444 (BefolkManad).",
    "Resultatet är projektets CSV med ursprung (tabell, fråga, hämtningstid). Utan --out sparas den i cachemappen (XDG_CACHE_HOME/stimulansmedel eller plattformens motsvarighet), och allocate, compare och explain använder den sedan för överenskommelser med samma datum. --out - skriver till standard ut.",
    "Utan nätverk: en rad som säger vilken tabell som ska laddas ner för hand, var, och kommandot som läser filen; slutkod 2.",
  ],
  options: [
    agreementOption("Överenskommelsen vars befolkning ska hämtas (inbyggd, t.ex. 2025, eller en JSON-fil)."),
    { name: "date", value: "DATUM", description: "Referensdatum, t.ex. 2024-11-01 (i stället för överenskommelsens).", date: true },
    {
      name: "ages",
      value: "NYCKLAR",
      description: "Åldersband, t.ex. 0-18 (ettårsklasser, 100 = 100+), eller total; flera med komma: total,0-18. Standard: överenskommelsens nycklar, annars total.",
      commaList: true,
    },
    { name: "out", value: "FIL", description: "Skriv projektets CSV till filen (- för standard ut) i stället för till cachen." },
    { name: "api-url", value: "URL", description: `API:ets adress (standard: miljövariabeln STIMULANSMEDEL_SCB_API, annars ${DEFAULT_SCB_API}).` },
  ],
  examples: [
    "stimulansmedel population fetch --agreement 2025",
    "stimulansmedel allocate --agreement 2025 --county 25",
    "stimulansmedel population fetch --date 2024-11-01 --ages total,0-18 \\",
    "  --out befolkning.csv",
    "stimulansmedel allocate --agreement 2025 --population befolkning.csv",
  ],
  exits: ["Slutkoder: 0 ok, 1 felaktig användning, 2 SCB kunde inte nås eller svarade fel,", "           eller filen kunde inte skrivas."],
  async run(args, ctx) {
    const date = args.string("date");
    const useAgreement = args.has("agreement") || date === undefined;
    const agreement = useAgreement ? await resolveAgreement(ctx, args.string("agreement")!) : undefined;
    const needs = agreement ? agreementPopulationNeeds(agreement, date !== undefined ? { referenceDate: date } : {}) : undefined;
    const keys = args.has("ages") ? [...new Set(args.list("ages").map((k) => normalizeKey(k)))] : (needs?.keys ?? [normalizeKey("total")]);
    const out = args.string("out");
    const plan = out === undefined || out === "-" ? undefined : planOutput(ctx, args, "population fetch", ["csv"], args.list("agreement"));
    const apiUrl = args.string("api-url") ?? ctx.io.env.STIMULANSMEDEL_SCB_API ?? DEFAULT_SCB_API;
    const fetched = await fetchScbKeys(needs?.referenceDate ?? date!, keys, { apiUrl, ...(agreement ? { agreement: agreement.id } : {}) });
    if (out === "-") {
      ctx.io.stdout.write(fetched.csv);
      return EXIT.ok;
    }
    if (plan) {
      writeOutput(ctx, plan, fetched.csv);
      return EXIT.ok;
    }
    const entry = saveFetched(fetched, { env: ctx.io.env });
    ctx.io.stdout.write(
      `${wrap(`Sparad i cachen: ${entry.file} (SCB ${entry.table}, referensdatum ${entry.referenceDate}, nycklar ${entry.keys.join(", ")}). Används av allocate, compare och explain för överenskommelser med samma datum.`, "").join("\n")}\n`,
    );
    return EXIT.ok;
  },
};

/**
 * `stimulansmedel population list`.
 *
 * @example
 * ```ts
 * await run(["population", "list", "--format", "json"], processIo());
 * ```
 */
export const populationListCommand: CommandDecl = {
  name: "population list",
  summary: "Lista inbyggd befolkning och befolkning hämtad från SCB",
  usage: ["population list [--format table|json]"],
  about: ["Visar de inbyggda befolkningarna och de som hämtats med population fetch och sparats i cachemappen, med referensdatum, tabell, nycklar och hämtningstid. En sparad fil som ändrats eller inte skrivits av stimulansmedel är ett fel som namnger filen."],
  options: outputOptions(["table", "json"], "Utdataformat: table (text) eller json."),
  examples: ["stimulansmedel population list"],
  exits: ["Slutkoder: 0 ok, 1 felaktig användning, 2 en sparad fil går inte att lita på."],
  run(args, ctx) {
    const plan = planOutput(ctx, args, "population list", ["table", "json"], []);
    const bundled = listBundledPopulations();
    const fetched = listFetched({ env: ctx.io.env });
    if (plan.format === "json") {
      const doc = {
        bundled: bundled.map((b) => ({ id: b.id, referenceDate: b.referenceDate, description: b.description })),
        cacheDir: cacheDir({ env: ctx.io.env }),
        fetched: fetched.map((e) => ({ id: e.id, referenceDate: e.referenceDate, table: e.table, keys: e.keys, retrieved: e.retrieved ?? null, title: e.title, file: e.file })),
      };
      writeOutput(ctx, plan, `${JSON.stringify(doc, null, 2)}\n`);
      return EXIT.ok;
    }
    // One entry per dataset: its date (also its id) and what it holds, wrapped under the text.
    const lines = ["Inbyggd befolkning (--population DATUM)", ""];
    for (const b of bundled) {
      const what = b.description.replace(/^[^:]*:\s*/, "");
      const text = wrap(b.id === b.referenceDate ? what : `${b.id}: ${what}`, " ".repeat(12));
      lines.push(`${b.referenceDate}  ${text[0]!.slice(12)}`, ...text.slice(1));
    }
    lines.push("");
    lines.push(...wrap(`Hämtad från SCB (cachemappen ${cacheDir({ env: ctx.io.env })})`, ""), "");
    if (fetched.length === 0) lines.push("Inget hämtat ännu: stimulansmedel population fetch --agreement 2025");
    else
      lines.push(
        ...renderColumns(
          [["Referensdatum", "Tabell", "Nycklar", "Hämtad"], null, ...fetched.map((e) => [e.referenceDate, e.table, e.keys.join(", "), e.retrieved?.slice(0, 16).replace("T", " ") ?? "okänt"])],
          ["left", "left", "left", "left"],
        ),
      );
    writeOutput(ctx, plan, `${lines.join("\n")}\n`);
    return EXIT.ok;
  },
};
