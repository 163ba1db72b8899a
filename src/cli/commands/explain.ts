import { allocate } from "../../allocate.js";
import { explainRecipient } from "../../explain.js";
import { raise } from "../../errors.js";
import { toJson } from "../../report/json.js";
import { wrap } from "../../report/text.js";
import { noteText, sourceText, usedSources } from "../../sv/notes.js";
import { FILTER_OPTIONS, ROUNDING_OPTION, roundingOf } from "../common.js";
import { agreementOption, fetchedNote, POPULATION_OPTIONS, resolveAgreement, resolvePopulation } from "../inputs.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, inputFiles, type CommandDecl } from "../spec.js";

/**
 * `stimulansmedel explain`.
 *
 * @example
 * ```ts
 * await run(["explain", "--help"], processIo());
 * ```
 */
export const explainCommand: CommandDecl = {
  name: "explain",
  summary: "Förklara ett belopp pott för pott: regel, tal, avrundning",
  usage: ["explain [--agreement 2025|FIL] [--population ID|FIL|-]...", "        MOTTAGARE [--level NIVÅ] [--pot ID] [--format FORMAT]"],
  about: [
    "Visar för varje pott regeln, befolkningstalen, det exakta bråket och avrundningen, på svenska. MOTTAGARE är ett namn eller en kod (kommun, län, region eller SKR); det går också att ange --municipality eller --county. För en kommun visas länets och regionens pottar genom länet och regionen, som kommunen delar gemensamt i. Decimaler skrivs med decimalkomma.",
    "Befolkningen byggs som för allocate: den inbyggda för datumet, befolkning hämtad med population fetch och varje --population.",
  ],
  options: [
    agreementOption(),
    ...POPULATION_OPTIONS,
    ...FILTER_OPTIONS.map((o) =>
      o.name === "county" || o.name === "municipality" ? { ...o, description: "Mottagaren, om den inte ges som argument." } : o.name === "level" ? { ...o, description: "Bara pottar på nivån." } : o,
    ),
    ROUNDING_OPTION,
    ...outputOptions(["table", "json"], "Utdataformat: table (text) eller json."),
  ],
  positionals: { what: "en mottagare, t.ex. stimulansmedel explain Falun", min: 0, max: 1 },
  examples: [
    "stimulansmedel explain --agreement 2025 Falun",
    "  Pott 2 … Falun:",
    "    200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr",
    'stimulansmedel explain "Region Dalarna" --pot 4b',
  ],
  exits: ["Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata eller skrivfel,", "           3 data saknas för något belopp."],
  async run(args, ctx) {
    const given = [...args.positionals, ...(args.has("municipality") ? [args.string("municipality")!] : []), ...(args.has("county") ? [args.string("county")!] : [])];
    if (given.length === 0) raise("USAGE", "too-few-arguments", { command: "explain", what: "en mottagare, t.ex. stimulansmedel explain Falun" });
    if (given.length > 1) raise("USAGE", "too-many-arguments", { command: "explain", values: given }, { value: given[1]! });
    const plan = planOutput(ctx, args, "explain", ["table", "json"], inputFiles(explainCommand, args));
    const agreement = await resolveAgreement(ctx, args.string("agreement")!);
    const pots = args.list("pot");
    for (const p of pots) if (!agreement.pots.some((q) => q.id === p)) raise("ALLOCATION_UNKNOWN_POT", "no-pot", { pot: p, pots: agreement.pots.map((q) => q.id) }, { value: p });
    const { dataset, fetched } = await resolvePopulation(ctx, args, agreement);
    const allocation = allocate(agreement, dataset, roundingOf(args));
    const level = args.string("level");
    const result = explainRecipient(allocation, given[0]!, {
      ...(pots.length > 0 ? { pots } : {}),
      ...(level !== undefined ? { levels: [level as "region"] } : {}),
    });
    const missing = result.explanations.some((e) => e.missing);
    if (plan.format === "json") {
      const doc = toJson(allocation);
      const keep = (x: { pot: string; level: string; code: string }) => result.explanations.some((e) => e.pot.id === x.pot && e.recipient.level === x.level && e.recipient.code === x.code);
      const out = {
        ...doc,
        pots: doc.pots.filter((p) => result.explanations.some((e) => e.pot.id === p.id)),
        allocations: doc.allocations.filter(keep),
        missing: doc.missing.filter(keep),
        totals: doc.totals.filter((t) => result.totals.some((r) => r.recipient.level === t.level && r.recipient.code === t.code)),
        explanations: result.explanations.map((e) => ({
          pot: e.pot.id,
          level: e.recipient.level,
          code: e.recipient.code,
          name: e.recipient.name,
          via: e.via ? { level: e.via.level, code: e.via.code, name: e.via.name } : null,
          amount: e.line ? Number(e.line.amount) : null,
          text: e.text,
        })),
      };
      writeOutput(ctx, plan, `${JSON.stringify(out, null, 2)}\n`);
    } else {
      // An equation breaks only before its " = ", so each side stays whole and can be checked.
      const lines = result.text.flatMap((t) => ([...t].length <= 80 ? [t] : t.includes(" → ") ? splitEquation(t) : wrap(t.trimStart(), /^ */.exec(t)![0])));
      const notes = allocation.notes.map(noteText);
      if (notes.length > 0) lines.push("", "OBS", ...notes.flatMap((n) => wrap(n)));
      const shown = result.explanations.flatMap((e) => (e.line ? [e.line] : []));
      const sources = usedSources({ lines: shown, population: allocation.population });
      lines.push("", "Källor", ...wrap(`Överenskommelse: ${allocation.agreement.source}`), ...sources.flatMap((s) => wrap(`Befolkning: ${sourceText(s)}`)));
      if (fetched) lines.push("", fetchedNote(fetched));
      writeOutput(ctx, plan, `${lines.join("\n")}\n`);
    }
    return missing ? EXIT.dataMissing : EXIT.ok;
  },
};

/** A long equation line as its left side and, indented below it, "= result → amount". */
function splitEquation(line: string): string[] {
  const at = line.lastIndexOf(" = ");
  if (at < 0) return [line];
  const indent = /^ */.exec(line)![0];
  return [line.slice(0, at), `${indent}  ${line.slice(at + 1)}`];
}
