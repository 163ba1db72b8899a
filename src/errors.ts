/**
 * One error model for the whole library.
 *
 * Every refusal is a {@link StimulansmedelError} with a stable `code` (safe to switch on, listed in
 * the README) and, where it applies, the file, line, JSON path and offending value. Messages are
 * in English for developers; the CLI prints them as one line with the location in front.
 */

/** Stable machine-readable error codes. Adding a code is a minor change; renaming one is breaking. */
export const ERROR_CODES = [
  // Geography
  "GEOGRAPHY_UNKNOWN_CODE",
  "GEOGRAPHY_UNKNOWN_NAME",
  "GEOGRAPHY_AMBIGUOUS_NAME",
  // Population
  "POPULATION_FORMAT",
  "POPULATION_ENCODING",
  "POPULATION_UNKNOWN_CODE",
  "POPULATION_DUPLICATE",
  "POPULATION_BAD_COUNT",
  "POPULATION_MISSING_MUNICIPALITIES",
  "POPULATION_KEY_UNAVAILABLE",
  "POPULATION_AGES_INCOMPLETE",
  "POPULATION_TOTAL_MISMATCH",
  "POPULATION_DATE_MISMATCH",
  "POPULATION_NOT_FOUND",
  "POPULATION_DATE_UNKNOWN",
  // Agreement
  "AGREEMENT_INVALID",
  "AGREEMENT_POTS_DO_NOT_SUM",
  "AGREEMENT_LEVEL_TOTAL",
  "AGREEMENT_RULE_EXCEEDS_POT",
  "AGREEMENT_UNKNOWN_RECIPIENT",
  "AGREEMENT_NOT_FOUND",
  "AGREEMENT_SCENARIO",
  // Allocation
  "ALLOCATION_NO_WEIGHT",
  "ALLOCATION_INVALID_INPUT",
  "ALLOCATION_UNKNOWN_RECIPIENT",
  "ALLOCATION_UNKNOWN_POT",
  // Command line
  "USAGE",
  "IO",
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a problem was found. Every field is optional because not every input is a file. */
export interface ErrorLocation {
  /** File name as the user gave it, or a label such as `<stdin>` or `data/agreements/2025.json`. */
  file?: string;
  /** 1-based line number in the file. */
  line?: number;
  /** JSON path such as `pots[3].rule.base`. */
  path?: string;
  /** The offending value, exactly as read. */
  value?: string;
}

/** A single problem, as returned by the non-throwing (`safe…`) variants. */
export interface Issue extends ErrorLocation {
  code: ErrorCode;
  message: string;
}

/**
 * The base class of every error this library throws on purpose.
 *
 * @example
 * ```ts
 * try { lookupMunicipality("9999"); }
 * catch (e) { if (e instanceof StimulansmedelError) console.log(e.code); } // GEOGRAPHY_UNKNOWN_CODE
 * ```
 */
export class StimulansmedelError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly path?: string;
  readonly value?: string;
  /** Every problem found, when several were collected before throwing. Always at least this one. */
  readonly issues: readonly Issue[];

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, issues?: readonly Issue[]) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    if (location.file !== undefined) this.file = location.file;
    if (location.line !== undefined) this.line = location.line;
    if (location.path !== undefined) this.path = location.path;
    if (location.value !== undefined) this.value = location.value;
    this.issues = issues && issues.length > 0 ? issues : [{ code, message, ...location }];
  }

  /** `file:line: message` (or `file: path: message`), the form the CLI prints. */
  describe(): string {
    return describeIssue({ code: this.code, message: this.message, ...this.location() });
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
/** Input to the allocation kernels that cannot be allocated exactly. */
export class AllocationError extends StimulansmedelError {}
/** Bad command-line usage. */
export class UsageError extends StimulansmedelError {}

/** Formats an issue as one line: `file:line: path: message (value "x") [CODE]`. */
export function describeIssue(issue: Issue): string {
  const where: string[] = [];
  if (issue.file !== undefined) where.push(issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file);
  else if (issue.line !== undefined) where.push(`line ${issue.line}`);
  if (issue.path !== undefined && issue.path !== "") where.push(issue.path);
  const prefix = where.length > 0 ? `${where.join(": ")}: ` : "";
  return `${prefix}${issue.message} [${issue.code}]`;
}

/** What {@link attempt} returns: the value, or every problem the typed error carried. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/**
 * Runs a throwing loader and turns a {@link StimulansmedelError} into its issues; the non-throwing
 * (`safe…`) variants are built on it. Anything else is a bug and is rethrown.
 *
 * @example
 * ```ts
 * const r = attempt(() => parseAgreement(json));
 * if (!r.ok) console.error(r.issues.map(describeIssue).join("\n"));
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
