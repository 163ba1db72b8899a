import { describeIssue, StimulansmedelError, UsageError, type Issue } from "../../errors.js";
import { formatInteger } from "../../format.js";
import { availableKeys } from "../../population.js";
import { safeParseAgreement } from "../../rules.js";
import { readBytes } from "../../node/files.js";
import { parsePopulation } from "../../io/population.js";
import { parseCommandArgs, type Command } from "../command.js";
import { EXIT } from "../context.js";

const HELP = `stimulansmedel validate – kontrollera en överenskommelse eller befolkningsfil

Användning:
  stimulansmedel validate FIL... [--kind agreement|population]

Skriver "ok" och en sammanfattning för varje fil som går att använda, annars
varje problem, ett per rad, med fil, rad eller JSON-sökväg och värde.
En .json-fil läses som överenskommelse (alla problem på en gång: schema och
invarianter), allt annat som befolkningsfil i projektets CSV-format (varje
felaktig rad); - läser från standard in.

Flaggor:
  --kind SLAG   agreement eller population, om filändelsen inte räcker

Exempel:
  stimulansmedel validate min-2025.json befolkning-0-18.csv
    min-2025.json: 1 problem
      min-2025.json: pots[3].amount: expected a whole number of kronor,
      got "ten" [AGREEMENT_INVALID]
    befolkning-0-18.csv: ok (befolkning 2024-11-01, 290 kommuner, …)

Slutkoder: 0 alla filer ok, 1 felaktig användning, 2 problem i någon fil.
`;

const OPTIONS = { kind: { type: "string" } } as const;

function validateAgreement(file: string): { issues: Issue[]; summary?: string } {
  let bytes: Buffer;
  try {
    bytes = readBytes(file, (m) => new StimulansmedelError("AGREEMENT_NOT_FOUND", m, { file }));
  } catch (e) {
    return { issues: [...(e as StimulansmedelError).issues] };
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    return { issues: [{ code: "AGREEMENT_INVALID", message: `not valid JSON: ${message}`, file, ...(pos ? { line: text.slice(0, Number(pos[1])).split("\n").length } : {}) }] };
  }
  const r = safeParseAgreement(json, file);
  if (!r.ok) return { issues: r.issues };
  const a = r.agreement;
  const unknown = a.pots.filter((p) => p.status !== "known").map((p) => p.id);
  return {
    issues: [],
    summary: `överenskommelse ${a.id}, ${a.pots.length} pottar, ${a.total === undefined ? "totalbelopp okänt" : `${formatInteger(a.total)} kr`}${unknown.length > 0 ? `; regel okänd för pott ${unknown.join(", ")}` : ""}`,
  };
}

/** How many row problems to collect from one population file before giving up. */
const MAX_ROW_PROBLEMS = 100;

/**
 * The parser stops at the first problem. To report every bad row at once, a row that failed is
 * blanked (blank lines are skipped and keep line numbers) and the file is read again.
 */
function validatePopulation(file: string): { issues: Issue[]; summary?: string } {
  const label = file === "-" ? "<stdin>" : file;
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file, (m) => new StimulansmedelError("POPULATION_NOT_FOUND", m, { file: label }));
  } catch (e) {
    return { issues: [...(e as StimulansmedelError).issues] };
  }
  const issues: Issue[] = [];
  let lines: string[] | undefined;
  for (;;) {
    try {
      const p = parsePopulation(lines ? new TextEncoder().encode(lines.join("\n")) : bytes, { file: label });
      if (issues.length > 0) return { issues };
      const codes = new Set<string>();
      for (const m of p.counts.values()) for (const c of m.keys()) codes.add(c);
      for (const c of p.ages.keys()) codes.add(c);
      const derived = p.sources.some((s) => s.derived) ? "; HÄRLEDDA tal" : "";
      return { issues: [], summary: `befolkning ${p.referenceDate}, ${codes.size} kommuner, nycklar: ${availableKeys(p).join(", ")}${derived}` };
    } catch (e) {
      if (!(e instanceof StimulansmedelError)) throw e;
      const found = e.issues.map((i) => ({ ...i, file: i.file ?? label }));
      lines ??= new TextDecoder().decode(bytes).split(/\r?\n/);
      const row = e.line;
      // A data row starts with a code; the header, metadata and whole-file problems do not.
      const isRow = row !== undefined && row > 1 && /^\s*[0-9]/.test(lines[row - 1] ?? "");
      if (!isRow) {
        // A problem with the whole file; after rows were skipped it may only be a consequence.
        if (issues.length === 0) issues.push(...found);
        else issues.push(...found.map((i) => ({ ...i, message: `${i.message} (with the rows above left out)` })));
        return { issues };
      }
      issues.push(...found);
      lines[row - 1] = "";
      if (issues.length >= MAX_ROW_PROBLEMS) {
        issues.push({ code: e.code, file: label, message: `stopped after ${MAX_ROW_PROBLEMS} problems` });
        return { issues };
      }
    }
  }
}

export const validateCommand: Command = {
  name: "validate",
  summary: "Kontrollera en överenskommelse (JSON) eller befolkningsfil: ok eller alla problem",
  help: HELP,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length === 0) throw new UsageError("USAGE", "validate needs at least one file, e.g. stimulansmedel validate min-2025.json");
    if (values.kind !== undefined && values.kind !== "agreement" && values.kind !== "population") {
      throw new UsageError("USAGE", "--kind must be agreement or population", { value: values.kind });
    }
    let problems = 0;
    for (const file of positionals) {
      const kind = values.kind ?? (file.toLowerCase().endsWith(".json") ? "agreement" : "population");
      const r = kind === "agreement" ? validateAgreement(file) : validatePopulation(file);
      if (r.issues.length === 0) {
        process.stdout.write(`${file}: ok (${r.summary})\n`);
      } else {
        problems += r.issues.length;
        process.stdout.write(`${file}: ${r.issues.length} problem\n`);
        for (const i of r.issues) process.stdout.write(`  ${describeIssue(i)}${i.value !== undefined && !describeIssue(i).includes(i.value) ? ` (värde: ${i.value})` : ""}\n`);
      }
    }
    return problems > 0 ? EXIT.badInput : EXIT.ok;
  },
};
