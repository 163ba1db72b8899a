import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ScbError } from "../../src/errors.js";
import { allMunicipalities } from "../../src/geography/index.js";
import { scbTableFor, type ScbTable } from "../../src/io/scb-tables.js";
import { byHandFor } from "../../src/node/scb-api.js";
import { planScbQuery, readScbMetadata, SCB_MAX_CELLS, type ScbMetadata } from "../../src/node/scb-query.js";
import { normalizeKey } from "../../src/population.js";
import { ROOT, thrownBy } from "../helpers.js";
import { startFakeScb } from "../support/fake-scb.js";

const API = "https://statistikdatabasen.scb.se/api/v2";
const nov = scbTableFor("2024-11-01");
const byHand = byHandFor(nov, ["0-18", "total"]);
const keys = [normalizeKey("0-18"), normalizeKey("total")];

async function fakeMetadata(): Promise<ScbMetadata> {
  const scb = await startFakeScb();
  try {
    const res = await fetch(`${scb.apiUrl}/tables/TAB1267/metadata?lang=sv`);
    return readScbMetadata(await res.json(), byHand, "metadata");
  } finally {
    await scb.close();
  }
}

/** The real v2 metadata answer for TAB6471 (tests/fixtures/scb-real/PROVENANCE.md). */
function realTab6471(): ScbMetadata {
  const json = JSON.parse(readFileSync(resolve(ROOT, "tests", "fixtures", "scb-real", "pxwebpy__TAB6471_metadata.json"), "utf8"));
  return readScbMetadata(json, byHand, "TAB6471 metadata");
}

function thrown(fn: () => unknown): ScbError {
  const e = thrownBy<ScbError>(fn);
  expect(e).toBeInstanceOf(ScbError);
  return e;
}

describe("readScbMetadata", () => {
  it("reads SCB's real v2 description of TAB6471: variables, their elimination and codes in order", () => {
    const m = realTab6471();
    expect(m.tableId).toBe("TAB6471");
    expect(m.variables.map((v) => [v.code, v.elimination, v.values.length])).toEqual([
      ["Region", true, 312],
      ["Alder", false, 134],
      ["Kon", true, 3],
      ["ContentsCode", false, 1],
      ["Tid", false, 16],
    ]);
    expect(m.variables[0]!.values.slice(0, 3)).toEqual([
      { code: "00", label: "Riket" },
      { code: "01", label: "Stockholms län" },
      { code: "0114", label: "Upplands Väsby" },
    ]);
    expect(m.variables.find((v) => v.code === "Tid")!.role).toBe("time");
  });

  it("refuses what is not a JSON-stat 2.0 description, naming where", () => {
    const e = thrown(() => readScbMetadata({ version: "2.0", class: "collection" }, byHand, "u"));
    expect([e.code, e.kind]).toEqual(["SCB_RESPONSE", "not-metadata"]);
    expect(e.message).toMatch(/is not a JSON-stat 2\.0 table description \(class: /);
  });

  it("finds no variable or label on Object.prototype: an id or code named constructor is the answer's own or missing", () => {
    const answer = (dimension: object, id = ["Region"]) => ({ version: "2.0", class: "dataset", label: "t", id, size: id.map(() => 1), dimension });
    const e = thrown(() => readScbMetadata(answer({ Region: { category: { index: ["00"] } } }, ["Region", "constructor"]), byHand, "u"));
    expect([e.code, e.kind]).toEqual(["SCB_RESPONSE", "not-metadata"]);
    expect(e.message).toContain("dimension constructor is listed in id but not described");
    // A code without a label is labelled by itself, not by Object.prototype.toString.
    const m = readScbMetadata(answer({ Region: { category: { index: ["00", "toString"], label: { "00": "Riket" } } } }), byHand, "u");
    expect(m.variables[0]!.values).toEqual([
      { code: "00", label: "Riket" },
      { code: "toString", label: "toString" },
    ]);
  });
});

describe("planScbQuery", () => {
  it("asks TAB1267 for Riket and the 290 municipalities, ages 0–18 and totalt ålder, both sexes, in one request", async () => {
    const plan = planScbQuery(nov, await fakeMetadata(), keys, byHand, { apiUrl: API });
    expect(plan.requests).toHaveLength(1);
    const [r] = plan.requests;
    expect(r!.url).toBe(`${API}/tables/TAB1267/data?lang=sv&outputFormat=json-stat2`);
    // The POST body SCB's v2 API takes: one selection per variable, in the table's order.
    expect(r!.body.selection.map((s) => s.variableCode)).toEqual(["Region", "Alder", "Kon", "ContentsCode", "Tid"]);
    const sel = Object.fromEntries(r!.body.selection.map((s) => [s.variableCode, s.valueCodes]));
    expect(sel.Region).toHaveLength(291);
    expect(sel.Region!.slice(0, 3)).toEqual(["00", "0114", "0115"]);
    expect(sel.Alder).toEqual([...Array.from({ length: 19 }, (_, i) => String(i)), "tot"]);
    expect(sel.Kon).toEqual(["1", "2"]);
    expect(sel.ContentsCode).toEqual(["BE0101A9"]);
    expect(sel.Tid).toEqual(["2024"]);
    expect(r!.cells).toBe(291 * 20 * 2);
    expect(plan.totalFromAges).toBe(false);
    expect(plan.query).toBe(`POST ${API}/tables/TAB1267/data?lang=sv&outputFormat=json-stat2 Region=00+290 kommuner; Alder=0..18,tot; Kon=1,2; ContentsCode=BE0101A9; Tid=2024`);
  });

  it("splits the municipalities over requests within the cell limit, Riket in each, every municipality once", async () => {
    const plan = planScbQuery(nov, await fakeMetadata(), keys, byHand, { apiUrl: API, maxCells: 1_000 });
    // 40 cells per region: 25 regions per request, Riket and 24 municipalities: 290 / 24 → 13 requests.
    expect(plan.requests).toHaveLength(13);
    for (const r of plan.requests) {
      expect(r.cells).toBeLessThanOrEqual(1_000);
      expect(r.body.selection[0]!.valueCodes[0]).toBe("00");
      expect(r.cells).toBe(r.body.selection.reduce((n, s) => n * s.valueCodes.length, 1));
    }
    const asked = plan.requests.flatMap((r) => r.municipalities);
    expect(asked).toEqual(allMunicipalities().map((m) => m.code));
    expect(plan.query).toMatch(/ \(13 frågor, högst 1000 celler per fråga\)$/);
    expect(SCB_MAX_CELLS).toBe(150_000);
  });

  it("on SCB's real TAB6471 description: 100+ rather than 100+10, men and women rather than TotSa, the only contents, and its age code TotSA as 'totalt ålder'", () => {
    const table: ScbTable = { ...scbTableFor("2025-10-31"), id: "TAB6471" };
    const plan = planScbQuery(table, realTab6471(), keys, byHandFor(table, keys), { apiUrl: API });
    const sel = Object.fromEntries(plan.requests[0]!.body.selection.map((s) => [s.variableCode, s.valueCodes]));
    // TAB6471 codes "totalt, samtliga åldrar" as TotSA, as TAB1267 codes it "tot": the total is asked for, not summed.
    expect(sel.Alder).toEqual([...Array.from({ length: 19 }, (_, i) => String(i)), "TotSA"]);
    expect(sel.Kon).toEqual(["1", "2"]);
    expect(sel.ContentsCode).toEqual(["000007SF"]);
    expect(sel.Tid).toEqual(["2025M10"]);
    expect(plan.totalFromAges).toBe(false);
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0]!.cells).toBe(291 * 20 * 2);
  });

  it("names what the description lacks: a period not yet published, municipalities, ages, a variable", async () => {
    const meta = await fakeMetadata();
    const future = scbTableFor("2025-11-01");
    const period = thrown(() => planScbQuery(future, meta, keys, byHandFor(future, keys), { apiUrl: API }));
    expect([period.code, period.kind]).toEqual(["SCB_TABLE", "no-period"]);
    expect(period.message).toMatch(/^SCB's table TAB1267 has no period 2025 yet \(the latest is 2024\)/);
    const noFalun: ScbMetadata = { ...meta, variables: meta.variables.map((v) => (v.code === "Region" ? { ...v, values: v.values.filter((x) => x.code !== "2080") } : v)) };
    const region = thrown(() => planScbQuery(nov, noFalun, keys, byHand, { apiUrl: API }));
    expect([region.kind, region.value]).toEqual(["no-codes", "2080 Falun"]);
    const young: ScbMetadata = { ...meta, variables: meta.variables.map((v) => (v.code === "Alder" ? { ...v, values: v.values.filter((x) => !["17", "18", "tot"].includes(x.code)) } : v)) };
    const ages = thrown(() => planScbQuery(nov, young, [normalizeKey("0-18")], byHand, { apiUrl: API }));
    expect(ages.message).toMatch(/lacks 2 value codes of Alder that are needed \(17 år and 18 år\)/);
    const noKon: ScbMetadata = { ...meta, variables: meta.variables.filter((v) => v.code !== "Tid") };
    expect(thrown(() => planScbQuery(nov, noKon, keys, byHand, { apiUrl: API })).message).toMatch(/has no variable Tid \(it has Region, Alder, Kon and ContentsCode\)/);
  });

  it("leaves out an eliminable variable, sums a marital status that must be chosen, refuses one it cannot sum", async () => {
    const meta = await fakeMetadata();
    const with_ = (v: ScbMetadata["variables"][number]): ScbMetadata => ({ ...meta, variables: [...meta.variables.slice(0, 3), v, ...meta.variables.slice(3)] });
    const civil = { code: "Civilstand", label: "civilstånd", elimination: false, role: undefined, values: ["OG", "G", "SK", "ÄNKL"].map((c) => ({ code: c, label: c })) };
    const dec = scbTableFor("2024-12-31");
    const tab638 = { ...dec, id: "TAB1267", period: "2024", contents: "BE0101A9" };
    const plan = planScbQuery(tab638, with_(civil), keys, byHand, { apiUrl: API });
    const sel = Object.fromEntries(plan.requests[0]!.body.selection.map((s) => [s.variableCode, s.valueCodes]));
    expect(sel.Civilstand).toEqual(["OG", "G", "SK", "ÄNKL"]);
    expect(plan.requests[0]!.cells).toBe(291 * 20 * 2 * 4);
    const elim = planScbQuery(nov, with_({ ...civil, elimination: true }), keys, byHand, { apiUrl: API });
    expect(elim.requests[0]!.body.selection.map((s) => s.variableCode)).toEqual(["Region", "Alder", "Kon", "ContentsCode", "Tid"]);
    const other = thrown(() => planScbQuery(nov, with_({ ...civil, code: "Fodelseland", label: "födelseland" }), keys, byHand, { apiUrl: API }));
    expect([other.kind, other.value]).toEqual(["unexpected-variable", "Fodelseland"]);
    const tiny = thrown(() => planScbQuery(nov, meta, keys, byHand, { apiUrl: API, maxCells: 79 }));
    expect(tiny.kind).toBe("too-many-cells");
  });

  it("takes the table's only contents when the expected code is not there, and refuses when it cannot tell", async () => {
    const meta = await fakeMetadata();
    const renamed: ScbMetadata = { ...meta, variables: meta.variables.map((v) => (v.code === "ContentsCode" ? { ...v, values: [{ code: "BE0101X1", label: "Folkmängd" }] } : v)) };
    const plan = planScbQuery(nov, renamed, keys, byHand, { apiUrl: API });
    expect(plan.chosen.ContentsCode).toEqual(["BE0101X1"]);
    const two: ScbMetadata = { ...meta, variables: meta.variables.map((v) => (v.code === "ContentsCode" ? { ...v, values: [{ code: "A", label: "Födda" }, { code: "B", label: "Döda" }] } : v)) };
    const e = thrown(() => planScbQuery(nov, two, keys, byHand, { apiUrl: API }));
    expect([e.kind, e.message]).toEqual(["contents", expect.stringMatching(/has no contents BE0101A9 \(it has A Födda and B Döda\)/)]);
  });
});
