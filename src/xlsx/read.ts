/**
 * Reads the cell values of one worksheet of an xlsx file, for published tables that someone saved
 * from Excel or LibreOffice: text (shared or inline), numbers, booleans. Formulas give their saved
 * result; styles, dates as dates, merged cells and everything else are not read. The archive is
 * bounded (see {@link MAX_UNCOMPRESSED_BYTES}) before anything is decompressed, and DEFLATE is
 * injected, so this runs in a browser too.
 */
import { raise, type ErrorLocation } from "../errors.js";
import { parseCellName } from "./cell-ref.js";
import { parseXml } from "./xml-read.js";
import { unescapeCellText } from "./xml-text.js";
import { MAX_UNCOMPRESSED_BYTES, readZip, type InflateRaw, type ZipArchive } from "./zip-read.js";

/** A value read from a cell: text, a number, a boolean, or null for an empty cell. */
export type ReadCellValue = string | number | boolean | null;

/** Options of {@link readWorkbookTable}. */
export interface ReadWorkbookTableOptions {
  /** Raw DEFLATE decompression: Excel compresses every part. */
  inflateRaw: InflateRaw;
  /** The sheet to read, by name (exactly as in the tab); the first sheet when not given. */
  sheet?: string;
  /** The file's name, for error locations. */
  file?: string;
  /** A lower bound than {@link MAX_UNCOMPRESSED_BYTES} on what the archive may unpack to. */
  maxUncompressedBytes?: number;
}

/** One worksheet's values. */
export interface WorkbookTable {
  /** The name of the sheet read. */
  sheet: string;
  /** Every sheet of the workbook, in tab order. */
  sheets: string[];
  /**
   * `rows[r][c]` is the value of row r + 1, column c + 1 (A = 0). A row ends at its last
   * non-empty cell; an empty row is `[]`; empty rows after the last are left out.
   */
  rows: ReadCellValue[][];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

interface Relationship {
  type: string;
  target: string;
}

function text(zip: ZipArchive, part: string, where: ErrorLocation, required: boolean): string | undefined {
  const bytes = zip.read(part);
  if (bytes === undefined) {
    if (required) raise("XLSX_INVALID", "missing-part", { part }, where);
    return undefined;
  }
  return new TextDecoder("utf-8").decode(bytes);
}

/** A relationship target resolved against the folder of the part it belongs to. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relationships(zip: ZipArchive, part: string, where: ErrorLocation): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = text(zip, relsPart, where, false);
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  parseXml(
    xml,
    {
      open(name, a) {
        if (name === "Relationship" && a.Id !== undefined && a.Target !== undefined && a.TargetMode !== "External") {
          rels.set(a.Id, { type: a.Type ?? "", target: resolveTarget(part, a.Target) });
        }
      },
    },
    relsPart,
    where,
  );
  return rels;
}

function sharedStrings(xml: string, part: string, where: ErrorLocation): string[] {
  const out: string[] = [];
  let depth = 0; // inside <si>
  let phonetic = 0; // inside <rPh>, whose text is a reading aid, not the cell's text
  let inText = false;
  let current = "";
  parseXml(
    xml,
    {
      open(name) {
        if (name === "si") {
          depth++;
          current = "";
        } else if (name === "rPh") phonetic++;
        else if (name === "t" && depth > 0 && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === "si") {
          depth--;
          out.push(unescapeCellText(current));
        } else if (name === "rPh") phonetic--;
        else if (name === "t") inText = false;
      },
      text(t) {
        if (inText) current += t;
      },
    },
    part,
    where,
  );
  return out;
}

function parseNumber(raw: string, where: ErrorLocation): number {
  const t = raw.trim();
  const n = Number(t);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) || !Number.isFinite(n)) raise("XLSX_INVALID", "number", { text: raw }, { ...where, value: raw });
  return n;
}

/**
 * Reads the values of the first (or a named) worksheet of an xlsx file.
 *
 * Cell types: shared and inline strings and formula strings are text; numbers are numbers (as
 * Excel stores them, binary doubles: exact for whole numbers below 2^53); booleans are booleans;
 * an error cell (`#N/A`, `#DIV/0!`) and an ISO date cell are their text. A cell without a value
 * is null.
 *
 * @throws StimulansmedelError XLSX_INVALID (not an xlsx file, damaged), XLSX_TOO_LARGE (unpacks
 * to more than the limit), XLSX_UNKNOWN_SHEET (no such sheet, or no sheet at all).
 * @example
 * ```ts
 * import { inflateRawSync } from "node:zlib";
 * const table = readWorkbookTable(bytes, { inflateRaw: (d, n) => inflateRawSync(d, { maxOutputLength: n + 1 }), sheet: "Kommuner" });
 * table.rows[0]; // ["Kod", "Mottagare", "Pott 2", "Summa", "Anmärkning"]
 * ```
 */
export function readWorkbookTable(bytes: Uint8Array, options: ReadWorkbookTableOptions): WorkbookTable {
  const where: ErrorLocation = options.file === undefined ? {} : { file: options.file };
  const zip = readZip(bytes, {
    inflateRaw: options.inflateRaw,
    maxUncompressedBytes: options.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES,
    ...(options.file === undefined ? {} : { file: options.file }),
  });

  const root = [...relationships(zip, "", where).values()].find((r) => OFFICE_DOCUMENT.test(r.type));
  const workbookPart = root?.target ?? "xl/workbook.xml";
  const workbookXml = text(zip, workbookPart, where, true)!;
  const sheets: { name: string; rid: string }[] = [];
  parseXml(
    workbookXml,
    {
      open(name, a) {
        if (name === "sheet" && a.name !== undefined) sheets.push({ name: a.name, rid: a.id ?? "" });
      },
    },
    workbookPart,
    where,
  );
  const names = sheets.map((s) => s.name);
  if (sheets.length === 0) raise("XLSX_UNKNOWN_SHEET", "none", {}, where);
  const chosen = options.sheet === undefined ? sheets[0]! : sheets.find((s) => s.name === options.sheet);
  if (!chosen) raise("XLSX_UNKNOWN_SHEET", "named", { sheet: options.sheet!, sheets: names }, { ...where, value: options.sheet! });

  const rels = relationships(zip, workbookPart, where);
  const sheetRel = rels.get(chosen.rid);
  // A sheet whose relationship points elsewhere (a chart sheet) has no cells to read.
  if (!sheetRel || !/\/worksheet$/.test(sheetRel.type)) raise("XLSX_INVALID", "missing-part", { part: `worksheet "${chosen.name}"` }, where);
  const stringsRel = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const stringsXml = stringsRel ? text(zip, stringsRel.target, where, true)! : undefined;
  const strings = stringsXml === undefined ? [] : sharedStrings(stringsXml, stringsRel!.target, where);

  const sheetPart = sheetRel.target;
  const sheetXml = text(zip, sheetPart, where, true)!;
  const cellWhere = (ref: string): ErrorLocation => ({ ...where, path: `${chosen.name}!${ref}` });
  const rows: ReadCellValue[][] = [];
  let rowNumber = 0;
  let column = 0;
  let cell: { ref: string; type: string; row: number; column: number } | undefined;
  let value: string | undefined; // the text of <v>
  let inline: string | undefined; // the text of <is>
  let inValue = false;
  let inInline = 0;
  let inInlineText = false;
  let phonetic = 0;
  parseXml(
    sheetXml,
    {
      open(name, a) {
        if (name === "row") {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          if (!Number.isInteger(r) || r < 1 || r > 1_048_576) raise("XLSX_INVALID", "cell-reference", { reference: `row ${a.r}` }, where);
          if (r <= rowNumber) raise("XLSX_INVALID", "cell-order", { reference: `row ${r}` }, where);
          rowNumber = r;
          column = 0;
        } else if (name === "c") {
          let row = rowNumber;
          let col = column + 1;
          if (a.r !== undefined) {
            const p = parseCellName(a.r);
            if (!p || (rowNumber > 0 && p.row !== rowNumber)) raise("XLSX_INVALID", "cell-reference", { reference: a.r }, cellWhere(a.r));
            row = p.row;
            col = p.column;
          }
          if (row < 1 || col > 16_384) raise("XLSX_INVALID", "cell-reference", { reference: a.r ?? `column ${col}` }, where);
          // Cells stand in column order; one that goes back would overwrite another.
          if (col <= column) raise("XLSX_INVALID", "cell-order", { reference: a.r ?? `column ${col}` }, cellWhere(a.r ?? `column ${col}`));
          column = col;
          cell = { ref: a.r ?? `R${row}C${col}`, type: a.t ?? "n", row, column: col };
          value = undefined;
          inline = undefined;
        } else if (cell && name === "v") {
          inValue = true;
          value = "";
        } else if (cell && name === "is") {
          inInline++;
          inline = "";
        } else if (inInline > 0 && name === "rPh") phonetic++;
        else if (inInline > 0 && name === "t" && phonetic === 0) inInlineText = true;
      },
      close(name) {
        if (name === "v") inValue = false;
        else if (name === "is") inInline--;
        else if (name === "rPh") phonetic--;
        else if (name === "t") inInlineText = false;
        else if (name === "c" && cell) {
          const v = readValue(cell.type, value, inline, cell.ref);
          if (v !== null) {
            while (rows.length < cell.row) rows.push([]);
            const r = rows[cell.row - 1]!;
            while (r.length < cell.column - 1) r.push(null);
            r[cell.column - 1] = v;
          }
          cell = undefined;
        }
      },
      text(t) {
        if (inValue) value += t;
        else if (inInlineText) inline += t;
      },
    },
    sheetPart,
    where,
  );

  function readValue(type: string, v: string | undefined, is: string | undefined, ref: string): ReadCellValue {
    switch (type) {
      case "s": {
        if (v === undefined) return null;
        const i = Number(v.trim());
        if (!Number.isInteger(i) || i < 0 || i >= strings.length) raise("XLSX_INVALID", "shared-string", { index: v, count: strings.length }, cellWhere(ref));
        return strings[i]!;
      }
      case "inlineStr":
        return is === undefined ? (v === undefined ? null : unescapeCellText(v)) : unescapeCellText(is);
      case "str":
      case "e":
      case "d":
        return v === undefined ? null : unescapeCellText(v);
      case "b":
        if (v === undefined) return null;
        if (v.trim() === "1" || v.trim() === "true") return true;
        if (v.trim() === "0" || v.trim() === "false") return false;
        return raise("XLSX_INVALID", "number", { text: v }, cellWhere(ref));
      default:
        return v === undefined ? null : parseNumber(v, cellWhere(ref));
    }
  }

  return { sheet: chosen.name, sheets: names, rows };
}
