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
    "cannot-read": msg<{ reason: string }>(
      (p) => `cannot read the file (${p.reason})`,
      (p) => `kan inte läsa filen (${p.reason})`,
    ),
  },
});
