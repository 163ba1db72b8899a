/**
 * The built page in Chromium, served from 127.0.0.1: SKR's published Dalarna 2025 amounts, the
 * explanations, a dropped population file (amounts recomputed by hand from the agreement's
 * rules), the CLI's validation messages, the xlsx and csv downloads read back, file:// opening,
 * and no request leaving the page.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ROOT } from "./browser.js";
import { chooseDalarna, dropFile, kronor, openPage as open, roundHalfUp, session, shown } from "./helpers.js";

/** SKR's published Dalarna 2025 amounts, copied into the repository with their source and sha256 (tests/oracles/README.md). */
const ORACLE = join(ROOT, "tests", "oracles", "dalarna-2025.csv");

interface OracleRow {
  pot: string;
  level: string;
  code: string;
  name: string;
  amount: bigint;
}

function readOracle(): OracleRow[] {
  const [header, ...rows] = readFileSync(ORACLE, "utf8").trim().split(/\r?\n/);
  const cols = header!.split(",");
  return rows.map((line) => {
    const v = line.split(",");
    const get = (c: string) => v[cols.indexOf(c)]!;
    return { pot: get("pot"), level: get("level"), code: get("code"), name: get("name"), amount: BigInt(get("amount_sek")) };
  });
}

const s = session();
let tmp: string;
const openPage = (url?: string): Promise<Page> => open(s, url);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "stimulansmedel-e2e-"));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Sum of the pots named like "1a+1b+1c", as the oracle lists the county's fixed pots. */
async function shownPots(page: Page, level: string, pots: string, code: string): Promise<bigint> {
  let sum = 0n;
  for (const p of pots.split("+")) sum += await shown(page, level, p, code);
  return sum;
}

describe("2025, Dalarna: SKR's published amounts", () => {
  it("shows all twenty published amounts, the fifteen municipalities and the region's and county's", async () => {
    const page = await openPage();
    await chooseDalarna(page);
    const oracle = readOracle().filter((r) => r);
    expect(oracle).toHaveLength(20);
    expect(await page.locator('table[data-level="municipality"] tbody tr').count()).toBe(15);
    for (const row of oracle) {
      expect({ ...row, amount: await shownPots(page, row.level, row.pot, row.code) }).toEqual(row);
    }
    // The published table's sum for Dalarna's municipalities, pot 2.
    const municipal = oracle.filter((r) => r.level === "municipality").reduce((s, r) => s + r.amount, 0n);
    expect(kronor(await page.locator('table[data-level="municipality"] tfoot td.num').first().textContent())).toBe(municipal);
    // Each pot's residue, as the README documents for 2025 (nearest-per-recipient rounding).
    expect(await page.locator('[data-residue="3a"]').textContent()).toBe("-1");
    expect(await page.locator('[data-residue="4a"]').textContent()).toBe("+1");
    expect(await page.locator('[data-residue="3b"]').textContent()).toBe("0");
    await page.close();
  });
});

describe("choices and accessibility", () => {
  it("labels every control, names every amount, and narrows the view to one municipality", async () => {
    const page = await openPage();
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    for (const label of ["Överenskommelse", "Län", "Kommun", "Befolkningsdata", "Avrundning"]) {
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    }
    expect(await page.getByLabel("Välj befolkningsfil…").getAttribute("type")).toBe("file");
    await chooseDalarna(page);
    const names = await page.locator("button.amount").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label") ?? ""));
    expect(names.length).toBe(2 + 5 + 15);
    expect(names.every((n) => /^Förklara pott \S+ för .+: [\d ]+ kr$/.test(n))).toBe(true);
    expect(await page.locator("table caption").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("#messages").getAttribute("aria-live")).toBe("polite");

    await page.selectOption("#municipality", "2080");
    await page.waitForSelector('table[data-level="region"]', { state: "detached" });
    expect(await page.locator('table[data-level="municipality"] tbody tr').count()).toBe(1);
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    expect(await page.locator("#selection-total").textContent()).toBe("1 309 672 kr");
    await page.close();
  });
});

describe("explanations and charts", () => {
  it("explains an amount on click and on Enter from the keyboard", async () => {
    const page = await openPage();
    await chooseDalarna(page);
    await page.click('button.amount[data-pot="2"][data-code="2080"]');
    const text = await page.locator("#explanation-body").innerText();
    expect(text).toContain("Pott 2");
    expect(text).toContain("Falun");
    expect(text).toContain("200 000 + 192 000 000 × 13 093 / 2 265 405 = 1 309 671,78 → 1 309 672 kr");

    await page.focus('button.amount[data-pot="4b"][data-code="20"]');
    await page.keyboard.press("Enter");
    const region = await page.locator("#explanation-body").innerText();
    expect(region).toContain("Region Dalarna");
    expect(region).toContain("→ 7 790 015 kr");
    expect(await page.locator('button.amount[aria-current="true"]').getAttribute("data-pot")).toBe("4b");
    await page.close();
  });

  it("shows a missing amount as missing, never as zero, and explains why", async () => {
    const page = await openPage();
    await chooseDalarna(page);
    // Largest remainder needs every municipality's 0–18 count; the bundled data has Dalarna's only.
    await page.selectOption("#rounding", "largest-remainder");
    const falun = page.locator('button.amount[data-pot="2"][data-code="2080"]');
    await falun.filter({ hasText: "saknas" }).waitFor();
    expect(await falun.getAttribute("aria-label")).toBe("Varför saknas pott 2 för Falun?");
    await falun.click();
    expect(await page.locator("#explanation-body").innerText()).toContain("Beloppet kan inte beräknas");
    expect(await page.locator("#missing").innerText()).toContain("pott 2");
    // Every pot that could be computed now sums exactly to its amount.
    for (const pot of ["1a", "3a", "3b", "4a", "4b"]) expect(await page.locator(`[data-residue="${pot}"]`).textContent()).toBe("0");
    expect(await page.locator('[data-residue="2"]').textContent()).toBe("–");
    await page.close();
  });

  it("draws the county's amounts per pot and per municipality", async () => {
    const page = await openPage();
    await chooseDalarna(page);
    const charts = page.locator("#charts figure svg");
    expect(await charts.count()).toBe(2);
    const perPot = await charts.nth(0).locator("desc").textContent();
    expect(perPot).toContain("Pott 3b (Region Dalarna): 13 524 332 kr");
    expect(perPot).toContain("Pott 1a (länsgemensamt): 2 000 000 kr");
    const perMunicipality = await charts.nth(1).locator("desc").textContent();
    expect(perMunicipality).toContain("Falun: 1 309 672 kr");
    expect(perMunicipality).toContain("Vansbro: 311 874 kr");
    expect(await charts.nth(1).locator("rect").count()).toBe(15);
    await page.close();
  });
});

/**
 * A complete population file in the project's format: the bundled totals of 1 Nov 2024 and
 * Dalarna's 0–18, with Falun 5 000 people and 1 000 children more.
 */
function modifiedPopulation(): { csv: string; total: Map<string, bigint>; young: Map<string, bigint>; youngNational: bigint } {
  const read = (f: string) =>
    readFileSync(join(ROOT, "data", "population", f), "utf8")
      .split(/\r?\n/)
      .filter((l) => /^\d{2,4},/.test(l))
      .map((l) => l.split(","));
  const total = new Map(read("2024-11-01_total.csv").map(([code, , n]) => [code!, BigInt(n!)]));
  const youngRows = read("2024-11-01_dalarna_0-18_harledd.csv");
  const young = new Map(youngRows.filter(([c]) => c !== "00").map(([code, , n]) => [code!, BigInt(n!)]));
  let youngNational = BigInt(youngRows.find(([c]) => c === "00")![2]!);
  total.set("2080", total.get("2080")! + 5000n);
  young.set("2080", young.get("2080")! + 1000n);
  youngNational += 1000n;
  const lines = [
    "# referensdatum: 2024-11-01",
    "# källa: testfil, Falun ändrad",
    "kommun_kod,nyckel,antal",
    ...[...total].map(([c, n]) => `${c},total,${n}`),
    ...[...young].map(([c, n]) => `${c},0-18,${n}`),
    `00,0-18,${youngNational}`,
  ];
  return { csv: `${lines.join("\n")}\n`, total, young, youngNational };
}

describe("population files", () => {
  it("refuses to add a file that contradicts the built-in data, naming both sources, and recomputes every amount from it alone", async () => {
    const page = await openPage();
    await chooseDalarna(page);
    const before = await shown(page, "municipality", "2", "2080");
    const { csv, total, young, youngNational } = modifiedPopulation();
    await dropFile(page, "falun-plus.csv", Buffer.from(csv, "utf8"));
    const alert = page.locator('#messages [role="alert"]');
    await alert.waitFor();
    // The library's Swedish words for the conflict: Falun's count, and both sources.
    expect(await alert.locator("strong").textContent()).toContain("Filen falun-plus.csv stämmer inte med den befolkning som redan finns för 2024-11-01");
    const conflict = (await alert.locator("li code").allTextContents()).join("\n");
    expect(conflict).toContain("2080");
    expect(conflict).toContain("testfil, Falun ändrad");
    expect(conflict).not.toMatch(/\[POPULATION_|POPULATION_DUPLICATE/);
    // Nothing changed: the built-in data is still what is shown.
    expect(await page.locator("#population").inputValue()).toBe("auto");
    expect(await shown(page, "municipality", "2", "2080")).toBe(before);
    // The file alone is offered, and chosen it recomputes everything.
    await page.selectOption("#population", { label: "Endast filen falun-plus.csv (2024-11-01)" });
    await page.waitForFunction(() => location.hash.includes("bef=file"));

    // The 2025 rules, computed here by hand: pot 2 = 200 000 + 192 000 000 × 0–18 share;
    // 3b = 500 000 000, 3a = 200 000 000 and 4a's 95 000 000 (after 21 × 5 000 000) by total population.
    const falun = 200_000n + roundHalfUp(192_000_000n * young.get("2080")!, youngNational);
    expect(await shown(page, "municipality", "2", "2080")).toBe(falun);
    expect(falun).not.toBe(before);
    expect(await shown(page, "municipality", "2", "2081")).toBe(200_000n + roundHalfUp(192_000_000n * young.get("2081")!, youngNational));
    const sweden = [...total.values()].reduce((s, n) => s + n, 0n);
    const dalarna = [...total].filter(([c]) => c.startsWith("20")).reduce((s, [, n]) => s + n, 0n);
    expect(await shown(page, "region", "3b", "20")).toBe(roundHalfUp(500_000_000n * dalarna, sweden));
    expect(await shown(page, "county", "3a", "20")).toBe(roundHalfUp(200_000_000n * dalarna, sweden));
    expect(await shown(page, "county", "4a", "20")).toBe(5_000_000n + roundHalfUp(95_000_000n * dalarna, sweden));
    expect(await shown(page, "county", "1a", "20")).toBe(2_000_000n);
    expect(await page.locator("#summary").innerText()).toContain("testfil, Falun ändrad");

    // Back to the bundled data: the published amount again.
    await page.selectOption("#population", "auto");
    await page.waitForFunction(() => !location.hash.includes("bef=file"));
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    await page.close();
  });

  it("reads an SCB export in Windows-1252 (0x96 en dash, å/ä/ö) as the command line does", async () => {
    // SCB's wide CSV of Dalarna's 0–18 on 1 Nov 2024, as Statistikdatabasen writes it: Windows-1252.
    const file = join(ROOT, "tests", "fixtures", "population", "dalarna-0-18_bred_komma_windows-1252.csv");
    const bytes = readFileSync(file);
    const title = "Folkmängden den 1 november efter region, ålder och kön. År 2002 – 2024";
    // The premise: not UTF-8, and the title's en dash is the byte 0x96 that browsers' and Node's
    // own "windows-1252" decoders turn into a C1 control; å, ä, ö and Å as single bytes.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.subarray(0, bytes.indexOf(0x0d))).toEqual(Buffer.from(`"${title.replace("–", "\x96")}"`, "latin1"));
    expect(bytes.includes(Buffer.from("2031 R\xe4ttvik", "latin1"))).toBe(true);
    expect(bytes.includes(Buffer.from("2039 \xc4lvdalen", "latin1"))).toBe(true);

    const page = await openPage();
    await chooseDalarna(page);
    await dropFile(page, "scb-dalarna-0-18.csv", bytes);
    await page.waitForSelector("text=Befolkning från scb-dalarna-0-18.csv (2024-11-01) används nu.");
    // Same date as the built-in data, and the counts agree: the file is added to it, and says so.
    expect(await page.locator("#file-how").textContent()).toBe("Filen lades till den inbyggda befolkningen för 2024-11-01.");
    expect(await page.locator("#population").inputValue()).toBe("auto");
    expect(await page.locator("#population option:checked").textContent()).toContain("+ scb-dalarna-0-18.csv");
    // With the built-in total population beside the file's 0–18, every published amount is there.
    for (const row of readOracle()) expect({ ...row, amount: await shownPots(page, row.level, row.pot, row.code) }).toEqual(row);

    // The file on its own, as `allocate --no-bundled --population FILE` reads it.
    await page.selectOption("#population", { label: "Endast filen scb-dalarna-0-18.csv (2024-11-01)" });
    await page.waitForFunction(() => location.hash.includes("bef=file"));
    const summary = await page.locator("#summary").innerText();
    expect(summary).toContain(title);
    expect(summary).not.toMatch(/[\u0080-\u009f]|Ã/);
    expect(await page.locator("#sources").innerText()).toContain(`Befolkning: ${title}`);

    // Its 0–18 counts give SKR's published pot 2 amount for every municipality of Dalarna.
    const municipal = readOracle().filter((r) => r.level === "municipality");
    expect(municipal).toHaveLength(15);
    for (const row of municipal) expect({ ...row, amount: await shown(page, "municipality", "2", row.code) }).toEqual(row);
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    const names = await page.locator('table[data-level="municipality"] tbody th').allTextContents();
    expect(names).toEqual(expect.arrayContaining(["Malung-Sälen", "Rättvik", "Älvdalen", "Borlänge", "Säter"]));
    // The file has no total population: the pots that need it are missing, never zero.
    const region = page.locator('button.amount[data-level="region"][data-pot="3b"][data-code="20"]');
    expect(await region.textContent()).toBe("saknas");
    expect(await region.getAttribute("aria-label")).toBe("Varför saknas pott 3b för Region Dalarna?");
    expect(await shown(page, "county", "1a", "20")).toBe(2_000_000n);

    // The download is the file `allocate --no-bundled --population FILE --county 20 --out x.csv` writes.
    const { path } = await download(page, "#download-csv", "scb-dalarna.csv");
    expect(readFileSync(path, "utf8")).toContain("\r\nkommun;2031;Rättvik;2;355268;\r\n");
    expect(readFileSync(path).equals(readFileSync(cliOut(["--no-bundled", "--population", file, "--county", "20"], "cli-scb-dalarna.csv")))).toBe(true);
    await page.close();
  });

  it("shows every problem of a bad file in the library's Swedish words, and keeps the previous data", async () => {
    // The library the CLI is built from, in Node: the page must word each problem exactly so.
    const lib = (await import(pathToFileURL(join(ROOT, "dist", "index.js")).href)) as typeof import("../../src/index.js");
    // Every problem exactly as renderIssue(i, "sv") words it.
    const swedish = (bytes: Uint8Array, file: string): (string | RegExp)[] => {
      const r = lib.safeParsePopulation(bytes, { file });
      if (r.ok) throw new Error(`${file} was accepted`);
      return r.issues.map((i) => lib.renderIssue(i, "sv"));
    };
    const matches = (got: string[], want: (string | RegExp)[]) => {
      expect(got).toHaveLength(want.length);
      want.forEach((w, k) => (typeof w === "string" ? expect(got[k]).toBe(w) : expect(got[k]).toMatch(w)));
    };
    const bad = Buffer.from("# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,total,60000\n9999,total,12\n2081,total,abc\n");
    const expected = swedish(bad, "fel.csv");
    expect(expected).toHaveLength(2);
    const found = lib.safeParsePopulation(bad, { file: "fel.csv" });
    expect(found.ok ? [] : found.issues.map((i) => `${i.file}:${i.line}`)).toEqual(["fel.csv:4", "fel.csv:5"]);

    const page = await openPage();
    await chooseDalarna(page);
    await page.setInputFiles("#file", { name: "fel.csv", mimeType: "text/csv", buffer: bad });
    const alert = page.locator('#messages [role="alert"]');
    await alert.waitFor();
    expect(await alert.locator("strong").textContent()).toContain("Filen fel.csv kunde inte användas");
    matches(await alert.locator("li code").allTextContents(), expected);
    expect(await alert.innerText()).not.toMatch(/\[POPULATION_/);
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);

    // Not UTF-8 (and not Windows-1252 either): the encoding error.
    const latin1 = Buffer.from("# referensdatum: 2024-11-01\n# k\xe4lla: x\nkommun_kod,nyckel,antal\n", "latin1");
    await page.setInputFiles("#file", { name: "latin1.csv", mimeType: "text/csv", buffer: latin1 });
    await page.waitForSelector("#messages li code >> text=latin1.csv");
    matches(await page.locator('#messages [role="alert"] li code').allTextContents(), swedish(latin1, "latin1.csv"));
    await page.close();
  });
});

/** The built CLI's `allocate … --out FILE` in the temporary folder; resolves to the file's path. */
function cliOut(args: string[], file: string): string {
  const cli = join(ROOT, "dist", "cli.js");
  if (!existsSync(cli)) throw new Error("dist/cli.js missing: run `npm run build` in the repository root first");
  const r = spawnSync(process.execPath, [cli, "allocate", ...args, "--out", file], { cwd: tmp, encoding: "utf8" });
  // 3 = some selected amounts could not be computed; the file is written all the same.
  if (r.status !== 0 && r.status !== 3) throw new Error(`stimulansmedel allocate failed (${r.status}): ${r.stderr}`);
  return join(tmp, file);
}

/** Every sheet of a workbook as its name and the values of its rows. */
async function workbookValues(path: string): Promise<{ name: string; rows: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (r) => rows.push((r.values as unknown[]).slice(1)));
    return { name: ws.name, rows };
  });
}

async function download(page: Page, button: string, file: string): Promise<{ path: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  const path = join(tmp, file);
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

describe("downloads: the library's csv and xlsx, the files the command line writes", () => {
  it("downloads the view as xlsx with a sheet per level, frozen header, autofilter and a Källor sheet", async () => {
    const page = await openPage();
    await chooseDalarna(page);
    const { path, name } = await download(page, "#download-xlsx", "view.xlsx");
    expect(name).toBe("stimulansmedel-2025-20-dalarnas-lan.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Regioner", "Länsgemensamma medel", "Kommuner", "Källor"]);

    const cell = (sheet: string, code: string, header: string): unknown => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as unknown[]).map(String).indexOf(header);
      if (col < 1) throw new Error(`${sheet}: no column ${header}`);
      let found: unknown;
      ws.eachRow((row) => {
        if (String(row.getCell(1).value) === code) found = row.getCell(col).value;
      });
      if (found === undefined) throw new Error(`${sheet}: no row ${code}`);
      return found;
    };
    const sheetOf: Record<string, string> = { municipality: "Kommuner", region: "Regioner", county: "Länsgemensamma medel" };
    for (const row of readOracle()) {
      const sum = row.pot.split("+").reduce((s, p) => s + BigInt(cell(sheetOf[row.level]!, row.code, `Pott ${p}`) as number), 0n);
      expect({ ...row, amount: sum }).toEqual(row);
    }
    expect(cell("Kommuner", "2080", "Pott 2")).toBe(1_309_672);
    expect(cell("Regioner", "20", "Pott 3b")).toBe(13_524_332);
    expect(cell("Regioner", "20", "Summa")).toBe(21_314_347);
    const kommuner = wb.getWorksheet("Kommuner")!;
    expect(kommuner.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(kommuner.autoFilter).toBe("A1:E16");
    expect(kommuner.getRow(1).values).toEqual([undefined, "Kod", "Mottagare", "Pott 2", "Summa", "Anmärkning"]);
    expect(kommuner.getCell("C2").numFmt).toBe('#,##0 "kr"');
    expect((kommuner.getRow(17).values as unknown[]).slice(2, 5)).toEqual(["Summa", 8_006_024, 8_006_024]);

    const rows: unknown[][] = [];
    wb.getWorksheet("Källor")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const value = (k: string) => rows.find((r) => r[0] === k)?.[1];
    // Residue = allocated − pot: SKR's rounding leaves 3a a krona short and 4a a krona over.
    expect(rows.find((r) => r[0] === "3a")?.slice(3, 6)).toEqual([200_000_000, 199_999_999, -1]);
    expect(rows.find((r) => r[0] === "4a")?.slice(3, 6)).toEqual([200_000_000, 200_000_001, 1]);
    expect(value("Totalbelopp")).toBe(1_560_000_000);
    expect(value("Befolkningens referensdatum")).toBe("2024-11-01");
    expect(value("Avrundning")).toBe("varje belopp avrundat för sig till närmaste krona");
    expect(String(value("Källa"))).toMatch(/^SCB, Folkmängden den 1 november 2024/);

    // The same workbook as `stimulansmedel allocate --agreement 2025 --county 20 --out x.xlsx`.
    expect(await workbookValues(path)).toEqual(await workbookValues(cliOut(["--agreement", "2025", "--county", "20"], "cli.xlsx")));
    await page.close();
  });

  it("downloads the view as CSV for Swedish Excel, byte for byte the command line's", async () => {
    const page = await openPage();
    await chooseDalarna(page);
    const { path, name } = await download(page, "#download-csv", "view.csv");
    expect(name).toBe("stimulansmedel-2025-20-dalarnas-lan.csv");
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("Nivå;Kod;Mottagare;Pott;Belopp;Anmärkning");
    const levelOf: Record<string, string> = { municipality: "kommun", region: "region", county: "län" };
    for (const row of readOracle()) {
      for (const pot of row.pot.split("+")) expect(lines.some((l) => l.startsWith(`${levelOf[row.level]};${row.code};${row.name};${pot};`))).toBe(true);
    }
    // Falun's pot 2 rests on the derived 0–18 counts, which its note says.
    expect(lines.find((l) => l.startsWith("kommun;2080;Falun;2;"))).toMatch(/^kommun;2080;Falun;2;1309672;härledd/);
    expect(lines).toContain("region;20;Region Dalarna;3b;13524332;");
    expect(lines.filter((l) => l !== "")).toHaveLength(1 + 2 + 5 + 15);
    expect(bytes.equals(readFileSync(cliOut(["--agreement", "2025", "--county", "20"], "cli.csv")))).toBe(true);

    // Uppsala county: pot 2 is missing for its municipalities, an empty Belopp with the reason, never 0.
    await page.selectOption("#county", "03");
    await page.waitForSelector('table[data-level="municipality"] tbody tr[data-code="0380"]');
    const uppsala = await download(page, "#download-csv", "uppsala.csv");
    const text = readFileSync(uppsala.path, "utf8");
    expect(text).toMatch(/\r\nkommun;0380;Uppsala;2;;saknas: kommunens folkmängd 0–18 år saknas i befolkningsdata\. [^\r]*TAB1267[^\r]*\r\n/);
    expect(readFileSync(uppsala.path).equals(readFileSync(cliOut(["--agreement", "2025", "--county", "03"], "cli-uppsala.csv")))).toBe(true);
    await page.close();
  });
});

/** An agreement of one pot split between the regions (60 Mkr) and the municipalities (40 Mkr), both by total population. */
const SPLIT_AGREEMENT = {
  id: "delad-test",
  title: "Testöverenskommelse med delad pott",
  source: "handgjord testfil",
  referenceDate: "2024-11-01",
  total: 100_000_000,
  pots: [
    {
      id: "1",
      name: "Delad mellan region och kommuner",
      source: "test",
      amount: 100_000_000,
      level: "split",
      status: "known",
      rule: {
        type: "splitLevels",
        parts: [
          { level: "region", amount: 60_000_000, rule: { type: "share", key: "total" } },
          { level: "municipality", amount: 40_000_000, rule: { type: "share", key: "total" } },
        ],
      },
    },
  ],
};

describe("an agreement file: a split pot as the command line computes it", () => {
  it("shows every amount of a split-pot agreement as `allocate --agreement FILE` does, explains it, and downloads the CLI's CSV", async () => {
    const file = join(tmp, "delad.json");
    writeFileSync(file, JSON.stringify(SPLIT_AGREEMENT, null, 2));
    const cli = JSON.parse(readFileSync(cliOut(["--agreement", file, "--county", "20"], "delad-cli.json"), "utf8")) as {
      allocations: { pot: string; part?: number; level: string; code: string; amount: number | null }[];
    };
    // The pot's parts at their own levels: Region Dalarna and the 15 municipalities.
    expect(cli.allocations.filter((a) => a.level === "region")).toHaveLength(1);
    expect(cli.allocations.filter((a) => a.level === "municipality")).toHaveLength(15);

    const page = await openPage();
    await chooseDalarna(page);
    await dropFile(page, "delad.json", Buffer.from(JSON.stringify(SPLIT_AGREEMENT)));
    await page.waitForSelector("text=Överenskommelsen i delad.json (delad-test) visas nu.");
    await page.waitForSelector('button.amount[data-level="region"][data-pot="1"][data-code="20"]');
    expect(await page.locator("#agreement").inputValue()).toBe("fil-1");
    for (const a of cli.allocations) expect([a.level, a.code, await shown(page, a.level, a.pot, a.code)]).toEqual([a.level, a.code, BigInt(a.amount!)]);
    // Nothing on the page that the command line does not have: no pot filtered away, none added.
    expect(await page.locator("#tables button.amount").count()).toBe(cli.allocations.length);
    const region = cli.allocations.find((a) => a.level === "region")!;
    expect(region.amount).toBeGreaterThan(0);

    // The explanation of the region's part, with its amount.
    await page.click('button.amount[data-level="region"][data-pot="1"][data-code="20"]');
    const explanation = page.locator("#explanation-body");
    await explanation.locator("text=Region Dalarna").first().waitFor();
    expect((await explanation.innerText()).replace(/\s/g, "")).toContain(String(region.amount));

    // The CSV is the command line's, byte for byte.
    const { path } = await download(page, "#download-csv", "delad.csv");
    expect(readFileSync(path).equals(readFileSync(cliOut(["--agreement", file, "--county", "20"], "delad-cli.csv")))).toBe(true);

    // A broken agreement file: refused in Swedish, naming the file; the shown agreement stays.
    await dropFile(page, "trasig-overenskommelse.json", Buffer.from(JSON.stringify({ ...SPLIT_AGREEMENT, total: "mycket" })));
    const alert = page.locator('#messages [role="alert"]');
    await alert.waitFor();
    expect(await alert.locator("strong").innerText()).toBe("Överenskommelsen i trasig-overenskommelse.json kunde inte användas. Sidan visar det som var valt.");
    for (const line of await alert.locator("li").allInnerTexts()) {
      expect(line.startsWith("trasig-overenskommelse.json")).toBe(true);
      expect(line).not.toMatch(/\b(the|is|not|expected|got|must)\b/);
    }
    expect(await shown(page, "region", "1", "20")).toBe(BigInt(region.amount!));
    await page.close();
  });
});

describe("offline and private", () => {
  it("opens from a file:// URL and computes without any server", async () => {
    const page = await openPage(pathToFileURL(join(DIST, "index.html")).href);
    await chooseDalarna(page);
    expect(await shown(page, "municipality", "2", "2080")).toBe(1_309_672n);
    await page.close();
  });

  it("made no request outside the page and logged no error", () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
