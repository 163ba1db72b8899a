import { UsageError } from "../../errors.js";
import { formatInteger } from "../../format.js";
import { listBundledAgreements, loadBundledAgreement } from "../../node/bundled.js";
import { renderColumns } from "../../report/text.js";
import { summarizeAgreement } from "../../rules.js";
import { parseCommandArgs, rejectPositionals, type Command } from "../command.js";
import { emit, EXIT } from "../context.js";

const HELP = `stimulansmedel agreements – lista de inbyggda överenskommelserna

Användning:
  stimulansmedel agreements [--format table|json] [--out FIL]

Visar varje inbyggd överenskommelse (2016–2026) med totalbelopp, referensdatum
och status: känd (alla pottar har känd regel) eller ofullständig (hur många
pottar som är kända). Ofullständiga pottar beräknas inte; allocate listar dem
som saknade med skälet.

Flaggor:
  --format FORMAT      table (standard) eller json
  --out FIL            Skriv till fil i stället för standard ut

Exempel:
  stimulansmedel agreements
  stimulansmedel agreements --format json
`;

const OPTIONS = { format: { type: "string" }, out: { type: "string" } } as const;

export const agreementsCommand: Command = {
  name: "agreements",
  summary: "Lista de inbyggda överenskommelserna 2016–2026 och deras status",
  help: HELP,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    rejectPositionals(positionals);
    const format = values.format ?? (values.out?.endsWith(".json") ? "json" : "table");
    if (format !== "table" && format !== "json") throw new UsageError("USAGE", "--format must be table or json", { value: format });
    const summaries = listBundledAgreements().map((id) => summarizeAgreement(loadBundledAgreement(id)));
    if (format === "json") {
      const doc = summaries.map((s) => ({
        id: s.id,
        title: s.title,
        total: s.total === undefined ? null : Number(s.total),
        referenceDate: s.referenceDate ?? null,
        referenceDateInferred: s.referenceDateInferred,
        status: s.status,
        knownPots: s.knownPots,
        potCount: s.potCount,
        knownAmount: Number(s.knownAmount),
        incompletePots: s.incompletePots.map((p) => ({ ...p, amount: p.amount === null ? null : Number(p.amount) })),
      }));
      emit(`${JSON.stringify(doc, null, 2)}\n`, values.out);
      return EXIT.ok;
    }
    const table = (list: typeof summaries, label: (id: string) => string) => {
      const rows: (string[] | null)[] = [["År", "Totalt (kr)", "Referensdatum", "Status", "Kända pottar"], null];
      for (const s of list) {
        rows.push([
          label(s.id),
          s.total === undefined ? "okänt" : formatInteger(s.total),
          s.referenceDate === undefined ? "okänt" : `${s.referenceDate}${s.referenceDateInferred ? " (slutsats)" : ""}`,
          s.status === "known" ? "känd" : "ofullständig",
          `${s.knownPots} av ${s.potCount}`,
        ]);
      }
      return renderColumns(rows, ["left", "right", "left", "left", "right"]);
    };
    // The women's-health agreements are listed apart, by year: their ids would widen the table past 80 columns.
    const other = summaries.filter((s) => s.id.startsWith("kvinnors-halsa-"));
    const out = [
      "Inbyggda överenskommelser",
      "",
      ...table(summaries.filter((s) => !other.includes(s)), (id) => id),
      ...(other.length > 0 ? ["", "Kvinnors hälsa (id kvinnors-halsa-ÅR, t.ex. --agreement kvinnors-halsa-2024)", "", ...table(other, (id) => id.slice("kvinnors-halsa-".length))] : []),
      "",
      "Ofullständig: några pottar saknar belopp, nivå, nyckel eller referensdatum i",
      "källorna. De beräknas inte; se pottarnas \"missing\" i data/agreements/ÅR.json",
      "eller --format json.",
    ];
    emit(`${out.join("\n")}\n`, values.out);
    return EXIT.ok;
  },
};
