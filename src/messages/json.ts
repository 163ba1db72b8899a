/**
 * The JSON reader's own messages (src/io/json.ts), the same for every kind of file it reads: each
 * code that reads JSON (agreements, JSON-stat) spreads them into its kinds.
 */
import { msg } from "./define.js";

/**
 * Syntax, duplicate keys and depth, as the strict JSON reader reports them.
 *
 * @example
 * ```ts
 * defineMessages({ AGREEMENT_INVALID: { ...JSON_READER_MESSAGES, type: msg(…) } });
 * ```
 */
export const JSON_READER_MESSAGES = {
  json: msg<{ reason: string }>(
    (p) => `not valid JSON: ${p.reason}`,
    (p) => `filen är inte giltig JSON (${p.reason})`,
  ),
  "duplicate-key": msg<{ key: string }>(
    (p) => `the key "${p.key}" is given twice in one object; JSON readers keep only one of them, so the file is ambiguous`,
    (p) => `nyckeln "${p.key}" förekommer två gånger i samma objekt, så filen går att läsa på två sätt`,
  ),
  "too-deep": msg<{ depth: number }>(
    (p) => `the JSON is nested deeper than ${p.depth} levels`,
    (p) => `JSON-filen är nästlad djupare än ${p.depth} nivåer`,
  ),
};
