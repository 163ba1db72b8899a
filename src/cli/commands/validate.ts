import { describeIssue, UsageError, type Issue } from "../../errors.js";
import { formatInteger } from "../../format.js";
import { availableKeys } from "../../population.js";
import { readHead, safeLoadAgreementFile, safeLoadPopulationFile } from "../../node/files.js";
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

/** Every problem of an agreement file at once: JSON syntax, schema and invariants. */
function validateAgreement(file: string): { issues: Issue[]; summary?: string } {
  const r = safeLoadAgreementFile(file);
  if (!r.ok) return { issues: r.issues };
  const a = r.value;
  const unknown = a.pots.filter((p) => p.status !== "known").map((p) => p.id);
  return {
    issues: [],
    summary: `överenskommelse ${a.id}, ${a.pots.length} pottar, ${a.total === undefined ? "totalbelopp okänt" : `${formatInteger(a.total)} kr`}${unknown.length > 0 ? `; regel okänd för pott ${unknown.join(", ")}` : ""}`,
  };
}

/** Every problem of a population file at once (the loaders collect all bad rows). */
function validatePopulation(file: string): { issues: Issue[]; summary?: string } {
  const r = safeLoadPopulationFile(file);
  if (!r.ok) return { issues: r.issues };
  const p = r.value;
  const codes = new Set<string>();
  for (const m of p.counts.values()) for (const c of m.keys()) codes.add(c);
  for (const c of p.ages.keys()) codes.add(c);
  const derived = p.sources.some((s) => s.derived) ? "; HÄRLEDDA tal" : "";
  return { issues: [], summary: `befolkning ${p.referenceDate}, ${codes.size} kommuner, nycklar: ${availableKeys(p).join(", ")}${derived}` };
}

/** A .json file is an agreement unless it is JSON-stat (a population). */
function guessKind(file: string): "agreement" | "population" {
  if (!file.toLowerCase().endsWith(".json")) return "population";
  try {
    return /"dimension"\s*:/.test(readHead(file, 200_000).toString("utf8")) ? "population" : "agreement";
  } catch {
    return "agreement";
  }
}

export const validateCommand: Command = {
  name: "validate",
  summary: "Kontrollera en överenskommelse eller befolkningsfil: alla problem",
  help: HELP,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length === 0) throw new UsageError("USAGE", "validate needs at least one file, e.g. stimulansmedel validate min-2025.json");
    if (values.kind !== undefined && values.kind !== "agreement" && values.kind !== "population") {
      throw new UsageError("USAGE", "--kind must be agreement or population", { value: values.kind });
    }
    let problems = 0;
    for (const file of positionals) {
      const kind = values.kind ?? guessKind(file);
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
