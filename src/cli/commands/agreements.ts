import { formatInteger } from "../../format.js";
import { listBundledAgreements, loadBundledAgreement } from "../../node/bundled.js";
import { renderColumns } from "../../report/text.js";
import { summarizeAgreement } from "../../rules.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, type CommandDecl } from "../spec.js";

/** `stimulansmedel agreements`. */
export const agreementsCommand: CommandDecl = {
  name: "agreements",
  summary: "Lista de inbyggda överenskommelserna och deras status",
  usage: ["agreements [--format table|json] [--out FIL]"],
  about: [
    "Visar varje inbyggd överenskommelse med totalbelopp, referensdatum och status: känd (alla pottar har känd regel) eller ofullständig (hur många pottar som är kända). Ofullständiga pottar beräknas inte; allocate listar dem som saknade med skälet.",
  ],
  options: outputOptions(["table", "json"], "Utdataformat: table (text) eller json."),
  examples: ["stimulansmedel agreements", "stimulansmedel agreements --format json"],
  exits: ["Slutkoder: 0 ok, 1 felaktig användning, 2 skrivfel."],
  run(args, ctx) {
    const plan = planOutput(ctx, args, "agreements", ["table", "json"], []);
    const summaries = listBundledAgreements().map((id) => summarizeAgreement(loadBundledAgreement(id)));
    if (plan.format === "json") {
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
      writeOutput(ctx, plan, `${JSON.stringify(doc, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows: (string[] | null)[] = [["År", "Totalt (kr)", "Referensdatum", "Status", "Kända"], null];
    for (const s of summaries) {
      rows.push([
        s.id,
        s.total === undefined ? "okänt" : formatInteger(s.total),
        s.referenceDate === undefined ? "okänt" : `${s.referenceDate}${s.referenceDateInferred ? " (slutsats)" : ""}`,
        s.status === "known" ? "känd" : "ofullständig",
        `${s.knownPots}/${s.potCount}`,
      ]);
    }
    const out = [
      "Inbyggda överenskommelser",
      "",
      ...renderColumns(rows, ["left", "right", "left", "left", "right"]),
      "",
      "Kända: pottar med känd regel av alla pottar.",
      "Ofullständig: några pottar saknar belopp, nivå, nyckel eller referensdatum i",
      "källorna. De beräknas inte; se pottarnas \"missing\" i data/agreements/ÅR.json",
      "eller --format json.",
    ];
    writeOutput(ctx, plan, `${out.join("\n")}\n`);
    return EXIT.ok;
  },
};
