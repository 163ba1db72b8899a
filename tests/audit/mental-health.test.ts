/**
 * The county bases worked back from SKR's women's-health tables against mental-health amounts
 * published separately (tests/oracles/mental-health-2023-2024.csv): both agreements of a year use
 * one population base, and the 2023 Stockholm amounts say which pot is the doubtful one.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvRecords } from "../../src/io/csv.js";
import { ORACLES, ROOT } from "../helpers.js";

function base(date: string): { N: bigint; county: Map<string, bigint> } {
  const lines = readFileSync(resolve(ROOT, "data", "population", "derived", `${date}_lan_harledd.csv`), "utf8").trim().split("\n").filter((l) => !l.startsWith("#"));
  const rows = lines.slice(1).map((l) => l.split(","));
  return { N: BigInt(rows.find((r) => r[0] === "00")![2]!), county: new Map(rows.filter((r) => r[0] !== "00").map((r) => [r[0]!, BigInt(r[2]!)])) };
}

const published = new Map(
  readCsvRecords(readFileSync(resolve(ORACLES, "mental-health-2023-2024.csv"), "utf8"), { delimiter: "," })
    .slice(1)
    .map((r) => [`${r.fields[0]} ${r.fields[1]}`, BigInt(r.fields[5]!)]),
);
const amount = (key: string) => {
  const a = published.get(key);
  if (a === undefined) throw new Error(`no published amount ${key}`);
  return a;
};
/** base + round(shared × n / N), halves up, in integers. */
const nearest = (perRecipient: bigint, shared: bigint, n: bigint, N: bigint) => perRecipient + (2n * shared * n + N) / (2n * N);

describe("the 2024 base (1 November 2023, worked back from the women's-health table) and Dalarna's 2024 county amounts", () => {
  const b = base("2023-11-01");
  const dalarna = b.county.get("20")!;

  it("is Dalarna 287 451 of 10 557 682", () => {
    expect([dalarna, b.N]).toEqual([287_451n, 10_557_682n]);
  });

  it("reproduces suicidprevention: 200 000 000 × 287 451 / 10 557 682 = 5 445 343,02 → 5 445 343", () => {
    expect(nearest(0n, 200_000_000n, dalarna, b.N)).toBe(amount("2024 suicidprevention"));
  });

  it("reproduces samsjuklighet: 5 000 000 + 145 000 000 × 287 451 / 10 557 682 = 8 947 873,69 → 8 947 874", () => {
    expect(nearest(5_000_000n, 145_000_000n, dalarna, b.N)).toBe(amount("2024 samsjuklighet"));
  });
});

describe("the 2023 base (1 November 2022, worked back from the women's-health table) and Stockholm's 2023 amounts", () => {
  const b = base("2022-11-01");
  const stockholm = b.county.get("01")!;

  it("is Stockholm 2 437 158 of 10 514 719", () => {
    expect([stockholm, b.N]).toEqual([2_437_158n, 10_514_719n]);
  });

  it("reproduces §3.3, §3.6 and §3.7 with plain per-county rounding (no rounding per municipality needed)", () => {
    // 5 000 000 + 95 000 000 × s = 27 019 609,84 → 27 019 610
    expect(nearest(5_000_000n, 95_000_000n, stockholm, b.N)).toBe(amount("2023 3.3"));
    // 200 000 000 × s = 46 357 073,36 → 46 357 073
    expect(nearest(0n, 200_000_000n, stockholm, b.N)).toBe(amount("2023 3.6"));
    // 50 000 000 × s = 11 589 268,34 → 11 589 268
    expect(nearest(0n, 50_000_000n, stockholm, b.N)).toBe(amount("2023 3.7"));
  });

  it("does not reproduce §3.4: 100 000 000 × s = 23 178 536,68 → 23 178 537, published 23 178 535 (region) and 23 178 534 (municipalities)", () => {
    const computed = nearest(0n, 100_000_000n, stockholm, b.N);
    expect(computed).toBe(23_178_537n);
    expect(amount("2023 3.4r") - computed).toBe(-2n);
    expect(amount("2023 3.4k") - computed).toBe(-3n);
  });

  it("§3.4 and §3.6 cannot both be per-county roundings of one share, whatever the base", () => {
    // §3.4 region needs s in [23 178 534,5; 23 178 535,5) / 100 000 000, §3.6 needs s in
    // [46 357 072,5; 46 357 073,5) / 200 000 000 = [23 178 536,25; 23 178 536,75) / 100 000 000.
    const lo36 = (2n * amount("2023 3.6") - 1n) * 100_000_000n; // × 1/(4 × 10^16) for s
    const hi34 = (2n * amount("2023 3.4r") + 1n) * 200_000_000n;
    expect(hi34 < lo36).toBe(true);
  });
});
