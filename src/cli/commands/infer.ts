import { inferBase } from "../../audit/infer.js";
import { parsePublishedRows } from "../../audit/rows.js";
import { parsePublishedTable } from "../../audit/table.js";
import { raise } from "../../errors.js";
import { LEVELS, type Level } from "../../geography/index.js";
import { listBundledPopulations, loadBundledPopulation } from "../../node/bundled.js";
import { loadPopulationFile } from "../../node/files.js";
import { readTableFile } from "../../node/table.js";
import { normalizeKey } from "../../population.js";
import { buildInferReport, countsOf, defaultRange, formatInferJson, formatInferTable, type NamedCounts } from "../../report/infer.js";
import { parseCommandArgs, type Command } from "../command.js";
import { EXIT, OUTPUT_OPTIONS, resolveFormat, writeOutput } from "../context.js";

const HELP = `stimulansmedel infer – härled befolkningsunderlaget bakom en publicerad tabell

Användning:
  stimulansmedel infer TABELL|- [--amount BELOPP] [--base BELOPP]
                       [--level municipality|county|region] [--key NYCKEL]
                       [--range MIN-MAX] [--column KOLUMN] [--population FIL]
                       [--format table|json] [--out FIL]

Ur en potts publicerade belopp (alla mottagare på en nivå eller bara några,
t.ex. ett läns kommuner) söks varje rikets antal N i intervallet och de
heltal n per mottagare som ger varje belopp exakt,
belopp = grundbelopp + avrunda((pott − alla grundbelopp) × n / N).
Rapporten säger hur många lösningar det finns, hur osannolik en slumpträff
är, antalen och N, vilken avrundningsregel en hel tabell följer och hur
antalen står sig mot de inbyggda befolkningsdata (vilket datum de passar,
med hur många personer).

Flaggor:
  --amount BELOPP   Pottens belopp i kronor (standard: tabellens summarad)
  --base BELOPP     Grundbelopp per mottagare på nivån (standard: 0)
  --level NIVÅ      Tabellens nivå (standard: municipality)
  --key NYCKEL      Fördelningsnyckeln: total eller ett åldersspann som 0-18
                    (standard: total); styr jämförelsen och standardintervallet
  --range MIN-MAX   Där N får ligga (standard: 10 % kring de inbyggda datas
                    rikssummor för nyckeln)
  --column KOLUMN   Beloppskolumnen när tabellen har flera
  --population FIL  Jämför också med denna befolkningsfil (upprepa för flera)
  --format FORMAT   table (standard) eller json
  --out FIL         Skriv till fil (.txt eller .json)

Exempel:
  stimulansmedel infer dalarna-2025.txt --amount 250000000 --base 200000 \\
    --level municipality --key 0-18
    Exakt en lösning: N = 2 265 405.
  stimulansmedel infer kvinnors-halsa-2024.csv --level region \\
    --column belopp_befolkning_kr --format json

Slutkoder: 0 minst en lösning, 1 felaktig användning, 2 felaktiga indata,
3 ingen lösning i intervallet.
`;

const OPTIONS = {
  amount: { type: "string" },
  base: { type: "string" },
  level: { type: "string" },
  key: { type: "string" },
  range: { type: "string" },
  column: { type: "string" },
  population: { type: "string", multiple: true },
  ...OUTPUT_OPTIONS,
} as const;

function whole(option: string, value: string): bigint {
  const v = value.replace(/[\s_\u00a0\u202f]/g, "");
  if (!/^\d{1,15}$/.test(v)) raise("USAGE", "not-a-number", { option, value }, { value });
  return BigInt(v);
}

function range(value: string): [bigint, bigint] {
  const m = /^\s*([\d\s_]+?)\s*[-–]\s*([\d\s_]+?)\s*$/.exec(value);
  const lo = m ? m[1]!.replace(/[\s_]/g, "") : "";
  const hi = m ? m[2]!.replace(/[\s_]/g, "") : "";
  if (!/^\d{1,15}$/.test(lo) || !/^\d{1,15}$/.test(hi) || BigInt(lo) > BigInt(hi)) raise("USAGE", "not-a-range", { option: "range", value }, { value });
  return [BigInt(lo), BigInt(hi)];
}

export const inferCommand: Command = {
  name: "infer",
  summary: "Härled befolkningsunderlag och avrundning ur en publicerad tabell",
  help: HELP,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length === 0) raise("USAGE", "missing-argument", { command: "infer", what: "a table (a file, or - for standard input)", example: "stimulansmedel infer tabell.csv --amount 250000000" });
    if (positionals.length > 1) raise("USAGE", "extra-argument", { command: "infer", value: positionals[1]! }, { value: positionals[1]! });
    const format = resolveFormat(values.format, values.out, ["table", "json"]);
    const level = (values.level ?? "municipality") as Level;
    if (!(LEVELS as readonly string[]).includes(level) || level === "skr") raise("USAGE", "bad-choice", { option: "level", value: level, allowed: LEVELS.filter((l) => l !== "skr") }, { value: level });
    const key = normalizeKey(values.key ?? "total");
    const source = readTableFile(positionals[0]!);
    const options = { file: source.file, level, ...(values.column !== undefined ? { amountColumn: values.column } : {}) };
    const table = source.rows ? parsePublishedRows(source.rows, options) : parsePublishedTable(source.text ?? "", options);
    const datasets: NamedCounts[] = [];
    for (const d of listBundledPopulations()) {
      const c = countsOf(loadBundledPopulation(d.id), key, level, d.id);
      if (c) datasets.push(c);
    }
    for (const file of values.population ?? []) {
      const c = countsOf(loadPopulationFile(file), key, level, file);
      if (c) datasets.push(c);
    }
    const searched = values.range !== undefined ? range(values.range) : defaultRange(datasets.map((d) => BigInt(d.total!)));
    if (!searched) raise("USAGE", "no-default-range", { key, level });
    const total = table.totals.length === 1 ? table.totals[0]!.amount : undefined;
    if (values.amount === undefined && total === undefined) raise("USAGE", "missing-argument", { command: "infer", what: "--amount (the table has no single total line)", example: "--amount 250000000" });
    const result = inferBase({
      amounts: table.rows,
      potAmount: values.amount !== undefined ? whole("amount", values.amount) : total!,
      ...(values.base !== undefined ? { base: whole("base", values.base) } : {}),
      level,
      range: searched,
    });
    const report = buildInferReport(result, table, { key, datasets });
    writeOutput(format === "json" ? formatInferJson(report) : formatInferTable(report), values.out);
    return report.bases.length > 0 ? EXIT.ok : EXIT.dataMissing;
  },
};
