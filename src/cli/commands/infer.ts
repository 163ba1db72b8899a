import { inferBase } from "../../audit/infer.js";
import { parsePublishedRows } from "../../audit/rows.js";
import { parsePublishedTable } from "../../audit/table.js";
import { raise } from "../../errors.js";
import type { Level } from "../../geography/index.js";
import { listBundledPopulations, loadBundledPopulation } from "../../node/bundled.js";
import { loadPopulationFile } from "../../node/files.js";
import { readTable } from "../io.js";
import { normalizeKey } from "../../population.js";
import { buildInferReport, countsOf, defaultRange, formatInferJson, formatInferTable, type NamedCounts } from "../../report/infer.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, type CommandDecl } from "../spec.js";

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

/**
 * `stimulansmedel infer`.
 *
 * @example
 * ```ts
 * await run(["infer", "dalarna-2025.txt", "--amount", "250000000", "--key", "0-18"], processIo());
 * ```
 */
export const inferCommand: CommandDecl = {
  name: "infer",
  summary: "Härled befolkningsunderlag och avrundning ur en tabell",
  usage: [
    "infer TABELL|- [--amount BELOPP] [--base BELOPP] [--level NIVÅ]",
    "      [--key NYCKEL] [--range MIN-MAX] [--column KOLUMN]",
    "      [--population FIL]... [--format table|json] [--out FIL]",
  ],
  about: [
    "Ur en potts publicerade belopp (alla mottagare på en nivå eller bara några, t.ex. ett läns kommuner) söks varje rikets antal N i intervallet och de heltal n per mottagare som ger varje belopp exakt: belopp = grundbelopp + avrunda((pott − alla grundbelopp) × n / N). Rapporten säger hur många lösningar det finns, hur osannolik en slumpträff är, antalen och N, vilken avrundningsregel en hel tabell följer och hur antalen står sig mot de inbyggda befolkningsdata (vilket datum de passar, med hur många personer).",
  ],
  options: [
    { name: "amount", value: "BELOPP", description: "Pottens belopp i kronor (standard: tabellens summarad)." },
    { name: "base", value: "BELOPP", description: "Grundbelopp per mottagare på nivån (standard: 0)." },
    { name: "level", value: "NIVÅ", description: "Tabellens nivå.", choices: ["municipality", "county", "region"], default: "municipality" },
    { name: "key", value: "NYCKEL", description: "Fördelningsnyckeln: total eller ett åldersspann som 0-18; styr jämförelsen och standardintervallet.", default: "total" },
    { name: "range", value: "MIN-MAX", description: "Där N får ligga (standard: 10 % kring de inbyggda datas rikssummor för nyckeln)." },
    { name: "column", value: "KOLUMN", description: "Beloppskolumnen när tabellen har flera." },
    { name: "population", value: "FIL", description: "Jämför också med denna befolkningsfil.", repeatable: true, input: true },
    ...outputOptions(["table", "json"], "Utdataformat: table (text) eller json."),
  ],
  positionals: { what: "en tabell (en fil, eller - för standard in), t.ex. stimulansmedel infer tabell.csv --amount 250000000", min: 1, max: 1 },
  examples: [
    "stimulansmedel infer dalarna-2025.txt --amount 250000000 --base 200000 \\",
    "  --level municipality --key 0-18",
    "  Exakt en lösning: N = 2 265 405.",
    "stimulansmedel infer kvinnors-halsa-2024.csv --level region \\",
    "  --column belopp_befolkning_kr --format json",
  ],
  exits: ["Slutkoder: 0 minst en lösning, 1 felaktig användning, 2 felaktiga indata eller", "           skrivfel, 3 ingen lösning i intervallet."],
  async run(args, ctx) {
    const plan = planOutput(ctx, args, "infer", ["table", "json"], [...args.list("population"), ...args.positionals]);
    const level = args.string("level") as Level;
    const key = normalizeKey(args.string("key")!);
    const source = await readTable(ctx, args.positionals[0]!);
    const options = { file: source.file, level, ...(args.has("column") ? { amountColumn: args.string("column")! } : {}) };
    const table = source.rows ? parsePublishedRows(source.rows, options) : parsePublishedTable(source.text ?? "", options);
    const datasets: NamedCounts[] = [];
    for (const d of listBundledPopulations()) {
      const c = countsOf(loadBundledPopulation(d.id), key, level, d.id);
      if (c) datasets.push(c);
    }
    for (const file of args.list("population")) {
      const c = countsOf(loadPopulationFile(file), key, level, file);
      if (c) datasets.push(c);
    }
    const searched = args.has("range") ? range(args.string("range")!) : defaultRange(datasets.map((d) => BigInt(d.total!)));
    if (!searched) raise("USAGE", "no-default-range", { key, level });
    const total = table.totals.length === 1 ? table.totals[0]!.amount : undefined;
    if (!args.has("amount") && total === undefined) raise("USAGE", "missing-argument", { command: "infer", what: "--amount (the table has no single total line)", example: "--amount 250000000" });
    const result = inferBase({
      amounts: table.rows,
      potAmount: args.has("amount") ? whole("amount", args.string("amount")!) : total!,
      ...(args.has("base") ? { base: whole("base", args.string("base")!) } : {}),
      level,
      range: searched,
    });
    const report = buildInferReport(result, table, { key, datasets });
    writeOutput(ctx, plan, plan.format === "json" ? formatInferJson(report) : formatInferTable(report));
    return report.bases.length > 0 ? EXIT.ok : EXIT.dataMissing;
  },
};
