/**
 * The view as files for Excel: CSV (semicolons, UTF-8 with BOM, whole kronor) and xlsx (one sheet
 * per level, frozen header, autofilter, and a Källor sheet with sources and residues). Built in
 * the browser; nothing is sent anywhere.
 */
import ExcelJS from "exceljs";
import { LEVEL_LABELS, potLevelLabel, type Allocation } from "../../src/index.js";
import { levelTables, ROUNDING_TEXT } from "./view.js";

/** Amounts go to Excel as numbers; every krona amount here is far below 2^53, checked anyway. */
function toNumber(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${v} is too large for a spreadsheet number`);
  return n;
}

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Header of the CSV, one row per amount. */
export const CSV_HEADER = ["Nivå", "Pott", "Kod", "Mottagare", "Belopp (kr)", "Anmärkning"] as const;

/**
 * The view as CSV for Swedish Excel: `;`-separated, CRLF, UTF-8 with a byte order mark (so Excel
 * reads å, ä, ö), amounts as whole kronor without separators. A missing amount has an empty
 * Belopp and the reason — never 0.
 *
 * @example
 * ```ts
 * const bytes = csvBytes(selectAllocation(result, { county: "20" }));
 * ```
 */
export function csvBytes(a: Allocation): Uint8Array {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const t of levelTables(a)) {
    for (const r of t.rows) {
      t.pots.forEach((p, i) => {
        const amount = r.amounts[i];
        const missing = r.missing[i];
        if (amount === undefined && missing === undefined) return;
        rows.push([t.label, p.id, r.code, r.name, amount === undefined ? "" : amount.toString(), missing ? `saknas: ${missing.reason}` : ""]);
      });
    }
  }
  const text = rows.map((r) => r.map(csvField).join(";")).join("\r\n") + "\r\n";
  return new TextEncoder().encode(`\uFEFF${text}`);
}

/** Excel forbids some characters in sheet names and allows at most 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}

const KRONOR_FORMAT = "#,##0";

/**
 * The view as an xlsx workbook: a sheet per level (Kod, Mottagare, one column per pot, Summa;
 * frozen header row, autofilter; a sum row below the data), then `Källor`: agreement, population
 * sources, every pot with its residue, what is missing and the warnings.
 *
 * @example
 * ```ts
 * const bytes = await xlsxBytes(selectAllocation(result, { county: "20" }));
 * ```
 */
export async function xlsxBytes(a: Allocation): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "stimulansmedel";
  for (const t of levelTables(a)) {
    const ws = wb.addWorksheet(sheetName(t.label), { views: [{ state: "frozen", ySplit: 1 }] });
    // As on the page: a Summa column only when the level has more than one pot.
    const withSum = t.pots.length > 1;
    const header = ["Kod", "Mottagare", ...t.pots.map((p) => `Pott ${p.id}`), ...(withSum ? ["Summa"] : [])];
    ws.addRow(header).font = { bold: true };
    for (const r of t.rows) {
      const row = ws.addRow([r.code, r.name, ...r.amounts.map((v) => (v === undefined ? null : toNumber(v))), ...(withSum ? [toNumber(r.sum)] : [])]);
      r.missing.forEach((m, i) => {
        if (m) row.getCell(3 + i).note = `Saknas: ${m.reason}`;
      });
      if (withSum && !r.complete) row.getCell(header.length).note = "Summan omfattar bara de belopp som kunde beräknas.";
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: header.length } };
    ws.addRow([]);
    const sumRow = ws.addRow(["", `Summa (${t.rows.length})`, ...t.potSums.map(toNumber), ...(withSum ? [toNumber(t.total)] : [])]);
    sumRow.font = { bold: true };
    ws.getColumn(1).width = 8;
    ws.getColumn(2).width = Math.max(12, ...t.rows.map((r) => r.name.length + 2));
    for (let c = 3; c <= header.length; c++) {
      ws.getColumn(c).width = 14;
      ws.getColumn(c).numFmt = KRONOR_FORMAT;
    }
  }

  const src = wb.addWorksheet("Källor");
  const bold = (values: (string | number | null)[]) => (src.addRow(values).font = { bold: true });
  bold(["Överenskommelse", a.agreement.id]);
  src.addRow(["Titel", a.agreement.title]);
  src.addRow(["Belopp", a.agreement.total === undefined ? "okänt" : toNumber(a.agreement.total)]).getCell(2).numFmt = KRONOR_FORMAT;
  src.addRow(["Källa", a.agreement.source]);
  src.addRow(["Befolkning avser", a.population.referenceDate]);
  src.addRow(["Avrundning", ROUNDING_TEXT[a.rounding] ?? a.rounding]);
  src.addRow([]);
  bold(["Pott", "Namn", "Nivå", "Belopp", "Fördelat", "Rest", "Status"]);
  for (const p of a.pots) {
    const row = src.addRow([
      p.id,
      p.name,
      potLevelLabel(p),
      p.amount === undefined ? null : toNumber(p.amount),
      p.status === "incomplete" ? null : toNumber(p.allocated),
      p.residue === null ? null : toNumber(p.residue),
      p.status === "incomplete" ? "regeln inte känd" : p.complete ? "fullständig" : `${p.missing} mottagare saknas`,
    ]);
    for (const c of [4, 5, 6]) row.getCell(c).numFmt = KRONOR_FORMAT;
  }
  src.addRow(["", "Rest = fördelat − pott. Med avrundning per mottagare kan en pott som fördelas efter befolkning hamna några kronor fel; det är SKR:s konvention."]);
  src.addRow([]);
  bold(["Befolkningskälla", "Ursprung", "sha256", "Härledd", "Not"]);
  for (const s of a.population.sources) src.addRow([s.title, s.origin ?? "", s.sha256 ?? "", s.derived ? "ja" : "nej", s.note ?? ""]);
  if (a.warnings.length > 0) {
    src.addRow([]);
    bold(["OBS"]);
    for (const w of a.warnings) src.addRow([w.message]);
  }
  if (a.missing.length > 0) {
    src.addRow([]);
    bold(["Saknas", `${a.missing.length} belopp kunde inte beräknas; inga av dem är noll`]);
    const groups = new Map<string, number>();
    for (const m of a.missing) groups.set(`pott ${m.pot}: ${m.reason}`, (groups.get(`pott ${m.pot}: ${m.reason}`) ?? 0) + 1);
    for (const [text, n] of groups) src.addRow([text, `${n} mottagare`]);
  }
  src.getColumn(1).width = 22;
  src.getColumn(2).width = 60;
  for (const c of [3, 4, 5, 6, 7]) src.getColumn(c).width = 16;

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Lets the browser save bytes as a file; the data stays on the machine. */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

