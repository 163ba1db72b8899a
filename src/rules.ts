/**
 * Agreements as data: the zod schema of an agreement (överenskommelse), its pots and rule
 * primitives, the TypeScript types inferred from it, and the load-time invariants.
 */
import Decimal from "decimal.js";
import { z } from "zod";
import { ROUNDING_MODES, type RoundingMode } from "./apportion.js";
import { AgreementError, type Issue } from "./errors.js";
import { getRecipient, GROUPS, LEVELS, recipients, type Level } from "./geography/index.js";
import { normalizeKey } from "./population.js";

/** Amounts above this are refused as typing errors (a thousand billion kronor). */
const MAX_KRONOR = 10n ** 15n;

/**
 * Whole kronor, exactly. The one rule for amounts in agreement files: a JSON number that is a
 * whole number, or a string holding a plain decimal number (digits, optional fraction and
 * exponent, e.g. `"1.5e6"` or `"200000.00"`) whose exact value is whole. Thousands separators,
 * spaces, fractions of a krona and negative amounts are refused. Strings are read with decimal.js,
 * so `"1.5e6"` is exactly 1 500 000 and `"200000.50"` is refused rather than rounded.
 */
export const kronorSchema = z
  .union([z.number(), z.string()], { error: (iss) => `expected a whole number of kronor, got ${describeValue(iss.input)}` })
  .transform((v, ctx): bigint => {
    const fail = () => {
      ctx.addIssue({ code: "custom", message: `expected a whole number of kronor, got ${describeValue(v)}`, input: v });
      return z.NEVER;
    };
    if (typeof v === "number") {
      if (!Number.isSafeInteger(v) || v < 0) return fail();
      return BigInt(v);
    }
    if (!/^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v)) return fail();
    const d = new Decimal(v);
    if (!d.isInteger() || d.isNegative() || d.greaterThan(MAX_KRONOR.toString())) return fail();
    return BigInt(d.toFixed(0));
  });

function describeValue(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : v === undefined ? "nothing" : String(JSON.stringify(v));
}

const keySchema = z.string().transform((v, ctx) => {
  try {
    return normalizeKey(v);
  } catch {
    ctx.addIssue({ code: "custom", message: `expected "total" or an inclusive age band such as "0-18", got ${JSON.stringify(v)}`, input: v });
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

/** The rule primitives. */
export const ruleSchema = z.discriminatedUnion("type", [fixedRuleSchema, perRecipientRuleSchema, basePlusShareRuleSchema, shareRuleSchema]);

/** A pot: an amount for one level and the rule that splits it. */
export const potSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    source: z.string().min(1),
    amount: kronorSchema.optional(),
    level: levelSchema,
    status: z.enum(["known", "incomplete"]),
    rule: ruleSchema.optional(),
    /** For incomplete pots: what is not known (amount, key, reference date, …). */
    missing: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .strict();

const isoDate = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, "expected a date YYYY-MM-DD");

/** An agreement (överenskommelse) for one year. */
export const agreementSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().min(1),
    title: z.string().min(1),
    source: z.string().min(1),
    referenceDate: isoDate.optional(),
    total: kronorSchema,
    rounding: z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]).default("nearest-per-recipient"),
    levelTotals: z.object({ region: kronorSchema, municipality: kronorSchema, county: kronorSchema, skr: kronorSchema }).partial().strict().optional(),
    notes: z.array(z.string()).optional(),
    pots: z.array(potSchema).min(1),
  })
  .strict();

/** A validated agreement: amounts are bigint kronor, keys canonical. */
export type Agreement = z.output<typeof agreementSchema>;
/** An agreement as written in a JSON file. */
export type AgreementInput = z.input<typeof agreementSchema>;
export type Pot = Agreement["pots"][number];
export type Rule = z.output<typeof ruleSchema>;
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
  const byCode = exceptions.find((e) => "code" in e && e.code === code);
  if (byCode) return byCode;
  const countyCode = getRecipient(level, code)?.countyCode ?? null;
  return [...exceptions].reverse().find((e) => "group" in e && groupContains(e.group, countyCode, code));
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
  const members = GROUPS[group];
  return !!members && (members.includes(code) || (countyCode !== null && members.includes(countyCode)));
}

function invariantIssues(a: Agreement): Issue[] {
  const issues: Issue[] = [];
  const add = (code: Issue["code"], path: string, message: string, value?: string) =>
    issues.push({ code, path, message, ...(value !== undefined ? { value } : {}) });
  const seen = new Set<string>();
  a.pots.forEach((pot, i) => {
    const at = `pots[${i}]`;
    if (seen.has(pot.id)) add("AGREEMENT_INVALID", `${at}.id`, `pot id "${pot.id}" is used twice`, pot.id);
    seen.add(pot.id);
    if (pot.status === "known" && pot.amount === undefined) add("AGREEMENT_INVALID", `${at}.amount`, "a known pot needs an amount");
    if (pot.status === "known" && pot.rule === undefined) add("AGREEMENT_INVALID", `${at}.rule`, "a known pot needs a rule");
    if (pot.status === "incomplete" && (!pot.missing || pot.missing.length === 0)) {
      add("AGREEMENT_INVALID", `${at}.missing`, "an incomplete pot must say what is missing");
    }
    const rule = pot.rule;
    if (!rule || pot.amount === undefined) return;
    if (pot.level === "skr" && rule.type !== "fixed") add("AGREEMENT_INVALID", `${at}.rule.type`, `an SKR pot can only be "fixed"`, rule.type);
    if (rule.type === "fixed") {
      const r = getRecipient(pot.level, rule.recipient);
      if (!r) add("AGREEMENT_UNKNOWN_RECIPIENT", `${at}.rule.recipient`, `no ${pot.level} has the code "${rule.recipient}"`, rule.recipient);
      return;
    }
    if (pot.level === "skr") return;
    if (rule.type === "perRecipient" || rule.type === "basePlusShare") {
      rule.exceptions.forEach((e, j) => {
        const ep = `${at}.rule.exceptions[${j}]`;
        if ("group" in e && !GROUPS[e.group]) {
          add("AGREEMENT_UNKNOWN_RECIPIENT", `${ep}.group`, `unknown group "${e.group}"; known groups: ${Object.keys(GROUPS).join(", ")}`, e.group);
        }
        if ("code" in e && !getRecipient(pot.level, e.code)) {
          add("AGREEMENT_UNKNOWN_RECIPIENT", `${ep}.code`, `no ${pot.level} has the code "${e.code}"`, e.code);
        }
      });
      const per = rule.type === "perRecipient" ? rule.amount : rule.base;
      let sum = 0n;
      for (const v of baseAmounts(pot.level, per, rule.exceptions).values()) sum += v;
      if (rule.type === "perRecipient" && sum !== pot.amount) {
        add(
          "AGREEMENT_POTS_DO_NOT_SUM",
          `${at}.rule`,
          `the per-recipient sums add up to ${sum} kr, but the pot is ${pot.amount} kr`,
          String(sum),
        );
      }
      if (rule.type === "basePlusShare" && sum > pot.amount) {
        add("AGREEMENT_RULE_EXCEEDS_POT", `${at}.rule.base`, `the bases add up to ${sum} kr, more than the pot's ${pot.amount} kr`, String(rule.base));
      }
    }
  });
  const amounts = a.pots.map((p) => p.amount);
  const known = amounts.reduce<bigint>((s, v) => s + (v ?? 0n), 0n);
  if (amounts.every((v) => v !== undefined)) {
    if (known !== a.total) add("AGREEMENT_POTS_DO_NOT_SUM", "pots", `the pots add up to ${known} kr, but the agreement's total is ${a.total} kr`, String(known));
  } else if (known > a.total) {
    add("AGREEMENT_POTS_DO_NOT_SUM", "pots", `the known pots add up to ${known} kr, more than the agreement's total ${a.total} kr`, String(known));
  }
  for (const level of LEVELS) {
    const declared = a.levelTotals?.[level];
    if (declared === undefined) continue;
    const pots = a.pots.filter((p) => p.level === level);
    const sum = pots.reduce<bigint>((s, p) => s + (p.amount ?? 0n), 0n);
    if (pots.every((p) => p.amount !== undefined) ? sum !== declared : sum > declared) {
      add("AGREEMENT_LEVEL_TOTAL", `levelTotals.${level}`, `the ${level} pots add up to ${sum} kr, but levelTotals.${level} is ${declared} kr`, String(declared));
    }
  }
  return issues;
}

/** The result of {@link safeParseAgreement}. */
export type AgreementParseResult = { ok: true; agreement: Agreement } | { ok: false; issues: Issue[] };

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
export function safeParseAgreement(input: unknown, file?: string): AgreementParseResult {
  const parsed = agreementSchema.safeParse(input, { reportInput: true });
  const withFile = (i: Issue): Issue => (file !== undefined ? { ...i, file } : i);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((iss) =>
        withFile({
          code: "AGREEMENT_INVALID",
          path: formatPath(iss.path),
          message: iss.message,
          ...("input" in iss && iss.input !== undefined ? { value: describeValue(iss.input) } : {}),
        }),
      ),
    };
  }
  const issues = invariantIssues(parsed.data).map(withFile);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, agreement: parsed.data };
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
  if (r.ok) return r.agreement;
  const [first] = r.issues;
  const more = r.issues.length > 1 ? ` (and ${r.issues.length - 1} more problem${r.issues.length > 2 ? "s" : ""})` : "";
  throw new AgreementError(first!.code, `${first!.message}${more}`, first!, r.issues);
}

/** Whether every pot of the agreement is known. */
export function isComplete(a: Agreement): boolean {
  return a.pots.every((p) => p.status === "known");
}
