import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOracle } from "../../helpers.js";
import { startFakeScb, type FakeScb } from "../../support/fake-scb.js";
import { cli } from "../run.js";

/** A local port nothing listens on, so "offline" needs no internet and fails at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

describe("stimulansmedel population fetch", () => {
  it("offline: one Swedish line naming the table, where to download it and the command that reads it, exit 2", async () => {
    const port = await closedPort();
    const r = await cli(["population", "fetch", "--agreement", "2025"], { env: { STIMULANSMEDEL_SCB_API: `http://127.0.0.1:${port}/api/v2` } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.replace(/\(anslutningen nekades\)|\(nätverksfel\)/, "(…)")).toBe(
      "stimulansmedel: SCB:s API kunde inte nås (…); ladda ner tabellen Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267) för hand från https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/FolkmangdNov/ (alla kommuner och riket, ålder 0–18 år och totalt ålder, båda könen, period 2024) och läs filen med: stimulansmedel allocate --agreement 2025 --population FIL\n",
    );
    expect(r.error?.code).toBe("SCB_UNREACHABLE");
    const other = await cli(["population", "fetch", "--date", "2024-12-31", "--api-url", `http://127.0.0.1:${port}`]);
    expect(other.error?.message).toMatch(/TAB638\/metadata.*BefolkningNy/);
  });

  it("usage errors exit 1 in Swedish; help has an example", async () => {
    const mid = await cli(["population", "fetch", "--date", "2024-06-15"]);
    expect(mid.code).toBe(1);
    expect(mid.stderr).toBe("stimulansmedel: SCB publicerar befolkning för 1 november, 31 december och sista dagen i varje månad, inte 2024-06-15 (se stimulansmedel population fetch --help)\n");
    expect((await cli(["population", "fetch", "--ages", "total", "--ages", "0-18"])).stderr).toMatch(/^stimulansmedel: --ages får anges en gång/);
    expect((await cli(["population", "frobnicate"])).code).toBe(1);
    const help = (await cli(["population", "--help"])).stdout;
    expect(help).toMatch(/Exempel:\n  stimulansmedel population fetch --agreement 2025\n  stimulansmedel allocate --agreement 2025 --county 25/);
    expect(help).toMatch(/stimulansmedel population list/);
  });
});

describe("population fetch --agreement 2025, then allocate --county 25 (against a local SCB on 127.0.0.1)", () => {
  let scb: FakeScb;
  let cache: string;
  beforeAll(async () => {
    scb = await startFakeScb();
    cache = mkdtempSync(join(tmpdir(), "sm-xdg-"));
  });
  afterAll(() => scb.close());

  it("survives a 429 and a 503, caches one CSV with both keys, and a later allocate is complete for Norrbotten", async () => {
    const env = { STIMULANSMEDEL_SCB_API: scb.apiUrl, XDG_CACHE_HOME: cache };
    // Before the fetch, Norrbotten's municipal pot 2 is missing (no 0–18 outside Dalarna).
    const before = await cli(["allocate", "--agreement", "2025", "--county", "25", "--format", "json"], { env });
    expect(before.code).toBe(3);
    scb.fail("data", { kind: "status", status: 429, retryAfter: "0" }, { kind: "status", status: 503 });
    const f = await cli(["population", "fetch", "--agreement", "2025"], { env });
    expect(f.stderr).toBe("");
    expect(f.code).toBe(0);
    const dataRequests = scb.requests.filter((r) => r.path.endsWith("/data"));
    expect(dataRequests.length).toBeGreaterThanOrEqual(3); // the 429, the 503, and the answer
    const files = readdirSync(join(cache, "stimulansmedel"));
    expect(files).toEqual(["2024-11-01_TAB1267_0-18_total.csv"]);
    expect(f.stdout).toContain("2024-11-01_TAB1267_0-18_total.csv");
    const csv = readFileSync(join(cache, "stimulansmedel", files[0]!), "utf8");
    expect(csv).toMatch(/# referensdatum: 2024-11-01/);
    expect(csv).toMatch(/TAB1267/);

    const list = await cli(["population", "list", "--format", "json"], { env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).fetched).toEqual([expect.objectContaining({ referenceDate: "2024-11-01", table: "TAB1267", keys: ["0-18", "total"] })]);

    const r = await cli(["allocate", "--agreement", "2025", "--county", "25", "--format", "json"], { env });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.missing).toEqual([]);
    const norrbotten = doc.allocations.filter((a: { level: string }) => a.level === "municipality");
    expect(norrbotten).toHaveLength(14);
    expect(doc.totals.every((t: { amount: number | null }) => typeof t.amount === "number" && t.amount > 0)).toBe(true);
    const table = await cli(["allocate", "--agreement", "2025", "--county", "25"], { env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Befolkning hämtad från SCB \(TAB1267\) den \d{4}-\d{2}-\d{2} med population fetch,\s+referensdatum 2024-11-01/);

    // Dalarna's published amounts are unchanged on the fetched data.
    const d = JSON.parse((await cli(["allocate", "--agreement", "2025", "--county", "20", "--format", "json"], { env })).stdout);
    for (const row of readOracle()) {
      const got = row.pot.split("+").reduce((s: number, p: string) => s + d.allocations.find((a: { pot: string; code: string }) => a.pot === p && a.code === row.code).amount, 0);
      expect(got, row.name).toBe(Number(row.amount));
    }
    // --no-cache turns the fetched data off again.
    expect((await cli(["allocate", "--agreement", "2025", "--county", "25", "--no-cache"], { env })).code).toBe(3);
  });
});

describe("stimulansmedel population list, as text", () => {
  it("lists each bundled dataset once, by date, with what it holds, within 80 columns", async () => {
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "sm-list-")) };
    const r = await cli(["population", "list"], { env });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    expect(lines).toContain("2015-12-31  folkmängd per kommun (SCB).");
    expect(lines).toContain("2019-12-31  folkmängd per kommun och per ettårsklass (SCB).");
    // The derived county bases say so, with Sweden's count grouped by thousands.
    expect(r.stdout.replace(/\s+/g, " ")).toContain("2023-11-01 länens folkmängd, HÄRLEDD ur SKR:s fördelning av medel för kvinnors hälsa 2024 (rikets antal 10 557 682)");
    // One line starts with each date: no second column repeating it.
    expect(lines.filter((l) => l.startsWith("2024-11-01"))).toEqual(["2024-11-01  folkmängd per kommun (SCB) och Dalarnas 0–18 år (härledda)."]);
    expect(r.stdout).not.toMatch(/^\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d/m);
    expect(r.stdout).toContain("Inget hämtat ännu: stimulansmedel population fetch --agreement 2025");
  });
});
