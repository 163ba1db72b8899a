import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "sm-examples-"));
// Every example runs as documented (tsx), all at once, so they cannot rot.
const example = (name: string, ...args: string[]) => run(process.execPath, ["--import", "tsx", join("examples", `${name}.ts`), ...args], { cwd: ROOT, encoding: "utf8" });
// os.tmpdir() follows TMPDIR, so the default output lands in a directory this test owns.
const defaultTmp = mkdtempSync(join(tmpdir(), "sm-examples-default-"));
const runs = {
  countyXlsx: example("county-xlsx", "Dalarna", join(dir, "dalarna.xlsx")),
  countyXlsxDefault: run(process.execPath, ["--import", "tsx", join("examples", "county-xlsx.ts"), "Dalarna"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TMPDIR: defaultTmp },
  }),
  whatIf: example("what-if"),
  compareDates: example("compare-dates", "20"),
  api: example("api"),
};
for (const p of Object.values(runs)) p.catch(() => {});

describe("examples/", () => {
  it("county-xlsx.ts writes Dalarna's report", async () => {
    const { stdout } = await runs.countyXlsx;
    expect(stdout).toMatch(/Dalarnas län: 22 belopp, sammanlagt 46 299 727 kr/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "dalarna.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toContain("Källor");
  });

  it("county-xlsx.ts without a file name writes to the temporary directory, not into the repository", async () => {
    const { stdout } = await runs.countyXlsxDefault;
    expect(stdout).toContain(`→ ${join(defaultTmp, "20-2025.xlsx")}`);
    expect(existsSync(join(defaultTmp, "20-2025.xlsx"))).toBe(true);
    expect(existsSync(join(ROOT, "20-2025.xlsx"))).toBe(false);
  });

  it("what-if.ts gives every municipality 50 000 kr more base plus a larger share", async () => {
    const { stdout } = await runs.whatIf;
    // pot 2 at 300 000 000 with 250 000 base: Falun = 250 000 + 227 500 000 × 13 093 / 2 265 405
    const falun = 250_000n + (2n * 227_500_000n * 13_093n + 2_265_405n) / (2n * 2_265_405n);
    expect(stdout).toMatch(new RegExp(`2080\\s+Falun\\s+1 309 672\\s+${falun.toString().replace(/\B(?=(\d{3})+$)/g, " ")}`));
    expect(stdout).toMatch(/Summa \(15\)/);
  });

  it("compare-dates.ts compares 1 Nov and 31 Dec 2024 and marks pot 2 missing", async () => {
    const { stdout } = await runs.compareDates;
    expect(stdout).toMatch(/Före:\s+2025, befolkning 2024-11-01/);
    expect(stdout).toMatch(/Efter: 2025, befolkning 2024-12-31/);
    expect(stdout).toMatch(/20\s+Region Dalarna\s+21 314 347/);
    expect(stdout).toMatch(/efter: pott 2 saknas \(15 mottagare\)/);
  });

  it("api.ts reads the allocation as typed data and through the JSON contract", async () => {
    const { stdout } = await runs.api;
    expect(stdout).toMatch(/Region Dalarna\s+21 314 347 kr/);
    expect(stdout).toMatch(/municipality\s+8 006 024 kr/);
    expect(stdout).toMatch(/saknas: 0 belopp/);
  });
});
