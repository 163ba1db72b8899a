/**
 * Agreements as data: the zod schema of an agreement (överenskommelse), its pots and rule
 * primitives, the TypeScript types inferred from it, and the load-time invariants.
 */
import { z } from "zod";
import { ROUNDING_MODES, type RoundingMode } from "./apportion.js";
import { errorOf, issue, type Attempt, type Issue } from "./errors.js";
import { getRecipient, groupMembers, GROUPS, LEVELS, recipients, type Level } from "./geography/index.js";
import { normalizeKey, type PopulationKey } from "./population.js";

/** Amounts above this are refused as typing errors (a thousand billion kronor), as numbers and as strings. */
const MAX_KRONOR = 10n ** 15n;
/** Digits of MAX_KRONOR: a longer whole part is over the cap, whatever its exponent says. */
const MAX_KRONOR_DIGITS = MAX_KRONOR.toString().length;

/**
 * The exact whole value of a plain decimal string ("1.5e6", "200000.00"), or undefined when it is
 * not whole, negative or above MAX_KRONOR. Exact in bigint: the digits are shifted by the
 * exponent, and the exponent is bounded before any power is taken, so "1e999999999" is refused
 * without building a billion-digit number.
 */
function wholeKronor(text: string): bigint | undefined {
  const m = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return undefined;
  const fraction = m[2] ?? "";
  const digits = `${m[1]}${fraction}`.replace(/^0+/, "");
  if (digits === "") return 0n;
  const significant = digits.replace(/0+$/, "");
  // value = significant × 10^shift
  const shift = BigInt(m[3] ?? "0") - BigInt(fraction.length) + BigInt(digits.length - significant.length);
  if (shift < 0n) return undefined; // a fraction of a krona remains
  if (BigInt(significant.length) + shift > BigInt(MAX_KRONOR_DIGITS)) return undefined;
  const value = BigInt(significant) * 10n ** shift;
  return value > MAX_KRONOR ? undefined : value;
}

/**
 * Whole kronor, exactly. The one rule for amounts in agreement files: a JSON number that is a
 * whole number, or a string holding a plain decimal number (digits, optional fraction and
 * exponent, e.g. `"1.5e6"` or `"200000.00"`) whose exact value is whole. Thousands separators,
 * spaces, fractions of a krona, negative amounts and amounts above 10^15 kr are refused. Strings
 * are read exactly, so `"1.5e6"` is exactly 1 500 000 and `"200000.50"` is refused rather than
 * rounded.
 */
export const kronorSchema = z
  .union([z.number(), z.string()], { error: (iss) => `expected a whole number of kronor, got ${describeValue(iss.input)}` })
  .describe(
    'Whole kronor: a whole JSON number, or a string holding a plain decimal number whose exact value is whole ("1.5e6", "200000.00"). No spaces, thousands separators or öre.',
  )
  .transform((v, ctx): bigint => {
    const fail = () => {
      ctx.addIssue({ code: "custom", message: `expected a whole number of kronor, got ${describeValue(v)}`, input: v, params: { kind: "kronor" } });
      return z.NEVER;
    };
    if (typeof v === "number") {
      if (!Number.isSafeInteger(v) || v < 0 || BigInt(v) > MAX_KRONOR) return fail();
      return BigInt(v);
    }
    return wholeKronor(v) ?? fail();
  });

/** The longest description of a value in a message: a whole (maybe huge or deep) value is never stringified. */
const DESCRIBE_LIMIT = 80;

function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > DESCRIBE_LIMIT ? `${v.slice(0, DESCRIBE_LIMIT - 1)}…` : v);
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v !== "object" || v === null) return String(JSON.stringify(v) ?? String(v));
  // Containers are described by their first items only, iteratively, so depth and size cost nothing.
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `[${v.length} items]`;
  const keys = Object.keys(v);
  const shown = keys.slice(0, 3).map((k) => JSON.stringify(k.length > 20 ? `${k.slice(0, 19)}…` : k));
  return keys.length === 0 ? "{}" : `{${shown.join(", ")}${keys.length > 3 ? ", …" : ""}}`;
}

const isoDate = z.string().describe("A date, YYYY-MM-DD").refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, { message: "expected a date YYYY-MM-DD", params: { kind: "date" } });

const keySchema = z.string().describe('Population key: "total", or an inclusive age band such as "0-18" or "0-25"').transform((v, ctx) => {
  try {
    return normalizeKey(v);
  } catch {
    ctx.addIssue({ code: "custom", message: `expected "total" or an inclusive age band such as "0-18", got ${JSON.stringify(v)}`, input: v, params: { kind: "key" } });
    return z.NEVER;
  }
});

/** The level a pot pays to. */
export const levelSchema = z.enum(["region", "municipality", "county", "skr"]);

/** An exception to a per-recipient sum: one recipient by code, or a named group such as `metropolitan`. */
export const exceptionSchema = z.union(
  [
    z.object({ code: z.string(), amount: kronorSchema, note: z.string().optional() }).strict(),
    z.object({ group: z.string(), amount: kronorSchema, note: z.string().optional() }).strict(),
  ],
  { error: 'expected an exception { "code": …, "amount": … } or { "group": …, "amount": … } (one of code and group, not both)' },
);

/** The whole pot to one recipient: SKR, or one named recipient at the pot's level. */
export const fixedRuleSchema = z
  .object({ type: z.literal("fixed"), recipient: z.string().default("SKR") })
  .strict();

/** The same sum to every recipient at the level, with exceptions. */
export const perRecipientRuleSchema = z
  .object({ type: z.literal("perRecipient"), amount: kronorSchema, exceptions: z.array(exceptionSchema).default([]) })
  .strict();

/** A base sum per recipient (with exceptions); the remainder shared by a population key. */
export const basePlusShareRuleSchema = z
  .object({
    type: z.literal("basePlusShare"),
    base: kronorSchema,
    exceptions: z.array(exceptionSchema).default([]),
    key: keySchema,
  })
  .strict();

/** The whole pot shared by a population key. */
export const shareRuleSchema = z.object({ type: z.literal("share"), key: keySchema }).strict();

/**
 * Amounts the agreement states per recipient, with no key (e.g. the women's-health agreement's
 * "landsbygdssatsning"): every recipient of the level once, in a list, summing to the pot.
 */
export const statedRuleSchema = z
  .object({
    type: z.literal("stated"),
    amounts: z.array(z.object({ code: z.string(), amount: kronorSchema, note: z.string().optional() }).strict()).min(1),
  })
  .strict();

/** The rule primitives that pay one level. */
export const levelRuleSchema = z.discriminatedUnion("type", [fixedRuleSchema, perRecipientRuleSchema, basePlusShareRuleSchema, shareRuleSchema, statedRuleSchema]);

/** One level's part of a pot split between levels: its amount and its own rule. */
export const splitPartSchema = z
  .object({ level: levelSchema, amount: kronorSchema, rule: levelRuleSchema, note: z.string().optional() })
  .strict();

/**
 * A pot split between levels (e.g. half to the regions, half to the municipalities), each part
 * then split by its own rule. The pot's level is `split`; every line carries its part's level.
 */
export const splitLevelsRuleSchema = z.object({ type: z.literal("splitLevels"), parts: z.array(splitPartSchema).min(2) }).strict();

/** The rule primitives. */
export const ruleSchema = z.discriminatedUnion("type", [
  fixedRuleSchema,
  perRecipientRuleSchema,
  basePlusShareRuleSchema,
  shareRuleSchema,
  statedRuleSchema,
  splitLevelsRuleSchema,
]);

/**
 * The level of a pot: one of the four levels, `split` (between levels, see `splitLevels`) or
 * `unknown` (an incomplete pot whose recipients the sources do not name).
 */
export const potLevelSchema = z.enum(["region", "municipality", "county", "skr", "split", "unknown"]);

/**
 * Where a county or region pot's shared part is rounded: per `recipient` (each county's share
 * rounded on its own, the default and 2025's rule) or per `municipality` (each municipality's
 * share of the pot rounded on its own, then summed to its county).
 */
export const roundingLevelSchema = z.enum(["recipient", "municipality"]);

/** A pot: an amount for one level and the rule that splits it. */
export const potSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    source: z.string().min(1),
    amount: kronorSchema.optional(),
    level: potLevelSchema,
    /** For `split` pots without a known rule: the levels the sources name. */
    levels: z.array(levelSchema).min(2).optional(),
    status: z.enum(["known", "incomplete"]),
    rule: ruleSchema.optional(),
    roundingLevel: roundingLevelSchema.optional(),
    /** Overrides the agreement's rounding for this pot (SKR's tables differ from pot to pot and year to year). */
    rounding: z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]).optional(),
    /** Overrides the agreement's reference date for this pot. */
    referenceDate: isoDate.optional(),
    /** For incomplete pots: what is not known (amount, key, reference date, …). */
    missing: z.array(z.string()).optional(),
    /** What is inferred (arithmetic or fit to published amounts) rather than stated by a source. */
    inferred: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .strict();

/** An agreement (överenskommelse) for one year. */
export const agreementSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().min(1),
    title: z.string().min(1),
    source: z.string().min(1),
    referenceDate: isoDate.optional(),
    /** The agreement's total; absent only when no source states it (then pots are not summed). */
    total: kronorSchema.optional(),
    rounding: z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]).default("nearest-per-recipient"),
    levelTotals: z.object({ region: kronorSchema, municipality: kronorSchema, county: kronorSchema, skr: kronorSchema }).partial().strict().optional(),
    notes: z.array(z.string()).optional(),
    /** Agreement-level facts that are inferred rather than stated (e.g. `referensdatum`). */
    inferred: z.array(z.string()).optional(),
    pots: z.array(potSchema).min(1),
  })
  .strict();

/** A validated agreement: amounts are bigint kronor, keys canonical. */
export type Agreement = z.output<typeof agreementSchema>;
/** An agreement as written in a JSON file. */
export type AgreementInput = z.input<typeof agreementSchema>;
export type Pot = Agreement["pots"][number];
export type Rule = z.output<typeof ruleSchema>;
/** A rule that pays one level (every rule but `splitLevels`). */
export type LevelRule = z.output<typeof levelRuleSchema>;
export type SplitPart = z.output<typeof splitPartSchema>;
export type PotLevel = z.output<typeof potLevelSchema>;
export type RoundingLevel = z.output<typeof roundingLevelSchema>;
export type Exception = z.output<typeof exceptionSchema>;

/** `pots[3].rule.base` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out;
}

/**
 * The exception that applies to a recipient, if any: an exception naming its code beats one
 * naming a group it belongs to (a county, or a municipality in that county).
 */
export function applicableException(level: Level, code: string, exceptions: readonly Exception[]): Exception | undefined {
  if (exceptions.length === 0) return undefined;
  const byCode = exceptions.find((e) => "code" in e && e.code === code);
  if (byCode) return byCode;
  const countyCode = getRecipient(level, code)?.countyCode ?? null;
  // The last group that contains the recipient wins.
  for (let i = exceptions.length - 1; i >= 0; i--) {
    const e = exceptions[i]!;
    if ("group" in e && groupContains(e.group, countyCode, code)) return e;
  }
  return undefined;
}

/** A Swedish label of an exception, for explanations: `grupp metropolitan` or `kod 0980`. */
export function exceptionLabel(e: Exception): string {
  return "code" in e ? `kod ${e.code}` : `grupp ${e.group}`;
}

/**
 * The amount each recipient at a level gets before any share: the rule's sum or base, or the
 * exception that applies. Recipients are in code order.
 */
export function baseAmounts(level: Level, amount: bigint, exceptions: readonly Exception[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const r of recipients(level)) out.set(r.code, applicableException(level, r.code, exceptions)?.amount ?? amount);
  return out;
}

function groupContains(group: string, countyCode: string | null, code: string): boolean {
  const members = groupMembers(group);
  return !!members && (members.includes(code) || (countyCode !== null && members.includes(countyCode)));
}

/**
 * The levels a pot pays to: its own level, the levels of its split parts (or the `levels` an
 * incomplete split pot names), or none when the level is unknown.
 *
 * @example
 * ```ts
 * potLevels({ level: "split", levels: ["region", "municipality"] } as Pot); // ["region", "municipality"]
 * ```
 */
export function potLevels(pot: Pot): Level[] {
  if (pot.level === "unknown") return [];
  if (pot.level !== "split") return [pot.level];
  if (pot.rule?.type === "splitLevels") return [...new Set(pot.rule.parts.map((p) => p.level))];
  return pot.levels ? [...pot.levels] : [];
}

/**
 * A known pot as one-level parts: the pot itself, or each part of a `splitLevels` pot. Empty for
 * a pot without amount or rule.
 *
 * @example
 * ```ts
 * potParts(pot).map((p) => `${p.level} ${p.amount}`); // ["region 100000000", "municipality 100000000"]
 * ```
 */
export function potParts(pot: Pot): { level: Level; amount: bigint; rule: LevelRule; path: string }[] {
  if (!pot.rule || pot.amount === undefined) return [];
  if (pot.rule.type === "splitLevels") return pot.rule.parts.map((p, j) => ({ level: p.level, amount: p.amount, rule: p.rule, path: `rule.parts[${j}].rule` }));
  if (pot.level === "split" || pot.level === "unknown") return [];
  return [{ level: pot.level, amount: pot.amount, rule: pot.rule, path: "rule" }];
}

function ruleIssues(level: Level, amount: bigint, rule: LevelRule, at: string, add: (i: Issue) => void): void {
  if (level === "skr" && rule.type !== "fixed" && rule.type !== "stated") add(issue("AGREEMENT_INVALID", "skr-not-fixed", { type: rule.type }, { path: `${at}.type`, value: rule.type }));
  if (rule.type === "fixed") {
    if (!getRecipient(level, rule.recipient)) add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "code", { level, code: rule.recipient }, { path: `${at}.recipient`, value: rule.recipient }));
    return;
  }
  if (rule.type === "stated") {
    const seen = new Set<string>();
    let sum = 0n;
    rule.amounts.forEach((x, j) => {
      if (!getRecipient(level, x.code)) add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "code", { level, code: x.code }, { path: `${at}.amounts[${j}].code`, value: x.code }));
      else if (seen.has(x.code)) add(issue("AGREEMENT_INVALID", "stated-twice", { code: x.code }, { path: `${at}.amounts[${j}].code`, value: x.code }));
      seen.add(x.code);
      sum += x.amount;
    });
    const absent = recipients(level).filter((r) => !seen.has(r.code));
    if (absent.length > 0) add(issue("AGREEMENT_INVALID", "stated-missing", { level, codes: absent.map((r) => r.code) }, { path: `${at}.amounts`, value: absent[0]!.code }));
    if (sum !== amount) add(issue("AGREEMENT_POTS_DO_NOT_SUM", "stated", { sum: String(sum), amount: String(amount) }, { path: `${at}.amounts`, value: String(sum) }));
    return;
  }
  if (level === "skr" || rule.type === "share") return;
  const named = new Map<string, number>();
  rule.exceptions.forEach((e, j) => {
    const id = "code" in e ? `code ${e.code}` : `group ${e.group}`;
    const first = named.get(id);
    if (first !== undefined) add(issue("AGREEMENT_INVALID", "exception-twice", { target: id, first }, { path: `${at}.exceptions[${j}]`, value: "code" in e ? e.code : e.group }));
    else named.set(id, j);
  });
  rule.exceptions.forEach((e, j) => {
    const ep = `${at}.exceptions[${j}]`;
    if ("group" in e && !groupMembers(e.group)) {
      add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "group", { group: e.group, groups: Object.keys(GROUPS) }, { path: `${ep}.group`, value: e.group }));
    }
    if ("code" in e && !getRecipient(level, e.code)) add(issue("AGREEMENT_UNKNOWN_RECIPIENT", "code", { level, code: e.code }, { path: `${ep}.code`, value: e.code }));
  });
  const per = rule.type === "perRecipient" ? rule.amount : rule.base;
  let sum = 0n;
  for (const v of baseAmounts(level, per, rule.exceptions).values()) sum += v;
  if (rule.type === "perRecipient" && sum !== amount) {
    add(issue("AGREEMENT_POTS_DO_NOT_SUM", "per-recipient", { sum: String(sum), amount: String(amount) }, { path: at, value: String(sum) }));
  }
  if (rule.type === "basePlusShare" && sum > amount) {
    add(issue("AGREEMENT_RULE_EXCEEDS_POT", "bases", { sum: String(sum), amount: String(amount) }, { path: `${at}.base`, value: String(rule.base) }));
  }
}

/**
 * The load-time invariants of a validated agreement, as a list of problems (empty when it holds
 * together): pot ids unique; known pots with amount and rule; incomplete pots saying what is
 * missing; split pots whose parts sum to the pot; per-recipient sums equal to their pot; bases
 * within their pot; exceptions naming real codes or groups; rounding levels only where they
 * mean something; pots summing to the total and to the declared level totals.
 *
 * @example
 * ```ts
 * agreementIssues(loadBundledAgreement("2025")); // []
 * ```
 */
export function agreementIssues(a: Agreement): Issue[] {
  const issues: Issue[] = [];
  const add = (i: Issue) => issues.push(i);
  const seen = new Set<string>();
  a.pots.forEach((pot, i) => {
    const at = `pots[${i}]`;
    if (seen.has(pot.id)) add(issue("AGREEMENT_INVALID", "pot-id-twice", { id: pot.id }, { path: `${at}.id`, value: pot.id }));
    seen.add(pot.id);
    if (pot.status === "known" && pot.amount === undefined) add(issue("AGREEMENT_INVALID", "known-needs-amount", {}, { path: `${at}.amount` }));
    if (pot.status === "known" && pot.rule === undefined) add(issue("AGREEMENT_INVALID", "known-needs-rule", {}, { path: `${at}.rule` }));
    if (pot.status === "known" && pot.level === "unknown") add(issue("AGREEMENT_INVALID", "known-needs-level", {}, { path: `${at}.level`, value: pot.level }));
    if (pot.status === "incomplete" && (!pot.missing || pot.missing.length === 0)) {
      add(issue("AGREEMENT_INVALID", "incomplete-needs-missing", {}, { path: `${at}.missing` }));
    }
    if (pot.levels && pot.level !== "split") add(issue("AGREEMENT_INVALID", "levels-not-split", { level: pot.level }, { path: `${at}.levels`, value: pot.level }));
    const rule = pot.rule;
    if (rule?.type === "splitLevels" && pot.level !== "split") {
      add(issue("AGREEMENT_INVALID", "split-rule-level", { level: pot.level }, { path: `${at}.level`, value: pot.level }));
    }
    if (rule && rule.type !== "splitLevels" && pot.level === "split") {
      add(issue("AGREEMENT_INVALID", "split-needs-rule", { type: rule.type }, { path: `${at}.rule.type`, value: rule.type }));
    }
    if (pot.level === "split" && !rule && (!pot.levels || pot.levels.length < 2)) {
      add(issue("AGREEMENT_INVALID", "split-needs-levels", {}, { path: `${at}.levels` }));
    }
    if (pot.roundingLevel === "municipality") {
      const parts = potParts(pot);
      const bad = parts.find((p) => (p.level !== "county" && p.level !== "region") || (p.rule.type !== "share" && p.rule.type !== "basePlusShare"));
      if (bad || (parts.length === 0 && pot.level !== "county" && pot.level !== "region")) {
        add(issue("AGREEMENT_INVALID", "rounding-level", { value: pot.roundingLevel }, { path: `${at}.roundingLevel`, value: pot.roundingLevel }));
      }
    }
    if (!rule || pot.amount === undefined) return;
    if (rule.type === "splitLevels") {
      const sum = rule.parts.reduce((s, p) => s + p.amount, 0n);
      if (sum !== pot.amount) add(issue("AGREEMENT_POTS_DO_NOT_SUM", "parts", { sum: String(sum), amount: String(pot.amount) }, { path: `${at}.rule.parts`, value: String(sum) }));
      const levels = rule.parts.map((p) => p.level);
      const twice = levels.find((l, j) => levels.indexOf(l) !== j);
      if (twice) add(issue("AGREEMENT_INVALID", "split-level-twice", { level: twice }, { path: `${at}.rule.parts`, value: twice }));
    }
    for (const part of potParts(pot)) ruleIssues(part.level, part.amount, part.rule, `${at}.${part.path}`, add);
  });
  const amounts = a.pots.map((p) => p.amount);
  const known = amounts.reduce<bigint>((s, v) => s + (v ?? 0n), 0n);
  if (a.total !== undefined) {
    if (amounts.every((v) => v !== undefined)) {
      if (known !== a.total) add(issue("AGREEMENT_POTS_DO_NOT_SUM", "total", { sum: String(known), total: String(a.total) }, { path: "pots", value: String(known) }));
    } else if (known > a.total) {
      add(issue("AGREEMENT_POTS_DO_NOT_SUM", "known-exceed", { sum: String(known), total: String(a.total) }, { path: "pots", value: String(known) }));
    }
  }
  for (const level of LEVELS) {
    const declared = a.levelTotals?.[level];
    if (declared === undefined) continue;
    let sum = 0n;
    let allKnown = true;
    for (const p of a.pots) {
      const parts = potParts(p).filter((x) => x.level === level);
      if (parts.length > 0) for (const x of parts) sum += x.amount;
      else if (p.level === level && p.amount !== undefined) sum += p.amount;
      else if (p.level === level || p.level === "unknown" || (p.level === "split" && potLevels(p).includes(level))) allKnown = false;
    }
    if (allKnown ? sum !== declared : sum > declared) {
      add(issue("AGREEMENT_LEVEL_TOTAL", "level", { level, sum: String(sum), declared: String(declared) }, { path: `levelTotals.${level}`, value: String(declared) }));
    }
  }
  return issues;
}

/**
 * A failed union (an exception is `{code, amount}` or `{group, amount}`) says only that no form
 * fitted. When exactly one form fits the object's keys, its own problems are the useful ones, at
 * their full path: `exceptions[0].amount: expected a whole number of kronor`, not "expected an
 * exception".
 */
function intendedIssues(iss: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (iss.code !== "invalid_union" || iss.errors.length === 0) return [iss];
  const fitting = iss.errors.filter((branch) => branch.length > 0 && branch.every((sub) => sub.path.length > 0 && sub.code !== "unrecognized_keys"));
  if (fitting.length !== 1) return [iss];
  return fitting[0]!.flatMap((sub) => intendedIssues({ ...sub, path: [...iss.path, ...sub.path] }));
}

/** The result of {@link safeParseAgreement}: the one result shape of every safe loader. */
export type AgreementParseResult = Attempt<Agreement>;

/**
 * Validates an agreement without throwing, collecting every problem at once: schema problems
 * first (each with its JSON path), then the invariants (pots sum to the total, level totals,
 * per-recipient sums, bases within their pot, exceptions naming real codes or groups).
 *
 * @example
 * ```ts
 * const r = safeParseAgreement(JSON.parse(text), "my-agreement.json");
 * if (!r.ok) for (const i of r.issues) console.error(i.path, i.message);
 * ```
 */
export function safeParseAgreement(input: unknown, file?: string): Attempt<Agreement> {
  const parsed = agreementSchema.safeParse(input, { reportInput: true });
  const withFile = (i: Issue): Issue => (file !== undefined ? { ...i, file } : i);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap(intendedIssues).map((iss) => withFile(schemaIssue(iss))) };
  const issues = agreementIssues(parsed.data).map(withFile);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

const TYPE_WORDS: Readonly<Record<string, string>> = { string: "a text", number: "a number", object: "an object", array: "a list", boolean: "true or false", bigint: "a number" };

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return TYPE_WORDS[typeof v] ?? typeof v;
}

/** One schema problem from zod as an issue of the catalogue, with its JSON path. */
function schemaIssue(iss: z.core.$ZodIssue): Issue {
  const path = formatPath(iss.path);
  const input = "input" in iss ? iss.input : undefined;
  const where = { path, ...(input !== undefined ? { value: describeValue(input) } : {}) };
  const kind = iss.code === "custom" ? (iss.params as { kind?: string } | undefined)?.kind : undefined;
  if (kind === "kronor") return issue("AGREEMENT_INVALID", "kronor", { got: describeValue(input) }, where);
  if (kind === "date") return issue("AGREEMENT_INVALID", "date", { got: describeValue(input) }, where);
  if (kind === "key") return issue("AGREEMENT_INVALID", "key", { got: describeValue(input) }, where);
  switch (iss.code) {
    case "invalid_type": {
      const expected = TYPE_WORDS[iss.expected] ?? iss.expected;
      return input === undefined ? issue("AGREEMENT_INVALID", "required", { expected }, where) : issue("AGREEMENT_INVALID", "type", { expected, got: typeOf(input) }, where);
    }
    case "unrecognized_keys":
      return issue("AGREEMENT_INVALID", "unknown-fields", { fields: iss.keys }, { path, value: iss.keys.join(", ") });
    case "invalid_value":
      return issue("AGREEMENT_INVALID", "choice", { allowed: iss.values.map(String), got: describeValue(input) }, where);
    case "too_small":
      return iss.origin === "string" ? issue("AGREEMENT_INVALID", "empty-text", {}, where) : issue("AGREEMENT_INVALID", "too-few", { minimum: Number(iss.minimum) }, where);
    case "invalid_union":
      if (/exceptions\[\d+\]$/.test(path)) return issue("AGREEMENT_INVALID", "exception", {}, where);
      if (/(amount|base|total|municipality|region|county|skr)$/.test(path)) return issue("AGREEMENT_INVALID", "kronor", { got: describeValue(input) }, where);
      return issue("AGREEMENT_INVALID", "schema", { detail: iss.message }, where);
    default:
      return issue("AGREEMENT_INVALID", "schema", { detail: iss.message }, where);
  }
}
/**
 * Validates an agreement and returns it typed, or throws one {@link AgreementError} that carries
 * every problem in `issues` (the first one is the error's own code, path and message).
 *
 * @example
 * ```ts
 * const agreement = parseAgreement(JSON.parse(fs.readFileSync("2025.json", "utf8")), "2025.json");
 * agreement.total; // 1560000000n
 * ```
 */
export function parseAgreement(input: unknown, file?: string): Agreement {
  const r = safeParseAgreement(input, file);
  if (r.ok) return r.value;
  throw errorOf(r.issues);
}
/**
 * The JSON Schema of an agreement file (the input side: amounts as numbers or strings, defaults
 * optional), generated from the zod schema. data/agreement.schema.json is this, written by
 * `npm run schema`, so editors can complete and check agreement files.
 *
 * @example
 * ```ts
 * JSON.stringify(agreementJsonSchema(), null, 2);
 * ```
 */
export function agreementJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(agreementSchema, { io: "input" }),
    title: "Överenskommelse (stimulansmedel agreement file)",
    description: "An agreement between the state and SKR as data: pots, levels and rule primitives. See docs/encoding-agreements.md.",
  };
}

/** An agreement in one line: what {@link summarizeAgreement} returns. */
export interface AgreementSummary {
  id: string;
  title: string;
  total: bigint | undefined;
  referenceDate: string | undefined;
  referenceDateInferred: boolean;
  /** `known` when every pot has a known rule, `incomplete` otherwise. */
  status: "known" | "incomplete";
  knownPots: number;
  potCount: number;
  /** The sum of the known pots' amounts. */
  knownAmount: bigint;
  /** Each incomplete pot with what is missing. */
  incompletePots: { id: string; name: string; amount: bigint | null; missing: string[] }[];
}

/**
 * What is known of an agreement: total, reference date, status and the pots still incomplete.
 *
 * @example
 * ```ts
 * summarizeAgreement(loadBundledAgreement("2017")); // { status: "incomplete", knownPots: 5, potCount: 6, … }
 * ```
 */
export function summarizeAgreement(a: Agreement): AgreementSummary {
  const known = a.pots.filter((p) => p.status === "known");
  return {
    id: a.id,
    title: a.title,
    total: a.total,
    referenceDate: a.referenceDate,
    referenceDateInferred: a.inferred?.includes("referensdatum") ?? false,
    status: known.length === a.pots.length ? "known" : "incomplete",
    knownPots: known.length,
    potCount: a.pots.length,
    knownAmount: known.reduce((s, p) => s + (p.amount ?? 0n), 0n),
    incompletePots: a.pots
      .filter((p) => p.status !== "known")
      .map((p) => ({ id: p.id, name: p.name, amount: p.amount ?? null, missing: p.missing ?? [] })),
  };
}

/**
 * The population keys an agreement's known pots use, inside split pots too, in first-use order.
 *
 * @example
 * ```ts
 * agreementKeys(loadBundledAgreement("2025")); // ["0-18", "total"]
 * ```
 */
export function agreementKeys(agreement: Agreement): PopulationKey[] {
  const keys: PopulationKey[] = [];
  for (const pot of agreement.pots) {
    if (pot.status !== "known") continue;
    for (const part of potParts(pot)) if ("key" in part.rule && !keys.includes(part.rule.key)) keys.push(part.rule.key);
  }
  return keys;
}

/** Whether every pot of the agreement is known. */
export function isComplete(a: Agreement): boolean {
  return a.pots.every((p) => p.status === "known");
}
