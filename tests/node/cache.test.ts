import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocate } from "../../src/allocate.js";
import { CacheError, renderIssue } from "../../src/errors.js";
import { loadBundledAgreement } from "../../src/node/bundled.js";
import { cacheDir, CACHE_DIR_ENV, findFetchedFor, listFetched, loadFetched, loadFetchedFor, saveFetched } from "../../src/node/cache.js";
import { fetchAgreementPopulation } from "../../src/node/fetch.js";
import { manualClock } from "../../src/node/rate-limit.js";
import type { FetchedPopulation } from "../../src/node/scb-api.js";
import { parseAgreement, type AgreementInput } from "../../src/rules.js";
import { readOracle, thrownBy } from "../helpers.js";
import { startFakeScb, type FakeScb } from "../support/fake-scb.js";
import { normalizeKey } from "../../src/population.js";

let scb: FakeScb;
let fetched: FetchedPopulation;
const dirs: string[] = [];
const agreement = loadBundledAgreement("2025");

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "stimulansmedel-cache-"));
  dirs.push(d);
  return d;
}

beforeAll(async () => {
  scb = await startFakeScb();
  fetched = await fetchAgreementPopulation(agreement, { apiUrl: scb.apiUrl, clock: manualClock(), now: new Date("2026-03-01T12:00:00Z") });
});
afterAll(async () => {
  await scb.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function corrupt(fn: () => unknown): CacheError {
  const e = thrownBy<CacheError>(fn);
  expect(e).toBeInstanceOf(CacheError);
  return e;
}

describe("cacheDir", () => {
  it("follows STIMULANSMEDEL_CACHE_DIR, then XDG_CACHE_HOME, then each platform's cache folder", () => {
    expect(CACHE_DIR_ENV).toBe("STIMULANSMEDEL_CACHE_DIR");
    expect(cacheDir({ env: { STIMULANSMEDEL_CACHE_DIR: "/tmp/c", XDG_CACHE_HOME: "/x" }, platform: "linux", home: "/home/a" })).toBe("/tmp/c");
    expect(cacheDir({ env: { XDG_CACHE_HOME: "/x/cache" }, platform: "linux", home: "/home/a" })).toBe("/x/cache/stimulansmedel");
    expect(cacheDir({ env: { XDG_CACHE_HOME: "relative/cache" }, platform: "linux", home: "/home/a" })).toBe("/home/a/.cache/stimulansmedel");
    expect(cacheDir({ env: {}, platform: "linux", home: "/home/a" })).toBe("/home/a/.cache/stimulansmedel");
    expect(cacheDir({ env: {}, platform: "darwin", home: "/Users/a" })).toBe("/Users/a/Library/Caches/stimulansmedel");
    expect(cacheDir({ env: { LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" }, platform: "win32", home: "C:\\Users\\a" })).toBe("C:\\Users\\a\\AppData\\Local\\stimulansmedel\\Cache");
    expect(cacheDir({ env: {}, platform: "win32", home: "C:\\Users\\a" })).toBe("C:\\Users\\a\\AppData\\Local\\stimulansmedel\\Cache");
    expect(cacheDir({ dir: "/given", env: { STIMULANSMEDEL_CACHE_DIR: "/tmp/c" } })).toBe("/given");
    expect(cacheDir({ env: { STIMULANSMEDEL_CACHE_DIR: "" }, platform: "linux", home: "/h" })).toBe("/h/.cache/stimulansmedel");
  });
});

describe("saveFetched, listFetched, loadFetchedFor", () => {
  it("round-trips: saved atomically, listed, found for the agreement, and allocates to the same amounts", () => {
    const dir = tempDir();
    const env = { STIMULANSMEDEL_CACHE_DIR: dir };
    expect(listFetched({ env })).toEqual([]);
    expect(loadFetchedFor(agreement, { env })).toBeUndefined();
    const entry = saveFetched(fetched, { env });
    expect(entry).toEqual({
      id: "2024-11-01_TAB1267_0-18_total",
      referenceDate: "2024-11-01",
      keys: ["0-18", "total"],
      table: "TAB1267",
      title: "SCB, Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267)",
      retrieved: "2026-03-01T12:00:00.000Z",
      file: join(dir, "2024-11-01_TAB1267_0-18_total.csv"),
    });
    expect(readdirSync(dir)).toEqual(["2024-11-01_TAB1267_0-18_total.csv"]); // no temporary file left
    const text = readFileSync(entry.file, "utf8");
    expect(text).toMatch(/^# stimulansmedel-cache: sha256 [0-9a-f]{64}\n# referensdatum: 2024-11-01\n# källa: SCB, Folkmängden den 1 november 2024/);
    expect(text.slice(text.indexOf("\n") + 1)).toBe(fetched.csv);
    expect(listFetched({ env })).toEqual([entry]);
    expect(findFetchedFor(agreement, { env })).toEqual(entry);
    const loaded = loadFetchedFor(agreement, { env })!;
    expect(loaded.counts).toEqual(fetched.dataset.counts);
    expect(loaded.nationalTotals).toEqual(fetched.dataset.nationalTotals);
    expect(loaded.sources[0]).toMatchObject({ title: entry.title, origin: fetched.query, retrieved: entry.retrieved, derived: false });
    const before = allocate(agreement, fetched.dataset);
    const later = allocate(agreement, loaded);
    expect(later.complete).toBe(true);
    expect(later.lines.map((l) => [l.pot, l.level, l.code, l.amount])).toEqual(before.lines.map((l) => [l.pot, l.level, l.code, l.amount]));
    for (const row of readOracle()) {
      const got = row.pot.split("+").reduce((s, p) => s + later.lines.find((l) => l.pot === p && l.code === row.code)!.amount!, 0n);
      expect(got, `${row.pot} ${row.name}`).toBe(row.amount);
    }
    expect(loadFetched(entry).counts).toEqual(loaded.counts);
  });

  it("a later fetch replaces the earlier one; another date or missing keys are not found for the agreement", () => {
    const dir = tempDir();
    saveFetched(fetched, { dir });
    const newer = { ...fetched, dataset: { ...fetched.dataset, sources: [{ ...fetched.dataset.sources[0]!, retrieved: "2026-04-01T00:00:00.000Z" }] } };
    saveFetched(newer, { dir });
    expect(listFetched({ dir }).map((e) => e.retrieved)).toEqual(["2026-04-01T00:00:00.000Z"]);
    const other = parseAgreement({ ...(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "data", "agreements", "2025.json"), "utf8")) as AgreementInput), referenceDate: "2023-11-01" });
    expect(loadFetchedFor(other, { dir })).toBeUndefined();
    const wider = parseAgreement({ id: "w", title: "w", source: "s", referenceDate: "2024-11-01", pots: [{ id: "a", name: "a", source: "s", amount: 100, level: "municipality", status: "known", rule: { type: "share", key: "0-25" } }] });
    expect(findFetchedFor(wider, { dir })).toBeUndefined();
    const undated = parseAgreement({ id: "u", title: "u", source: "s", pots: [{ id: "a", name: "a", source: "s", amount: 100, level: "region", status: "known", rule: { type: "share", key: "total" } }] });
    expect(loadFetchedFor(undated, { dir })).toBeUndefined();
  });

  it("a changed, cut-short, renamed or foreign file is a typed error naming it, never used", () => {
    const dir = tempDir();
    const { file } = saveFetched(fetched, { dir });
    const good = readFileSync(file, "utf8");

    writeFileSync(file, good.replace("\n2080,0-18,13093\n", "\n2080,0-18,13094\n"));
    const changed = corrupt(() => loadFetchedFor(agreement, { dir }));
    expect([changed.code, changed.kind, changed.file]).toEqual(["CACHE_CORRUPT", "checksum", file]);
    expect(renderIssue(changed.issue, "sv")).toBe(
      `${file}: den sparade befolkningsfilen ${file} har ändrats eller är ofullständig och används inte; ta bort filen och hämta på nytt med: stimulansmedel population fetch --agreement ID`,
    );
    expect(corrupt(() => listFetched({ dir })).kind).toBe("checksum");

    writeFileSync(file, good.slice(0, Math.floor(good.length / 2)));
    expect(corrupt(() => loadFetchedFor(agreement, { dir })).kind).toBe("checksum");

    writeFileSync(file, good.slice(good.indexOf("\n") + 1));
    expect(corrupt(() => loadFetchedFor(agreement, { dir })).kind).toBe("no-checksum");

    // A valid checksum over a body that is not a population file.
    const body = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n2080,0-18,-5\n";
    writeFileSync(file, `# stimulansmedel-cache: sha256 ${createHash("sha256").update(body).digest("hex")}\n${body}`);
    const bad = corrupt(() => loadFetchedFor(agreement, { dir }));
    expect([bad.kind, bad.line]).toEqual(["format", 4]);
    expect(renderIssue(bad.issue, "sv")).toMatch(/är skadad \(.*"-5".*\) och används inte/);

    writeFileSync(file, good);
    const renamed = join(dir, "2024-11-01_TAB1267_0-18_total_extra.csv");
    renameSync(file, renamed);
    const mismatch = corrupt(() => loadFetchedFor(agreement, { dir }));
    expect([mismatch.kind, mismatch.file]).toEqual(["format", renamed]);
    expect(mismatch.message).toMatch(/its name does not match its content \(2024-11-01, TAB1267, 0-18 total\)/);
  });

  it("a damaged file for another date does not stop the lookup for this one, but is reported by the listing", () => {
    const dir = tempDir();
    saveFetched(fetched, { dir });
    writeFileSync(join(dir, "2023-11-01_TAB1267_total.csv"), "garbage\n");
    writeFileSync(join(dir, ".2024-11-01_TAB1267_0-18_total.csv.1234.tmp"), "half a file");
    expect(loadFetchedFor(agreement, { dir })?.counts.get(normalizeKey("0-18"))?.get("2080")).toBe(13_093n);
    const e = corrupt(() => listFetched({ dir }));
    expect([e.kind, e.file]).toEqual(["no-checksum", join(dir, "2023-11-01_TAB1267_total.csv")]);
  });

  it("a folder that cannot be written is CACHE_WRITE, naming it", () => {
    const parent = tempDir();
    const blocker = join(parent, "not-a-folder");
    writeFileSync(blocker, "");
    const e = corrupt(() => saveFetched(fetched, { dir: join(blocker, "cache") }));
    expect([e.code, e.kind, e.file]).toEqual(["CACHE_WRITE", "io", join(blocker, "cache")]);
    expect(renderIssue(e.issue, "sv")).toMatch(/den hämtade befolkningen kan inte sparas i .*; välj en annan mapp med miljövariabeln STIMULANSMEDEL_CACHE_DIR$/);
  });
});
