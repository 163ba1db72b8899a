/** Messages about the command line and files written or read by it. */
import { defineMessages, enList, enOr, msg, svList, svOr } from "./define.js";

/**
 * The command-line area of the catalogue: every refusal of the CLI's arguments, and the files it
 * reads and writes.
 *
 * @example
 * ```ts
 * usageMessages.USAGE.repeated.sv({ option: "format" }); // "--format får anges en gång"
 * ```
 */
export const usageMessages = defineMessages({
  USAGE: {
    "bad-choice": msg<{ option: string; value: string; allowed: readonly string[] }>(
      (p) => `--${p.option} must be ${enOr(p.allowed)}, not "${p.value}"`,
      (p) => `--${p.option} ska vara ${svOr(p.allowed)}, inte "${p.value}"`,
    ),
    "not-a-date": msg<{ option: string; value: string }>(
      (p) => `--${p.option} must be a date YYYY-MM-DD, not "${p.value}"`,
      (p) => `--${p.option} ska vara ett datum ÅÅÅÅ-MM-DD, inte "${p.value}"`,
    ),
    "no-scb-table": msg<{ date: string }>(
      (p) => `SCB publishes population for 1 November, 31 December and the last day of each month, not ${p.date}`,
      (p) => `SCB publicerar befolkning för 1 november, 31 december och sista dagen i varje månad, inte ${p.date}`,
    ),
    "unknown-command": msg<{ command: string; commands: readonly string[] }>(
      (p) => `unknown command "${p.command}"; commands: ${p.commands.join(", ")}`,
      (p) => `okänt kommando "${p.command}"; kommandon: ${p.commands.join(", ")}`,
    ),
    "unknown-option": msg<{ option: string; command: string }>(
      (p) => `${p.command} has no option ${p.option}`,
      (p) => `${p.command} har ingen flagga ${p.option}`,
    ),
    "missing-value": msg<{ option: string; hint: string }>(
      (p) => `--${p.option} needs a value (${p.hint})`,
      (p) => `--${p.option} behöver ett värde (${p.hint})`,
    ),
    "flag-value": msg<{ option: string }>(
      (p) => `--${p.option} takes no value`,
      (p) => `--${p.option} tar inget värde`,
    ),
    repeated: msg<{ option: string }>(
      (p) => `--${p.option} may be given once`,
      (p) => `--${p.option} får anges en gång`,
    ),
    conflict: msg<{ first: string; second: string }>(
      (p) => `--${p.first} and --${p.second} cannot be used together`,
      (p) => `--${p.first} och --${p.second} kan inte användas tillsammans`,
    ),
    "needs-one-of": msg<{ command: string; options: readonly string[] }>(
      (p) => `${p.command} needs ${enOr(p.options.map((o) => `--${o}`))}`,
      (p) => `${p.command} behöver ${svOr(p.options.map((o) => `--${o}`))}`,
    ),
    "unexpected-argument": msg<{ command: string; value: string }>(
      (p) => `${p.command} takes no argument "${p.value}"`,
      (p) => `${p.command} tar inget argument "${p.value}"`,
    ),
    "too-few-arguments": msg<{ command: string; what: string }>(
      (p) => `${p.command} needs ${p.what}`,
      (p) => `${p.command} behöver ${p.what}`,
    ),
    "too-many-arguments": msg<{ command: string; values: readonly string[] }>(
      (p) => `${p.command} takes one argument, got ${enList(p.values.map((v) => `"${v}"`))} (quote names with spaces)`,
      (p) => `${p.command} tar ett argument, fick ${svList(p.values.map((v) => `"${v}"`))} (citera namn med mellanslag)`,
    ),
    "dash-lookalike": msg<{ value: string; meant: string }>(
      (p) => `"${p.value}" starts with a dash that is not a hyphen-minus (an en dash from a word processor?); write ${p.meant}`,
      (p) => `"${p.value}" börjar med ett tankstreck eller liknande, inte bindestreck (från en ordbehandlare?); skriv ${p.meant}`,
    ),
    "empty-argument": msg<{ command: string }>(
      (p) => `${p.command} was given an empty argument ("")`,
      (p) => `${p.command} fick ett tomt argument ("")`,
    ),
    "stdin-twice": msg(
      () => `only one input can be read from standard input (-)`,
      () => `bara en indata kan läsas från standard in (-)`,
    ),
    "format-not-written": msg<{ command: string; format: string; allowed: readonly string[] }>(
      (p) => `${p.command} cannot write ${p.format}; it writes ${enOr(p.allowed)}`,
      (p) => `${p.command} kan inte skriva ${p.format}; kommandot skriver ${svOr(p.allowed)}`,
    ),
    "unknown-extension": msg<{ file: string; extension: string; extensions: readonly string[] }>(
      (p) => `--out ${p.file}: no format has the extension ${p.extension}; use ${enOr(p.extensions)}, or give --format`,
      (p) => `--out ${p.file}: inget format har filändelsen ${p.extension}; använd ${svOr(p.extensions)} eller ange --format`,
    ),
    "format-vs-extension": msg<{ format: string; file: string }>(
      (p) => `--format ${p.format} contradicts the extension of --out ${p.file}`,
      (p) => `--format ${p.format} stämmer inte med filändelsen i --out ${p.file}`,
    ),
    "binary-to-terminal": msg(
      () => `xlsx is a binary file: give --out FILE.xlsx or redirect standard output`,
      () => `xlsx är en binär fil: ange --out FIL.xlsx eller styr om standard ut`,
    ),
    "out-is-input": msg<{ file: string }>(
      (p) => `--out ${p.file} is one of the input files; it would be overwritten`,
      (p) => `--out ${p.file} är en av indatafilerna och skulle skrivas över`,
    ),
    "bundled-date": msg<{ date: string; id: string; actual: string }>(
      (p) => `--population-date ${p.date} does not match the bundled population ${p.id} (${p.actual})`,
      (p) => `--population-date ${p.date} stämmer inte med den inbyggda befolkningen ${p.id} (${p.actual})`,
    ),
    "no-population": msg<{ agreement: string }>(
      (p) => `agreement ${p.agreement} has no known reference date and no population was given; give --population`,
      (p) => `överenskommelsen ${p.agreement} har inget känt referensdatum och ingen befolkning angavs; ange --population`,
    ),
    "no-bundled-population": msg<{ date: string; ids: readonly string[] }>(
      (p) => `no bundled population for ${p.date} (bundled: ${p.ids.join(", ")}); give --population FILE, or fetch it: stimulansmedel population fetch --date ${p.date}`,
      (p) => `ingen inbyggd befolkning för ${p.date} (inbyggda: ${p.ids.join(", ")}); ange --population FIL eller hämta den: stimulansmedel population fetch --date ${p.date}`,
    ),
    "missing-argument": msg<{ command: string; what: string; example: string }>(
      (p) => `${p.command} needs ${p.what}, e.g. ${p.example}`,
      (p) => `${p.command} behöver ${p.what}, t.ex. ${p.example}`,
    ),
    "extra-argument": msg<{ command: string; value: string }>(
      (p) => `${p.command} takes one table, got also "${p.value}" (quote names with spaces)`,
      (p) => `${p.command} tar en tabell, fick också "${p.value}" (citattecken runt namn med mellanslag)`,
    ),
    "unknown-pot": msg<{ agreement: string; pots: readonly string[]; known: readonly string[] }>(
      (p) => `no pot ${p.pots.join(", ")} in agreement ${p.agreement}; pots are ${p.known.join(", ")}`,
      (p) => `överenskommelse ${p.agreement} har ingen pott ${p.pots.join(", ")}; pottarna är ${p.known.join(", ")}`,
    ),
    "not-a-number": msg<{ option: string; value: string }>(
      (p) => `--${p.option} must be a whole number of kronor or persons (digits, spaces allowed), not "${p.value}"`,
      (p) => `--${p.option} ska vara ett heltal kronor eller personer (siffror, mellanslag tillåtna), inte "${p.value}"`,
    ),
    "not-a-range": msg<{ option: string; value: string }>(
      (p) => `--${p.option} must be MIN-MAX with whole numbers, MIN ≤ MAX, not "${p.value}"`,
      (p) => `--${p.option} ska vara MIN-MAX med heltal, MIN ≤ MAX, inte "${p.value}"`,
    ),
    "no-default-range": msg<{ key: string; level: string }>(
      (p) => `no bundled population has a national total for key ${p.key} to search around; give --range MIN-MAX`,
      (p) => `ingen inbyggd befolkning har rikets antal för nyckeln ${p.key} att söka kring; ange --range MIN-MAX`,
    ),
  },
  IO: {
    write: msg<{ file: string; reason: string }>(
      (p) => `cannot write ${p.file} (${p.reason}); nothing was written`,
      (p) => `kan inte skriva ${p.file} (${p.reason}); inget skrevs`,
    ),
    "cannot-read": msg<{ reason: string }>(
      (p) => `cannot read the file (${p.reason})`,
      (p) => `kan inte läsa filen (${p.reason})`,
    ),
    "no-file": msg<{ file: string }>(
      () => `no such file`,
      () => `filen finns inte`,
    ),
    "no-data-dir": msg(
      () => `cannot find the bundled data/ folder next to the package`,
      () => `hittar inte paketets inbyggda datamapp (data/)`,
    ),
  },
});
