import { describe, expect, it } from "vitest";
import { PopulationError, UsageError } from "../../src/errors.js";
import { formatProjectCsv, parseProjectCsv } from "../../src/io/project-csv.js";
import { buildScbRequest, DEFAULT_SCB_API, fetchScbPopulation, scbTableFor, type FetchLike } from "../../src/node/scb-api.js";
import { keyCounts, levelCounts } from "../../src/population.js";
import { dalarnaCounts, fixture } from "../io/fixtures-helpers.js";

describe("the SCB table for a reference date", () => {
  it("1 November → TAB1267, 31 December → TAB638, a month end → TAB5444", () => {
    expect(scbTableFor("2024-11-01")).toMatchObject({ id: "TAB1267", period: "2024", contents: "BE0101A9" });
    expect(scbTableFor("2024-12-31")).toMatchObject({ id: "TAB638", period: "2024", contents: "BE0101N1" });
    expect(scbTableFor("2024-10-31")).toMatchObject({ id: "TAB5444", period: "2024M10" });
    expect(scbTableFor("2024-02-29")).toMatchObject({ id: "TAB5444", period: "2024M02" });
    expect(() => scbTableFor("2024-06-15")).toThrow(UsageError);
    expect(() => scbTableFor("2023-02-29")).toThrow(/YYYY-MM-DD/);
  });
});

describe("buildScbRequest", () => {
  it("asks TAB1267 for Sweden and all 290 municipalities, ages 0–18, both sexes, 2024", () => {
    const r = buildScbRequest("2024-11-01", "0-18");
    expect(r.url).toBe(`${DEFAULT_SCB_API}/tables/TAB1267/data?lang=sv&outputFormat=json-stat2`);
    const sel = Object.fromEntries(r.body.selection.map((s) => [s.variableCode, s.valueCodes]));
    expect(sel.Region).toHaveLength(291);
    expect(sel.Region!.slice(0, 3)).toEqual(["00", "0114", "0115"]);
    expect(sel.Region).toContain("2080");
    expect(sel.Alder).toEqual(Array.from({ length: 19 }, (_, i) => String(i)));
    expect(sel.Kon).toEqual(["1", "2"]);
    expect(sel.ContentsCode).toEqual(["BE0101A9"]);
    expect(sel.Tid).toEqual(["2024"]);
    // 291 × 19 × 2 = 11 058 cells, under SCB's 150 000 per request.
    expect(Object.values(sel).reduce((n, v) => n * v!.length, 1)).toBe(11_058);
    expect(r.query).toMatch(/Alder=0\.\.18; Kon=1,2; ContentsCode=BE0101A9; Tid=2024/);
  });

  it("uses the configured base URL, 100+ and tot codes, and civilstånd for TAB638", () => {
    expect(buildScbRequest("2024-12-31", "90-100", "http://localhost:1/api/v2/").url).toBe("http://localhost:1/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2");
    const sel = Object.fromEntries(buildScbRequest("2024-12-31", "90-100").body.selection.map((s) => [s.variableCode, s.valueCodes]));
    expect(sel.Alder!.at(-1)).toBe("100+");
    expect(sel.Civilstand).toEqual(["*"]);
    expect(buildScbRequest("2024-11-01", "total").body.selection.find((s) => s.variableCode === "Alder")!.valueCodes).toEqual(["tot"]);
  });
});

describe("fetchScbPopulation (offline, injected fetch)", () => {
  it("posts the request and converts the JSON-stat2 answer, with provenance", async () => {
    const calls: { url: string; body: string }[] = [];
    const fake: FetchLike = async (url, init) => {
      calls.push({ url, body: init.body });
      return { ok: true, status: 200, statusText: "OK", text: async () => fixture("dalarna-0-18_TAB1267.json-stat2.json").toString("utf8") };
    };
    const pop = await fetchScbPopulation({ date: "2024-11-01", key: "0-18", fetch: fake, now: new Date("2026-01-02T03:04:05Z") });
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body).selection[0].variableCode).toBe("Region");
    expect(pop.sources[0]).toMatchObject({ title: "SCB, Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267)", retrieved: "2026-01-02T03:04:05.000Z" });
    expect(pop.sources[0]!.origin).toMatch(/^POST .*TAB1267.*Tid=2024$/);
    const { byCode, national } = dalarnaCounts();
    const k = keyCounts(pop, "0-18");
    expect(levelCounts(k, "municipality")).toEqual(byCode);
    expect(BigInt(k.national!)).toBe(national);
    // Written as the project's CSV with the provenance header, and read back the same.
    const csv = formatProjectCsv(pop);
    expect(csv).toMatch(/^# referensdatum: 2024-11-01\n# källa: SCB, Folkmängden den 1 november 2024 \(FolkmangdNov, TAB1267\)\n# ursprung: POST /);
    expect(csv).toMatch(/\n# hämtad: 2026-01-02T03:04:05.000Z\n/);
    const back = keyCounts(parseProjectCsv(csv), "0-18");
    expect(!("reason" in back) && levelCounts(back, "municipality")).toEqual(byCode);
  });

  it("fails in one line saying what to download by hand when SCB cannot be reached", async () => {
    const offline: FetchLike = async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } });
    };
    const err = await fetchScbPopulation({ date: "2024-11-01", key: "0-18", fetch: offline }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PopulationError);
    expect((err as PopulationError).code).toBe("IO");
    expect((err as PopulationError).message).toMatch(/cannot reach SCB's API .* \(ENOTFOUND\); download FolkmangdNov \(TAB1267\) by hand from https:\/\/www\.statistikdatabasen\.scb\.se\/pxweb\/sv\/ssd\/START__BE__BE0101__BE0101A\/FolkmangdNov\//);
    expect((err as PopulationError).message).not.toContain("\n");
  });

  it("reports SCB's refusals and answers that lack the ages asked for", async () => {
    const status = (s: number): FetchLike => async () => ({ ok: false, status: s, statusText: "Too Many Requests", text: async () => "" });
    await expect(fetchScbPopulation({ date: "2024-11-01", key: "0-18", fetch: status(429) })).rejects.toThrow(/too many requests.*by hand/);
    const partial: FetchLike = async () => ({ ok: true, status: 200, statusText: "OK", text: async () => fixture("dalarna-0-18_TAB1267.json-stat2.json").toString("utf8") });
    await expect(fetchScbPopulation({ date: "2024-11-01", key: "0-19", fetch: partial })).rejects.toMatchObject({ code: "POPULATION_AGES_INCOMPLETE", value: "19 år" });
    await expect(fetchScbPopulation({ date: "2024-12-31", key: "0-18", fetch: partial })).rejects.toMatchObject({ code: "POPULATION_DATE_MISMATCH" });
  });
});
