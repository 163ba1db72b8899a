/**
 * A local stand-in for SCB's PxWeb API v2 (node:http on 127.0.0.1), for offline tests of the
 * population fetch. It answers `GET /api/v2/tables/TAB1267/metadata` and
 * `POST /api/v2/tables/TAB1267/data` in SCB's v2 format (JSON-stat 2.0, the shapes of the real
 * answers in tests/fixtures/scb-real/), checks requests as SCB does (variable and value codes,
 * mandatory variables, at most 150 000 cells), and can be told to fail: 429 with Retry-After,
 * 503, a dropped connection, no answer, an oversized or a malformed answer.
 *
 * THE NUMBERS ARE PARTLY CONSTRUCTED, not SCB's:
 * - Total population per municipality is the bundled SCB figure for 1 November 2024
 *   (data/population/2024-11-01_total.csv).
 * - Ages 0–18: Dalarna's 15 municipalities have the counts derived from SKR's published amounts
 *   (data/population/2024-11-01_dalarna_0-18_harledd.csv); the other 275 municipalities get
 *   CONSTRUCTED counts, the remainder of Sweden's 2 265 405 shared in proportion to their total
 *   population (largest remainder), so that the 290 sum to exactly 2 265 405 as the 2025
 *   agreement's published amounts require.
 * - Single years, sexes: CONSTRUCTED by spreading each count evenly (0–18 over 19 years, the rest
 *   of the total over 19–100+; men get the odd person). Counties and Riket are the sums.
 * Good for testing that a fetch reproduces Dalarna's published amounts and that every recipient
 * gets one; not population statistics.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { allCounties, allMunicipalities } from "../../src/geography/index.js";
import { parseProjectCsv } from "../../src/io/project-csv.js";
import { ROOT } from "../helpers.js";
import { normalizeKey } from "../../src/population.js";

/** Sweden's 0–18 on 1 November 2024, as the 2025 agreement's published amounts use it. */
export const NATIONAL_0_18 = 2_265_405n;

const TOP = 100;

function readPopulation(name: string) {
  return parseProjectCsv(readFileSync(resolve(ROOT, "data", "population", name), "utf8"));
}

/** Largest remainder: `total` shared by `weights`, exactly, ties to the lower code. */
function shareOut(total: bigint, weights: [string, bigint][]): Map<string, bigint> {
  const sum = weights.reduce((s, [, w]) => s + w, 0n);
  const rows = weights.map(([code, w]) => ({ code, floor: (total * w) / sum, rest: (total * w) % sum }));
  let left = total - rows.reduce((s, r) => s + r.floor, 0n);
  const order = [...rows].sort((a, b) => (a.rest === b.rest ? (a.code < b.code ? -1 : 1) : a.rest > b.rest ? -1 : 1));
  for (const r of order) {
    if (left === 0n) break;
    r.floor += 1n;
    left -= 1n;
  }
  return new Map(rows.map((r) => [r.code, r.floor]));
}

/** `n` spread over `classes` classes: the first `n mod classes` get one more. */
function spread(n: bigint, classes: number): bigint[] {
  const c = BigInt(classes);
  return Array.from({ length: classes }, (_, i) => n / c + (BigInt(i) < n % c ? 1n : 0n));
}

/** The constructed table: region code → age (0…100) → [men, women]. */
export interface ConstructedTable {
  cells: Map<string, [bigint, bigint][]>;
  total: Map<string, bigint>;
  youth: Map<string, bigint>;
}

let built: ConstructedTable | undefined;

/**
 * The numbers the fake server answers with (see the module comment: partly CONSTRUCTED).
 *
 * @example
 * ```ts
 * constructedTable().youth.get("2080"); // 13093n (Falun, derived from SKR's amounts)
 * ```
 */
export function constructedTable(): ConstructedTable {
  if (built) return built;
  const totals = readPopulation("2024-11-01_total.csv").counts.get(normalizeKey("total"))!;
  const dalarna = readPopulation("2024-11-01_dalarna_0-18_harledd.csv").counts.get(normalizeKey("0-18"))!;
  const others = allMunicipalities().filter((m) => !dalarna.has(m.code));
  const rest = NATIONAL_0_18 - [...dalarna.values()].reduce((s, n) => s + n, 0n);
  const youth = new Map<string, bigint>([...dalarna, ...shareOut(rest, others.map((m) => [m.code, totals.get(m.code)!]))]);
  const cells = new Map<string, [bigint, bigint][]>();
  for (const m of allMunicipalities()) {
    const y = youth.get(m.code)!;
    const byAge = [...spread(y, 19), ...spread(totals.get(m.code)! - y, TOP + 1 - 19)];
    cells.set(m.code, byAge.map((n) => [n - n / 2n, n / 2n]));
  }
  const sum = (codes: readonly string[]) =>
    Array.from({ length: TOP + 1 }, (_, a) => codes.reduce<[bigint, bigint]>((s, c) => [s[0] + cells.get(c)![a]![0], s[1] + cells.get(c)![a]![1]], [0n, 0n]));
  for (const c of allCounties()) cells.set(c.code, sum(c.municipalityCodes));
  cells.set("00", sum(allMunicipalities().map((m) => m.code)));
  built = { cells, total: new Map(totals), youth };
  return built;
}

interface Dim {
  code: string;
  label: string;
  elimination: boolean;
  values: { code: string; label: string }[];
}

const TABLE = "TAB1267";
const LABEL = "Folkmängden den 1 november efter region, ålder, kön, tabellinnehåll och år";

function dims(): Dim[] {
  const regions = [{ code: "00", label: "Riket" }];
  for (const c of allCounties()) {
    regions.push({ code: c.code, label: c.name });
    for (const m of allMunicipalities().filter((x) => x.code.startsWith(c.code))) regions.push({ code: m.code, label: m.name });
  }
  const ages = [
    ...Array.from({ length: TOP }, (_, a) => ({ code: String(a), label: `${a} år` })),
    { code: "100+", label: "100+ år" },
    { code: "tot", label: "totalt ålder" },
  ];
  return [
    { code: "Region", label: "region", elimination: true, values: regions },
    { code: "Alder", label: "ålder", elimination: false, values: ages },
    { code: "Kon", label: "kön", elimination: true, values: [{ code: "1", label: "män" }, { code: "2", label: "kvinnor" }] },
    { code: "ContentsCode", label: "tabellinnehåll", elimination: false, values: [{ code: "BE0101A9", label: "Folkmängd 1 november" }] },
    { code: "Tid", label: "år", elimination: false, values: Array.from({ length: 2024 - 2002 + 1 }, (_, i) => ({ code: String(2002 + i), label: String(2002 + i) })) },
  ];
}

function jsonStat(selected: Dim[], value: (number | null)[]): Record<string, unknown> {
  const dimension: Record<string, unknown> = {};
  for (const d of selected) {
    dimension[d.code] = {
      label: d.label,
      category: { index: Object.fromEntries(d.values.map((v, i) => [v.code, i])), label: Object.fromEntries(d.values.map((v) => [v.code, v.label])) },
      extension: { elimination: d.elimination, show: d.code === "Tid" ? "code" : "value" },
    };
  }
  return {
    version: "2.0",
    class: "dataset",
    label: LABEL,
    source: "SCB",
    updated: "2025-02-21T07:00:00Z",
    role: { time: ["Tid"], metric: ["ContentsCode"], geo: ["Region"] },
    id: selected.map((d) => d.code),
    size: selected.map((d) => d.values.length),
    dimension,
    extension: { px: { tableid: TABLE, decimals: 0, "official-statistics": true, language: "sv", contents: "Folkmängd 1 november", matrix: TABLE } },
    value,
  };
}

/** A failure the server answers one request with, instead of the normal answer. */
export type Fault =
  | { kind: "status"; status: number; retryAfter?: string; title?: string }
  | { kind: "hang" }
  | { kind: "reset" }
  | { kind: "oversize"; bytes: number; declare?: boolean }
  | { kind: "malformed"; body: string };

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** A running fake server. */
export interface FakeScb {
  /** The API base to give as `apiUrl`, e.g. `http://127.0.0.1:41234/api/v2`. */
  apiUrl: string;
  requests: SeenRequest[];
  /** Queues failures for the next requests to an endpoint. */
  fail(endpoint: "metadata" | "data", ...faults: Fault[]): void;
  close(): Promise<void>;
}

function problem(res: ServerResponse, status: number, title: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/problem+json; charset=utf-8", ...headers });
  res.end(JSON.stringify({ type: "https://tools.ietf.org/html/rfc7231", title, status }));
}

function answer(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}

function serveFault(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
  switch (fault.kind) {
    case "status":
      problem(res, fault.status, fault.title ?? (fault.status === 429 ? "Too many requests" : "Service unavailable"), fault.retryAfter !== undefined ? { "retry-after": fault.retryAfter } : {});
      return;
    case "hang":
      return; // never answered; closed with the server
    case "reset":
      req.socket.destroy();
      return;
    case "oversize": {
      res.writeHead(200, { "content-type": "application/json", ...(fault.declare ? { "content-length": String(fault.bytes) } : {}) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < fault.bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => undefined);
      pump();
      return;
    }
    case "malformed":
      res.writeHead(200, { "content-type": "application/json" });
      res.end(fault.body);
      return;
  }
}

/** Answers a data request like SCB: codes checked, eliminated variables summed, at most 150 000 cells. */
function serveData(body: unknown, res: ServerResponse): void {
  const all = dims();
  const selection = (body as { selection?: { variableCode?: unknown; valueCodes?: unknown }[] } | null)?.selection;
  if (!Array.isArray(selection)) return problem(res, 400, "Missing selection");
  const chosen = new Map<string, Dim>();
  for (const s of selection) {
    const dim = all.find((d) => d.code === s.variableCode);
    if (!dim) return problem(res, 400, `Non-existent variable ${String(s.variableCode)}`);
    if (!Array.isArray(s.valueCodes) || s.valueCodes.length === 0) return problem(res, 400, `No values for ${dim.code}`);
    const codes = s.valueCodes.includes("*") ? dim.values.map((v) => v.code) : (s.valueCodes as string[]);
    for (const c of codes) if (!dim.values.some((v) => v.code === c)) return problem(res, 400, `Non-existent value ${c} in ${dim.code}`);
    chosen.set(dim.code, { ...dim, values: dim.values.filter((v) => codes.includes(v.code)) });
  }
  for (const d of all) if (!d.elimination && !chosen.has(d.code)) return problem(res, 400, `Missing selection for mandatory variable ${d.code}`);
  const selected = all.filter((d) => chosen.has(d.code)).map((d) => chosen.get(d.code)!);
  const cells = selected.reduce((n, d) => n * d.values.length, 1);
  if (cells > 150_000) return problem(res, 400, "Too many cells selected");
  if (chosen.get("Tid")!.values.some((v) => v.code !== "2024")) return problem(res, 400, "This fake has data for 2024 only");
  const table = constructedTable().cells;
  const regions = chosen.get("Region")?.values.map((v) => v.code) ?? ["00"];
  const ages = chosen.get("Alder")!.values.map((v) => v.code);
  const sexes = chosen.get("Kon")?.values.map((v) => Number(v.code) - 1) ?? [-1];
  const value: (number | null)[] = [];
  const count = (region: string, age: string, sex: number): number => {
    const rows = table.get(region)!;
    const years = age === "tot" ? rows : [rows[age === "100+" ? TOP : Number(age)]!];
    return Number(years.reduce((s, r) => s + (sex < 0 ? r[0] + r[1] : r[sex as 0 | 1]), 0n));
  };
  // Row-major in the order of `selected`, whose last two (contents, year) have one value each.
  const order = selected.map((d) => d.code);
  const idx = { Region: order.indexOf("Region"), Alder: order.indexOf("Alder"), Kon: order.indexOf("Kon") };
  const sizes = selected.map((d) => d.values.length);
  const coords = new Array<number>(sizes.length).fill(0);
  for (let i = 0; i < cells; i++) {
    let rest = i;
    for (let d = sizes.length - 1; d >= 0; d--) {
      coords[d] = rest % sizes[d]!;
      rest = Math.floor(rest / sizes[d]!);
    }
    const region = idx.Region >= 0 ? regions[coords[idx.Region]!]! : "00";
    const age = ages[coords[idx.Alder]!]!;
    const sex = idx.Kon >= 0 ? sexes[coords[idx.Kon]!]! : -1;
    value.push(count(region, age, sex));
  }
  answer(res, jsonStat(selected, value));
}

/**
 * Starts the fake SCB API on 127.0.0.1 (a free port); close it after the tests.
 *
 * @example
 * ```ts
 * const scb = await startFakeScb();
 * scb.fail("data", { kind: "status", status: 429, retryAfter: "2" });
 * await fetchAgreementPopulation(agreement, { apiUrl: scb.apiUrl });
 * await scb.close();
 * ```
 */
export async function startFakeScb(): Promise<FakeScb> {
  const faults = { metadata: [] as Fault[], data: [] as Fault[] };
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = undefined;
      try {
        body = text === "" ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      requests.push({ method: req.method ?? "", path: url.pathname, query: Object.fromEntries(url.searchParams), body });
      const m = /^\/api\/v2\/tables\/([^/]+)\/(metadata|data)$/.exec(url.pathname);
      if (!m) return problem(res, 404, "Not found");
      const endpoint = m[2] as "metadata" | "data";
      const fault = faults[endpoint].shift();
      if (fault) return serveFault(fault, req, res);
      if (m[1] !== TABLE) return problem(res, 404, "Non-existent table");
      if (endpoint === "metadata") {
        if (req.method !== "GET") return problem(res, 405, "Method not allowed");
        return answer(res, jsonStat(dims(), []));
      }
      if (req.method !== "POST") return problem(res, 405, "Use POST with a selection");
      if (url.searchParams.get("outputFormat") !== "json-stat2") return problem(res, 400, "This fake answers json-stat2 only");
      serveData(body, res);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as { port: number }).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v2`,
    requests,
    fail(endpoint, ...more) {
      faults[endpoint].push(...more);
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
