/**
 * Messages about xlsx workbooks: a workbook description the writer cannot write, and files the
 * reader cannot read (not a workbook, damaged, beyond the size limit, no such sheet).
 */
import { defineMessages, enList, msg, svList } from "./define.js";

/**
 * The xlsx area of the catalogue.
 *
 * @example
 * ```ts
 * xlsxMessages.XLSX_UNKNOWN_SHEET.named.sv({ sheet: "Län", sheets: ["Regioner", "Kommuner"] });
 * // 'arbetsboken har inget blad "Län"; dess blad: "Regioner" och "Kommuner"'
 * ```
 */
export const xlsxMessages = defineMessages({
  XLSX_INVALID: {
    "not-found": msg(
      () => "no such file",
      () => "filen finns inte",
    ),
    unreadable: msg<{ reason: string }>(
      (p) => `cannot read the file (${p.reason})`,
      (p) => `filen kan inte läsas (${p.reason})`,
    ),
    "not-zip": msg(
      () => "not an xlsx workbook: the file is not a zip archive",
      () => "filen är ingen Excel-arbetsbok (xlsx)",
    ),
    zip64: msg(
      () => "the workbook is a zip64 archive, which is not read (an xlsx table is far smaller)",
      () => "arbetsboken är sparad i ett arkivformat för mycket stora filer, som inte läses; spara tabellen på nytt från Excel",
    ),
    encrypted: msg<{ part: string }>(
      (p) => `part ${p.part} is encrypted`,
      () => "arbetsboken är lösenordsskyddad; spara den utan lösenord",
    ),
    method: msg<{ part: string; method: number }>(
      (p) => `part ${p.part} is compressed with zip method ${p.method}; only stored (0) and deflate (8) are read`,
      () => "arbetsboken är komprimerad på ett sätt som inte kan läsas; spara den på nytt från Excel",
    ),
    truncated: msg<{ part: string }>(
      (p) => `the archive is truncated or damaged at ${p.part}`,
      () => "arbetsboken är avkortad eller skadad; spara eller hämta den på nytt",
    ),
    inflate: msg<{ part: string; reason: string }>(
      (p) => `part ${p.part} cannot be decompressed (${p.reason})`,
      () => "arbetsboken är skadad och kan inte packas upp; spara eller hämta den på nytt",
    ),
    size: msg<{ part: string; declared: number; actual: number }>(
      (p) => `part ${p.part} declares ${p.declared} bytes but holds ${p.actual}`,
      () => "arbetsboken är skadad (fel storlek på en del); spara eller hämta den på nytt",
    ),
    checksum: msg<{ part: string }>(
      (p) => `part ${p.part} fails its CRC-32 check`,
      () => "arbetsboken är skadad (kontrollsumman stämmer inte); spara eller hämta den på nytt",
    ),
    "missing-part": msg<{ part: string }>(
      (p) => `the workbook has no part ${p.part}`,
      () => "filen saknar en del som varje Excel-arbetsbok har; den är ingen xlsx-fil eller är skadad",
    ),
    xml: msg<{ part: string; offset: number; reason: string }>(
      (p) => `part ${p.part} is not well-formed XML at character ${p.offset}: ${p.reason}`,
      () => "arbetsboken är skadad (felaktig XML); spara den på nytt från Excel",
    ),
    "cell-reference": msg<{ reference: string }>(
      (p) => `"${p.reference}" is not a cell reference within A1:XFD1048576`,
      (p) => `"${p.reference}" är ingen giltig cellreferens`,
    ),
    "cell-order": msg<{ reference: string }>(
      (p) => `${p.reference} comes after a later row or cell, or repeats one`,
      () => "arbetsboken är skadad (rader eller celler står i fel ordning eller två gånger)",
    ),
    "shared-string": msg<{ index: string; count: number }>(
      (p) => `shared string ${p.index} does not exist (the table has ${p.count})`,
      () => "en textcell pekar på en text som saknas i arbetsboken; den är skadad",
    ),
    number: msg<{ text: string }>(
      (p) => `"${p.text}" is not a number`,
      (p) => `"${p.text}" är inget tal`,
    ),
  },
  XLSX_TOO_LARGE: {
    file: msg<{ bytes: number; limit: number }>(
      (p) => `the file is ${p.bytes} bytes, more than a workbook of at most ${p.limit} bytes unpacked can be`,
      (p) => `filen är för stor: ${Math.ceil(p.bytes / 1048576)} MB, högst ${Math.floor(p.limit / 1048576)} MB läses`,
    ),
    uncompressed: msg<{ declared: number; limit: number }>(
      (p) => `the workbook unpacks to ${p.declared} bytes, more than the limit of ${p.limit}`,
      (p) => `arbetsboken är för stor: uppackad ${Math.ceil(p.declared / 1048576)} MB, högst ${Math.floor(p.limit / 1048576)} MB läses`,
    ),
    rows: msg<{ sheet: string; rows: number }>(
      (p) => `sheet ${p.sheet} has ${p.rows} rows; a worksheet holds at most 1048576`,
      (p) => `bladet ${p.sheet} har ${p.rows} rader; ett kalkylblad rymmer högst 1 048 576`,
    ),
    columns: msg<{ sheet: string; columns: number }>(
      (p) => `sheet ${p.sheet} has ${p.columns} columns; a worksheet holds at most 16384`,
      (p) => `bladet ${p.sheet} har ${p.columns} kolumner; ett kalkylblad rymmer högst 16 384`,
    ),
    text: msg<{ cell: string; length: number }>(
      (p) => `cell ${p.cell} holds ${p.length} characters; a cell holds at most 32767`,
      (p) => `cellen ${p.cell} har ${p.length} tecken; en cell rymmer högst 32 767`,
    ),
    archive: msg<{ bytes: number; entries: number }>(
      (p) => `the workbook would be ${p.bytes} bytes in ${p.entries} parts, beyond a zip archive without zip64 (4 GiB, 65535 parts)`,
      () => "arbetsboken blir för stor för en xlsx-fil; skriv JSON eller CSV",
    ),
  },
  XLSX_UNKNOWN_SHEET: {
    named: msg<{ sheet: string; sheets: readonly string[] }>(
      (p) => `the workbook has no sheet "${p.sheet}"; its sheets: ${enList(p.sheets.map((s) => `"${s}"`))}`,
      (p) => `arbetsboken har inget blad "${p.sheet}"; dess blad: ${svList(p.sheets.map((s) => `"${s}"`))}`,
    ),
    none: msg(
      () => "the workbook has no worksheet",
      () => "arbetsboken har inget kalkylblad",
    ),
  },
  XLSX_BAD_WORKBOOK: {
    "no-sheets": msg(
      () => "a workbook needs at least one sheet",
      () => "en arbetsbok behöver minst ett blad",
    ),
    "sheet-name-empty": msg(
      () => "a sheet name cannot be empty",
      () => "ett blad måste ha ett namn",
    ),
    "sheet-name-length": msg<{ sheet: string; length: number }>(
      (p) => `sheet name "${p.sheet}" has ${p.length} characters; at most 31`,
      (p) => `bladnamnet "${p.sheet}" har ${p.length} tecken; högst 31`,
    ),
    "sheet-name-character": msg<{ sheet: string; character: string }>(
      (p) => `sheet name "${p.sheet}" contains "${p.character}"; none of [ ] : * ? / \\ is allowed`,
      (p) => `bladnamnet "${p.sheet}" innehåller "${p.character}"; tecknen [ ] : * ? / \\ får inte användas`,
    ),
    "sheet-name-apostrophe": msg<{ sheet: string }>(
      (p) => `sheet name "${p.sheet}" begins or ends with an apostrophe`,
      (p) => `bladnamnet "${p.sheet}" börjar eller slutar med en apostrof`,
    ),
    "sheet-name-reserved": msg<{ sheet: string }>(
      (p) => `sheet name "${p.sheet}" is reserved by Excel`,
      (p) => `bladnamnet "${p.sheet}" är reserverat av Excel`,
    ),
    "sheet-name-duplicate": msg<{ sheet: string }>(
      (p) => `two sheets are named "${p.sheet}" (Excel ignores case)`,
      (p) => `två blad heter "${p.sheet}" (Excel skiljer inte på stora och små bokstäver)`,
    ),
    "not-finite": msg<{ cell: string; value: string }>(
      (p) => `cell ${p.cell}: ${p.value} is not a finite number`,
      (p) => `cellen ${p.cell}: ${p.value} är inget ändligt tal`,
    ),
    "column-width": msg<{ sheet: string; column: string; width: string }>(
      (p) => `sheet ${p.sheet}, column ${p.column}: width ${p.width} is not between 0 and 255`,
      (p) => `bladet ${p.sheet}, kolumn ${p.column}: bredden ${p.width} ligger inte mellan 0 och 255`,
    ),
    "number-format": msg<{ format: string }>(
      (p) => `number format "${p.format}" is empty or longer than 255 characters`,
      (p) => `talformatet "${p.format}" är tomt eller längre än 255 tecken`,
    ),
    "auto-filter": msg<{ sheet: string; rows: number; columns: number }>(
      (p) => `sheet ${p.sheet}: an autofilter of ${p.rows} rows and ${p.columns} columns is not a range of the sheet`,
      (p) => `bladet ${p.sheet}: ett autofilter med ${p.rows} rader och ${p.columns} kolumner ryms inte i bladet`,
    ),
  },
});
