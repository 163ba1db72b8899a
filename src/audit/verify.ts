/**
 * A published table against computed amounts: every row compared to the krona, every total line
 * against the rows it totals. The findings are issues (code, kind, params, line), so a command or
 * page renders them in Swedish like any other problem.
 */
import { issue, type Issue } from "../errors.js";
import type { Level } from "../geography/index.js";
import type { PublishedTable } from "./rows.js";

/** A computed amount to hold a row against; `null` when it could not be computed. */
export interface ExpectedAmount {
  level: Level;
  code: string;
  amount: bigint | null;
}

/** One row of the table, checked. */
export interface VerifiedRow {
  line: number;
  level: Level;
  code: string;
  name: string;
  published: bigint;
  /** The computed amount; null when there is none for the recipient. */
  expected: bigint | null;
  /** published − expected; null when there is no expected amount. */
  difference: bigint | null;
  ok: boolean;
}

/** One total line, checked against the rows it totals. */
export interface VerifiedTotal {
  line: number;
  label: string;
  published: bigint;
  rowsSum: bigint;
  /** rowsSum − published */
  difference: bigint;
  ok: boolean;
}

/** The outcome of {@link verifyTable}. */
export interface TableVerification {
  rows: VerifiedRow[];
  totals: VerifiedTotal[];
  /** Every row equals its computed amount and every total its rows' sum. */
  ok: boolean;
  matched: number;
  mismatched: number;
  /** Rows with no computed amount (the recipient is missing from the calculation). */
  notComputed: number;
  /** One issue per mismatching row or total (`TABLE_AMOUNT_MISMATCH`, `TABLE_TOTAL_MISMATCH`). */
  issues: Issue[];
}

/**
 * Checks a published table against computed amounts (for instance one pot's lines of an
 * allocation: `lines.filter((l) => l.pot === "2").map(({ level, code, amount }) => ({ level, code, amount }))`).
 *
 * @example
 * ```ts
 * const t = parsePublishedTable("Falun 1 309 672\nMora 533 589\nSumma 1 843 261\n");
 * const v = verifyTable(t, [{ level: "municipality", code: "2080", amount: 1309672n }, { level: "municipality", code: "2062", amount: 533588n }]);
 * v.ok;                          // false
 * v.rows[1].difference;          // 1n
 * renderIssue(v.issues[0], "sv"); // "rad 2: Mora (2062): tabellen anger 533 589 kr, beräkningen ger 533 588 kr (skillnad +1 kr)"
 * ```
 */
export function verifyTable(table: PublishedTable, expected: readonly ExpectedAmount[], options: { file?: string } = {}): TableVerification {
  const byKey = new Map<string, bigint | null>();
  for (const e of expected) byKey.set(`${e.level}:${e.code}`, e.amount);
  const issues: Issue[] = [];
  const where = (line: number, value: string) => (options.file !== undefined ? { file: options.file, line, value } : { line, value });
  let matched = 0;
  let mismatched = 0;
  let notComputed = 0;
  const rows = table.rows.map((r): VerifiedRow => {
    const e = byKey.get(`${r.level}:${r.code}`) ?? null;
    const out: VerifiedRow = { line: r.line, level: r.level, code: r.code, name: r.name, published: r.amount, expected: e, difference: e === null ? null : r.amount - e, ok: e === r.amount };
    if (e === null) {
      notComputed++;
      issues.push(issue("TABLE_AMOUNT_MISMATCH", "not-computed", { name: r.name, code: r.code, published: String(r.amount) }, where(r.line, String(r.amount))));
    } else if (e !== r.amount) {
      mismatched++;
      issues.push(issue("TABLE_AMOUNT_MISMATCH", "amount", { name: r.name, code: r.code, published: String(r.amount), expected: String(e) }, where(r.line, String(r.amount))));
    } else matched++;
    return out;
  });
  const totals = table.totals.map((t): VerifiedTotal => {
    const ok = t.rowsSum === t.amount;
    if (!ok) issues.push(issue("TABLE_TOTAL_MISMATCH", "sum", { label: t.label, total: String(t.amount), sum: String(t.rowsSum) }, where(t.line, String(t.amount))));
    return { line: t.line, label: t.label, published: t.amount, rowsSum: t.rowsSum, difference: t.rowsSum - t.amount, ok };
  });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows, totals, ok: mismatched === 0 && notComputed === 0 && totals.every((t) => t.ok), matched, mismatched, notComputed, issues };
}
