/** Messages about the command line and files written or read by it. */
import { defineMessages, enOr, msg, svOr } from "./define.js";

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
  },
  IO: {},
});
