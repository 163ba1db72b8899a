/**
 * A strict JSON reader for every JSON file a user hands the library (agreements, JSON-stat
 * datasets, SCB's answers, the page's dropped files).
 *
 * `JSON.parse` is not enough for untrusted input: it keeps the last of two equal keys
 * (`{"key":"0-18","key":"total"}` silently means "total"), it turns `1e400` into `Infinity`, and
 * what is done with its result afterwards (a schema walk, an error describer) recurses as deep as
 * the file nests. This reader refuses all three while reading, without recursion: an explicit
 * stack, a depth limit checked before a container is opened, a length limit checked first.
 *
 * Errors are {@link JsonSyntaxError}s carrying a kind, the line and the JSON path; each caller turns
 * them into its own typed error (agreement or population), as the CSV readers do with
 * `CsvSyntaxError`.
 */
import { clipValue, raise, type ErrorLocation } from "../errors.js";

/** How deep arrays and objects may nest. Real agreements nest 6 levels, JSON-stat 5. */
export const MAX_JSON_DEPTH = 64;

/** The longest JSON text read, in characters: 32 MiB, ten times SCB's largest population answer. */
export const MAX_JSON_LENGTH = 32 * 1024 * 1024;

/** What went wrong in a JSON text. */
export type JsonProblem = "syntax" | "duplicate-key" | "too-deep" | "number-range" | "too-long";

/** A JSON text that is not strict JSON, or exceeds a limit; `line` is 1-based, `path` as `pots[3].rule`. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly problem: JsonProblem,
    message: string,
    readonly line: number,
    readonly path: string,
    /** The duplicate key, the number, or the limit, depending on the problem. */
    readonly detail: string,
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

/** Limits for {@link parseJsonStrict}. */
export interface JsonLimits {
  /** Deepest nesting allowed (default {@link MAX_JSON_DEPTH}). */
  maxDepth?: number;
  /** Longest text allowed in characters (default {@link MAX_JSON_LENGTH}). */
  maxLength?: number;
}

type Frame = { kind: "array"; value: unknown[] } | { kind: "object"; value: Record<string, unknown>; keys: Set<string>; key: string | undefined };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function pathOf(stack: readonly Frame[]): string {
  let out = "";
  for (const f of stack) {
    if (f.kind === "array") out += `[${f.value.length}]`;
    else if (f.key !== undefined) out += /^[A-Za-z_$][\w$]*$/.test(f.key) ? (out === "" ? f.key : `.${f.key}`) : `[${JSON.stringify(f.key.length > 40 ? `${f.key.slice(0, 39)}…` : f.key)}]`;
  }
  return out;
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses JSON text strictly: duplicate keys, nesting deeper than the limit, numbers outside the
 * double range and text longer than the limit are refused, each naming its line and path. The
 * result is what `JSON.parse` would give for a text it accepts (a `__proto__` key included, as a
 * plain property).
 *
 * @throws JsonSyntaxError on any problem.
 * @example
 * ```ts
 * parseJsonStrict('{"a":[1,2]}');           // { a: [1, 2] }
 * parseJsonStrict('{"key":"0-18","key":"total"}'); // throws: duplicate key "key" at line 1
 * ```
 */
export function parseJsonStrict(text: string, limits: JsonLimits = {}): unknown {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxLength = limits.maxLength ?? MAX_JSON_LENGTH;
  if (text.length > maxLength) {
    throw new JsonSyntaxError("too-long", `the JSON text is longer than ${maxLength} characters`, 1, "", String(maxLength));
  }
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame[] = [];
  const fail = (problem: JsonProblem, message: string, detail: string, at = pos): never => {
    throw new JsonSyntaxError(problem, message, lineAt(text, at), pathOf(stack), detail);
  };
  const skipWs = (): void => {
    for (;;) {
      const w = text.charCodeAt(pos);
      if (w === 32 || w === 10 || w === 13 || w === 9) pos++;
      else return;
    }
  };
  const unexpected = (): never =>
    pos >= text.length ? fail("syntax", "unexpected end of the JSON text", "") : fail("syntax", `unexpected ${JSON.stringify(text[pos])} at line ${lineAt(text, pos)}`, text[pos]!);

  const readString = (): string => {
    // pos is at the opening quote
    let out = "";
    let start = ++pos;
    for (;;) {
      if (pos >= text.length) fail("syntax", "a text value is not closed (missing \")", "");
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(start, pos++);
        return out;
      }
      if (c < 0x20) fail("syntax", `a control character (U+${c.toString(16).padStart(4, "0").toUpperCase()}) inside a text value must be escaped`, "");
      if (c !== 92) {
        pos++;
        continue;
      }
      out += text.slice(start, pos);
      const e = text[pos + 1];
      const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (e !== undefined && e in simple) {
        out += simple[e];
        pos += 2;
      } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else fail("syntax", `bad escape ${JSON.stringify(text.slice(pos, pos + 2))} in a text value`, text.slice(pos, pos + 2));
      start = pos;
    }
  };

  const open = (frame: Frame): void => {
    if (stack.length >= maxDepth) fail("too-deep", `the JSON is nested deeper than ${maxDepth} levels`, String(maxDepth));
    stack.push(frame);
  };

  // A finished value goes into the innermost container, or is the whole text's value.
  let root: unknown;
  let done = false;
  const place = (v: unknown): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = v;
      done = true;
    } else if (top.kind === "array") top.value.push(v);
    else {
      const key = top.key!;
      if (key === "__proto__") Object.defineProperty(top.value, key, { value: v, enumerable: true, writable: true, configurable: true });
      else top.value[key] = v;
    }
  };

  // The state machine: read a value, then what may follow it in the innermost container.
  for (;;) {
    skipWs();
    // A value starts here.
    const c = text[pos];
    let value: unknown;
    if (c === "{") {
      pos++;
      skipWs();
      const frame: Frame = { kind: "object", value: {}, keys: new Set(), key: undefined };
      if (text[pos] === "}") {
        pos++;
        value = frame.value;
        if (stack.length >= maxDepth) fail("too-deep", `the JSON is nested deeper than ${maxDepth} levels`, String(maxDepth));
      } else {
        open(frame);
        if (text[pos] !== '"') unexpected();
        const key = readString();
        frame.keys.add(key);
        frame.key = key;
        skipWs();
        if (text[pos] !== ":") unexpected();
        pos++;
        continue;
      }
    } else if (c === "[") {
      pos++;
      skipWs();
      if (text[pos] === "]") {
        pos++;
        value = [];
        if (stack.length >= maxDepth) fail("too-deep", `the JSON is nested deeper than ${maxDepth} levels`, String(maxDepth));
      } else {
        open({ kind: "array", value: [] });
        continue;
      }
    } else if (c === '"') value = readString();
    else if (c === "t" && text.startsWith("true", pos)) (value = true), (pos += 4);
    else if (c === "f" && text.startsWith("false", pos)) (value = false), (pos += 5);
    else if (c === "n" && text.startsWith("null", pos)) (value = null), (pos += 4);
    else {
      // Plain integers (nearly every JSON-stat value) are scanned by hand; anything else by the grammar.
      let end = pos;
      if (text.charCodeAt(end) === 45) end++;
      const digitsFrom = end;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      const next = text.charCodeAt(end);
      let raw: string;
      if (end > digitsFrom && end - digitsFrom < 16 && next !== 46 && next !== 101 && next !== 69 && (text.charCodeAt(digitsFrom) !== 48 || end - digitsFrom === 1)) raw = text.slice(pos, end);
      else {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (!m) return unexpected();
        raw = m[0];
      }
      const n = Number(raw);
      if (!Number.isFinite(n)) fail("number-range", `the number ${raw.length > 40 ? `${raw.slice(0, 39)}…` : raw} is too large to be read as a number`, raw);
      value = n;
      pos += raw.length;
    }
    place(value);
    // After a value: close containers or move to the next element.
    for (;;) {
      skipWs();
      if (done) {
        if (pos < text.length) unexpected();
        return root;
      }
      const top = stack[stack.length - 1]!;
      const d = text[pos];
      if (d === ",") {
        pos++;
        skipWs();
        if (top.kind === "object") {
          if (text[pos] !== '"') unexpected();
          const keyAt = pos;
          const key = readString();
          if (top.keys.has(key)) {
            top.key = key;
            const shown = key.length > 40 ? `${key.slice(0, 39)}…` : key;
            fail("duplicate-key", `the key "${shown}" is given twice in one object`, key, keyAt);
          }
          top.keys.add(key);
          top.key = key;
          skipWs();
          if (text[pos] !== ":") unexpected();
          pos++;
        }
        break;
      }
      if ((d === "]" && top.kind === "array") || (d === "}" && top.kind === "object")) {
        pos++;
        stack.pop();
        place(top.value);
        continue;
      }
      unexpected();
    }
  }
}

/** Who reads the JSON: the error code its problems are reported under. */
export type JsonReader = "AGREEMENT_INVALID" | "POPULATION_FORMAT";

function mebibytes(chars: number): string {
  return chars % (1024 * 1024) === 0 ? `${chars / (1024 * 1024)} MB` : `${chars} tecken`;
}

/**
 * {@link parseJsonStrict} with its problems as the typed error of the reader (`AGREEMENT_INVALID`
 * for agreements, `POPULATION_FORMAT` for population files), naming file, line and path.
 *
 * @throws AgreementError or PopulationError for every problem {@link parseJsonStrict} finds.
 * @example
 * ```ts
 * const json = readJson(text, "AGREEMENT_INVALID", "what-if.json");
 * ```
 */
export function readJson(text: string, reader: JsonReader, file?: string, limits: JsonLimits = {}): unknown {
  try {
    return parseJsonStrict(text, limits);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const where: ErrorLocation = { file, line: e.line, ...(e.path !== "" ? { path: e.path } : {}), ...(e.detail !== "" ? { value: e.detail } : {}) };
    const agreement = reader === "AGREEMENT_INVALID";
    switch (e.problem) {
      case "duplicate-key":
        return agreement ? raise("AGREEMENT_INVALID", "duplicate-key", { key: clipValue(e.detail) }, where) : raise("POPULATION_FORMAT", "duplicate-key", { key: clipValue(e.detail) }, where);
      case "too-deep":
        return agreement ? raise("AGREEMENT_INVALID", "too-deep", { depth: Number(e.detail) }, where) : raise("POPULATION_FORMAT", "too-deep", { depth: Number(e.detail) }, where);
      case "number-range":
        return agreement ? raise("AGREEMENT_INVALID", "number-range", { number: clipValue(e.detail) }, where) : raise("POPULATION_FORMAT", "number-range", { number: clipValue(e.detail) }, where);
      case "too-long": {
        const limit = mebibytes(Number(e.detail));
        return agreement ? raise("AGREEMENT_INVALID", "file-too-large", { limit }, { file }) : raise("POPULATION_FORMAT", "file-too-large", { limit, format: "JSON" }, { file });
      }
      default:
        return agreement ? raise("AGREEMENT_INVALID", "json", { reason: e.message }, where) : raise("POPULATION_FORMAT", "json", { reason: e.message }, where);
    }
  }
}
