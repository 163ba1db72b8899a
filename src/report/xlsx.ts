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
import type { Allocation } from "../allocate.js";
import { LEVEL_LABELS, LEVELS } from "../geography/index.js";
import { missingGroups, potLevelLabel, RESIDUE_NOTE, ROUNDING_TEXT } from "./table.js";
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
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${v} is too large for an exact spreadsheet number`);
  return n;
}

/**
 * Writes an allocation as an xlsx workbook and resolves to its bytes.
 *
 * Level sheets: `Kod`, `Mottagare`, one `Pott X` column per pot, `Summa`, `Anmärkning`. An amount
 * that could not be computed is an empty cell (never 0), with the reason in `Anmärkning`; such a
 * recipient's `Summa` is empty too. Below the recipients a `Summa` row adds the computed amounts.
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

  for (const level of LEVELS) {
    const lines = a.lines.filter((l) => l.level === level);
    const missing = a.missing.filter((m) => m.level === level);
    if (lines.length === 0 && missing.length === 0) continue;
    const potIds = a.pots.filter((p) => p.level === level && [...lines, ...missing].some((x) => x.pot === p.id)).map((p) => p.id);
    const codes = [...new Set([...lines, ...missing].map((x) => x.code))].sort();
    const names = new Map([...lines, ...missing].map((x) => [x.code, x.name]));
    const amount = new Map(lines.map((l) => [`${l.pot}|${l.code}`, l.amount]));
    const reasons = new Map<string, string[]>();
    for (const m of missing) reasons.set(m.code, [...(reasons.get(m.code) ?? []), `pott ${m.pot}: ${m.reason}`]);

    const ws = wb.addWorksheet(LEVEL_LABELS[level], { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = [
      { header: "Kod", key: "code", width: 7 },
      { header: "Mottagare", key: "name", width: 28 },
      ...potIds.map((p) => ({ header: `Pott ${p}`, key: `pot:${p}`, width: 15, style: { numFmt: KRONOR_FORMAT } })),
      { header: "Summa", key: "sum", width: 16, style: { numFmt: KRONOR_FORMAT } },
      { header: "Anmärkning", key: "note", width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const code of codes) {
      const row: Record<string, string | number | null> = { code, name: names.get(code)! };
      let sum = 0n;
      for (const p of potIds) {
        const v = amount.get(`${p}|${code}`);
        row[`pot:${p}`] = v === undefined ? null : num(v);
        if (v !== undefined) sum += v;
      }
      row.sum = reasons.has(code) ? null : num(sum);
      row.note = reasons.get(code)?.join("; ") ?? "";
      ws.addRow(row);
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: codes.length + 1, column: potIds.length + 4 } };
    const totals: Record<string, string | number> = { name: missing.length > 0 ? "Summa (beräknade belopp)" : "Summa" };
    let grand = 0n;
    for (const p of potIds) {
      const t = lines.filter((l) => l.pot === p).reduce((s, l) => s + l.amount, 0n);
      totals[`pot:${p}`] = num(t);
      grand += t;
    }
    totals.sum = num(grand);
    const tr = ws.addRow(totals);
    tr.font = { bold: true };
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
  kv("Avrundning", `${ROUNDING_TEXT[a.rounding] ?? a.rounding} (${a.rounding})`);
  kv("Alla belopp i urvalet beräknade", a.missing.length === 0 && a.agreement.complete ? "ja" : "nej: se Anmärkning på nivåbladen");
  src.addRow([]);
  src.addRow(["Befolkningsdata"]).font = { bold: true };
  for (const s of a.population.sources) {
    const parts = [s.title, s.origin && `ursprung: ${s.origin}`, s.sha256 && `sha256: ${s.sha256}`, s.retrieved && `hämtad: ${s.retrieved}`, s.derived ? "HÄRLEDD, inte officiell statistik" : undefined, s.note];
    kv("Källa", parts.filter(Boolean).join("; "));
  }
  src.addRow([]);
  src.addRow(["Pottar (hela riket; rest = fördelat − pott, null när någon mottagare saknas)"]).font = { bold: true };
  const head = src.addRow(["Pott", "Namn", "Nivå", "Belopp", "Fördelat", "Rest", "Status"]);
  head.font = { bold: true };
  for (const p of a.pots) {
    const r = src.addRow([
      p.id,
      p.name,
      potLevelLabel(p),
      p.amount === undefined ? null : num(p.amount),
      p.status === "incomplete" ? null : num(p.allocated),
      p.residue === null ? null : num(p.residue),
      p.status === "incomplete" ? "regel okänd" : p.complete ? "beräknad" : `${p.missing} mottagare saknas`,
    ]);
    for (const c of [4, 5, 6]) r.getCell(c).numFmt = KRONOR_FORMAT;
  }
  kv("", RESIDUE_NOTE);
  if (a.missing.length > 0) {
    src.addRow([]);
    src.addRow(["Saknas", `${a.missing.length} belopp kunde inte beräknas; inga av dem är noll`]).font = { bold: true };
    for (const { text, count } of missingGroups(a)) kv(text, `${count} mottagare`);
  }
  if (a.warnings.length > 0) {
    src.addRow([]);
    src.addRow(["Observera"]).font = { bold: true };
    for (const w of a.warnings) kv(w.code, w.message);
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
