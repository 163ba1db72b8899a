import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
/** Published amounts, copied into the repository with their sources and checksums (tests/oracles/README.md). */
export const ORACLES = resolve(ROOT, "tests", "oracles");

/** A published amount from tests/oracles/dalarna-2025.csv. */
export interface OracleRow {
  agreement: string;
  pot: string;
  level: string;
  code: string;
  name: string;
  amount: bigint;
}

export function readOracle(name = "dalarna-2025.csv"): OracleRow[] {
  const [header, ...rows] = readFileSync(resolve(ORACLES, name), "utf8").trim().split(/\r?\n/);
  const cols = header!.split(",");
  return rows.map((r) => {
    const v = r.split(",");
    const get = (c: string) => v[cols.indexOf(c)]!;
    return { agreement: get("agreement"), pot: get("pot"), level: get("level"), code: get("code"), name: get("name"), amount: BigInt(get("amount_sek")) };
  });
}
