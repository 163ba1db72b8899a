import { allocate } from "../../allocate.js";
import { explainRecipient } from "../../explain.js";
import { UsageError } from "../../errors.js";
import { toJson } from "../../report/json.js";
import { wrap } from "../../report/text.js";
import { noteText, sourceText, usedSources } from "../../sv/notes.js";
import { parseCommandArgs, type Command } from "../command.js";
import { EXIT, FILTER_OPTIONS, OUTPUT_OPTIONS, resolveAgreement, resolveFormat, resolvePopulation, resolveRounding, resolveSelection, writeOutput } from "../context.js";

const HELP = `stimulansmedel explain – varför en mottagare får just det beloppet

Användning:
  stimulansmedel explain [--agreement 2025|FIL] [--population DATUM|FIL|-]
                         MOTTAGARE [--level NIVÅ] [--pot ID]
                         [--format table|json] [--out FIL]

Visar för varje pott regeln, befolkningstalen, det exakta bråket och
avrundningen, på svenska. MOTTAGARE är ett namn eller en kod (kommun, län,
region eller SKR); det går också att ange --municipality eller --county.
För en kommun visas länets och regionens pottar genom länet och regionen,
som kommunen delar gemensamt i. Decimaler skrivs med decimalkomma.

Flaggor:
  --agreement ID|FIL    Inbyggd överenskommelse (t.ex. 2025) eller JSON-fil
                        (standard: 2025)
  --population ID|FIL   Inbyggd befolkning (t.ex. 2024-11-01), CSV-fil eller
                        - för standard in (standard: överenskommelsens datum)
  --municipality KOD|NAMN, --county KOD|NAMN
                        Mottagaren, om den inte ges som argument
  --level NIVÅ          Bara pottar på nivån: region, county, municipality,
                        skr
  --pot ID              Bara dessa pottar (upprepa eller: --pot 2,3a)
  --rounding LÄGE       nearest-per-recipient (standard) eller
                        largest-remainder
  --format FORMAT       table (standard, text) eller json
  --out FIL             Skriv till fil (.txt eller .json)

Exempel:
  stimulansmedel explain --agreement 2025 Falun
    Pott 2 … Falun:
      200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr
  stimulansmedel explain "Region Dalarna" --pot 4b

Slutkoder: 0 ok, 1 felaktig användning, 2 felaktiga indata,
3 data saknas för något belopp.
`;

const OPTIONS = {
  agreement: { type: "string" },
  population: { type: "string" },
  rounding: { type: "string" },
  ...FILTER_OPTIONS,
  ...OUTPUT_OPTIONS,
} as const;

export const explainCommand: Command = {
  name: "explain",
  summary: "Förklara ett belopp pott för pott: regel, tal och avrundning",
  help: HELP,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const given = [...positionals, ...(values.municipality !== undefined ? [values.municipality] : []), ...(values.county !== undefined ? [values.county] : [])];
    if (given.length === 0) throw new UsageError("USAGE", "explain needs a recipient, e.g. stimulansmedel explain Falun");
    if (given.length > 1) throw new UsageError("USAGE", `explain takes one recipient, got ${given.map((g) => `"${g}"`).join(", ")} (quote names with spaces)`, { value: given[1]! });
    const format = resolveFormat(values.format, values.out, ["table", "json"]);
    const agreement = resolveAgreement(values.agreement);
    const selection = resolveSelection({ level: values.level, pot: values.pot }, agreement);
    const rounding = resolveRounding(values.rounding);
    const population = resolvePopulation(values.population, agreement);
    const allocation = allocate(agreement, population, rounding ? { rounding } : {});
    const result = explainRecipient(allocation, given[0]!, {
      ...(selection.pots ? { pots: selection.pots } : {}),
      ...(selection.level ? { levels: [selection.level] } : {}),
    });
    const missing = result.explanations.some((e) => e.missing);
    if (format === "json") {
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
      writeOutput(`${JSON.stringify(out, null, 2)}\n`, values.out);
    } else {
      // Equations stay on one line even when long: a broken equation is harder to check.
      const lines = result.text.flatMap((t) => ([...t].length <= 80 || t.includes(" → ") ? [t] : wrap(t.trimStart(), /^ */.exec(t)![0])));
      const notes = allocation.notes.map(noteText);
      if (notes.length > 0) lines.push("", "OBS", ...notes.flatMap((n) => wrap(n)));
      const shown = result.explanations.flatMap((e) => (e.line ? [e.line] : []));
      const sources = usedSources({ lines: shown, population: allocation.population });
      lines.push("", "Källor", ...wrap(`Överenskommelse: ${allocation.agreement.source}`), ...sources.flatMap((s) => wrap(`Befolkning: ${sourceText(s)}`)));
      writeOutput(`${lines.join("\n")}\n`, values.out);
    }
    return missing ? EXIT.dataMissing : EXIT.ok;
  },
};
