/**
 * One layout of an allocation for every view: levels × recipients × pot columns. A pot split
 * between levels has a column at each of its levels; an amount that cannot be computed is a
 * missing cell; every sum says how many of its amounts are unknown. The terminal table, CSV,
 * xlsx, the web page and `explain` all read this; none works out again which pot belongs where.
 */
import { LEVELS, type Level, type RecipientCode } from "../geography/index.js";
import type { Allocation, AllocationLine, MissingLine, PotResult } from "./model.js";

/** One pot column of a level: a pot, or a split pot's part at this level. */
export interface MatrixColumn {
  readonly pot: string;
  readonly potName: string;
  /** Which of the pot's parts this column is (0 for a pot of one level). */
  readonly part: number;
  /** Whether the pot is split between levels (this column is one level's part). */
  readonly split: boolean;
  /** The column's amount: the pot's, or its part's at this level; null when the sources do not state it. */
  readonly amount: bigint | null;
  readonly status: PotResult["status"];
}

/** One cell: an amount, an amount that is missing (with why), or nothing (the pot does not pay this recipient). */
export type MatrixCell =
  | { readonly kind: "amount"; readonly amount: bigint; readonly line: AllocationLine }
  | { readonly kind: "missing"; readonly missing: MissingLine }
  | { readonly kind: "none" };

/** A sum over cells: the known amounts, how many are unknown, and the sum itself only when none is. */
export interface MatrixSum {
  readonly known: bigint;
  readonly unknown: number;
  /** The sum when every amount in it is known; null otherwise. */
  readonly amount: bigint | null;
}

/** One recipient's row. */
export interface MatrixRow {
  readonly code: RecipientCode;
  readonly name: string;
  /** Parallel to the level's columns. */
  readonly cells: readonly MatrixCell[];
  readonly sum: MatrixSum;
}

/** One level: its pot columns, its recipients, the column sums and the grand total. */
export interface LevelMatrix {
  readonly level: Level;
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
  /** Parallel to `columns`. */
  readonly columnSums: readonly MatrixSum[];
  readonly total: MatrixSum;
}

/** The whole layout: the levels that have any recipient, in report order. */
export interface AllocationMatrix {
  readonly levels: readonly LevelMatrix[];
}

class SumBuilder {
  known = 0n;
  unknown = 0;
  add(cell: MatrixCell): void {
    if (cell.kind === "amount") this.known += cell.amount;
    else if (cell.kind === "missing") this.unknown++;
  }
  addSum(s: MatrixSum): void {
    this.known += s.known;
    this.unknown += s.unknown;
  }
  build(): MatrixSum {
    return { known: this.known, unknown: this.unknown, amount: this.unknown === 0 ? this.known : null };
  }
}

function columnAmount(pot: PotResult, part: number, level: Level): bigint | null {
  if (pot.status === "incomplete") return pot.levels.length === 1 ? pot.amount : null;
  return pot.parts[part]?.amount ?? (pot.parts.find((p) => p.level === level)?.amount ?? null);
}

/**
 * Lays an allocation (or a selection of one) out as levels × recipients × pot columns.
 *
 * @example
 * ```ts
 * const m = allocationMatrix(selectAllocation(result, { county: "20" }));
 * const municipalities = m.levels.find((l) => l.level === "municipality")!;
 * municipalities.total.amount; // 8006024n
 * ```
 */
export function allocationMatrix(allocation: Pick<Allocation, "pots" | "lines" | "missing">): AllocationMatrix {
  const levels: LevelMatrix[] = [];
  for (const level of LEVELS) {
    const lines = allocation.lines.filter((l) => l.level === level);
    const missing = allocation.missing.filter((m) => m.level === level);
    if (lines.length === 0 && missing.length === 0) continue;
    const present = new Set([...lines, ...missing].map((x) => `${x.pot}|${x.part}`));
    const columns: MatrixColumn[] = [];
    for (const pot of allocation.pots) {
      pot.levels.forEach((l, part) => {
        if (l !== level || !present.has(`${pot.id}|${part}`)) return;
        columns.push({ pot: pot.id, potName: pot.name, part, split: pot.levels.length > 1, amount: columnAmount(pot, part, level), status: pot.status });
      });
    }
    const colIndex = new Map(columns.map((c, i) => [`${c.pot}|${c.part}`, i]));
    const byCode = new Map<string, { code: RecipientCode; name: string; cells: MatrixCell[] }>();
    const row = (code: RecipientCode, name: string) => {
      let r = byCode.get(code);
      if (!r) byCode.set(code, (r = { code, name, cells: columns.map((): MatrixCell => ({ kind: "none" })) }));
      return r;
    };
    for (const l of lines) {
      const j = colIndex.get(`${l.pot}|${l.part}`);
      if (j !== undefined) row(l.code, l.name).cells[j] = { kind: "amount", amount: l.amount, line: l };
    }
    for (const m of missing) {
      const j = colIndex.get(`${m.pot}|${m.part}`);
      if (j !== undefined) row(m.code, m.name).cells[j] = { kind: "missing", missing: m };
    }
    // In code order; a level's codes are distinct.
    const entries = [...byCode.values()].sort((p, q) => (p.code < q.code ? -1 : 1));
    const columnSums = columns.map(() => new SumBuilder());
    const total = new SumBuilder();
    const rows: MatrixRow[] = entries.map((r) => {
      const code = r.code;
      const sum = new SumBuilder();
      r.cells.forEach((cell, j) => {
        sum.add(cell);
        columnSums[j]!.add(cell);
      });
      const s = sum.build();
      total.addSum(s);
      return { code, name: r.name, cells: r.cells, sum: s };
    });
    levels.push({ level, columns, rows, columnSums: columnSums.map((s) => s.build()), total: total.build() });
  }
  return { levels };
}

/**
 * The cell of one recipient in one pot part: its amount, its missing entry, or nothing when the
 * part does not pay the recipient.
 *
 * @example
 * ```ts
 * cellOf(result, "2", 0, "municipality", "2080"); // { kind: "amount", amount: 1309672n, line: … }
 * ```
 */
export function cellOf(allocation: Pick<Allocation, "lines" | "missing">, pot: string, part: number, level: Level, code: string): MatrixCell {
  const line = allocation.lines.find((l) => l.pot === pot && l.part === part && l.level === level && l.code === code);
  if (line) return { kind: "amount", amount: line.amount, line };
  const missing = allocation.missing.find((m) => m.pot === pot && m.part === part && m.level === level && m.code === code);
  if (missing) return { kind: "missing", missing };
  return { kind: "none" };
}
