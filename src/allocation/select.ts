/**
 * Selecting part of an allocation: a county (its region, its county line and its municipalities),
 * a municipality, a level, some pots. Names are accepted as on the command line; a selection that
 * matches nothing is an error that says why, never an empty result.
 */
import { raise } from "../errors.js";
import { findCounty, findMunicipality, getCounty, LEVELS, type Level } from "../geography/index.js";
import { levelCodes, levelNames, levelPosition } from "../geography/positions.js";
import type { Allocation, AllocationLine, MissingLine, RecipientTotal } from "./model.js";

/** Which recipients to keep in {@link selectAllocation}; codes or names. */
export interface Selection {
  /** County code or name (`20`, `Dalarna`, `Dalarnas län`): its region, county line and municipalities. */
  county?: string;
  /** Municipality code or name: that municipality only. */
  municipality?: string;
  level?: Level;
  /** Pot ids to keep. */
  pots?: readonly string[];
}

/** A selection with codes resolved, as the result records it. */
export interface ResolvedSelection {
  county?: string;
  municipality?: string;
  level?: Level;
  pots?: readonly string[];
}

/** An allocation narrowed to a selection: the same shape, plus what was selected. */
export interface SelectedAllocation extends Allocation {
  readonly selection: ResolvedSelection;
}

/**
 * Resolves names to codes and checks pot ids.
 *
 * @throws GeographyError for an unknown or ambiguous name; AllocationError `ALLOCATION_UNKNOWN_POT`.
 * @example
 * ```ts
 * resolveSelection(result, { county: "Dalarna" }); // { county: "20" }
 * ```
 */
export function resolveSelection(allocation: Pick<Allocation, "pots">, selection: Selection): ResolvedSelection {
  const out: ResolvedSelection = {};
  if (selection.county !== undefined) out.county = findCounty(selection.county).code;
  if (selection.municipality !== undefined) out.municipality = findMunicipality(selection.municipality).code;
  if (selection.level !== undefined) {
    if (!LEVELS.includes(selection.level)) raise("USAGE", "bad-choice", { option: "level", value: String(selection.level), allowed: [...LEVELS] }, { value: String(selection.level) });
    out.level = selection.level;
  }
  if (selection.pots !== undefined && selection.pots.length > 0) {
    const ids = allocation.pots.map((p) => p.id);
    for (const p of selection.pots) if (!ids.includes(p)) raise("ALLOCATION_UNKNOWN_POT", "no-pot", { pot: p, pots: ids }, { value: p });
    out.pots = [...selection.pots];
  }
  return out;
}

function keeps(sel: ResolvedSelection): (x: { level: Level; code: string; pot: string }) => boolean {
  return (x) => {
    if (sel.level && x.level !== sel.level) return false;
    if (sel.pots && !sel.pots.includes(x.pot)) return false;
    if (sel.municipality && !(x.level === "municipality" && x.code === sel.municipality)) return false;
    if (sel.county) {
      const county = x.level === "municipality" ? x.code.slice(0, 2) : x.level === "skr" ? null : x.code;
      if (county !== sel.county) return false;
    }
    return true;
  };
}

/**
 * Totals of the given lines and missing entries, per recipient, in level and code order.
 *
 * @example
 * ```ts
 * totalsOfLines(result.lines, result.missing).find((t) => t.code === "2080")?.amount; // 1309672n
 * ```
 */
export function totalsOfLines(lines: readonly AllocationLine[], missing: readonly MissingLine[]): RecipientTotal[] {
  const acc = new Map<Level, { computed: bigint[]; unknown: Int32Array; seen: Uint8Array }>();
  const at = (level: Level) => {
    let t = acc.get(level);
    if (!t) {
      const n = levelCodes(level).length;
      acc.set(level, (t = { computed: new Array<bigint>(n).fill(0n), unknown: new Int32Array(n), seen: new Uint8Array(n) }));
    }
    return t;
  };
  for (const l of lines) {
    const i = levelPosition(l.level, l.code);
    if (i < 0) continue;
    const t = at(l.level);
    t.computed[i] = t.computed[i]! + l.amount;
    t.seen[i] = 1;
  }
  for (const m of missing) {
    const i = levelPosition(m.level, m.code);
    if (i < 0) continue;
    const t = at(m.level);
    t.unknown[i]!++;
    t.seen[i] = 1;
  }
  const out: RecipientTotal[] = [];
  for (const level of LEVELS) {
    const t = acc.get(level);
    if (!t) continue;
    const codes = levelCodes(level);
    const names = levelNames(level);
    for (let i = 0; i < codes.length; i++) {
      if (!t.seen[i]) continue;
      const unknown = t.unknown[i]!;
      out.push({ level, code: codes[i]!, name: names[i]!, amount: unknown === 0 ? t.computed[i]! : null, computed: t.computed[i]!, unknown });
    }
  }
  return out;
}

/**
 * Keeps the lines, missing entries and totals that match a selection. Pot results (amount,
 * allocated, residue) stay whole: they describe the pot, not the selection.
 *
 * @throws GeographyError for an unknown name; AllocationError `ALLOCATION_UNKNOWN_POT` for an
 *   unknown pot, `ALLOCATION_EMPTY_SELECTION` (saying why) when nothing matches.
 * @example
 * ```ts
 * const dalarna = selectAllocation(result, { county: "Dalarna" });
 * dalarna.lines.filter((l) => l.level === "municipality").length; // 15 (given 0–18 counts)
 * ```
 */
export function selectAllocation(allocation: Allocation, selection: Selection): SelectedAllocation {
  const sel = resolveSelection(allocation, selection);
  const keep = keeps(sel);
  const lines = allocation.lines.filter(keep);
  const missing = allocation.missing.filter(keep);
  const filtered = sel.county !== undefined || sel.municipality !== undefined || sel.level !== undefined || sel.pots !== undefined;
  if (filtered && lines.length === 0 && missing.length === 0) emptySelection(allocation, sel);
  const wanted = sel.pots;
  const pots = wanted ? allocation.pots.filter((p) => wanted.includes(p.id)) : allocation.pots;
  return {
    agreement: allocation.agreement,
    ...(allocation.scenario ? { scenario: allocation.scenario } : {}),
    population: allocation.population,
    rounding: allocation.rounding,
    pots,
    lines,
    missing,
    totals: totalsOfLines(lines, missing),
    notes: allocation.notes,
    complete: allocation.complete,
    selection: sel,
  };
}

function emptySelection(allocation: Allocation, sel: ResolvedSelection): never {
  if (sel.municipality && sel.county && sel.municipality.slice(0, 2) !== sel.county) {
    raise("ALLOCATION_EMPTY_SELECTION", "municipality-elsewhere", {
      municipality: levelNames("municipality")[levelPosition("municipality", sel.municipality)] ?? sel.municipality,
      county: getCounty(sel.county).name,
      actualCounty: getCounty(sel.municipality.slice(0, 2)).name,
    });
  }
  const level = sel.level;
  if (level) {
    const pots = (sel.pots ?? allocation.pots.map((p) => p.id)).filter((id) => !allocation.pots.find((p) => p.id === id)?.levels.includes(level));
    if (pots.length > 0 && pots.length === (sel.pots ?? allocation.pots).length) raise("ALLOCATION_EMPTY_SELECTION", "level-not-paid", { level, pots });
  }
  return raise("ALLOCATION_EMPTY_SELECTION", "nothing-matches", {
    ...(sel.county ? { county: sel.county, countyName: getCounty(sel.county).name } : {}),
    ...(sel.municipality ? { municipality: sel.municipality, municipalityName: levelNames("municipality")[levelPosition("municipality", sel.municipality)]! } : {}),
    ...(sel.level ? { level: sel.level } : {}),
    ...(sel.pots ? { pots: sel.pots } : {}),
  });
}
