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
 * Errors are catalogue issues under the reader's code (`AGREEMENT_INVALID` or
 * `POPULATION_FORMAT`), naming file, line, column and JSON path.
 */
import { clipValue, raise, type ErrorLocation } from "../errors.js";
import type { JsonSyntaxProblem } from "../messages/json.js";

/** How deep arrays and objects may nest. Real agreements nest 6 levels, JSON-stat 5. */
export const MAX_JSON_DEPTH = 64;

/** The longest JSON text read, in characters: 32 MiB, ten times SCB's largest population answer. */
export const MAX_JSON_LENGTH = 32 * 1024 * 1024;

/** Who reads the JSON: the error code its problems are reported under. */
export type JsonReader = "AGREEMENT_INVALID" | "POPULATION_FORMAT";

/** Limits for {@link parseJsonStrict}. */
export interface JsonLimits {
  /** Deepest nesting allowed (default {@link MAX_JSON_DEPTH}). */
  maxDepth?: number;
  /** Longest text allowed in characters (default {@link MAX_JSON_LENGTH}). */
  maxLength?: number;
  /** The code problems are reported under (default `POPULATION_FORMAT`). */
  reader?: JsonReader;
  /** The file name for the error's location. */
  file?: string;
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

function lineAt(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: pos - start + 1 };
}

function mebibytes(chars: number): string {
  return chars % (1024 * 1024) === 0 ? `${chars / (1024 * 1024)} MB` : `${chars} tecken`;
}

type Problem =
  | { kind: "json"; problem: JsonSyntaxProblem; text: string }
  | { kind: "duplicate-key"; key: string }
  | { kind: "too-deep"; depth: number }
  | { kind: "number-range"; number: string }
  | { kind: "too-long"; limit: number };

/** Throws the reader's typed error for one problem; both readers' catalogues have the same kinds. */
function report(reader: JsonReader, p: Problem, where: ErrorLocation & { column?: number }): never {
  const { column, ...at } = where;
  const agreement = reader === "AGREEMENT_INVALID";
  switch (p.kind) {
    case "duplicate-key":
      return agreement ? raise("AGREEMENT_INVALID", "duplicate-key", { key: p.key }, at) : raise("POPULATION_FORMAT", "duplicate-key", { key: p.key }, at);
    case "too-deep":
      return agreement ? raise("AGREEMENT_INVALID", "too-deep", { depth: p.depth }, at) : raise("POPULATION_FORMAT", "too-deep", { depth: p.depth }, at);
    case "number-range":
      return agreement ? raise("AGREEMENT_INVALID", "number-range", { number: p.number }, at) : raise("POPULATION_FORMAT", "number-range", { number: p.number }, at);
    case "too-long": {
      const limit = mebibytes(p.limit);
      const file = at.file !== undefined ? { file: at.file } : {};
      return agreement ? raise("AGREEMENT_INVALID", "file-too-large", { limit }, file) : raise("POPULATION_FORMAT", "file-too-large", { limit, format: "JSON" }, file);
    }
    default: {
      const params = { problem: p.problem, text: p.text, line: at.line ?? 1, column: column ?? 1 };
      return agreement ? raise("AGREEMENT_INVALID", "json", params, at) : raise("POPULATION_FORMAT", "json", params, at);
    }
  }
}

/**
 * Parses JSON text strictly: duplicate keys, nesting deeper than the limit, numbers outside the
 * double range and text longer than the limit are refused, each naming its line and path. The
 * result is what `JSON.parse` would give for a text it accepts (a `__proto__` key included, as a
 * plain property).
 *
 * @throws AgreementError or PopulationError (by `limits.reader`) on any problem.
 * @example
 * ```ts
 * parseJsonStrict('{"a":[1,2]}');           // { a: [1, 2] }
 * parseJsonStrict('{"key":"0-18","key":"total"}'); // throws: duplicate key "key" at line 1
 * ```
 */
export function parseJsonStrict(text: string, limits: JsonLimits = {}): unknown {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxLength = limits.maxLength ?? MAX_JSON_LENGTH;
  const reader = limits.reader ?? "POPULATION_FORMAT";
  const file = limits.file;
  if (text.length > maxLength) report(reader, { kind: "too-long", limit: maxLength }, { file });
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Frame[] = [];
  const fail = (problem: Problem, detail: string, at = pos): never => {
    const { line, column } = lineAt(text, at);
    const path = pathOf(stack);
    return report(reader, problem, { file, line, column, ...(path !== "" ? { path } : {}), ...(detail !== "" ? { value: clipValue(detail) } : {}) });
  };
  const syntax = (problem: JsonSyntaxProblem, shown: string): never => fail({ kind: "json", problem, text: shown }, shown);
  const skipWs = (): void => {
    for (;;) {
      const w = text.charCodeAt(pos);
      if (w === 32 || w === 10 || w === 13 || w === 9) pos++;
      else return;
    }
  };
  const unexpected = (): never => (pos >= text.length ? syntax("end", "") : syntax("unexpected", text[pos]!));

  const readString = (): string => {
    // pos is at the opening quote
    let out = "";
    let start = ++pos;
    for (;;) {
      if (pos >= text.length) syntax("unclosed-text", "");
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(start, pos++);
        return out;
      }
      if (c < 0x20) syntax("control-character", `U+${c.toString(16).padStart(4, "0").toUpperCase()}`);
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
      } else syntax("bad-escape", text.slice(pos, pos + 2));
      start = pos;
    }
  };

  const open = (frame: Frame): void => {
    if (stack.length >= maxDepth) fail({ kind: "too-deep", depth: maxDepth }, String(maxDepth));
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
        if (stack.length >= maxDepth) fail({ kind: "too-deep", depth: maxDepth }, String(maxDepth));
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
        if (stack.length >= maxDepth) fail({ kind: "too-deep", depth: maxDepth }, String(maxDepth));
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
      if (!Number.isFinite(n)) fail({ kind: "number-range", number: raw.length > 40 ? `${raw.slice(0, 39)}…` : raw }, raw);
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
            fail({ kind: "duplicate-key", key: clipValue(key) }, key, keyAt);
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
  return parseJsonStrict(text, { ...limits, reader, ...(file !== undefined ? { file } : {}) });
}
