/** Messages about the command line and files written or read by it. */
import { defineMessages, enOr, msg, svOr } from "./define.js";

export const usageMessages = defineMessages({
  USAGE: {
    "bad-choice": msg<{ option: string; value: string; allowed: readonly string[] }>(
      (p) => `--${p.option} must be ${enOr(p.allowed)}, not "${p.value}"`,
      (p) => `--${p.option} ska vara ${svOr(p.allowed)}, inte "${p.value}"`,
    ),
  },
  IO: {},
});
