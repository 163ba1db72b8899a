import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderIssue, ScbError, StimulansmedelError } from "../../src/errors.js";
import { scbTableFor } from "../../src/io/scb-tables.js";
import { manualClock } from "../../src/node/rate-limit.js";
import { byHandFor } from "../../src/node/scb-api.js";
import { backoffDelay, httpContext, parseRetryAfter, requestJson, type RequestEvent } from "../../src/node/scb-http.js";
import { startFakeScb, type FakeScb } from "../support/fake-scb.js";

const byHand = byHandFor(scbTableFor("2024-11-01"), ["0-18", "total"], "2025");

let scb: FakeScb;
beforeAll(async () => {
  scb = await startFakeScb();
});
afterAll(async () => {
  await scb.close();
});

const metadataUrl = () => `${scb.apiUrl}/tables/TAB1267/metadata?lang=sv`;

async function failure(p: Promise<unknown>): Promise<ScbError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ScbError);
  return e as ScbError;
}

/** A local port nothing listens on: "no network" without needing the internet. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

describe("backoff and Retry-After", () => {
  it("doubles from 1 s up to 30 s, with half of each wait random, and never waits less than Retry-After", () => {
    const c = { backoffMs: 1_000, maxBackoffMs: 30_000 };
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => backoffDelay(r, { ...c, random: () => 0 }))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect([0, 1, 2, 5].map((r) => backoffDelay(r, { ...c, random: () => 0.999999 }))).toEqual([1_000, 2_000, 4_000, 30_000]);
    expect(backoffDelay(0, { ...c, random: () => 0 }, 7_000)).toBe(7_000);
    expect(backoffDelay(3, { ...c, random: () => 0 }, 1_000)).toBe(4_000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("3")).toBe(3_000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(30_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("requestJson against the fake SCB server", () => {
  it("survives a 429 with Retry-After and a 503, waiting on the injected clock", async () => {
    scb.fail("metadata", { kind: "status", status: 429, retryAfter: "2" }, { kind: "status", status: 503 });
    const clock = manualClock();
    const events: RequestEvent[] = [];
    const http = httpContext({ clock, random: () => 0, onRequest: (e) => events.push(e) });
    const meta = (await requestJson({ method: "GET", url: metadataUrl() }, byHand, http)) as { id: string[] };
    expect(meta.id).toEqual(["Region", "Alder", "Kon", "ContentsCode", "Tid"]);
    expect(events.map((e) => [e.attempt, e.at])).toEqual([
      [0, 0],
      [1, 2_000], // Retry-After: 2 beats the first backoff (500 ms)
      [2, 3_000], // then the second backoff, 1 000 ms
    ]);
  });

  it("survives a dropped connection", async () => {
    scb.fail("metadata", { kind: "reset" });
    const events: RequestEvent[] = [];
    const meta = (await requestJson({ method: "GET", url: metadataUrl() }, byHand, httpContext({ clock: manualClock(), onRequest: (e) => events.push(e) }))) as { class: string };
    expect(meta.class).toBe("dataset");
    expect(events).toHaveLength(2);
  });

  it("gives up after the retries with the status, the attempts and what to download by hand", async () => {
    scb.fail("metadata", ...Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 503 })));
    const e = await failure(requestJson({ method: "GET", url: metadataUrl() }, byHand, httpContext({ clock: manualClock(), maxRetries: 2 })));
    expect(e.code).toBe("SCB_RESPONSE");
    expect(e.kind).toBe("status");
    expect(e.message).toMatch(/^SCB's API answered 503 Service Unavailable \(Service unavailable\) at http:\/\/127\.0\.0\.1:\d+\/api\/v2\/tables\/TAB1267\/metadata\?lang=sv after 3 attempts; download/);
    expect(renderIssue(e.issue, "sv")).toBe(
      "SCB:s API svarade med fel 503 (tillfälligt fel hos SCB) 3 gånger i rad; ladda ner tabellen Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267) för hand från https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/FolkmangdNov/ (alla kommuner och riket, ålder 0–18 år och totalt ålder, båda könen, period 2024) och läs filen med: stimulansmedel allocate --agreement 2025 --population FIL",
    );
  });

  it("does not retry a 400, and names SCB's reason", async () => {
    const events: RequestEvent[] = [];
    const http = httpContext({ clock: manualClock(), onRequest: (e) => events.push(e) });
    const e = await failure(requestJson({ method: "POST", url: `${scb.apiUrl}/tables/TAB1267/data?lang=sv&outputFormat=json-stat2`, body: { selection: [{ variableCode: "Alder", valueCodes: ["999"] }] } }, byHand, http));
    expect(e.kind).toBe("status");
    expect(e.message).toMatch(/answered 400 Bad Request \(Non-existent value 999 in Alder\)/);
    expect(events).toHaveLength(1);
  });

  it("refuses a Retry-After longer than it waits, without waiting", async () => {
    scb.fail("metadata", { kind: "status", status: 429, retryAfter: "3600" });
    const clock = manualClock();
    const e = await failure(requestJson({ method: "GET", url: metadataUrl() }, byHand, httpContext({ clock })));
    expect(e.kind).toBe("retry-after-too-long");
    expect(renderIssue(e.issue, "sv")).toMatch(/^SCB:s API ber om 3 600 sekunders väntan innan nästa fråga; försök igen senare, eller ladda ner tabellen/);
    expect(clock.now()).toBe(0);
  });

  it("times out a request that is never answered", async () => {
    scb.fail("metadata", { kind: "hang" });
    const started = Date.now();
    const e = await failure(requestJson({ method: "GET", url: metadataUrl() }, byHand, httpContext({ clock: manualClock(), timeoutMs: 300 })));
    expect(e.code).toBe("SCB_UNREACHABLE");
    expect(e.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(renderIssue(e.issue, "sv")).toMatch(/^SCB:s API svarade inte inom 0,3 sekunder; ladda ner tabellen Folkmängden den 1 november 2024/);
  });

  it("stops reading an answer beyond the size cap, declared or not", async () => {
    scb.fail("metadata", { kind: "oversize", bytes: 3 * 1024 * 1024 });
    const http = httpContext({ clock: manualClock(), maxResponseBytes: 1024 * 1024 });
    const streamed = await failure(requestJson({ method: "GET", url: metadataUrl() }, byHand, http));
    expect([streamed.code, streamed.kind]).toEqual(["SCB_RESPONSE", "too-large"]);
    expect(streamed.message).toMatch(/is larger than 1 MiB \(the limit for one answer\) and was not read/);
    expect(renderIssue(streamed.issue, "sv")).toMatch(/^SCB:s svar är större än 1 MiB och lästes inte; ladda ner/);
    scb.fail("metadata", { kind: "oversize", bytes: 2 * 1024 * 1024, declare: true });
    const declared = await failure(requestJson({ method: "GET", url: metadataUrl() }, byHand, http));
    expect(declared.kind).toBe("too-large");
    expect(declared.value).toBe(String(2 * 1024 * 1024));
    // The server is still usable afterwards.
    expect(((await requestJson({ method: "GET", url: metadataUrl() }, byHand, http)) as { class: string }).class).toBe("dataset");
  });

  it("refuses an answer that is not JSON", async () => {
    scb.fail("metadata", { kind: "malformed", body: '{"version":"2.0","class":"dataset","id":["Region"' });
    const e = await failure(requestJson({ method: "GET", url: metadataUrl() }, byHand, httpContext({ clock: manualClock() })));
    expect([e.code, e.kind]).toEqual(["SCB_RESPONSE", "not-json"]);
    expect(renderIssue(e.issue, "sv")).toMatch(/^SCB:s svar gick inte att läsa; ladda ner tabellen/);
  });

  it("without a network: one Swedish line with the table, its address and the command that reads the download", async () => {
    const port = await closedPort();
    const e = await failure(requestJson({ method: "GET", url: `http://127.0.0.1:${port}/api/v2/tables/TAB1267/metadata?lang=sv` }, byHand, httpContext({ clock: manualClock() })));
    expect([e.code, e.kind]).toEqual(["SCB_UNREACHABLE", "network"]);
    expect(e.value).toBe("ECONNREFUSED");
    expect(e).toBeInstanceOf(StimulansmedelError);
    const sv = renderIssue(e.issue, "sv");
    expect(sv).not.toContain("\n");
    expect(sv).toBe(
      "SCB:s API kunde inte nås (anslutningen nekades); ladda ner tabellen Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267) för hand från https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__BE__BE0101__BE0101A/FolkmangdNov/ (alla kommuner och riket, ålder 0–18 år och totalt ålder, båda könen, period 2024) och läs filen med: stimulansmedel allocate --agreement 2025 --population FIL",
    );
    expect(e.message).toMatch(/^cannot reach SCB's API at http:\/\/127\.0\.0\.1:\d+\/api\/v2\/tables\/TAB1267\/metadata\?lang=sv \(ECONNREFUSED\); download Folkmängden den 1 november 2024 \(FolkmangdNov, TAB1267\) by hand from https:\/\/www\.statistikdatabasen\.scb\.se\/.*FolkmangdNov\/ \(every municipality and Riket, ages 0–18 and all ages \(total\), both sexes, period 2024\) and read it with: stimulansmedel allocate --agreement 2025 --population FILE$/);
  });
});
