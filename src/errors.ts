/**
 * One error model for the whole library: errors are data.
 *
 * Every refusal is a {@link StimulansmedelError} carrying one or more {@link Issue}s. An issue is a
 * stable `code` (safe to switch on, listed in the README), a `kind` (which problem of that code),
 * typed `params`, and where it applies the file, line, JSON path and offending value. Words are
 * chosen only by the message catalogue (src/messages/): `message` is English, for integrators;
 * {@link renderIssue} gives the Swedish line the CLI and the page show.
 */
import { CATALOGUE, type Catalogue } from "./messages/index.js";
import type { MessageDef, MessageParams } from "./messages/define.js";

/** Stable machine-readable error codes, in the README's order. Adding one is a minor change; renaming one is breaking. */
export const ERROR_CODES = Object.freeze(Object.keys(CATALOGUE)) as readonly ErrorCode[];

/** One of {@link ERROR_CODES}. */
export type ErrorCode = keyof Catalogue & string;

/** The kinds of problem one code covers. */
export type IssueKind<C extends ErrorCode> = keyof Catalogue[C] & string;

/** The parameters of one kind of problem. */
export type IssueParams<C extends ErrorCode, K extends IssueKind<C>> = Catalogue[C][K] extends MessageDef<infer P> ? P : never;

/** Where a problem was found. Every field is optional because not every input is a file. */
export interface ErrorLocation {
  /** File name as the user gave it, or a label such as `<stdin>` or `data/agreements/2025.json`. */
  file?: string;
  /** 1-based line number in the file. */
  line?: number;
  /** JSON path such as `pots[3].rule.base`, or the column of a CSV file. */
  path?: string;
  /** The offending value, exactly as read (shortened when long). */
  value?: string;
}

type IssueOf<C extends ErrorCode, K extends IssueKind<C>> = ErrorLocation & {
  readonly code: C;
  readonly kind: K;
  readonly params: IssueParams<C, K>;
  /** English, for developers; users read {@link renderIssue}'s Swedish. */
  readonly message: string;
};

/**
 * A single problem: a union on `code`, then on `kind`, so a `switch` on both is checked by the
 * compiler and `params` has the right fields in each branch.
 */
export type Issue = { [C in ErrorCode]: { [K in IssueKind<C>]: IssueOf<C, K> }[IssueKind<C>] }[ErrorCode];

/** The most problems a reader keeps for one file; the rest are counted in a last issue. */
export const MAX_ISSUES = 100;

/** The longest offending value kept in an issue: a whole file is never echoed back. */
export const MAX_VALUE_LENGTH = 200;

/** Shortens a value for an issue: at most {@link MAX_VALUE_LENGTH} characters, with "…" where cut. */
export function clipValue(value: string): string {
  if (value.length <= MAX_VALUE_LENGTH) return value;
  return `${value.slice(0, MAX_VALUE_LENGTH - 1)}…`;
}

function definition(code: ErrorCode, kind: string): MessageDef<MessageParams> {
  const byKind = CATALOGUE[code] as unknown as Record<string, MessageDef<MessageParams> | undefined>;
  const def = byKind[kind];
  if (!def) throw new TypeError(`no message ${code}/${kind} in the catalogue`);
  return def;
}

/**
 * Builds an issue: the English message comes from the catalogue, the location is kept as given
 * (a long value is clipped).
 *
 * @example
 * ```ts
 * const i = issue("POPULATION_BAD_COUNT", "negative", { value: "-5" }, { file: "p.csv", line: 4, value: "-5" });
 * i.message; // 'count "-5" is negative'
 * ```
 */
export function issue<C extends ErrorCode, K extends IssueKind<C>>(code: C, kind: K, params: IssueParams<C, K>, where: ErrorLocation = {}): Issue {
  // A parameter is echoed into both messages: a 5 000-character argument or a whole file's
  // worth of value would make them unreadable, so long strings are clipped like values.
  const clipped = Object.fromEntries(Object.entries(params as MessageParams).map(([k, v]) => [k, typeof v === "string" ? clipValue(v) : v])) as IssueParams<C, K>;
  const out: Record<string, unknown> = { code, kind, params: clipped, message: definition(code, kind).en(clipped as MessageParams) };
  if (where.file !== undefined) out.file = where.file;
  if (where.line !== undefined) out.line = where.line;
  if (where.path !== undefined) out.path = where.path;
  if (where.value !== undefined) out.value = clipValue(where.value);
  return out as unknown as Issue;
}

/**
 * The base class of every error this library throws on purpose. Carries every problem found
 * (`issues`, at least one); its own `code`, location and `message` are the first one's.
 *
 * @example
 * ```ts
 * try { lookupMunicipality("9999"); }
 * catch (e) { if (e instanceof StimulansmedelError) console.log(e.code); } // GEOGRAPHY_UNKNOWN_CODE
 * ```
 */
export class StimulansmedelError extends Error {
  readonly code: ErrorCode;
  readonly kind: string;
  readonly file?: string;
  readonly line?: number;
  readonly path?: string;
  readonly value?: string;
  /** Every problem found, when several were collected before throwing. Always at least this one. */
  readonly issues: readonly Issue[];

  constructor(first: Issue, issues?: readonly Issue[]) {
    // Plain-JS callers of the old form (a code and an English sentence) get a clear error.
    if (typeof first !== "object" || first === null) throw new TypeError("a StimulansmedelError is built from catalogue issues: use raise() or errorOf(), not a code and a message");
    const all = issues && issues.length > 0 ? issues : [first];
    const more = all.length > 1 ? ` (and ${all.length - 1} more problem${all.length > 2 ? "s" : ""})` : "";
    super(`${first.message}${more}`);
    this.name = new.target.name;
    this.code = first.code;
    this.kind = first.kind;
    if (first.file !== undefined) this.file = first.file;
    if (first.line !== undefined) this.line = first.line;
    if (first.path !== undefined) this.path = first.path;
    if (first.value !== undefined) this.value = first.value;
    this.issues = all;
  }

  /** The first issue. */
  get issue(): Issue {
    return this.issues[0]!;
  }

  /** `file:line: message [CODE]`, the English one-line form. */
  describe(): string {
    return describeIssue({ ...this.issue, message: this.message } as Issue);
  }

  location(): ErrorLocation {
    const loc: ErrorLocation = {};
    if (this.file !== undefined) loc.file = this.file;
    if (this.line !== undefined) loc.line = this.line;
    if (this.path !== undefined) loc.path = this.path;
    if (this.value !== undefined) loc.value = this.value;
    return loc;
  }
}

/** A municipality, county or region name or code that does not exist. */
export class GeographyError extends StimulansmedelError {}
/** Population data that is malformed, inconsistent or insufficient for a pot. */
export class PopulationError extends StimulansmedelError {}
/** An agreement file that does not follow the schema or breaks an invariant. */
export class AgreementError extends StimulansmedelError {}
/** Input to the allocation kernels that cannot be allocated exactly, or a selection that matches nothing. */
export class AllocationError extends StimulansmedelError {}
/** A published table (for `verify` and `infer`) that cannot be read. */
export class TableError extends StimulansmedelError {}
/** Bad command-line usage. */
export class UsageError extends StimulansmedelError {}
/** SCB's API cannot be reached, answers with an error or with something unreadable, or cannot give what is asked. */
export class ScbError extends StimulansmedelError {}
/** A saved (cached) population file that cannot be trusted, or a cache folder that cannot be written. */
export class CacheError extends StimulansmedelError {}

type ErrorClass = new (first: Issue, issues?: readonly Issue[]) => StimulansmedelError;

/** The error class a code belongs to, by its prefix. */
export function errorClassOf(code: ErrorCode): ErrorClass {
  if (code.startsWith("GEOGRAPHY_")) return GeographyError;
  if (code.startsWith("POPULATION_")) return PopulationError;
  if (code.startsWith("AGREEMENT_")) return AgreementError;
  if (code.startsWith("ALLOCATION_")) return AllocationError;
  if (code.startsWith("TABLE_")) return TableError;
  if (code === "USAGE") return UsageError;
  if (code.startsWith("SCB_")) return ScbError;
  if (code.startsWith("CACHE_")) return CacheError;
  return StimulansmedelError;
}

/**
 * The typed error for a list of issues (at least one), of the class of the first issue's code.
 *
 * @example
 * ```ts
 * if (problems.length > 0) throw errorOf(problems);
 * ```
 */
export function errorOf(issues: readonly Issue[]): StimulansmedelError {
  const first = issues[0];
  if (!first) throw new TypeError("errorOf needs at least one issue");
  const Class = errorClassOf(first.code);
  return new Class(first, issues);
}

/**
 * Throws the typed error for one problem: the class follows the code (`POPULATION_…` →
 * {@link PopulationError}, `USAGE` → {@link UsageError}, …).
 *
 * @example
 * ```ts
 * raise("POPULATION_BAD_COUNT", "negative", { value: "-5" }, { file: "p.csv", line: 4, value: "-5" });
 * ```
 */
export function raise<C extends ErrorCode, K extends IssueKind<C>>(code: C, kind: K, params: IssueParams<C, K>, where: ErrorLocation = {}): never {
  throw errorOf([issue(code, kind, params, where)]);
}

/** The languages issues are rendered in. */
export type Language = "sv" | "en";

/**
 * The text of one issue without its location, in Swedish or English.
 *
 * @example
 * ```ts
 * issueText(issue("POPULATION_BAD_COUNT", "negative", { value: "-5" }), "sv"); // 'antalet "-5" är negativt'
 * ```
 */
export function issueText(i: Issue, language: Language): string {
  const def = definition(i.code, i.kind);
  return language === "sv" ? def.sv(i.params as MessageParams) : def.en(i.params as MessageParams);
}

/**
 * An issue as one line. English (the default): `file:line: path: message [CODE]`. Swedish, for
 * people: `fil.csv, rad 4, kolumn antal: antalet "-5" är negativt` — no codes or identifiers.
 *
 * @example
 * ```ts
 * renderIssue(i, "sv"); // 'p.csv, rad 4: antalet "-5" är negativt'
 * ```
 */
export function renderIssue(i: Issue, language: Language = "en"): string {
  if (language === "en") return describeIssue(i);
  const where: string[] = [];
  if (i.file !== undefined) where.push(i.file);
  if (i.line !== undefined) where.push(`rad ${i.line}`);
  if (i.path !== undefined && i.path !== "") where.push(i.path);
  const text = issueText(i, "sv");
  return where.length > 0 ? `${where.join(", ")}: ${text}` : text;
}

/** Formats an issue as one English line: `file:line: path: message [CODE]`. */
export function describeIssue(i: Pick<Issue, "code" | "message"> & ErrorLocation): string {
  const where: string[] = [];
  if (i.file !== undefined) where.push(i.line !== undefined ? `${i.file}:${i.line}` : i.file);
  else if (i.line !== undefined) where.push(`line ${i.line}`);
  if (i.path !== undefined && i.path !== "") where.push(i.path);
  const prefix = where.length > 0 ? `${where.join(": ")}: ` : "";
  return `${prefix}${i.message} [${i.code}]`;
}

/** What every non-throwing (`safe…`) function returns: the value, or every problem found. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/**
 * Runs a throwing loader and turns a {@link StimulansmedelError} into its issues; every `safe…`
 * function is built on it. Anything else is a bug and is rethrown.
 *
 * @example
 * ```ts
 * const r = attempt(() => parseAgreement(json));
 * if (!r.ok) console.error(r.issues.map((i) => renderIssue(i, "sv")).join("\n"));
 * ```
 */
export function attempt<T>(fn: () => T): Attempt<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof StimulansmedelError) return { ok: false, issues: [...e.issues] };
    throw e;
  }
}
