/**
 * `stimulansmedel verify`: a published table against the rules. The slide text is built from
 * tests/oracles/dalarna-2025.csv (SKR's 2025 amounts for Dalarna's 15 municipalities, as RSS
 * Dalarna's slide prints them, "Malung/Sälen" included), so the test holds the published figures.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isolatedRun as run } from "../run.js";
import { readWorkbookTable } from "../../../src/xlsx/read.js";
import { nodeInflateRaw } from "../../../src/node/xlsx.js";
import { ROOT } from "../../helpers.js";
import { cli } from "../run.js";

const dalarna = readFileSync(resolve(ROOT, "tests/oracles/dalarna-2025.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(","))
  .filter((c) => c[1] === "2");

const group = (n: string) => n.replace(/\B(?=(\d{3})+$)/g, " ");
/** The slide: a heading, then "name<TAB>amount" with spaces between thousands. */
function slide(change?: { code: string; by: number }): string {
  const lines = dalarna.map(([, , , code, name, amount]) => `${name!.replace("-", "/")}\t${group(String(Number(amount) + (change && change.code === code ? change.by : 0)))}`);
  return `Belopp per huvudman\n${lines.join("\n")}\n`;
}

let out = "";
let err = "";
beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += typeof s === "string" ? s : Buffer.from(s).toString("latin1")), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += typeof s === "string" ? s : Buffer.from(s).toString("utf8")), true));
});
afterEach(() => vi.restoreAllMocks());

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sm-verify-"));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe("stimulansmedel verify", () => {
  it("the 2025 slide piped in: 15 av 15 lika, exit 0 (acceptance, as a subprocess)", async () => {
    expect(dalarna).toHaveLength(15);
    expect(slide()).toContain("Malung/Sälen\t354 674");
    const r = await cli(["verify", "--agreement", "2025", "-"], { input: slide() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^15 av 15 lika$/m);
    expect(r.stdout).toMatch(/Falun\s+1 309 672\s+1 309 672\s+0\s+2\s+lika/);
  });

  it("one amount a krona off: names the row, sums the difference, exit 4", async () => {
    const code = await run(["verify", "--agreement", "2025", file("slide.txt", slide({ code: "2062", by: -1 }))]);
    expect(code).toBe(4);
    expect(out).toMatch(/^14 av 15 lika; 1 skiljer sig, sammanlagt -1 kr/m);
    expect(out).toMatch(/Mora\s+533 587\s+533 588\s+-1\s+2\s+SKILLNAD/);
    expect(out).toContain("Mora (2062): tabellen anger 533 587 kr, beräkningen ger 533 588 kr");
    expect(out.match(/SKILLNAD/g)).toHaveLength(1);
  });

  it("checks a total line and writes json, csv and xlsx", async () => {
    const total = dalarna.reduce((s, c) => s + Number(c[5]), 0);
    const text = `${slide()}Summa\t${group(String(total + 10))}\n`;
    expect(await run(["verify", "--agreement", "2025", "--format", "json", file("s.txt", text)])).toBe(4);
    const doc = JSON.parse(out);
    expect(doc.equal).toBe(15);
    expect(doc.totals).toEqual([{ line: 17, label: "Summa", published: total + 10, rowsSum: total, ok: false }]);
    expect(doc.rows.find((r: { code: string }) => r.code === "2023")).toMatchObject({ label: "Malung/Sälen", name: "Malung-Sälen", published: 354674, computed: 354674, pots: ["2"] });
    out = "";
    expect(await run(["verify", "--agreement", "2025", "--format", "csv", file("s.txt", slide())])).toBe(0);
    expect(out).toContain("11;kommun;2080;Falun;Falun;1309672;1309672;0;2;lika");
    const xlsx = join(mkdtempSync(join(tmpdir(), "sm-verify-")), "k.xlsx");
    expect(await run(["verify", "--agreement", "2025", "--out", xlsx, file("s.txt", slide())])).toBe(0);
    const sheet = readWorkbookTable(readFileSync(xlsx), { inflateRaw: nodeInflateRaw });
    expect(sheet.sheets).toEqual(["Kontroll", "Källor"]);
    expect(sheet.rows.find((r) => r[2] === "2080")?.slice(5, 8)).toEqual([1309672, 1309672, 0]);
  });

  it("reads an xlsx table given as the TABLE", async () => {
    const xlsx = join(mkdtempSync(join(tmpdir(), "sm-verify-")), "in.xlsx");
    // A workbook of the table, written by the project's own writer.
    const { writeWorkbook } = await import("../../../src/xlsx/write.js");
    writeFileSync(xlsx, writeWorkbook({ sheets: [{ name: "Blad1", rows: [{ cells: ["Kommun", "Belopp"] }, ...dalarna.map((c) => ({ cells: [c[4]!, Number(c[5])] }))] }] }));
    expect(await run(["verify", "--agreement", "2025", xlsx])).toBe(0);
    expect(out).toMatch(/^15 av 15 lika$/m);
  });

  it("an unknown or ambiguous name is an error listing the candidates (exit 2)", async () => {
    expect(await run(["verify", file("s.txt", "Faluun 1 309 672\n")])).toBe(2);
    expect(err).toMatch(/Faluun.*"Falun"/);
    err = "";
    expect(await run(["verify", file("s.txt", "Dalarna 21 314 347\n")])).toBe(2);
    expect(err).toMatch(/"Dalarna" kan vara länet .* eller regionen/);
    err = "";
    // With the level given, Dalarna is the region: pots 3b + 4b summed is its total.
    expect(await run(["verify", "--level", "region", file("s.txt", "Dalarna 21 314 347\n")])).toBe(0);
    expect(out).toMatch(/Region Dalarna\s+21 314 347\s+21 314 347\s+0\s+3b\+4b\s+lika/);
  });

  it("exit 3 when the computation lacks data, 1 without a table", async () => {
    // 2025's 0–18 counts are bundled for Dalarna only: Tierp's pot 2 amount cannot be computed.
    expect(await run(["verify", "--agreement", "2025", "--pot", "2", file("s.txt", "Tierp 1 000 000\n")])).toBe(3);
    expect(out).toMatch(/Tierp\s+1 000 000\s+saknas/);
    expect(await run(["verify", "--agreement", "2025"])).toBe(1);
  });
});
