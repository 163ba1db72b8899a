/**
 * The JSON reader's own messages (src/io/json.ts), the same for every kind of file it reads: each
 * code that reads JSON (agreements, JSON-stat) spreads them into its kinds.
 */
import { msg } from "./define.js";

/** What is wrong in a JSON text that is not JSON. */
export type JsonSyntaxProblem = "end" | "unexpected" | "unclosed-text" | "control-character" | "bad-escape";

type At = { text: string; line: number; column: number };

const JSON_SYNTAX_EN: Record<JsonSyntaxProblem, (p: At) => string> = {
  end: () => "unexpected end of the JSON text",
  unexpected: (p) => `unexpected ${JSON.stringify(p.text)} at column ${p.column} (of line ${p.line})`,
  "unclosed-text": () => 'a text value is not closed (missing ")',
  "control-character": (p) => `a control character (${p.text}) inside a text value must be escaped`,
  "bad-escape": (p) => `bad escape ${JSON.stringify(p.text)} in a text value`,
};

const JSON_SYNTAX_SV: Record<JsonSyntaxProblem, (p: At) => string> = {
  end: () => "texten tar slut innan JSON-värdet är färdigt",
  unexpected: (p) => `oväntat tecken ${JSON.stringify(p.text)} i kolumn ${p.column}`,
  "unclosed-text": () => 'en text avslutas aldrig (ett " saknas)',
  "control-character": (p) => `ett styrtecken (${p.text}) inuti en text måste skrivas med \\-kod`,
  "bad-escape": (p) => `ogiltig \\-kod ${JSON.stringify(p.text)} i en text`,
};

/**
 * Syntax, duplicate keys and depth, as the strict JSON reader reports them.
 *
 * @example
 * ```ts
 * defineMessages({ AGREEMENT_INVALID: { ...JSON_READER_MESSAGES, type: msg(…) } });
 * ```
 */
export const JSON_READER_MESSAGES = {
  json: msg<{ problem: JsonSyntaxProblem; text: string; line: number; column: number }>(
    (p) => `not valid JSON: ${JSON_SYNTAX_EN[p.problem](p)}`,
    (p) => `filen är inte giltig JSON: ${JSON_SYNTAX_SV[p.problem](p)}`,
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
