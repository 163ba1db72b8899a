/** Messages about published tables read by `verify` and `infer`. */
import type { Level } from "../geography/index.js";
import { formatInteger } from "../format.js";
import { defineMessages, enList, msg, svList } from "./define.js";

// Amounts travel as digit strings (issue params are JSON values; a bigint is not) and are grouped
// here, so both languages show "1 309 672".
const kr = (digits: string) => formatInteger(BigInt(digits));
const diff = (a: string, b: string) => {
  const d = BigInt(a) - BigInt(b);
  return d > 0n ? `+${formatInteger(d)}` : formatInteger(d);
};
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(".", ",");
const LEVEL_SV: Record<string, string> = { municipality: "kommunerna", county: "länen", region: "regionerna", skr: "SKR" } satisfies Record<Level, string>;

export const tableMessages = defineMessages({
  TABLE_FORMAT: {
    "too-large": msg<{ bytes: number; limit: number }>(
      (p) => `the table is ${p.bytes} bytes; at most ${p.limit} bytes are read`,
      (p) => `tabellen är ${mb(p.bytes)} MB; högst ${mb(p.limit)} MB läses`,
    ),
    "too-many-rows": msg<{ rows: number; limit: number }>(
      (p) => `the table has ${p.rows} rows; at most ${p.limit} are read`,
      (p) => `tabellen har ${formatInteger(p.rows)} rader; högst ${formatInteger(p.limit)} läses`,
    ),
    empty: msg(
      () => "the table has no line with a recipient and an amount",
      () => "tabellen har ingen rad med mottagare och belopp",
    ),
    csv: msg(
      () => "the table's quotation marks are unbalanced, so its columns cannot be told apart",
      () => "tabellens citattecken går inte ihop, så kolumnerna kan inte skiljas åt",
    ),
    "no-amount-column": msg<{ columns: readonly string[] }>(
      (p) => `no column holds amounts (columns: ${enList(p.columns.map((c) => `"${c}"`))})`,
      (p) => `ingen kolumn innehåller belopp (kolumner: ${svList(p.columns.map((c) => `"${c}"`))})`,
    ),
    "several-amount-columns": msg<{ columns: readonly string[] }>(
      (p) => `several columns hold amounts (${enList(p.columns.map((c) => `"${c}"`))}); choose one`,
      (p) => `flera kolumner innehåller belopp (${svList(p.columns.map((c) => `"${c}"`))}); välj en`,
    ),
    "unknown-column": msg<{ column: string; columns: readonly string[] }>(
      (p) => `the table has no column "${p.column}" (columns: ${enList(p.columns.map((c) => `"${c}"`))})`,
      (p) => `tabellen har ingen kolumn "${p.column}" (kolumner: ${svList(p.columns.map((c) => `"${c}"`))})`,
    ),
    "several-amounts": msg<{ values: readonly string[] }>(
      (p) => `the line has several amounts (${enList(p.values)}); choose the column`,
      (p) => `raden har flera belopp (${svList(p.values)}); välj kolumn`,
    ),
    "columns-unclear": msg<{ value: string }>(
      (p) => `the columns of "${p.value}" cannot be told apart: separate them with tabs (or paste the table as it is in the spreadsheet)`,
      (p) => `kolumnerna i "${p.value}" går inte att skilja åt: skilj dem med tabbar (eller klistra in tabellen som den är i kalkylbladet)`,
    ),
    "bad-level": msg<{ value: string }>(
      (p) => `"${p.value}" is not a level (municipality, county, region or SKR)`,
      (p) => `"${p.value}" är ingen nivå (kommun, län, region eller SKR)`,
    ),
    "no-recipient": msg<{ value: string }>(
      (p) => `the line has the amount "${p.value}" but no recipient`,
      (p) => `raden har beloppet "${p.value}" men ingen mottagare`,
    ),
    "level-unknown": msg<{ name: string }>(
      (p) => `"${p.name}" can be the county (joint funds) or the region; say which level the table is for`,
      (p) => `"${p.name}" kan vara länet (länsgemensamma medel) eller regionen; ange vilken nivå tabellen gäller`,
    ),
    "code-name-mismatch": msg<{ code: string; name: string; codeName: string }>(
      (p) => `code ${p.code} is ${p.codeName}, not "${p.name}"`,
      (p) => `koden ${p.code} är ${p.codeName}, inte "${p.name}"`,
    ),
    "too-many-problems": msg<{ count: number; limit: number }>(
      (p) => `${p.count} problems in all; only the first ${p.limit} are listed`,
      (p) => `${formatInteger(p.count)} fel sammanlagt; bara de ${formatInteger(p.limit)} första visas`,
    ),
  },
  TABLE_BAD_AMOUNT: {
    "not-a-number": msg<{ value: string }>(
      (p) => `"${p.value}" is not an amount in kronor`,
      (p) => `"${p.value}" är inget belopp i kronor`,
    ),
    negative: msg<{ value: string }>(
      (p) => `the amount "${p.value}" is negative`,
      (p) => `beloppet "${p.value}" är negativt`,
    ),
    fraction: msg<{ value: string }>(
      (p) => `"${p.value}" is not whole kronor`,
      (p) => `"${p.value}" är inte hela kronor`,
    ),
    "too-large": msg<{ value: string }>(
      (p) => `the amount "${p.value}" is implausibly large (more than 10^15 kr)`,
      (p) => `beloppet "${p.value}" är orimligt stort (mer än en miljon miljarder kronor)`,
    ),
    grouping: msg<{ value: string; reading: string }>(
      (p) => `"${p.value}" is not grouped in threes, so a digit may be lost or misplaced; it is read as ${kr(p.reading)} only when a total line confirms it`,
      (p) => `"${p.value}" är inte grupperat i tretal, så en siffra kan ha fallit bort eller hamnat fel; det läses som ${kr(p.reading)} bara när en summarad bekräftar det`,
    ),
    missing: msg<{ name: string }>(
      (p) => `${p.name} has no amount`,
      (p) => `${p.name} saknar belopp`,
    ),
  },
  TABLE_DUPLICATE: {
    recipient: msg<{ name: string; code: string; firstLine: number }>(
      (p) => `${p.name} (${p.code}) appears twice; first on line ${p.firstLine}`,
      (p) => `${p.name} (${p.code}) finns två gånger; första gången på rad ${p.firstLine}`,
    ),
    code: msg<{ code: string }>(
      (p) => `code ${p.code} is given twice`,
      (p) => `koden ${p.code} anges två gånger`,
    ),
  },
  TABLE_TOTAL_MISMATCH: {
    sum: msg<{ label: string; total: string; sum: string }>(
      (p) => `the total "${p.label}" is ${kr(p.total)} kr but the rows above it sum to ${kr(p.sum)} kr (difference ${diff(p.sum, p.total)} kr)`,
      (p) => `summaraden "${p.label}" är ${kr(p.total)} kr men raderna ovanför summerar till ${kr(p.sum)} kr (skillnad ${diff(p.sum, p.total)} kr)`,
    ),
  },
  TABLE_AMOUNT_MISMATCH: {
    amount: msg<{ name: string; code: string; published: string; expected: string }>(
      (p) => `${p.name} (${p.code}): the table says ${kr(p.published)} kr, the calculation gives ${kr(p.expected)} kr (difference ${diff(p.published, p.expected)} kr)`,
      (p) => `${p.name} (${p.code}): tabellen anger ${kr(p.published)} kr, beräkningen ger ${kr(p.expected)} kr (skillnad ${diff(p.published, p.expected)} kr)`,
    ),
    "not-computed": msg<{ name: string; code: string; published: string }>(
      (p) => `${p.name} (${p.code}): the table says ${kr(p.published)} kr, but the calculation has no amount for it`,
      (p) => `${p.name} (${p.code}): tabellen anger ${kr(p.published)} kr, men beräkningen har inget belopp för mottagaren`,
    ),
  },
  TABLE_INFER_INPUT: {
    empty: msg(
      () => "no amounts to work back from",
      () => "inga belopp att räkna baklänges från",
    ),
    amount: msg<{ code: string; value: string }>(
      (p) => `${p.code}: "${p.value}" is not a whole, non-negative number of kronor`,
      (p) => `${p.code}: "${p.value}" är inte ett helt, icke-negativt antal kronor`,
    ),
    range: msg<{ from: string; to: string }>(
      (p) => `the range of national totals ${p.from}–${p.to} is empty or not positive`,
      (p) => `intervallet för rikets antal, ${p.from}–${p.to}, är tomt eller inte positivt`,
    ),
    "range-too-wide": msg<{ from: string; to: string; limit: string }>(
      (p) => `the range of national totals ${p.from}–${p.to} is wider than ${p.limit}; narrow it`,
      (p) => `intervallet för rikets antal, ${p.from}–${p.to}, är bredare än ${kr(p.limit)}; gör det smalare`,
    ),
    "below-base": msg<{ code: string; amount: string; base: string }>(
      (p) => `${p.code}: the amount ${kr(p.amount)} kr is below its base ${kr(p.base)} kr, so no population reproduces it`,
      (p) => `${p.code}: beloppet ${kr(p.amount)} kr är mindre än grundbeloppet ${kr(p.base)} kr, så ingen befolkning ger det`,
    ),
    "bases-exceed-pot": msg<{ pot: string; bases: string }>(
      (p) => `the bases sum to ${kr(p.bases)} kr, more than the pot's ${kr(p.pot)} kr`,
      (p) => `grundbeloppen blir ${kr(p.bases)} kr, mer än pottens ${kr(p.pot)} kr`,
    ),
    "recipients-at-level": msg<{ level: string; given: number; rows: number }>(
      (p) => `the level has ${p.given} recipients, fewer than the table's ${p.rows} rows`,
      (p) => `nivån har ${p.given} mottagare, färre än tabellens ${p.rows} rader`,
    ),
    "needs-complete": msg<{ convention: string; words: string; level: string; rows: number; recipients: number }>(
      (p) => `${p.convention} can be tested only on a table of every recipient (${p.rows} of ${p.recipients})`,
      (p) => `regeln "${p.words}" kan bara prövas på en tabell med alla ${LEVEL_SV[p.level] ?? p.level} (tabellen har ${p.rows} av ${p.recipients})`,
    ),
  },
});
