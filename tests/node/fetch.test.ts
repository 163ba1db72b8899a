import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocate, type Allocation } from "../../src/allocate.js";
import { allCounties, allMunicipalities } from "../../src/geography/index.js";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { listBundledAgreements, loadBundledAgreement } from "../../src/node/bundled.js";
import { agreementPopulationNeeds, fetchAgreementPopulation } from "../../src/node/fetch.js";
import { manualClock, RateLimiter } from "../../src/node/rate-limit.js";
import type { RequestEvent } from "../../src/node/scb-http.js";
import { agreementKeys, parseAgreement, type AgreementInput } from "../../src/rules.js";
import { ScbError } from "../../src/errors.js";
import { readOracle, thrownBy } from "../helpers.js";
import { startFakeScb, type FakeScb } from "../support/fake-scb.js";

let scb: FakeScb;
beforeAll(async () => {
  scb = await startFakeScb();
});
afterAll(async () => {
  await scb.close();
});

const amountOf = (a: Allocation, pot: string, code: string) => a.lines.find((l) => l.pot === pot && l.code === code)?.amount;

/** Every pot complete, every recipient of its level paid, nothing missing. */
function expectComplete(a: Allocation): void {
  expect(a.complete).toBe(true);
  expect(a.missing).toEqual([]);
  const recipients = { municipality: allMunicipalities().length, region: allCounties().length, county: allCounties().length, skr: 1 };
  for (const pot of a.pots) {
    expect(pot.status, pot.id).toBe("known");
    expect(pot.complete, pot.id).toBe(true);
    const levels = new Set(a.lines.filter((l) => l.pot === pot.id).map((l) => l.level));
    for (const level of levels) expect(a.lines.filter((l) => l.pot === pot.id && l.level === level), `${pot.id} ${level}`).toHaveLength(recipients[level]);
  }
}

function expectOracle(a: Allocation): void {
  const oracle = readOracle();
  expect(oracle).toHaveLength(20);
  for (const row of oracle) {
    const got = row.pot.split("+").reduce((s, p) => s + (amountOf(a, p, row.code) ?? -1_000_000_000n), 0n);
    expect(got, `${row.pot} ${row.name}`).toBe(row.amount);
  }
}

describe("agreementPopulationNeeds", () => {
  it("2025: 0–18 and total on 1 November 2024", () => {
    const a = loadBundledAgreement("2025");
    expect(agreementPopulationNeeds(a)).toEqual({ agreement: "2025", referenceDate: "2024-11-01", keys: agreementKeys(a) });
    expect(agreementKeys(a)).toEqual(["0-18", "total"]);
  });

  it("refuses, saying why, when the agreement does not tell what to fetch", () => {
    const base = JSON.parse(JSON.stringify({ id: "x", title: "x", source: "x", pots: [{ id: "a", name: "a", source: "s", amount: 100, level: "region", status: "known", rule: { type: "share", key: "total" } }] })) as AgreementInput;
    const no = (input: AgreementInput) => {
      const e = thrownBy<ScbError>(() => agreementPopulationNeeds(parseAgreement(input)));
      expect(e).toBeInstanceOf(ScbError);
      return e;
    };
    expect(no(base).kind).toBe("no-date");
    expect(agreementPopulationNeeds(parseAgreement(base), { referenceDate: "2023-12-31" }).referenceDate).toBe("2023-12-31");
    const two = { ...base, referenceDate: "2024-11-01", pots: [...base.pots, { id: "b", name: "b", source: "s", amount: 100, level: "municipality", status: "known", referenceDate: "2024-12-31", rule: { type: "share", key: "0-18" } }], total: 200 } as AgreementInput;
    const several = no(two);
    expect([several.kind, several.value]).toEqual(["several-dates", "2024-11-01, 2024-12-31"]);
    expect(several.message).toBe("agreement x needs population for several reference dates (2024-11-01 and 2024-12-31); fetch each date on its own (referenceDate) and merge them");
    const fixed = { ...base, referenceDate: "2024-11-01", pots: [{ id: "a", name: "a", source: "s", amount: 100, level: "skr", status: "known", rule: { type: "fixed" } }] } as AgreementInput;
    expect(no(fixed).kind).toBe("no-keys");
  });

  it("every bundled agreement either has one date for its keys or says which it lacks", () => {
    for (const id of listBundledAgreements()) {
      const a = loadBundledAgreement(id);
      try {
        const n = agreementPopulationNeeds(a);
        expect(n.referenceDate, id).toBe(a.referenceDate);
        expect(n.keys, id).toEqual(agreementKeys(a));
      } catch (e) {
        expect(e, id).toBeInstanceOf(ScbError);
        expect(["no-date", "no-keys"], id).toContain((e as ScbError).kind);
      }
    }
  });
});

describe("fetchAgreementPopulation (acceptance, fake SCB server)", () => {
  it("2025: one dataset that alone makes allocate complete, with Dalarna's 20 published amounts, surviving a 429 and a 503", async () => {
    scb.fail("metadata", { kind: "status", status: 503 });
    scb.fail("data", { kind: "status", status: 429, retryAfter: "1" });
    const clock = manualClock();
    const agreement = loadBundledAgreement("2025");
    const fetched = await fetchAgreementPopulation(agreement, { apiUrl: scb.apiUrl, clock, now: new Date("2026-03-01T12:00:00Z") });
    expect(fetched.requests).toBe(4); // description twice (503), data twice (429)
    expect(clock.now()).toBeGreaterThanOrEqual(1_000); // the Retry-After was waited out, on the injected clock
    expect(fetched.referenceDate).toBe("2024-11-01");
    expect(fetched.keys).toEqual(["0-18", "total"]);
    expect(fetched.table.id).toBe("TAB1267");
    expect(fetched.dataset.sources).toHaveLength(1);
    const result = allocate(agreement, fetched.dataset);
    expectComplete(result);
    expectOracle(result);
    expect(result.notes.map((n) => n.code)).not.toContain("POPULATION_DATE_MISMATCH");
    // The CSV says the same: allocating on it gives the same amounts, to the krona.
    const again = allocate(agreement, parseProjectCsv(fetched.csv, { file: "fetched.csv" }));
    expect(again.lines.map((l) => [l.pot, l.level, l.code, l.amount])).toEqual(result.lines.map((l) => [l.pot, l.level, l.code, l.amount]));
  });

  it("stays within 30 requests per 10 seconds when a query takes many requests (injected clock)", async () => {
    const clock = manualClock();
    const events: RequestEvent[] = [];
    const agreement = loadBundledAgreement("2025");
    // 40 cells per region, at most 200 per request: Riket and 4 municipalities each, 73 data requests.
    const fetched = await fetchAgreementPopulation(agreement, { apiUrl: scb.apiUrl, clock, maxCells: 200, onRequest: (e) => events.push(e) });
    expect(events).toHaveLength(74);
    expect(fetched.requests).toBe(74);
    const starts = events.map((e) => e.at);
    for (let i = 30; i < starts.length; i++) expect(starts[i]! - starts[i - 30]!, `request ${i}`).toBeGreaterThanOrEqual(10_000);
    expect(starts.slice(0, 30).every((t) => t === 0)).toBe(true);
    expect(starts.at(-1)).toBe(20_000); // 74 requests: three windows
    expectOracle(allocate(agreement, fetched.dataset));
  });

  it("keeps several fetches within one limit when they share a limiter", async () => {
    const clock = manualClock();
    const limiter = new RateLimiter(30, 10_000, clock);
    const agreement = loadBundledAgreement("2025");
    const events: RequestEvent[] = [];
    // 34 requests each (the description and 33 data requests): the second fetch starts inside the
    // first one's last window, where a limiter of its own would allow 30 more at once.
    for (let i = 0; i < 2; i++) await fetchAgreementPopulation(agreement, { apiUrl: scb.apiUrl, clock, limiter, maxCells: 400, onRequest: (e) => events.push(e) });
    expect(events).toHaveLength(68);
    const starts = events.map((e) => e.at);
    for (let i = 30; i < starts.length; i++) expect(starts[i]! - starts[i - 30]!, `request ${i}`).toBeGreaterThanOrEqual(10_000);
    expect(starts[34]).toBe(10_000);
    expect(starts.at(-1)).toBe(20_000);
  });

  it("without a network: the error names the agreement's table, its address and the command", async () => {
    const e = (await fetchAgreementPopulation(loadBundledAgreement("2025"), { apiUrl: "http://127.0.0.1:9/api/v2", clock: manualClock() }).catch((x: unknown) => x)) as ScbError;
    expect(e).toBeInstanceOf(ScbError);
    expect(e.code).toBe("SCB_UNREACHABLE");
    expect(e.message).toMatch(/FolkmangdNov\/ \(every municipality and Riket, ages 0–18 and all ages \(total\), both sexes, period 2024\) and read it with: stimulansmedel allocate --agreement 2025 --population FILE$/);
  });
});
