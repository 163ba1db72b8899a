/**
 * An allocation as an Excel workbook: one sheet per level with recipients as rows and pots as
 * columns, kronor formatted, a frozen header row and an autofilter, and a `Källor` sheet with the
 * agreement's source, the reference dates, the rounding, the population's provenance, each pot's
 * residue, what could not be computed (grouped by reason) and the warnings. No files are touched:
 * the workbook comes back as bytes, the same bytes for the same allocation on every run and
 * machine. Written by the library's own xlsx writer (src/xlsx/), so it runs in a browser too
 * (the web page's download) and costs nothing to load.
 */
import type { Allocation } from "../allocation/model.js";
import { allocationMatrix } from "../allocation/matrix.js";
import { LEVEL_LABELS, LEVELS } from "../geography/index.js";
import { missingAdvice, missingGroups, missingReasonText } from "../sv/missing.js";
import { DERIVED_NOTE, lineDerived, noteText, sourceText, usedSources } from "../sv/notes.js";
import { potLevelLabel, ROUNDING_TEXT } from "../sv/words.js";
import { writeWorkbook } from "../xlsx/write.js";
import type { WorkbookCell, SheetDescription, SheetRow } from "../xlsx/workbook.js";
import { comparisonNote, formatPercent, type Comparison } from "./compare.js";
import { RESIDUE_NOTE } from "./table.js";

/** Excel number format for whole kronor; Swedish Excel shows the thousands separator as a space. */
export const KRONOR_FORMAT = '#,##0 "kr"';

/** Excel number format of a percentage given as a number of percent, with two decimals. */
export const PERCENT_FORMAT = "0.00";

const kr = (v: bigint | null | undefined): WorkbookCell => (v === null || v === undefined ? null : { value: v, format: KRONOR_FORMAT });
const bold = (...cells: WorkbookCell[]): SheetRow => ({ cells, bold: true });
const row = (...cells: WorkbookCell[]): SheetRow => ({ cells });
const EMPTY: SheetRow = { cells: [] };

/**
 * Writes an allocation as an xlsx workbook and resolves to its bytes, read from the allocation
 * matrix (a pot split between levels has a column on each of its levels' sheets).
 *
 * Level sheets: `Kod`, `Mottagare`, one `Pott X` column per pot, `Summa`, `Anmärkning`. An amount
 * that could not be computed is an empty cell (never 0), with the reason in `Anmärkning`; such a
 * recipient's `Summa` is empty too. Below the recipients a `Summa` row adds the known amounts and
 * says how many are unknown. A `Saknas` sheet lists every missing amount with its reason and how
 * to fill it; `Källor` names the sources of what is shown. Amounts are exact: one of 15 digits or
 * more, which Excel would round, is refused (OUTPUT_TOO_LARGE) and nothing is written.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * writeFileSync("dalarna.xlsx", await allocationToXlsx(selectAllocation(result, { county: "20" })));
 * ```
 */
export async function allocationToXlsx(a: Allocation): Promise<Uint8Array> {
  const sheets: SheetDescription[] = [];
  const context = { agreement: a.agreement.id, referenceDate: a.agreement.referenceDate };
  for (const m of allocationMatrix(a).levels) {
    const rows: SheetRow[] = [bold("Kod", "Mottagare", ...m.columns.map((c) => `Pott ${c.pot}`), "Summa", "Anmärkning")];
    for (const r of m.rows) {
      const notes: string[] = [];
      const cells: WorkbookCell[] = [r.code, r.name];
      r.cells.forEach((cell, j) => {
        cells.push(cell.kind === "amount" ? kr(cell.amount) : null);
        if (cell.kind === "amount" && lineDerived(a, cell.line)) notes.push(`pott ${m.columns[j]!.pot}: härledd – ${DERIVED_NOTE}`);
        if (cell.kind === "missing") notes.push(`pott ${m.columns[j]!.pot}: saknas – ${missingReasonText(cell.missing.reason, cell.missing.level)}`);
      });
      cells.push(kr(r.sum.amount), notes.length > 0 ? notes.join("; ") : null);
      rows.push({ cells });
    }
    const unknown = m.total.unknown;
    rows.push(
      bold(null, unknown > 0 ? "Summa (kända belopp)" : "Summa", ...m.columnSums.map((s) => kr(s.known)), kr(m.total.known), unknown > 0 ? `${unknown} belopp saknas och ingår inte i summorna` : null),
    );
    sheets.push({
      name: LEVEL_LABELS[m.level],
      columns: [{ width: 7 }, { width: 28 }, ...m.columns.map(() => ({ width: 15, format: KRONOR_FORMAT })), { width: 16, format: KRONOR_FORMAT }, { width: 40 }],
      rows,
      freezeHeader: true,
      autoFilter: { rows: m.rows.length + 1, columns: m.columns.length + 4 },
    });
  }
  if (a.missing.length > 0) {
    sheets.push({
      name: "Saknas",
      columns: [{ width: 22 }, { width: 7 }, { width: 28 }, { width: 7 }, { width: 60 }, { width: 90 }],
      rows: [
        bold("Nivå", "Kod", "Mottagare", "Pott", "Skäl", "Så fyller du i"),
        ...a.missing.map((x) => row(LEVEL_LABELS[x.level], x.code, x.name, x.pot, missingReasonText(x.reason, x.level), missingAdvice(x.reason, context).text)),
      ],
      freezeHeader: true,
      autoFilter: { rows: a.missing.length + 1, columns: 6 },
    });
  }

  const src: SheetRow[] = [];
  const kv = (k: string | null, v: WorkbookCell) => src.push(row(k, v));
  src.push(bold("Källor och beräkningsunderlag"));
  kv("Överenskommelse", `${a.agreement.id} – ${a.agreement.title}`);
  kv("Överenskommelsens källa", a.agreement.source);
  kv("Överenskommelsens referensdatum", a.agreement.referenceDate ?? "okänt");
  kv("Totalbelopp", a.agreement.total === undefined ? "okänt" : kr(a.agreement.total));
  kv("Befolkningens referensdatum", a.population.referenceDate);
  const roundings = [...new Set(a.pots.flatMap((p) => (p.status === "known" ? [p.rounding] : [])))];
  kv("Avrundning", roundings.length === 1 ? ROUNDING_TEXT[roundings[0]!] : roundings.length === 0 ? ROUNDING_TEXT[a.rounding] : "olika per pott, se Pottar");
  kv("Alla belopp i urvalet beräknade", a.missing.length === 0 && a.agreement.complete ? "ja" : `nej: ${a.missing.length} belopp saknas, se bladet Saknas`);
  src.push(EMPTY, bold("Befolkningsdata som beloppen bygger på"));
  for (const s of usedSources(a)) kv("Källa", sourceText(s));
  src.push(EMPTY, bold("Pottar (hela riket; rest = fördelat − pott, tom när någon mottagare saknas)"));
  src.push(bold("Pott", "Namn", "Nivå", "Belopp", "Fördelat", "Rest", "Avrundning", "Status"));
  for (const p of a.pots) {
    src.push(
      row(
        p.id,
        p.name,
        potLevelLabel(p),
        kr(p.amount),
        p.status === "incomplete" ? null : kr(p.allocated),
        p.status === "incomplete" ? null : kr(p.residue),
        p.status === "known" ? ROUNDING_TEXT[p.rounding] : null,
        p.status === "incomplete" ? "regel okänd" : p.complete ? "beräknad" : `${p.missing} mottagare saknas`,
      ),
    );
  }
  kv(null, RESIDUE_NOTE);
  if (a.missing.length > 0) {
    src.push(EMPTY, bold("Saknas", `${a.missing.length} belopp kunde inte beräknas; inget av dem är noll`));
    for (const g of missingGroups(a)) kv(`pott ${g.pot}: ${g.text}`, `${g.lines.length} mottagare`);
  }
  if (a.notes.length > 0) {
    src.push(EMPTY, bold("Observera"));
    for (const n of a.notes) kv(null, noteText(n));
  }
  sheets.push({ name: "Källor", columns: [{ width: 30 }, { width: 90 }], rows: src });
  return writeWorkbook({ sheets });
}

/**
 * A comparison as an xlsx workbook: one sheet per level (`Kod`, `Mottagare`, `Före`, `Efter`,
 * `Skillnad`, `Skillnad %`, `Anmärkning`), sorted by difference, and a `Källor` sheet naming both
 * sides. Unknown amounts are empty cells, never 0.
 *
 * @example
 * ```ts
 * writeFileSync("jamforelse.xlsx", await comparisonToXlsx(compareAllocations(before, after)));
 * ```
 */
export async function comparisonToXlsx(c: Comparison): Promise<Uint8Array> {
  const sheets: SheetDescription[] = [];
  for (const level of LEVELS) {
    const rows = c.rows.filter((r) => r.level === level);
    if (rows.length === 0) continue;
    sheets.push({
      name: LEVEL_LABELS[level],
      columns: [{ width: 7 }, { width: 28 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 11, format: PERCENT_FORMAT }, { width: 40 }],
      rows: [
        bold("Kod", "Mottagare", "Före", "Efter", "Skillnad", "Skillnad %", "Anmärkning"),
        ...rows.map((r) => {
          // Rounded exactly, then read as a number: "+1 234.57" (the text groups thousands) → 1234.57.
          const percent = r.percent === null ? null : Number(formatPercent(r.percent, 2, ".").replace(/ /g, ""));
          const note = comparisonNote(r);
          return row(r.code, r.name, kr(r.before), kr(r.after), kr(r.difference), percent, note === "" ? null : note);
        }),
      ],
      freezeHeader: true,
      autoFilter: { rows: rows.length + 1, columns: 7 },
    });
  }
  const src: SheetRow[] = [];
  for (const [label, s] of [["Före", c.before], ["Efter", c.after]] as const) {
    src.push(bold(label), row("Överenskommelse", `${s.agreement} – ${s.title}`), row("Befolkningens referensdatum", s.referenceDate));
    for (const p of s.sources) src.push(row("Befolkningskälla", `${p.title}${p.derived ? " (HÄRLEDD, inte officiell statistik)" : ""}`));
    src.push(EMPTY);
  }
  sheets.push({ name: "Källor", columns: [{ width: 30 }, { width: 90 }], rows: src });
  return writeWorkbook({ sheets });
}
