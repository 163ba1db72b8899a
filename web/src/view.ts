/**
 * What the page shows, as data: one table per level with a column per pot, built from a
 * (selected) allocation, for the HTML tables. The downloads are the library's own CSV and xlsx
 * (src/report), the same files the command line writes.
 */
import { LEVELS, LEVEL_LABELS, type Allocation, type Level, type MissingLine, type PotResult } from "../../src/index.js";

/** One recipient's row: its amount from each pot of the level (undefined = not computed). */
export interface ViewRow {
  code: string;
  name: string;
  amounts: (bigint | undefined)[];
  /** Why an amount is missing, per pot column. */
  missing: (MissingLine | undefined)[];
  /** Sum of the amounts that are known. */
  sum: bigint;
  complete: boolean;
}

/** The table of one level. */
export interface LevelTable {
  level: Level;
  label: string;
  pots: PotResult[];
  rows: ViewRow[];
  /** Column sums over the rows shown (known amounts only). */
  potSums: bigint[];
  total: bigint;
  complete: boolean;
}

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The tables of an allocation, levels in the library's order, empty levels left out. */
export function levelTables(a: Allocation): LevelTable[] {
  const tables: LevelTable[] = [];
  for (const level of LEVELS) {
    const pots = a.pots.filter((p) => p.level === level);
    const lines = a.lines.filter((l) => l.level === level);
    const missing = a.missing.filter((m) => m.level === level);
    if (pots.length === 0 || (lines.length === 0 && missing.length === 0)) continue;
    const names = new Map<string, string>();
    for (const x of [...lines, ...missing]) names.set(x.code, x.name);
    const rows: ViewRow[] = [...names].map(([code, name]) => ({ code, name })).sort(byCode).map(({ code, name }) => {
      const amounts = pots.map((p) => lines.find((l) => l.pot === p.id && l.code === code)?.amount);
      const miss = pots.map((p) => missing.find((m) => m.pot === p.id && m.code === code));
      const sum = amounts.reduce<bigint>((s, v) => s + (v ?? 0n), 0n);
      return { code, name, amounts, missing: miss, sum, complete: miss.every((m) => m === undefined) };
    });
    const potSums = pots.map((_, i) => rows.reduce<bigint>((s, r) => s + (r.amounts[i] ?? 0n), 0n));
    tables.push({
      level,
      label: LEVEL_LABELS[level],
      pots,
      rows,
      potSums,
      total: potSums.reduce((s, v) => s + v, 0n),
      complete: rows.every((r) => r.complete),
    });
  }
  return tables;
}
