/**
 * An allocation as an Excel workbook: one sheet per level with recipients as rows and pots as
 * columns, kronor formatted, a frozen header row and an autofilter, and a `Källor` sheet with the
 * agreement's source, the reference dates, the rounding, the population's provenance, each pot's
 * residue, what could not be computed (grouped by reason) and the warnings. No files are touched:
 * the workbook comes back as bytes, the same bytes for the same allocation on every run and
 * machine. Written by the library's own xlsx writer (src/xlsx/), so it runs in a browser too
 * (the web page's download) and costs nothing to load.
 */
import type { Allocation } from "../allocate.js";
import { LEVEL_LABELS, LEVELS } from "../geography/index.js";
import { writeWorkbook } from "../xlsx/write.js";
import type { WorkbookCell, SheetDescription, SheetRow } from "../xlsx/workbook.js";
import { comparisonNote, formatPercent, type Comparison } from "./compare.js";
import { missingGroups, potLevelLabel, RESIDUE_NOTE, ROUNDING_TEXT } from "./table.js";

/** Excel number format for whole kronor; Swedish Excel shows the thousands separator as a space. */
export const KRONOR_FORMAT = '#,##0 "kr"';

/** Excel number format of a percentage given as a number of percent, with two decimals. */
export const PERCENT_FORMAT = "0.00";

const kr = (v: bigint | null | undefined): WorkbookCell => (v === null || v === undefined ? null : { value: v, format: KRONOR_FORMAT });
const bold = (...cells: WorkbookCell[]): SheetRow => ({ cells, bold: true });
const row = (...cells: WorkbookCell[]): SheetRow => ({ cells });
const EMPTY: SheetRow = { cells: [] };

/**
 * Writes an allocation as an xlsx workbook and resolves to its bytes.
 *
 * Level sheets: `Kod`, `Mottagare`, one `Pott X` column per pot, `Summa`, `Anmärkning`. An amount
 * that could not be computed is an empty cell (never 0), with the reason in `Anmärkning`; such a
 * recipient's `Summa` is empty too. Below the recipients a `Summa` row adds the computed amounts.
 * Amounts are exact: one of 15 digits or more, which Excel would round, is refused
 * (OUTPUT_TOO_LARGE) and nothing is written.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * writeFileSync("dalarna.xlsx", await allocationToXlsx(selectAllocation(result, { county: "20" })));
 * ```
 */
export async function allocationToXlsx(a: Allocation): Promise<Uint8Array> {
  const sheets: SheetDescription[] = [];
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

    const rows: SheetRow[] = [bold("Kod", "Mottagare", ...potIds.map((p) => `Pott ${p}`), "Summa", "Anmärkning")];
    for (const code of codes) {
      let sum = 0n;
      const cells: WorkbookCell[] = [code, names.get(code)!];
      for (const p of potIds) {
        const v = amount.get(`${p}|${code}`);
        cells.push(kr(v));
        if (v !== undefined) sum += v;
      }
      const note = reasons.get(code);
      cells.push(note ? null : kr(sum), note ? note.join("; ") : null);
      rows.push({ cells });
    }
    const totals = potIds.map((p) => lines.filter((l) => l.pot === p).reduce((s, l) => s + l.amount, 0n));
    rows.push(bold(null, missing.length > 0 ? "Summa (beräknade belopp)" : "Summa", ...totals.map(kr), kr(totals.reduce((s, t) => s + t, 0n))));
    sheets.push({
      name: LEVEL_LABELS[level],
      columns: [{ width: 7 }, { width: 28 }, ...potIds.map(() => ({ width: 15, format: KRONOR_FORMAT })), { width: 16, format: KRONOR_FORMAT }, { width: 40 }],
      rows,
      freezeHeader: true,
      autoFilter: { rows: codes.length + 1, columns: potIds.length + 4 },
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
  kv("Avrundning", `${ROUNDING_TEXT[a.rounding] ?? a.rounding} (${a.rounding})`);
  kv("Alla belopp i urvalet beräknade", a.missing.length === 0 && a.agreement.complete ? "ja" : "nej: se Anmärkning på nivåbladen");
  src.push(EMPTY, bold("Befolkningsdata"));
  for (const s of a.population.sources) {
    const parts = [s.title, s.origin && `ursprung: ${s.origin}`, s.sha256 && `sha256: ${s.sha256}`, s.retrieved && `hämtad: ${s.retrieved}`, s.derived ? "HÄRLEDD, inte officiell statistik" : undefined, s.note];
    kv("Källa", parts.filter(Boolean).join("; "));
  }
  src.push(EMPTY, bold("Pottar (hela riket; rest = fördelat − pott, null när någon mottagare saknas)"));
  src.push(bold("Pott", "Namn", "Nivå", "Belopp", "Fördelat", "Rest", "Status"));
  for (const p of a.pots) {
    src.push(
      row(
        p.id,
        p.name,
        potLevelLabel(p),
        kr(p.amount),
        p.status === "incomplete" ? null : kr(p.allocated),
        kr(p.residue),
        p.status === "incomplete" ? "regel okänd" : p.complete ? "beräknad" : `${p.missing} mottagare saknas`,
      ),
    );
  }
  kv(null, RESIDUE_NOTE);
  if (a.missing.length > 0) {
    src.push(EMPTY, bold("Saknas", `${a.missing.length} belopp kunde inte beräknas; inga av dem är noll`));
    for (const { text, count } of missingGroups(a)) kv(text, `${count} mottagare`);
  }
  if (a.warnings.length > 0) {
    src.push(EMPTY, bold("Observera"));
    for (const w of a.warnings) kv(w.code, w.message);
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
          const percent = r.percent === null ? null : Number(formatPercent(r.percent, 2, ".")!.replace(/ /g, ""));
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
