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
    spreadsheet: msg<{ amount: string; cell: string }>(
      (p) => `amount ${p.amount} is too large for a spreadsheet, which keeps 15 significant digits; write JSON or CSV`,
      (p) => `beloppet ${/^-?\d+$/.test(p.amount) ? formatInteger(BigInt(p.amount)) : p.amount} kr är för stort för ett kalkylblad (högst 15 siffror); skriv JSON eller CSV`,
    ),
  },
});
