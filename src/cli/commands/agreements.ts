import { formatInteger } from "../../format.js";
import { listBundledAgreements, loadBundledAgreement } from "../../node/bundled.js";
import { renderColumns } from "../../report/text.js";
import { summarizeAgreement } from "../../rules.js";
import { outputOptions, planOutput, writeOutput } from "../output.js";
import { EXIT, type CommandDecl } from "../spec.js";

/**
 * `stimulansmedel agreements`.
 *
 * @example
 * ```ts
 * await run(["agreements", "--help"], processIo());
 * ```
 */
export const agreementsCommand: CommandDecl = {
  name: "agreements",
  summary: "Lista de inbyggda överenskommelserna och deras status",
  usage: ["agreements [--format table|json] [--out FIL]"],
  about: [
    "Visar varje inbyggd överenskommelse (psykisk hälsa 2016–2026 och SKR:s tabeller för kvinnors hälsa 2022–2024) med totalbelopp, referensdatum och status: känd (alla pottar har känd regel) eller ofullständig (hur många pottar som är kända). Ofullständiga pottar beräknas inte; allocate listar dem som saknade med skälet.",
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
    // Mental-health years and other agreements (SKR's women's-health tables) as two tables, so
    // the long ids of the second do not widen the first beyond 80 columns.
    const table = (head: string, list: typeof summaries) => {
      const rows: (string[] | null)[] = [[head, "Totalt (kr)", "Referensdatum", "Status", "Kända pottar"], null];
      for (const s of list) {
        rows.push([
          s.id,
          s.total === undefined ? "okänt" : formatInteger(s.total),
          s.referenceDate === undefined ? "okänt" : `${s.referenceDate}${s.referenceDateInferred ? " (slutsats)" : ""}`,
          s.status === "known" ? "känd" : "ofullständig",
          `${s.knownPots} av ${s.potCount}`,
        ]);
      }
      return renderColumns(rows, ["left", "right", "left", "left", "right"]);
    };
    const years = summaries.filter((s) => /^\d{4}$/.test(s.id));
    const others = summaries.filter((s) => !/^\d{4}$/.test(s.id));
    const out = [
      "Inbyggda överenskommelser",
      "",
      ...table("År", years),
      "",
      ...(others.length > 0
        ? ["Kvinnors hälsa: SKR:s fördelning till regionerna, som egna överenskommelser", "", ...table("Id", others), ""]
        : []),
      "Ofullständig: några pottar saknar belopp, nivå, nyckel eller referensdatum i",
      "källorna. De beräknas inte; se pottarnas \"missing\" i data/agreements/ÅR.json",
      "eller --format json.",
    ];
    writeOutput(ctx, plan, `${out.join("\n")}\n`);
    return EXIT.ok;
  },
};
