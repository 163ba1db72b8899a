/**
 * Agreements as data: the zod schema of an agreement (överenskommelse), its pots and rule
 * primitives, the TypeScript types inferred from it, and the load-time invariants.
 */
import { z } from "zod";
import { ROUNDING_MODES, type RoundingMode } from "./apportion.js";
import { errorOf, issue, type Attempt, type Issue } from "./errors.js";
import { agreementIssues, formatPath } from "./agreement/model.js";
import { describeValue, MAX_KRONOR, wholeKronor } from "./agreement/kronor.js";
import { normalizeKey } from "./population.js";

export * from "./agreement/model.js";
export { parseKronor } from "./agreement/kronor.js";


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
