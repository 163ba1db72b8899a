import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAgreementFile, safeLoadAgreementFile, safeLoadPopulationFile } from "../../src/node/files.js";
import { ROOT } from "../helpers.js";
import { normalizeKey } from "../../src/population.js";

describe("file loaders", () => {
  const dir = mkdtempSync(join(tmpdir(), "sm-files-"));

  it("load the bundled 2025 agreement from its path", () => {
    const r = safeLoadAgreementFile(resolve(ROOT, "data", "agreements", "2025.json"));
    expect(r.ok && r.value.total).toBe(1_560_000_000n);
  });

  it("return every problem of an agreement file without throwing", () => {
    const file = join(dir, "a.json");
    const a = JSON.parse(JSON.stringify(loadAgreementFile(resolve(ROOT, "data", "agreements", "2025.json")), (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v)));
    a.total = "1 560 000 000";
    a.pots[0].level = "kommun";
    writeFileSync(file, JSON.stringify(a));
    const r = safeLoadAgreementFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([
        ["AGREEMENT_INVALID", "total"],
        ["AGREEMENT_INVALID", "pots[0].level"],
      ]);
      expect(r.issues.every((i) => i.file === file)).toBe(true);
    }
    writeFileSync(file, '{\n  "id": "x",\n  "total": 10,\n}');
    const j = safeLoadAgreementFile(file);
    expect(!j.ok && j.issues[0]).toMatchObject({ code: "AGREEMENT_INVALID", file, line: 4 });
  });

  it("report missing files as typed problems", () => {
    expect(safeLoadAgreementFile(join(dir, "nope.json"))).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: "AGREEMENT_NOT_FOUND", message: "no such file", file: join(dir, "nope.json") })],
    });
    const p = safeLoadPopulationFile(join(dir, "nope.csv"));
    expect(!p.ok && p.issues[0]!.code).toBe("POPULATION_NOT_FOUND");
  });

  it("return every bad row of a population file", () => {
    const file = join(dir, "p.csv");
    writeFileSync(file, "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,-1\n2081,0-18,x\n00,0-18,9\n");
    const r = safeLoadPopulationFile(file);
    expect(!r.ok && r.issues.map((i) => `${i.file}:${i.line} ${i.code}`)).toEqual([`${file}:3 POPULATION_BAD_COUNT`, `${file}:4 POPULATION_BAD_COUNT`]);
    writeFileSync(file, "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,1\n00,0-18,9\n");
    const ok = safeLoadPopulationFile(file);
    expect(ok.ok && ok.value.counts.get(normalizeKey("0-18"))!.get("2080")).toBe(1n);
  });
});
