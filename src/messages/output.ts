/** Messages about writing results: amounts a format cannot hold, files that cannot be written. */
import { defineMessages, msg } from "./define.js";

export const outputMessages = defineMessages({
  OUTPUT_TOO_LARGE: {
    json: msg<{ amount: string }>(
      (p) => `${p.amount} kr is too large to write exactly as a JSON number (at most 2^53 − 1); write CSV, where amounts are exact at any size`,
      (p) => `beloppet ${p.amount} kr är för stort för att skrivas exakt som ett tal i JSON (högst 9 007 199 254 740 991); skriv CSV, där belopp är exakta i alla storlekar`,
    ),
  },
});
