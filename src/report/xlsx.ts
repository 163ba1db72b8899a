/**
 * An allocation as an Excel workbook (exceljs): one sheet per level with recipients as rows and
 * pots as columns, kronor formatted, a frozen header row and an autofilter, and a `Källor` sheet
 * with the agreement's source, the reference dates, the rounding, the population's provenance,
 * each pot's residue, what could not be computed (grouped by reason) and the warnings. No files
 * are touched: the workbook comes back as bytes. It runs in a browser too (the web page's download).
 *
 * exceljs is loaded only when a workbook is written, so programs (and the CLI) that never write
 * xlsx do not pay for loading it.
 */
import type { Allocation } from "../allocation/model.js";
import { allocationMatrix } from "../allocation/matrix.js";
import { LEVEL_LABELS, LEVELS } from "../geography/index.js";
import { raise } from "../errors.js";
import { missingAdvice, missingGroups, missingReasonText } from "../sv/missing.js";
import { noteText, sourceText, usedSources } from "../sv/notes.js";
import { potLevelLabel, ROUNDING_TEXT } from "../sv/words.js";
import { RESIDUE_NOTE } from "./table.js";
import { withFixedZipTimes } from "./zip-times.js";

/** Excel number format for whole kronor; Swedish Excel shows the thousands separator as a space. */
export const KRONOR_FORMAT = '#,##0 "kr"';

type ExcelModule = typeof import("exceljs");

async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import("exceljs")) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

/** Amounts go to Excel as numbers: exact for every krona amount below 2^53, refused above. */
function num(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) raise("OUTPUT_TOO_LARGE", "json", { amount: String(v) }, { value: String(v) });
  return n;
}

/**
 * Writes an allocation as an xlsx workbook and resolves to its bytes, read from the allocation
 * matrix (a pot split between levels has a column on each of its levels' sheets).
 *
 * Level sheets: `Kod`, `Mottagare`, one `Pott X` column per pot, `Summa`, `Anmärkning`. An amount
 * that could not be computed is an empty cell (never 0), with the reason in `Anmärkning`; such a
 * recipient's `Summa` is empty too. Below the recipients a `Summa` row adds the known amounts and
 * says how many are unknown. A `Saknas` sheet lists every missing amount with its reason and how
 * to fill it; `Källor` names the sources of what is shown.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * writeFileSync("dalarna.xlsx", await allocationToXlsx(selectAllocation(result, { county: "20" })));
 * ```
 */
export async function allocationToXlsx(a: Allocation): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "stimulansmedel";
  // A fixed date keeps the bytes of a workbook identical from run to run.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const context = { agreement: a.agreement.id, referenceDate: a.agreement.referenceDate };

  for (const m of allocationMatrix(a).levels) {
    const ws = wb.addWorksheet(LEVEL_LABELS[m.level], { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = [
      { header: "Kod", key: "code", width: 7 },
      { header: "Mottagare", key: "name", width: 28 },
      ...m.columns.map((c, j) => ({ header: `Pott ${c.pot}`, key: `c${j}`, width: 15, style: { numFmt: KRONOR_FORMAT } })),
      { header: "Summa", key: "sum", width: 16, style: { numFmt: KRONOR_FORMAT } },
      { header: "Anmärkning", key: "note", width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of m.rows) {
      const row: Record<string, string | number | null> = { code: r.code, name: r.name };
      const notes: string[] = [];
      r.cells.forEach((cell, j) => {
        row[`c${j}`] = cell.kind === "amount" ? num(cell.amount) : null;
        if (cell.kind === "missing") notes.push(`pott ${m.columns[j]!.pot}: saknas – ${missingReasonText(cell.missing.reason, cell.missing.level)}`);
      });
      row.sum = r.sum.amount === null ? null : num(r.sum.amount);
      row.note = notes.join("; ");
      ws.addRow(row);
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: m.rows.length + 1, column: m.columns.length + 4 } };
    const totals: Record<string, string | number> = { name: m.total.unknown > 0 ? "Summa (kända belopp)" : "Summa" };
    m.columnSums.forEach((s, j) => (totals[`c${j}`] = num(s.known)));
    totals.sum = num(m.total.known);
    if (m.total.unknown > 0) totals.note = `${m.total.unknown} belopp saknas och ingår inte i summorna`;
    ws.addRow(totals).font = { bold: true };
  }

  if (a.missing.length > 0) {
    const ws = wb.addWorksheet("Saknas", { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = [
      { header: "Nivå", width: 22 },
      { header: "Kod", width: 7 },
      { header: "Mottagare", width: 28 },
      { header: "Pott", width: 7 },
      { header: "Skäl", width: 60 },
      { header: "Så fyller du i", width: 90 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const x of a.missing) ws.addRow([LEVEL_LABELS[x.level], x.code, x.name, x.pot, missingReasonText(x.reason, x.level), missingAdvice(x.reason, context).text]);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: a.missing.length + 1, column: 6 } };
  }

  const src = wb.addWorksheet("Källor");
  src.columns = [{ width: 30 }, { width: 90 }];
  const kv = (k: string, v: string) => src.addRow([k, v]);
  src.addRow(["Källor och beräkningsunderlag"]).font = { bold: true };
  kv("Överenskommelse", `${a.agreement.id} – ${a.agreement.title}`);
  kv("Överenskommelsens källa", a.agreement.source);
  kv("Överenskommelsens referensdatum", a.agreement.referenceDate ?? "okänt");
  kv("Totalbelopp", "").getCell(2).value = a.agreement.total === undefined ? "okänt" : num(a.agreement.total);
  src.getRow(src.rowCount).getCell(2).numFmt = KRONOR_FORMAT;
  kv("Befolkningens referensdatum", a.population.referenceDate);
  const roundings = [...new Set(a.pots.flatMap((p) => (p.status === "known" ? [p.rounding] : [])))];
  kv("Avrundning", roundings.length === 1 ? ROUNDING_TEXT[roundings[0]!] : roundings.length === 0 ? ROUNDING_TEXT[a.rounding] : "olika per pott, se Pottar");
  kv("Alla belopp i urvalet beräknade", a.missing.length === 0 && a.agreement.complete ? "ja" : `nej: ${a.missing.length} belopp saknas, se bladet Saknas`);
  src.addRow([]);
  src.addRow(["Befolkningsdata som beloppen bygger på"]).font = { bold: true };
  for (const s of usedSources(a)) kv("Källa", sourceText(s));
  src.addRow([]);
  src.addRow(["Pottar (hela riket; rest = fördelat − pott, tom när någon mottagare saknas)"]).font = { bold: true };
  const head = src.addRow(["Pott", "Namn", "Nivå", "Belopp", "Fördelat", "Rest", "Avrundning", "Status"]);
  head.font = { bold: true };
  for (const p of a.pots) {
    const r = src.addRow([
      p.id,
      p.name,
      potLevelLabel(p),
      p.amount === null || p.amount === undefined ? null : num(p.amount),
      p.status === "incomplete" ? null : num(p.allocated),
      p.status === "incomplete" || p.residue === null ? null : num(p.residue),
      p.status === "known" ? ROUNDING_TEXT[p.rounding] : "",
      p.status === "incomplete" ? "regel okänd" : p.complete ? "beräknad" : `${p.missing} mottagare saknas`,
    ]);
    for (const c of [4, 5, 6]) r.getCell(c).numFmt = KRONOR_FORMAT;
  }
  kv("", RESIDUE_NOTE);
  if (a.missing.length > 0) {
    src.addRow([]);
    src.addRow(["Saknas", `${a.missing.length} belopp kunde inte beräknas; inget av dem är noll`]).font = { bold: true };
    for (const g of missingGroups(a)) kv(`pott ${g.pot}: ${g.text}`, `${g.lines.length} mottagare`);
  }
  if (a.notes.length > 0) {
    src.addRow([]);
    src.addRow(["Observera"]).font = { bold: true };
    for (const n of a.notes) kv("", noteText(n));
  }
  return withFixedZipTimes(new Uint8Array(await wb.xlsx.writeBuffer()));
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
export async function comparisonToXlsx(c: import("./compare.js").Comparison): Promise<Uint8Array> {
  const { comparisonNote, formatPercent } = await import("./compare.js");
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "stimulansmedel";
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const n = (v: bigint | null) => (v === null ? null : num(v));
  for (const level of LEVELS) {
    const rows = c.rows.filter((r) => r.level === level);
    if (rows.length === 0) continue;
    const ws = wb.addWorksheet(LEVEL_LABELS[level], { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = [
      { header: "Kod", width: 7 },
      { header: "Mottagare", width: 28 },
      { header: "Före", width: 16, style: { numFmt: KRONOR_FORMAT } },
      { header: "Efter", width: 16, style: { numFmt: KRONOR_FORMAT } },
      { header: "Skillnad", width: 14, style: { numFmt: KRONOR_FORMAT } },
      { header: "Skillnad %", width: 11, style: { numFmt: "0.00" } },
      { header: "Anmärkning", width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      ws.addRow([r.code, r.name, n(r.before), n(r.after), n(r.difference), r.percent === null ? null : Number(formatPercent(r.percent, 2, ".")), comparisonNote(r)]);
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: 7 } };
  }
  const src = wb.addWorksheet("Källor");
  src.columns = [{ width: 30 }, { width: 90 }];
  for (const [label, s] of [["Före", c.before], ["Efter", c.after]] as const) {
    src.addRow([label]).font = { bold: true };
    src.addRow(["Överenskommelse", `${s.agreement} – ${s.title}`]);
    src.addRow(["Befolkningens referensdatum", s.referenceDate]);
    for (const p of s.sources) src.addRow(["Befolkningskälla", `${p.title}${p.derived ? " (HÄRLEDD, inte officiell statistik)" : ""}`]);
    src.addRow([]);
  }
  return withFixedZipTimes(new Uint8Array(await wb.xlsx.writeBuffer()));
}
