/**
 * Nothing the project ships, documents or tests with may name a path outside the repository (the
 * research and data collected beside it): sources are cited by title and address, inferences point
 * to docs/overenskommelser/, and what the tests need is copied into tests/. Checked two ways: the
 * files themselves, and what the command line prints for every bundled agreement.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { isolatedRun as run } from "./cli/run.js";
import { listBundledAgreements, listBundledPopulations, loadBundledAgreement } from "../src/node/bundled.js";
import { ROOT } from "./helpers.js";

/** "shared/" as a path segment (not "is-shared/…" or "unshared/"), "../shared", and research notes by file name. */
const OUTSIDE = [/(?<![\w.-])shared\//, /\.\.\/shared\b/, /(?<![\w.-])research\/[\w-]+\.md\b/];
const outside = (text: string) => OUTSIDE.some((re) => re.test(text));

const THIS_FILE = join("tests", "no-outside-paths.test.ts");
const SCANNED = ["src", "data", "docs", "web/src", "web/e2e", "examples", "bench", "scripts", "tests", "README.md", "CHANGELOG.md"];
const SKIP_DIRS = new Set(["node_modules", "dist", ".git"]);
const TEXT = /\.(ts|mts|js|mjs|cjs|json|md|csv|txt|html|css|ya?ml)$/;

function filesUnder(path: string): string[] {
  const abs = join(ROOT, path);
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs).flatMap((name) => (SKIP_DIRS.has(name) ? [] : filesUnder(join(path, name))));
}

/** Every line naming an outside path, as "file:line: text". */
function hitsIn(file: string): string[] {
  // latin1 keeps every byte, so files in Windows-1252 or ISO-8859-1 are scanned too; the patterns are ASCII.
  return readFileSync(join(ROOT, file), "latin1")
    .split(/\r?\n/)
    .flatMap((line, i) => (outside(line) ? [`${file.split(sep).join("/")}:${i + 1}: ${line.trim().slice(0, 160)}`] : []));
}

describe("no path outside the repository", () => {
  it("recognises the forms such a path takes, and not words that merely contain 'shared'", () => {
    for (const bad of ["Se shared/research/agreements.md.", "../shared/oracles/dalarna-2025.csv", "from ../shared", "`shared/data/population`", "research/agreement-2025.md"]) {
      expect(outside(bad), bad).toBe(true);
    }
    for (const good of ["a pot shared by population", "is-shared-array-buffer", "docs/overenskommelser/2024.md", "shared.get(key)", "unshared/x"]) {
      expect(outside(good), good).toBe(false);
    }
  });

  it("in src, data, docs, web, examples, bench, scripts, tests, README.md and CHANGELOG.md", () => {
    const files = SCANNED.flatMap(filesUnder).filter((f) => TEXT.test(f) && f !== THIS_FILE);
    // The scan must see the files that used to carry such paths, or it proves nothing.
    for (const must of ["data/agreements/2023.json", "data/agreements/2025.json", "README.md", "docs/encoding-agreements.md", "docs/befolkning.md", "web/src/main.ts", "bench/run.ts"]) {
      expect(files.map((f) => f.split(sep).join("/")), must).toContain(must);
    }
    expect(files.length).toBeGreaterThan(200);
    expect(files.flatMap(hitsIn)).toEqual([]);
  });
});

/** Runs the command line in-process, collecting everything it writes. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const chunk = (c: string | Uint8Array) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8"));
  const out = vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((stdout += chunk(c)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((stderr += chunk(c)), true));
  const log = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void (stderr += `${a.join(" ")}\n`));
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
  }
}

/** Collapses the table's line wrapping so a long source can be looked for as one string. */
const flat = (s: string) => s.replace(/\s+/g, " ");

describe("no path outside the repository in what the command line prints", () => {
  const years = listBundledAgreements();
  const bundled = new Set(listBundledPopulations().map((p) => p.id));
  // The agreement's own date when it is bundled, else a bundled 31 December near it, so that every
  // year prints its sources (a date warning is expected and fine).
  const populationFor = (year: string) => {
    const date = loadBundledAgreement(year).referenceDate;
    if (date && bundled.has(date)) return date;
    const near = `${Math.min(Number(/\d{4}/.exec(year)![0]) - 1, 2024)}-12-31`;
    if (!bundled.has(near)) throw new Error(`no bundled population ${near} for ${year}`);
    return near;
  };
  const tmp = mkdtempSync(join(tmpdir(), "stimulansmedel-paths-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("covers every bundled agreement: the years 2016–2026 and SKR's women's-health tables 2022–2024", () => {
    expect(years).toEqual(["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "kvinnors-halsa-2022", "kvinnors-halsa-2023", "kvinnors-halsa-2024"]);
  });

  it("agreements, as a table and as JSON", async () => {
    for (const format of ["table", "json"]) {
      const r = await cli(["agreements", "--format", format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("2026");
      expect(outside(r.stdout + r.stderr), r.stdout).toBe(false);
    }
  });

  it.each(listBundledAgreements())("allocate --agreement %s --format json, with and without a population", async (year) => {
    const plain = await cli(["allocate", "--agreement", year, "--format", "json"]);
    expect(outside(plain.stdout + plain.stderr), plain.stdout + plain.stderr).toBe(false);
    const withPop = await cli(["allocate", "--agreement", year, "--population", populationFor(year), "--format", "json"]);
    expect([0, 3], withPop.stderr).toContain(withPop.code);
    expect(JSON.parse(withPop.stdout).agreement).toBe(year);
    expect(outside(withPop.stdout + withPop.stderr), withPop.stdout).toBe(false);
  });

  it.each(listBundledAgreements())("allocate --agreement %s: the table's and the xlsx file's Källor cite the sources, no outside path", async (year) => {
    const source = loadBundledAgreement(year).source;
    const table = await cli(["allocate", "--agreement", year, "--population", populationFor(year)]);
    expect([0, 3], table.stderr).toContain(table.code);
    expect(flat(table.stdout)).toContain(flat(`Överenskommelse: ${source}`));
    expect(outside(table.stdout + table.stderr), table.stdout).toBe(false);

    const file = join(tmp, `${year}.xlsx`);
    const x = await cli(["allocate", "--agreement", year, "--population", populationFor(year), "--out", file]);
    expect([0, 3], x.stderr).toContain(x.code);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text ?? "")))));
    expect(cells).toContain(source);
    expect(cells.filter(outside)).toEqual([]);
  });
});
