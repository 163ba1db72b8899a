import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderIssue, ScbError, UsageError } from "../../src/errors.js";
import { allMunicipalities } from "../../src/geography/index.js";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { manualClock } from "../../src/node/rate-limit.js";
import { DEFAULT_SCB_API, fetchScbKeys, fetchScbPopulation, scbTableFor } from "../../src/node/scb-api.js";
import { normalizeKey, keyCounts, levelCounts } from "../../src/population.js";
import { dalarnaCounts } from "../io/fixtures-helpers.js";
import { constructedTable, NATIONAL_0_18, startFakeScb, type FakeScb } from "../support/fake-scb.js";
import { issueWith } from "../helpers.js";

let scb: FakeScb;
beforeAll(async () => {
  scb = await startFakeScb();
});
afterAll(async () => {
  await scb.close();
});

describe("the SCB table for a reference date", () => {
  it("1 November → TAB1267, 31 December → TAB638, a month end → TAB5444", () => {
    expect(scbTableFor("2024-11-01")).toMatchObject({ id: "TAB1267", period: "2024", contents: "BE0101A9" });
    expect(scbTableFor("2024-12-31")).toMatchObject({ id: "TAB638", period: "2024", contents: "BE0101N1" });
    expect(scbTableFor("2024-10-31")).toMatchObject({ id: "TAB5444", period: "2024M10" });
    expect(scbTableFor("2024-02-29")).toMatchObject({ id: "TAB5444", period: "2024M02" });
    expect(() => scbTableFor("2024-06-15")).toThrowError(issueWith("USAGE", { value: "2024-06-15" }));
    expect(() => scbTableFor("2023-02-29")).toThrowError(issueWith("USAGE", { value: "2023-02-29" }));
    expect(DEFAULT_SCB_API).toBe("https://statistikdatabasen.scb.se/api/v2");
  });
});

describe("fetchScbKeys against the fake SCB server", () => {
  it("asks for the description first, then the data, and gives one dataset with each key and Sweden's count", async () => {
    const before = scb.requests.length;
    const f = await fetchScbKeys("2024-11-01", ["total", "0-18"], { apiUrl: scb.apiUrl, clock: manualClock(), now: new Date("2026-01-02T03:04:05Z") });
    const seen = scb.requests.slice(before);
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v2/tables/TAB1267/metadata", "POST /api/v2/tables/TAB1267/data"]);
    expect(seen[0]!.query).toEqual({ lang: "sv" });
    expect(seen[1]!.query).toEqual({ lang: "sv", outputFormat: "json-stat2" });
    expect(f.requests).toBe(2);
    expect(f.keys).toEqual(["total", "0-18"]);
    const table = constructedTable();
    const youth = keyCounts(f.dataset, "0-18");
    expect(levelCounts(youth, "municipality")).toEqual(table.youth);
    expect(youth.national).toBe(Number(NATIONAL_0_18));
    const { byCode } = dalarnaCounts();
    for (const [code, n] of byCode) expect(table.youth.get(code), code).toBe(n);
    const total = keyCounts(f.dataset, "total");
    expect(levelCounts(total, "municipality")).toEqual(table.total);
    expect(BigInt(total.national!)).toBe([...table.total.values()].reduce((s, n) => s + n, 0n));
    expect(f.dataset.sources).toEqual([
      {
        title: "SCB, Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267)",
        origin: `POST ${scb.apiUrl}/tables/TAB1267/data?lang=sv&outputFormat=json-stat2 Region=00+290 kommuner; Alder=0..18,tot; Kon=1,2; ContentsCode=BE0101A9; Tid=2024`,
        retrieved: "2026-01-02T03:04:05.000Z",
        derived: false,
        note: "SCB:s PxWeb API v2, Folkmängden den 1 november efter region, ålder, kön, tabellinnehåll och år (uppdaterad 2025-02-21T07:00:00Z); män och kvinnor summerade; 2 frågor",
      },
    ]);
  });

  it("writes the project CSV with the provenance header, every key and Sweden's counts, and reads it back the same", async () => {
    const f = await fetchScbKeys("2024-11-01", ["0-18", "total"], { apiUrl: scb.apiUrl, clock: manualClock(), now: new Date("2026-01-02T03:04:05Z") });
    const lines = f.csv.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "# referensdatum: 2024-11-01",
      "# källa: SCB, Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267)",
      `# ursprung: ${f.query}`,
      "# hämtad: 2026-01-02T03:04:05.000Z",
    ]);
    expect(lines).toContain("kommun_kod,nyckel,antal");
    expect(lines).toContain("2080,0-18,13093");
    expect(lines).toContain(`00,0-18,${NATIONAL_0_18}`);
    expect(lines.filter((l) => /^\d{4},total,\d+$/.test(l))).toHaveLength(290);
    expect(lines.filter((l) => /^00,total,\d+$/.test(l))).toHaveLength(1);
    const back = parseProjectCsv(f.csv);
    expect(back.referenceDate).toBe("2024-11-01");
    expect(back.counts).toEqual(f.dataset.counts);
    expect(back.nationalTotals).toEqual(f.dataset.nationalTotals);
    expect(back.sources[0]).toEqual(f.dataset.sources[0]);
  });

  it("splits a large query and combines the answers into the same dataset", async () => {
    const one = await fetchScbKeys("2024-11-01", ["0-18", "total"], { apiUrl: scb.apiUrl, clock: manualClock() });
    const split = await fetchScbKeys("2024-11-01", ["0-18", "total"], { apiUrl: scb.apiUrl, clock: manualClock(), maxCells: 2_000 });
    expect(split.requests).toBe(1 + 6); // 40 cells per region → 49 regions per request → 6 requests
    expect(split.dataset.counts).toEqual(one.dataset.counts);
    expect(split.dataset.nationalTotals).toEqual(one.dataset.nationalTotals);
    expect(split.query).toMatch(/ \(6 frågor, högst 2000 celler per fråga\)$/);
  });

  it("fetchScbPopulation: one key, the dataset only", async () => {
    const pop = await fetchScbPopulation({ date: "2024-11-01", key: "0-18", apiUrl: scb.apiUrl, clock: manualClock() });
    expect([...pop.counts.keys()]).toEqual(["0-18"]);
    expect(pop.counts.get(normalizeKey("0-18"))!.size).toBe(290);
    expect(pop.nationalTotals.get(normalizeKey("0-18"))).toBe(NATIONAL_0_18);
  });

  it("an answer that is JSON but not a population table is SCB's fault, with the reader's problem after it", async () => {
    scb.fail("data", { kind: "malformed", body: JSON.stringify({ version: "2.0", class: "dataset", id: ["Region"], size: [2], dimension: { Region: { category: { index: ["00"] } } }, value: [1, 2] }) });
    const e = await fetchScbKeys("2024-11-01", ["0-18"], { apiUrl: scb.apiUrl, clock: manualClock() }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScbError);
    const err = e as ScbError;
    expect([err.code, err.kind]).toEqual(["SCB_RESPONSE", "unreadable"]);
    expect(err.issues).toHaveLength(2);
    expect(err.issues[1]!.code).toBe("POPULATION_FORMAT");
    expect(renderIssue(err.issue, "sv")).toMatch(/^SCB:s svar gick inte att läsa som befolkning; ladda ner tabellen Folkmängden den 1 november 2024 \(FolkmangdNov, TAB1267\) för hand från https:\/\/www\.statistikdatabasen\.scb\.se\//);
  });

  it("an answer that lacks municipalities asked for is refused, naming them", async () => {
    const without = JSON.stringify(await (await fetch(`${scb.apiUrl}/tables/TAB1267/data?lang=sv&outputFormat=json-stat2`, {
      method: "POST",
      body: JSON.stringify({ selection: [
        { variableCode: "Region", valueCodes: ["00", ...allMunicipalities().map((m) => m.code).filter((c) => c !== "2080" && c !== "0114")] },
        { variableCode: "Alder", valueCodes: Array.from({ length: 19 }, (_, i) => String(i)) },
        { variableCode: "Kon", valueCodes: ["1", "2"] },
        { variableCode: "ContentsCode", valueCodes: ["BE0101A9"] },
        { variableCode: "Tid", valueCodes: ["2024"] },
      ] }),
    })).json());
    scb.fail("data", { kind: "malformed", body: without });
    const e = (await fetchScbKeys("2024-11-01", ["0-18"], { apiUrl: scb.apiUrl, clock: manualClock(), agreement: "2025" }).catch((x: unknown) => x)) as ScbError;
    expect([e.code, e.kind, e.value]).toEqual(["SCB_RESPONSE", "municipalities-missing", "0114"]);
    expect(e.message).toMatch(/^SCB's answer lacks 0-18 for 2 of 290 municipalities \(0114 Upplands Väsby and 2080 Falun\)/);
    expect(renderIssue(e.issue, "sv")).toMatch(/^SCB:s svar saknar ålder 0–18 år för 2 av 290 kommuner \(0114 Upplands Väsby och 2080 Falun\); .*stimulansmedel allocate --agreement 2025 --population FIL$/);
  });

  it("a period SCB has not published yet is refused before any data is asked for", async () => {
    const before = scb.requests.length;
    const e = (await fetchScbKeys("2025-11-01", ["0-18"], { apiUrl: scb.apiUrl, clock: manualClock() }).catch((x: unknown) => x)) as ScbError;
    expect([e.code, e.kind]).toEqual(["SCB_TABLE", "no-period"]);
    expect(renderIssue(e.issue, "sv")).toMatch(/^SCB har ännu inte publicerat period 2025 i tabellen TAB1267 \(senaste är 2024\); hämta igen när den finns, eller ladda ner/);
    expect(scb.requests.slice(before).map((r) => r.method)).toEqual(["GET"]);
  });

  it("a table SCB does not have (404) is not retried", async () => {
    const before = scb.requests.length;
    const e = (await fetchScbKeys("2024-12-31", ["total"], { apiUrl: scb.apiUrl, clock: manualClock() }).catch((x: unknown) => x)) as ScbError;
    expect([e.code, e.kind]).toEqual(["SCB_RESPONSE", "status"]);
    expect(e.message).toMatch(/answered 404 Not Found \(Non-existent table\)/);
    expect(renderIssue(e.issue, "sv")).toMatch(/^SCB:s API svarade med fel 404 \(tabellen eller adressen finns inte\); ladda ner tabellen Folkmängden 31 december 2024 \(BefolkningNy, TAB638\)/);
    expect(scb.requests.length - before).toBe(1);
  });
});
