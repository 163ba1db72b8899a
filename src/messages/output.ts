/** Messages about writing results: amounts a format cannot hold, files that cannot be written. */
import { formatInteger } from "../format.js";
import { defineMessages, msg } from "./define.js";

/**
 * The output area of the catalogue.
 *
 * @example
 * ```ts
 * outputMessages.OUTPUT_TOO_LARGE.spreadsheet.sv({ amount: "1000000000000000", cell: "Regioner!C2" });
 * // "beloppet 1 000 000 000 000 000 kr är för stort för ett kalkylblad (högst 15 siffror); skriv JSON eller CSV"
 * ```
 */
export const outputMessages = defineMessages({
  OUTPUT_TOO_LARGE: {
    json: msg<{ amount: string }>(
      (p) => `${p.amount} kr is too large to write exactly as a JSON number (at most 2^53 − 1); write CSV, where amounts are exact at any size`,
      (p) => `beloppet ${/^-?\d+$/.test(p.amount) ? formatInteger(BigInt(p.amount)) : p.amount} kr är för stort för att skrivas exakt som ett tal i JSON (högst 9 007 199 254 740 991); skriv CSV, där belopp är exakta i alla storlekar`,
    ),
    spreadsheet: msg<{ amount: string; cell: string }>(
      (p) => `amount ${p.amount} is too large for a spreadsheet, which keeps 15 significant digits; write JSON or CSV`,
      (p) => `beloppet ${/^-?\d+$/.test(p.amount) ? formatInteger(BigInt(p.amount)) : p.amount} kr är för stort för ett kalkylblad (högst 15 siffror); skriv JSON eller CSV`,
    ),
  },
});
