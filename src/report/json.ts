/**
 * The JSON contract of `allocate --format json`, which other tools build on. Fields are only
 * ever added, never renamed or removed. Amounts are integer kronor (JSON numbers).
 */
import type { Allocation } from "../allocate.js";
import { AllocationError } from "../errors.js";

function kr(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new AllocationError("ALLOCATION_INVALID_INPUT", `${v} kr is too large to write as a JSON number`, { value: String(v) });
  return n;
}

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
    allocated: number;
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
    /** Each level's part of a split pot. */
    parts?: { level: string; amount: number; allocated: number; residue: number | null; complete: boolean }[];
  }[];
  allocations: { pot: string; level: string; code: string; name: string; amount: number }[];
  totals: { level: string; code: string; name: string; amount: number; complete: boolean }[];
  missing: { pot: string; level: string; code: string; name: string; reason: string; reasonCode: string }[];
  population: { referenceDate: string; sources: unknown[] };
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
 * @example
 * ```ts
 * const doc = toJson(allocate(agreement, population));
 * doc.allocations.find((a) => a.pot === "4b" && a.code === "20")?.amount; // 7790015
 * ```
 */
export function toJson(a: Allocation): AllocationJson {
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
      amount: p.amount === undefined ? null : kr(p.amount),
      allocated: kr(p.allocated),
      residue: p.residue === null ? null : kr(p.residue),
      complete: p.complete,
      missing: p.missing,
      ties: p.ties.map((t) => ({ winners: t.winners, losers: t.losers })),
      levels: p.levels,
      roundingLevel: p.roundingLevel,
      ...(p.unknown ? { unknown: p.unknown } : {}),
      ...(p.inferred ? { inferred: p.inferred } : {}),
      ...(p.parts
        ? { parts: p.parts.map((x) => ({ level: x.level, amount: kr(x.amount), allocated: kr(x.allocated), residue: x.residue === null ? null : kr(x.residue), complete: x.complete })) }
        : {}),
    })),
    allocations: a.lines.map((l) => ({ pot: l.pot, level: l.level, code: l.code, name: l.name, amount: kr(l.amount) })),
    totals: a.totals.map((t) => ({ level: t.level, code: t.code, name: t.name, amount: kr(t.amount), complete: t.complete })),
    missing: a.missing.map((m) => ({ pot: m.pot, level: m.level, code: m.code, name: m.name, reason: m.reason, reasonCode: m.reasonCode })),
    population: { referenceDate: a.population.referenceDate, sources: [...a.population.sources] },
    warnings: a.warnings.map((w) => ({ code: w.code, message: w.message })),
    agreementTotal: a.agreement.total === undefined ? null : kr(a.agreement.total),
    agreementComplete: a.agreement.complete,
    knownPots: a.agreement.knownPots,
    potCount: a.agreement.potCount,
    scenario: a.scenario !== undefined,
    changes: (a.scenario?.changes ?? []).map((c) => ({ path: c.path, pot: c.pot ?? null, field: c.field, from: c.from === null ? null : kr(c.from), to: kr(c.to), kind: c.kind })),
  };
}

/** The JSON contract as text, two-space indented, with a final newline. */
export function formatJson(a: Allocation): string {
  return `${JSON.stringify(toJson(a), null, 2)}\n`;
}
