import { attempt, raise, renderIssue, type Issue } from "../../errors.js";
import { agreementFromBytes } from "../inputs.js";
import { formatInteger } from "../../format.js";
import { parsePopulation } from "../../io/population.js";
import { availableKeys } from "../../population.js";
import { parseAgreement } from "../../rules.js";
import { readInput } from "../io.js";
import { EXIT, type CommandDecl } from "../spec.js";

/**
 * The most problems printed per file: a file of a million bad rows must not print a million lines.
 *
 * @example
 * ```ts
 * issues.slice(0, MAX_PRINTED_PROBLEMS);
 * ```
 */
export const MAX_PRINTED_PROBLEMS = 100;

type Checked = { issues: Issue[]; summary?: string };

function validateAgreement(file: string, bytes: Buffer): Checked {
  const r = attempt(() => agreementFromBytes(bytes, file === "-" ? "<stdin>" : file));
  if (!r.ok) return { issues: r.issues };
  const a = r.value;
  const unknown = a.pots.filter((p) => p.status !== "known").map((p) => p.id);
  return {
    issues: [],
    summary: `överenskommelse ${a.id}, ${a.pots.length} pottar, ${a.total === undefined ? "totalbelopp okänt" : `${formatInteger(a.total)} kr`}${unknown.length > 0 ? `; regel okänd för pott ${unknown.join(", ")}` : ""}`,
  };
}

function validatePopulation(file: string, bytes: Buffer, referenceDate: string | undefined): Checked {
  const r = attempt(() => parsePopulation(bytes, { file: file === "-" ? "<stdin>" : file, ...(referenceDate !== undefined ? { referenceDate } : {}) }));
  if (!r.ok) return { issues: r.issues };
  const p = r.value;
  const codes = new Set<string>();
  for (const m of p.counts.values()) for (const c of m.keys()) codes.add(c);
  for (const c of p.ages.keys()) codes.add(c);
  const derived = p.sources.some((s) => s.derived) ? "; HÄRLEDDA tal" : "";
  return { issues: [], summary: `befolkning ${p.referenceDate}, ${codes.size} kommuner, nycklar: ${availableKeys(p).join(", ")}${derived}` };
}

async function attemptAsync<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; issues: Issue[] }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    const r = attempt(() => {
      throw e;
    });
    return r as { ok: false; issues: Issue[] };
  }
}

/** A .json file is an agreement unless it is JSON-stat (a population). */
function guessKind(file: string, bytes: Buffer): "agreement" | "population" {
  if (!file.toLowerCase().endsWith(".json")) return "population";
  return /"dimension"\s*:/.test(bytes.subarray(0, 200_000).toString("utf8")) ? "population" : "agreement";
}

/**
 * `stimulansmedel validate`.
 *
 * @example
 * ```ts
 * await run(["validate", "--help"], processIo());
 * ```
 */
export const validateCommand: CommandDecl = {
  name: "validate",
  summary: "Kontrollera en överenskommelse eller befolkningsfil",
  usage: ["validate FIL... [--kind agreement|population]"],
  about: [
    'Skriver "ok" och en sammanfattning för varje fil som går att använda, annars varje problem, ett per rad, med fil, rad eller JSON-sökväg och värde (högst 100 per fil). En .json-fil läses som överenskommelse (alla problem på en gång: schema och invarianter) om den inte är JSON-stat, allt annat som befolkningsfil; - läser från standard in.',
  ],
  options: [
    { name: "kind", value: "SLAG", description: "Filens slag, om filändelsen inte räcker.", choices: ["agreement", "population"] },
    { name: "population-date", value: "DATUM", description: "Befolkningsfilens referensdatum (ÅÅÅÅ-MM-DD) när filen inte anger det.", date: true },
  ],
  positionals: { what: "minst en fil, t.ex. stimulansmedel validate min-2025.json", min: 1, max: Infinity },
  examples: [
    "stimulansmedel validate min-2025.json befolkning-0-18.csv",
    "  min-2025.json: 1 problem",
    "    min-2025.json, pots[3].amount: …",
    "  befolkning-0-18.csv: ok (befolkning 2024-11-01, 290 kommuner, …)",
  ],
  exits: ["Slutkoder: 0 alla filer ok, 1 felaktig användning, 2 problem i någon fil."],
  async run(args, ctx) {
    if (args.positionals.filter((f) => f === "-").length > 1) raise("USAGE", "stdin-twice", {}, { value: "-" });
    let problems = 0;
    const out = ctx.io.stdout;
    for (const file of args.positionals) {
      const read = await attemptAsync(() => readInput(ctx, file));
      const r: Checked = !read.ok
        ? { issues: read.issues }
        : (args.string("kind") ?? guessKind(file, read.value)) === "agreement"
          ? validateAgreement(file, read.value)
          : validatePopulation(file, read.value, args.string("population-date"));
      if (r.issues.length === 0) {
        out.write(`${file}: ok (${r.summary})\n`);
        continue;
      }
      problems += r.issues.length;
      out.write(`${file}: ${r.issues.length} problem\n`);
      for (const i of r.issues.slice(0, MAX_PRINTED_PROBLEMS)) {
        const text = renderIssue(i, "sv");
        out.write(`  ${text}${i.value !== undefined && !text.includes(i.value) ? ` (värde: ${i.value})` : ""}\n`);
      }
      if (r.issues.length > MAX_PRINTED_PROBLEMS) out.write(`  … och ${r.issues.length - MAX_PRINTED_PROBLEMS} problem till\n`);
    }
    return problems > 0 ? EXIT.badInput : EXIT.ok;
  },
};
