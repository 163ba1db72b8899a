/**
 * `verify --agreement 2023` against Stockholm's 2023 table (Uppdrag Psykisk Hälsa Stockholms län,
 * handlingsplan 2023; tests/oracles/mental-health-2023-2024.csv), on the bundled county base
 * derived from SKR's women's-health table 2023: §3.3, §3.6 and §3.7 agree to the krona with plain
 * per-county rounding; §3.4 does not (23 178 537 kr computed, 23 178 535 kr published for the
 * region, 23 178 534 kr for the county's municipalities together).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { captureStdout, isolatedRun as run } from "../run.js";
import { ROOT } from "../../helpers.js";

const stdout = captureStdout();

/** Stockholm's 2023 rows of the oracle as a table with a pot column ("3.4k", the municipalities' sum, is no one recipient). */
function stockholm2023(): string {
  const rows = readFileSync(resolve(ROOT, "tests/oracles/mental-health-2023-2024.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const lines = rows.filter((r) => r[0] === "2023" && r[2] !== "municipalities").map((r) => `${r[1]};${r[4]};${r[5]!.replace(/\B(?=(\d{3})+$)/g, " ")}`);
  expect(lines).toHaveLength(4);
  const file = join(mkdtempSync(join(tmpdir(), "sm-verify-2023-")), "stockholm-2023.csv");
  writeFileSync(file, `pott;mottagare;belopp\n${lines.join("\n")}\n`);
  return file;
}

describe("verify --agreement 2023 against Stockholm's 2023 table", () => {
  it("§3.3, §3.6 and §3.7 agree; §3.4 differs by 2 kr (exit 4)", async () => {
    expect(await run(["verify", "--agreement", "2023", "--format", "json", stockholm2023()])).toBe(4);
    const doc = JSON.parse(stdout.text) as { rows: { pots: string[]; code: string; published: number; computed: number; difference: number; ok: boolean }[]; byPot: { pots: string[]; equal: number; differ: number }[]; summary: string; derived: boolean };
    const byPot = Object.fromEntries(doc.rows.map((r) => [r.pots.join("+"), r]));
    expect(byPot["3.3"]).toMatchObject({ code: "01", published: 27_019_610, computed: 27_019_610, ok: true });
    expect(byPot["3.6"]).toMatchObject({ code: "01", published: 46_357_073, computed: 46_357_073, ok: true });
    expect(byPot["3.7"]).toMatchObject({ code: "01", published: 11_589_268, computed: 11_589_268, ok: true });
    expect(byPot["3.4r"]).toMatchObject({ code: "01", published: 23_178_535, computed: 23_178_537, difference: -2, ok: false });
    expect(doc.summary).toBe("3 av 4 lika; 1 skiljer sig, sammanlagt -2 kr (2 kr i absoluta tal)");
    expect(doc.derived).toBe(true);
    stdout.reset();
    await run(["verify", "--agreement", "2023", stockholm2023()]);
    expect(stdout.text).toMatch(/pott 3\.3: 1 lika\n\s+pott 3\.4r: 0 lika, 1 skiljer sig\n\s+pott 3\.6: 1 lika\n\s+pott 3\.7: 1 lika/);
  });

  it("a pot column naming a pot the agreement lacks is a usage error", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sm-verify-2023-")), "t.csv");
    writeFileSync(file, "pott;mottagare;belopp\n9.9;Stockholms län;1\n");
    expect(await run(["verify", "--agreement", "2023", file])).toBe(1);
  });
});
