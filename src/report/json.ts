/**
 * The JSON contract of `allocate --format json`, which other tools build on. Fields are only
 * ever added, never renamed or removed. Amounts are integer kronor (JSON numbers); an amount that
 * cannot be computed is `null`, never 0.
 */
import type { Allocation } from "../allocation/model.js";
import { raise } from "../errors.js";
import { missingAdvice, missingReasonCode, missingReasonText } from "../sv/missing.js";
import { lineSources } from "../allocation/engine.js";
import { noteText } from "../sv/notes.js";

function kr(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) raise("OUTPUT_TOO_LARGE", "json", { amount: String(v) }, { value: String(v) });
  return n;
}

const krOrNull = (v: bigint | null | undefined): number | null => (v === null || v === undefined ? null : kr(v));

/** The JSON document for an allocation (see the README for the contract). */
export interface AllocationJson {
  agreement: string;
  title: string;
  /** Reference date of the population the amounts were computed from. */
  referenceDate: string;
  /** Reference date the agreement prescribes, when known. */
  agreementReferenceDate: string | null;
  rounding: string;
  complete: boolean;
  pots: {
    id: string;
    name: string;
    level: string;
    status: string;
    amount: number | null;
    /** Sum of the amounts computed; null for a pot whose rule is unknown. */
    allocated: number | null;
    residue: number | null;
    complete: boolean;
    missing: number;
    ties: { winners: string[]; losers: string[] }[];
    /** The levels a pot pays to (several when `level` is "split"). */
    levels?: string[];
    /** For incomplete pots: what the sources do not say. */
    unknown?: string[];
    /** What is inferred rather than stated. */
    inferred?: string[];
    roundingLevel?: string;
    /** The rounding this pot was computed with. */
    potRounding?: string;
    /** Each level's part of a split pot. */
    parts?: { level: string; amount: number; allocated: number; residue: number | null; complete: boolean }[];
  }[];
  /** `derived: true` on an amount that rests on derived population data (never SCB's). */
  allocations: { pot: string; part: number; level: string; code: string; name: string; amount: number; derived?: true }[];
  /** Per recipient: the sum when every amount is known (`amount`), else null with the known part and the count unknown. */
  totals: { level: string; code: string; name: string; amount: number | null; computed: number; unknown: number; complete: boolean }[];
  missing: { pot: string; part: number; level: string; code: string; name: string; reason: string; reasonCode: string; advice: string; command: string | null; table: string | null }[];
  population: { referenceDate: string; sources: unknown[]; usedSources: unknown[] };
  warnings: { code: string; message: string }[];
  /** The agreement's total; null when no source states it. */
  agreementTotal?: number | null;
  /** Whether every pot of the agreement is known (false: some pots are listed in `missing` only). */
  agreementComplete?: boolean;
  /** How many pots are known, of how many. */
  knownPots?: number;
  potCount?: number;
  /** True when the agreement was changed by `--set` / {@link applyScenario}. */
  scenario?: boolean;
  /** The what-if changes applied, asked for (`set`) or following from them (`derived`). */
  changes?: { path: string; pot: string | null; field: string; from: number | null; to: number; kind: string }[];
}

/**
 * Converts an allocation to the JSON contract.
 *
 * @throws StimulansmedelError `OUTPUT_TOO_LARGE` for an amount a JSON number cannot hold exactly.
 * @example
 * ```ts
 * const doc = toJson(allocate(agreement, population));
 * doc.allocations.find((a) => a.pot === "4b" && a.code === "20")?.amount; // 7790015
 * ```
 */
export function toJson(a: Allocation): AllocationJson {
  const context = { agreement: a.agreement.id, referenceDate: a.agreement.referenceDate };
  // Each line's sources once, for its derived flag and for the sources used.
  const lines = a.lines;
  const sourcesOf = lines.map((l) => lineSources(a, l));
  const used = new Set(sourcesOf.flat());
  return {
    agreement: a.agreement.id,
    title: a.agreement.title,
    referenceDate: a.population.referenceDate,
    agreementReferenceDate: a.agreement.referenceDate ?? null,
    rounding: a.rounding,
    complete: a.complete,
    pots: a.pots.map((p) => ({
      id: p.id,
      name: p.name,
      level: p.level,
      status: p.status,
      amount: krOrNull(p.amount),
      allocated: p.status === "known" ? kr(p.allocated) : null,
      residue: p.status === "known" ? krOrNull(p.residue) : null,
      complete: p.complete,
      missing: p.missing,
      ties: p.status === "known" ? p.ties.map((t) => ({ winners: [...t.winners], losers: [...t.losers] })) : [],
      levels: [...p.levels],
      ...(p.status === "known" ? { roundingLevel: p.roundingLevel, potRounding: p.rounding } : { roundingLevel: "recipient" }),
      ...(p.status === "incomplete" ? { unknown: [...p.unknown] } : {}),
      ...(p.inferred ? { inferred: [...p.inferred] } : {}),
      ...(p.status === "known" && p.parts.length > 1
        ? { parts: p.parts.map((x) => ({ level: x.level, amount: kr(x.amount), allocated: kr(x.allocated), residue: krOrNull(x.residue), complete: x.complete })) }
        : {}),
    })),
    allocations: lines.map((l, i) => ({ pot: l.pot, part: l.part, level: l.level, code: l.code, name: l.name, amount: kr(l.amount), ...(sourcesOf[i]!.some((s) => s.derived === true) ? { derived: true as const } : {}) })),
    totals: a.totals.map((t) => ({ level: t.level, code: t.code, name: t.name, amount: krOrNull(t.amount), computed: kr(t.computed), unknown: t.unknown, complete: t.unknown === 0 })),
    missing: a.missing.map((m) => {
      const advice = missingAdvice(m.reason, context);
      return {
        pot: m.pot,
        part: m.part,
        level: m.level,
        code: m.code,
        name: m.name,
        reason: missingReasonText(m.reason, m.level),
        reasonCode: missingReasonCode(m.reason),
        advice: advice.text,
        command: advice.command ?? null,
        table: advice.table?.id ?? null,
      };
    }),
    population: { referenceDate: a.population.referenceDate, sources: [...a.population.sources], usedSources: a.population.sources.filter((s) => used.has(s)).map((s) => s.title) },
    warnings: a.notes.map((n) => ({ code: n.code, message: noteText(n) })),
    agreementTotal: krOrNull(a.agreement.total),
    agreementComplete: a.agreement.complete,
    knownPots: a.agreement.knownPots,
    potCount: a.agreement.potCount,
    scenario: a.scenario !== undefined,
    changes: (a.scenario?.changes ?? []).map((c) => ({ path: c.path, pot: c.pot ?? null, field: c.field, from: krOrNull(c.from), to: kr(c.to), kind: c.kind })),
  };
}

/** The JSON contract as text, two-space indented, with a final newline. */
export function formatJson(a: Allocation): string {
  return `${JSON.stringify(toJson(a), null, 2)}\n`;
}
