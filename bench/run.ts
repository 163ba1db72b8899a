/**
 * npm run bench: measures the library as built (dist/) against baselines in the same run, prints
 * medians, ratios and PASS/FAIL per target, and writes bench/results.md and bench/results.json.
 *
 * Speed is asserted here only, never in tests. Not part of CI; about three minutes on two cores,
 * most of it the one timed `npx vitest run` (`--skip-tests` reuses the last figure, `--quick` for a
 * rough pass).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as csvParse } from "csv-parse/sync";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { Bench } from "tinybench";
import { completePopulation, decimalBaseline, toPlain, type Geography } from "./baselines.js";
import { benchAudit } from "./audit.js";
import { floorBigint, floorSafe, type FloorInput } from "./floors.js";
import { ensureBuilt } from "../scripts/ensure-built.js";
import { renderScbBytes, rowsFromAges, splitBySex } from "./scb-layout.js";

const ROOT = resolve(import.meta.dirname, "..");
const QUICK = process.argv.includes("--quick");

// ---------------------------------------------------------------------------------------------
// The library as shipped: rebuild dist/ when it is missing or older than src/ or data/.

ensureBuilt(ROOT);
const cliPath = join(ROOT, "dist", "cli.js");
type Lib = typeof import("../src/node.js");
const lib = (await import(pathToFileURL(join(ROOT, "dist", "node.js")).href)) as Lib;

// ---------------------------------------------------------------------------------------------
// Timing helpers. Every row reports median, mean and p99 (ms here, µs in the tables where small).

interface Measured {
  median: number; // ms
  mean: number;
  p99: number;
  samples: number;
}

const median = (xs: readonly number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const p99 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const stats = (xs: readonly number[]): Measured => ({ median: median(xs), mean: mean(xs), p99: p99(xs), samples: xs.length });

async function measure(name: string, fn: () => unknown, options: { time: number; iterations?: number; warmupIterations?: number }): Promise<Measured> {
  // Collect the previous contender's garbage first, so that its collection is not timed here
  // (npm run bench starts node with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const bench = new Bench({
    time: QUICK ? Math.min(options.time, 200) : options.time,
    iterations: options.iterations ?? 16,
    warmupTime: QUICK ? 50 : 250,
    warmupIterations: options.warmupIterations ?? 16,
    throws: true,
  });
  bench.add(name, fn);
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (r.state !== "completed") throw new Error(`${name}: ${r.state}`);
  return { median: r.latency.p50, mean: r.latency.mean, p99: r.latency.p99, samples: r.latency.samples?.length ?? Math.round(r.totalTime / r.latency.mean) };
}

/**
 * Times `fn` on inputs made by `make` outside the timed region, each input used for one call only:
 * batches of `batch` are built, then each call is timed on its own. Garbage from building the
 * inputs is collected before each batch's calls, so it is not charged to them; the garbage of the
 * calls themselves is (as a user pays it).
 *
 * The collection is two young-generation ones (which also move the batch's inputs out of the young
 * generation, as a program's long-lived data is), not a forced full one: on this V8 a forced full
 * collection leaves the next hundred calls of every contender two to three times slower (measured
 * on allocate(): about 7 µs a call after minor collections, 19 µs after a forced full one), which
 * a program that never calls gc() does not see. Full collections that the calls' own garbage
 * causes still happen inside the timed region and are charged.
 */
function measureFresh<T>(make: () => T, fn: (input: T) => unknown, options: { calls: number; warmup: number; batch?: number }): Measured {
  const batch = options.batch ?? 100;
  const times: number[] = [];
  const total = (QUICK ? Math.ceil(options.calls / 5) : options.calls) + options.warmup;
  const gc = (globalThis as { gc?: (options?: { type: "minor" | "major" }) => void }).gc;
  for (let done = 0; done < total; ) {
    const inputs = Array.from({ length: Math.min(batch, total - done) }, make);
    gc?.({ type: "minor" });
    gc?.({ type: "minor" });
    for (const input of inputs) {
      const t0 = performance.now();
      fn(input);
      const t = performance.now() - t0;
      if (done++ >= options.warmup) times.push(t);
    }
  }
  return stats(times);
}

interface Contender {
  name: string;
  fn: () => unknown;
  options: { time: number; iterations?: number; warmupIterations?: number };
}

/**
 * Measures contenders in interleaved rounds (A, B, C, A, B, C, …) so that each sees the same
 * machine load, and reports per contender the median of its round medians and means. Ratios are
 * taken per round, then their median, for the same reason.
 */
async function measureRounds(contenders: readonly Contender[], rounds = QUICK ? 1 : 3): Promise<{ median: number[]; mean: number[]; p99: number[]; ratio: (i: number, j: number, by?: "median" | "mean") => number }> {
  const perRound: Measured[][] = [];
  for (let r = 0; r < rounds; r++) {
    const row: Measured[] = [];
    for (const c of contenders) row.push(await measure(c.name, c.fn, { ...c.options, time: c.options.time / rounds }));
    perRound.push(row);
  }
  return {
    median: contenders.map((_, i) => median(perRound.map((row) => row[i]!.median))),
    mean: contenders.map((_, i) => median(perRound.map((row) => row[i]!.mean))),
    p99: contenders.map((_, i) => median(perRound.map((row) => row[i]!.p99))),
    ratio: (i, j, by = "mean") => median(perRound.map((row) => row[i]![by] / row[j]![by])),
  };
}

const us = (ms: number) => ms * 1000;
const fmt = (v: number, digits = 1) => v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const out: string[] = [];
function say(line = ""): void {
  console.log(line);
  out.push(line);
}
const targets: { figure: string; target: string; measured: string; pass: boolean }[] = [];
function target(figure: string, want: string, measured: string, pass: boolean): boolean {
  targets.push({ figure, target: want, measured, pass });
  say(`Target — ${figure}: ${want}: ${verdict(pass)} (${measured})`);
  return pass;
}

const machine = {
  node: process.version,
  v8: process.versions.v8,
  cpu: os.cpus()[0]?.model.trim() ?? "unknown",
  cores: os.cpus().length,
  os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
  memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  load_average_at_start: os.loadavg().map((l) => Math.round(l * 100) / 100),
  date: new Date().toISOString(),
};

// ---------------------------------------------------------------------------------------------
// 1. Allocation: the inputs, then each contender in a fresh process of its own.

const agreement = lib.loadBundledAgreement("2025");
const population = completePopulation(lib, lib.loadBundledPopulation("2024-11-01"), lib.loadBundledPopulation("2019-12-31"));
const geography: Geography = { recipients: lib.recipients, groups: lib.GROUPS };
const benchKeys = [lib.normalizeKey("total"), lib.normalizeKey("0-18")];
const plain = toPlain(population, benchKeys);
const municipalityCodes: readonly string[] = lib.recipients("municipality").map((r) => r.code);
const countyCodes: readonly string[] = lib.recipients("county").map((r) => r.code);
const floorInput: FloorInput = {
  municipal: Object.fromEntries(benchKeys.map((k) => [k, Float64Array.from(municipalityCodes, (c) => Number(population.counts.get(k)!.get(c)!))])),
  countyOf: Int8Array.from(municipalityCodes, (c) => countyCodes.indexOf(c.slice(0, 2))),
  counties: countyCodes.length,
  groupCounties: Object.fromEntries(Object.entries(lib.GROUPS).map(([g, members]) => [g, members.map((c) => countyCodes.indexOf(c))])),
  countyCodes,
};

// A fresh population and a fresh agreement: deep copies with new Maps, arrays and strings, as a
// program that reads a file per run or a page after a file drop hands allocate(). Never reused.
const freshAgreement = () => structuredClone(agreement);
let whatIf = 0n;
const allocCalls = { calls: 3000, warmup: 1000 };
const allocContenders: { name: string; run: () => Measured }[] = [
  { name: "allocate fresh", run: () => measureFresh(() => ({ a: freshAgreement(), p: structuredClone(population) }), (x) => lib.allocate(x.a, x.p), allocCalls) },
  { name: "allocate cached", run: () => measureFresh(() => null, () => lib.allocate(agreement, population), allocCalls) },
  { name: "decimal.js fresh", run: () => measureFresh(() => ({ a: freshAgreement(), p: structuredClone(plain) }), (x) => decimalBaseline(x.a, x.p, geography), { calls: 300, warmup: 100 }) },
  { name: "floor safe", run: () => measureFresh(() => ({ a: freshAgreement(), f: structuredClone(floorInput) }), (x) => floorSafe(x.a, x.f), allocCalls) },
  { name: "floor bigint", run: () => measureFresh(() => ({ a: freshAgreement(), f: structuredClone(floorInput) }), (x) => floorBigint(x.a, x.f), allocCalls) },
  {
    // What a program that reads its counts per run pays in all: building the dataset (checks,
    // maps and the columns allocate() reads) from plain counts, then allocating.
    name: "create + allocate",
    run: () =>
      measureFresh(
        () => ({ a: freshAgreement(), counts: structuredClone(plain.byKey), sources: structuredClone([...population.sources]) }),
        (x) => lib.allocate(x.a, lib.createPopulation({ referenceDate: population.referenceDate, counts: x.counts, sources: x.sources })),
        { calls: 1000, warmup: 300 },
      ),
  },
  {
    name: "what-if",
    run: () =>
      measureFresh(
        () => null,
        () => {
          whatIf += 1_000n;
          const s = lib.applyScenario(agreement, [{ pot: "2", field: "amount", value: 192_000_000n + whatIf }]);
          return lib.allocate(s.agreement, population, { scenario: s.changes });
        },
        { calls: 1000, warmup: 300 },
      ),
  },
];
const childArg = process.argv.find((a) => a.startsWith("--contender="));
if (childArg) {
  const c = allocContenders.find((x) => x.name === childArg.slice("--contender=".length))!;
  console.log(`CONTENDER_RESULT ${JSON.stringify(c.run())}`);
  process.exit(0);
}

say(`# stimulansmedel benchmark`);
say();
say(`Node ${machine.node} (V8 ${machine.v8}), ${machine.cpu}, ${machine.cores} cores, ${machine.os}, ${machine.memory_gb} GB, load average ${machine.load_average_at_start.join(" / ")}, ${machine.date}${QUICK ? " (--quick)" : ""}`);
say();

function inFreshProcess(name: string): Measured {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--contender=${name}`, ...(QUICK ? ["--quick"] : [])], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const line = r.stdout.split("\n").find((l) => l.startsWith("CONTENDER_RESULT "));
  if (r.status !== 0 || !line) throw new Error(`contender ${name} failed: ${r.stderr}`);
  return JSON.parse(line.slice("CONTENDER_RESULT ".length)) as Measured;
}
const result = lib.allocate(agreement, population);
if (!result.complete) throw new Error(`the bench population does not complete the 2025 agreement: ${result.missing.length} amounts missing`);
// The comparisons are honest only if every contender computes the same amounts.
const libAmounts = new Map(result.lines.map((l) => [`${l.pot}|${l.level}|${l.code}`, l.amount]));
const baselineAmounts = decimalBaseline(agreement, plain, geography);
if (baselineAmounts.length !== libAmounts.size) throw new Error(`decimal.js baseline has ${baselineAmounts.length} amounts, the library ${libAmounts.size}`);
for (const b of baselineAmounts) {
  const mine = libAmounts.get(`${b.pot}|${b.level}|${b.code}`);
  if (mine === undefined || BigInt(b.amount.toFixed(0)) !== mine) throw new Error(`decimal.js baseline differs for ${b.pot} ${b.code}: ${b.amount} vs ${mine}`);
}
for (const [name, floor] of [
  ["safe", floorSafe(agreement, floorInput)],
  ["bigint", floorBigint(agreement, floorInput)],
] as const) {
  let n = 0;
  for (const p of floor) {
    const codes = p.level === "municipality" ? municipalityCodes : p.level === "skr" ? lib.recipients("skr").map((r) => r.code) : countyCodes;
    (p.amounts as readonly (number | bigint)[]).forEach((a, i) => {
      const mine = libAmounts.get(`${p.pot}|${p.level}|${codes[i]}`);
      if (mine !== BigInt(a)) throw new Error(`the ${name} floor differs for ${p.pot} ${codes[i]}: ${a} vs ${mine}`);
      n++;
    });
  }
  if (n !== libAmounts.size) throw new Error(`the ${name} floor has ${n} amounts, the library ${libAmounts.size}`);
}

const allocPerRound: Measured[][] = [];
for (let round = 0; round < (QUICK ? 1 : 3); round++) allocPerRound.push(allocContenders.map((c) => inFreshProcess(c.name)));
const pick = (i: number, by: keyof Measured) => median(allocPerRound.map((row) => row[i]![by]));
const ratioOf = (i: number, j: number, by: "mean" | "median" = "mean") => median(allocPerRound.map((row) => row[i]![by] / row[j]![by]));
const row = (i: number) => ({ mean_us: us(pick(i, "mean")), median_us: us(pick(i, "median")), p99_us: us(pick(i, "p99")) });
const fresh = row(0);
const allocation = {
  fresh,
  cached: row(1),
  decimal_fresh_mean_us: us(pick(2, "mean")),
  decimal_fresh: row(2),
  floor_safe_mean_us: us(pick(3, "mean")),
  floor_safe: row(3),
  floor_bigint_mean_us: us(pick(4, "mean")),
  floor_bigint: row(4),
  create_and_allocate: row(5),
  what_if: row(6),
  ratio_decimal_to_fresh: ratioOf(2, 0),
  ratio_fresh_to_floor_bigint: ratioOf(0, 4),
  ratio_fresh_to_floor_safe: ratioOf(0, 3),
  lines: result.lines.length,
  calls_per_round: allocCalls.calls,
  rounds: allocPerRound.length,
  data:
    "2025 agreement (bundled) on 2024-11-01 totals (SCB, bundled) + 0-18 summed from the bundled 2019-12-31 single-year ages, merged as one 2024-11-01 dataset; fresh = structuredClone of the agreement and the population per call, made outside the timed region; a population is a dataset as createPopulation makes it: maps of counts plus the same counts as columns by recipient position, which the clone copies and allocate() reads",
  pass_fresh: false,
  pass_cached: false,
};
say("## 1. Allocation: the full 2025 agreement, in process");
say();
say(
  `Each contender runs in a fresh process of its own, ${allocPerRound.length} rounds alternating between contenders; figures are medians over rounds of each round's median, mean and p99, ratios medians of per-round ratios of means. "Fresh" means a new population and a new agreement object per call (deep copies made outside the timed region and never reused), so nothing derived from an earlier call can help; the garbage of making a batch of 100 inputs is collected (two young-generation collections, never a forced full one) before its calls are timed one by one; the decimal.js baseline and the floors get fresh copies of their inputs the same way and compute every amount, counties summed on every call.`,
);
say();
say(`Data: ${allocation.data}. ${result.lines.length} amounts; the decimal.js baseline and both floors are checked equal to the library's, amount by amount, before timing.`);
say();
say("| | median | mean | p99 |");
say("|---|---:|---:|---:|");
const usRow = (label: string, r: { median_us: number; mean_us: number; p99_us: number }) => say(`| ${label} | ${fmt(r.median_us)} µs | ${fmt(r.mean_us)} µs | ${fmt(r.p99_us)} µs |`);
usRow("stimulansmedel allocate(), fresh population and agreement per call", allocation.fresh);
usRow("stimulansmedel allocate(), the same objects every call", allocation.cached);
usRow("decimal.js baseline, fresh inputs per call (Decimal per cell, ROUND_HALF_UP)", allocation.decimal_fresh);
usRow("hand-written exact floor, checked safe integers (bench/floors.ts)", allocation.floor_safe);
usRow("hand-written exact floor, bigint (bench/floors.ts)", allocation.floor_bigint);
usRow("createPopulation() from plain counts + allocate(), fresh per call (information)", allocation.create_and_allocate);
usRow("applyScenario() + allocate(), pot 2's amount changed each time (information)", allocation.what_if);
say();
say(`Ratios of means: decimal.js / fresh ${fmt(allocation.ratio_decimal_to_fresh)}×, fresh / bigint floor ${fmt(allocation.ratio_fresh_to_floor_bigint, 2)}×, fresh / safe floor ${fmt(allocation.ratio_fresh_to_floor_safe, 2)}×.`);
say();
allocation.pass_fresh = target(
  "2025 allocation, fresh population and agreement per call, mean",
  "< 20 µs, ≥ 10× decimal.js, ≤ 3× the bigint floor",
  `${fmt(fresh.mean_us)} µs, ${fmt(allocation.ratio_decimal_to_fresh)}×, ${fmt(allocation.ratio_fresh_to_floor_bigint, 2)}×`,
  fresh.mean_us < 20 && allocation.ratio_decimal_to_fresh >= 10 && allocation.ratio_fresh_to_floor_bigint <= 3,
);
allocation.pass_cached = target("the same, cached (same objects), mean", "< 10 µs", `${fmt(allocation.cached.mean_us)} µs`, allocation.cached.mean_us < 10);
say();

// ---------------------------------------------------------------------------------------------
// 2. Loading.

const nameOf = (code: string) => lib.getRecipient("municipality", code)?.name ?? code;
// The bundled 2019 single-year ages, split into two rows per age so the file has the size and the
// kön column of SCB's table by region, age and sex.
const scbRows = splitBySex(rowsFromAges(lib.loadBundledPopulation("2019-12-31").ages, nameOf));
// The SCB layout is what finance officers download; parsePopulation detects it and its encoding.
const layout = "scb";
const bytes = renderScbBytes(scbRows, "2019");
const decode = (b: Uint8Array): string => iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), "win1252");
const layoutNote = `SCB PxWeb CSV layout (Windows-1252), ${scbRows.length} rows, split by sex (the bundled 2019 ages, each count halved)`;
const rows = scbRows.length;
const text = decode(bytes);
// Two ways a careful newcomer reads the file with csv-parse. Over the whole file, the one-cell
// title line makes every row "inconsistent", so csv-parse needs relax_column_count, and then it
// builds an error object per record (about ten times slower). Starting at the header line avoids
// that; it is the faster of the two and the one the target is measured against.
const headerLine = text.split(/\r\n|\n|\r/).findIndex((l) => /^"?region"?[,;\t]/i.test(l)) + 1;
if (headerLine === 0) throw new Error("the SCB layout has no header line");
const csvFromHeader = { from_line: headerLine, skip_empty_lines: true };
const csvWholeFile = { relax_column_count: true, skip_empty_lines: true };
const csvRecords = (csvParse(text, csvFromHeader) as string[][]).length;
if (csvRecords !== rows + 1) throw new Error(`csv-parse from the header read ${csvRecords} records, expected ${rows + 1}`);
const papaOptions = { skipEmptyLines: true };
const papaRecords = Papa.parse<string[]>(text, papaOptions).data.length;
const loadedPop = lib.parsePopulation(bytes, { file: "bench.csv", referenceDate: "2019-12-31" });

const loadRounds = await measureRounds([
  { name: "parsePopulation", fn: () => lib.parsePopulation(bytes, { file: "bench.csv", referenceDate: "2019-12-31" }), options: { time: 3000, iterations: 5, warmupIterations: 2 } },
  { name: "csv-parse from header", fn: () => csvParse(decode(bytes), csvFromHeader), options: { time: 3000, iterations: 5, warmupIterations: 2 } },
  // About ten times the others per call: two calls per round keep the bench within its three minutes.
  { name: "csv-parse whole file", fn: () => csvParse(decode(bytes), csvWholeFile), options: { time: 0, iterations: 2, warmupIterations: 1 } },
  { name: "papaparse", fn: () => Papa.parse(decode(bytes), papaOptions), options: { time: 3000, iterations: 5, warmupIterations: 2 } },
]);
const [loadMs, csvMs, csvWholeMs, papaMs] = loadRounds.median as [number, number, number, number];
const [loadMean, csvMean, csvWholeMean, papaMean] = loadRounds.mean as [number, number, number, number];
const defaultsMed = await measure("bundled defaults", () => [lib.loadBundledAgreement("2025"), lib.loadBundledPopulation("2024-11-01")], {
  time: 1000,
  iterations: 50,
  warmupIterations: 10,
});

const loading = {
  mean_ms: loadMean,
  median_ms: loadMs,
  p99_ms: loadRounds.p99[0]!,
  csv_parse_mean_ms: csvMean,
  csv_parse_median_ms: csvMs,
  ratio_of_means: loadRounds.ratio(0, 1, "mean"),
  csv_parse_options: csvFromHeader,
  csv_parse_whole_file_mean_ms: csvWholeMean,
  csv_parse_whole_file_median_ms: csvWholeMs,
  csv_parse_whole_file_options: csvWholeFile,
  papaparse_mean_ms: papaMean,
  papaparse_median_ms: papaMs,
  layout,
  layout_note: layoutNote,
  rows,
  bytes: bytes.byteLength,
  csv_parse_records: csvRecords,
  papaparse_records: papaRecords,
  bundled_defaults_mean_ms: defaultsMed.mean,
  bundled_defaults_median_ms: defaultsMed.median,
  pass: false,
};
say("## 2. Loading: a 58 580-row SCB file, loaded and validated");
say();
say(`Measured: ${layoutNote}; ${fmt(bytes.byteLength / 1024, 0)} KiB, ${loadedPop.ages.size} municipalities × ${loadedPop.ages.values().next().value?.length ?? 0} age classes. The same bytes for every contender; each decodes them.`);
say();
say("| | median | mean | p99 |");
say("|---|---:|---:|---:|");
const msRow = (label: string, med: number, avg: number, tail: number) => say(`| ${label} | ${fmt(med)} ms | ${fmt(avg)} ms | ${fmt(tail)} ms |`);
msRow("stimulansmedel parsePopulation (decode, parse, validate, build the dataset)", loadMs, loadMean, loadRounds.p99[0]!);
msRow(`csv-parse/sync from the header line (\`from_line: ${headerLine}\`; decode + records only, no validation)`, csvMs, csvMean, loadRounds.p99[1]!);
msRow("csv-parse/sync over the whole file (`relax_column_count`, for the title line)", csvWholeMs, csvWholeMean, loadRounds.p99[2]!);
msRow("papaparse, same text (decode + records only)", papaMs, papaMean, loadRounds.p99[3]!);
msRow('bundled defaults: loadBundledAgreement("2025") + loadBundledPopulation("2024-11-01")', defaultsMed.median, defaultsMed.mean, defaultsMed.p99);
say();
loading.pass = target("58 580-row SCB file loaded and validated, mean", "≤ 0.8× a bare csv-parse of the same bytes", `${fmt(loading.ratio_of_means, 2)}×`, loading.ratio_of_means <= 0.8);
say();

// ---------------------------------------------------------------------------------------------
// 3. CLI, cold process each run.

function coldRuns(args: string[], runs: number, check?: (stdout: string, status: number | null) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    const t = performance.now() - t0;
    if (r.error) throw r.error;
    check?.(r.stdout, r.status);
    if (i > 0) times.push(t); // the first run warms the file system cache
  }
  return times;
}
const xlsxOut = join(os.tmpdir(), `stimulansmedel-bench-${process.pid}.xlsx`);
const cliCommands: { name: string; args: string[]; check?: (stdout: string, status: number | null) => void }[] = [
  { name: "node -e 0", args: ["-e", "0"] },
  {
    name: "allocate --agreement 2025 --format json",
    args: [cliPath, "allocate", "--agreement", "2025", "--format", "json"],
    check: (stdout, status) => {
      if (status !== 0 && status !== 3) throw new Error(`the CLI exited with ${status}`);
      JSON.parse(stdout); // it must answer, not just start
    },
  },
  {
    name: "allocate --agreement 2025 --out national.xlsx",
    args: [cliPath, "allocate", "--agreement", "2025", "--out", xlsxOut],
    check: (_, status) => {
      if (status !== 0 && status !== 3) throw new Error(`the CLI exited with ${status}`);
      if (statSync(xlsxOut).size < 10_000) throw new Error("the workbook is too small to be the national allocation");
      rmSync(xlsxOut);
    },
  },
  { name: "--help", args: [cliPath, "--help"], check: (stdout) => void (stdout.length > 100 || (() => { throw new Error("no help"); })()) },
];
// Interleaved: node -e 0, json, xlsx, help, node -e 0, … so that each sees the same load.
const cliTimes = cliCommands.map(() => [] as number[]);
const cliRuns = QUICK ? 5 : 12;
for (let i = 0; i < cliRuns + 1; i++) {
  cliCommands.forEach((c, j) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, c.args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    const t = performance.now() - t0;
    if (r.error) throw r.error;
    c.check?.(r.stdout, r.status);
    if (i > 0) cliTimes[j]!.push(t); // the first round warms the file system cache
  });
}
const [floorStats, jsonStats, xlsxStats, helpStats] = cliTimes.map(stats) as [Measured, Measured, Measured, Measured];
const cli = {
  median_ms: jsonStats.median,
  mean_ms: jsonStats.mean,
  p99_ms: jsonStats.p99,
  node_floor_ms: floorStats.median,
  node_floor_mean_ms: floorStats.mean,
  ratio: jsonStats.median / floorStats.median,
  help_median_ms: helpStats.median,
  help_ratio: helpStats.median / floorStats.median,
  runs: cliRuns,
  pass: jsonStats.median <= 2 * floorStats.median,
};
const xlsx = {
  median_ms: xlsxStats.median,
  mean_ms: xlsxStats.mean,
  p99_ms: xlsxStats.p99,
  node_floor_ms: floorStats.median,
  ratio: xlsxStats.median / floorStats.median,
  pass: xlsxStats.median < 300 && xlsxStats.median <= 4 * floorStats.median,
};
say("## 3. CLI, cold process each run");
say();
say(`${cliRuns} runs of each after one warm-up round, interleaved; wall time of spawnSync from \`${ROOT === process.cwd() ? "." : ROOT}\`.`);
say();
say("| | median | mean | p99 | median / node -e 0 |");
say("|---|---:|---:|---:|---:|");
cliCommands.forEach((c, j) => {
  const m = stats(cliTimes[j]!);
  say(`| ${c.name === "node -e 0" ? "node -e 0 (floor)" : `stimulansmedel ${c.name}`} | ${fmt(m.median)} ms | ${fmt(m.mean)} ms | ${fmt(m.p99)} ms | ${fmt(m.median / floorStats.median, 2)}× |`);
});
say();
target("CLI `allocate --agreement 2025 --format json`, cold", "≤ 2× `node -e 0`", `${fmt(cli.median_ms)} ms, ${fmt(cli.ratio, 2)}×`, cli.pass);
target("`allocate --out national.xlsx`, cold", "< 300 ms and ≤ 4× `node -e 0`", `${fmt(xlsx.median_ms)} ms, ${fmt(xlsx.ratio, 2)}×`, xlsx.pass);
say();

// ---------------------------------------------------------------------------------------------
// 4. Scaling: synthetic recipients straight through the kernels (the geography is fixed at 290).

function synthetic(n: number): { id: string; weight: bigint }[] {
  // xorshift32: deterministic weights 1…1 000 000, like municipal populations in spread.
  let x = 2025;
  const items = new Array<{ id: string; weight: bigint }>(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    items[i] = { id: `r${String(i).padStart(6, "0")}`, weight: BigInt(1 + ((x >>> 0) % 1_000_000)) };
  }
  return items;
}
const sizes = [290, 2_900, 29_000, 290_000];
type ScalingRow = { recipients: number; nearest_us: number; largest_remainder_us: number; nearest_with_parts_us: number; nearest_part_at_us: number };
const scalingInputs = sizes.map((n) => ({ n, items: synthetic(n) }));
// Rounds over every size in turn (290, 2 900, 29 000, 290 000, 290, …), as section 1 alternates its
// contenders: on this shared machine the speed drifts by a third within a minute, and a size
// measured only at another moment than the one it is compared with would carry that drift into k.
const scalingRounds: ScalingRow[][] = [];
const scalingTotal = 1_560_000_000n;
// Every amount and rounding step is computed and the amounts are read back and summed, as
// allocate() reads them; with parts, every part's explanation is read too. Each call gets a
// fresh copy of the recipients (made outside the timed region), as the allocation rows do.
const readAmounts = (s: { amounts: ArrayLike<bigint> }) => {
  let sum = 0n;
  for (let i = 0; i < s.amounts.length; i++) sum += s.amounts[i]!;
  return sum;
};
const readParts = (s: { parts: readonly { amount: bigint }[] }) => {
  let sum = 0n;
  for (const p of s.parts) sum += p.amount;
  return sum;
};
for (let round = 0; round < (QUICK ? 1 : 3); round++) {
  const rows: ScalingRow[] = [];
  for (const { n, items } of scalingInputs) {
    const calls = n >= 290_000 ? 9 : n >= 29_000 ? 24 : n >= 2_900 ? 100 : 400;
    const copy = () => items.map((x) => ({ id: x.id, weight: x.weight }));
    const options = { calls, warmup: Math.max(2, Math.ceil(calls / 5)), batch: n >= 29_000 ? 1 : 20 };
    const nearest = measureFresh(copy, (xs) => readAmounts(lib.splitNearest(scalingTotal, xs)), options);
    const lr = measureFresh(copy, (xs) => readAmounts(lib.splitLargestRemainder(scalingTotal, xs)), options);
    const withParts = measureFresh(copy, (xs) => readParts(lib.splitNearest(scalingTotal, xs)), options);
    // Every part's explanation again, one at a time through partAt (nothing keeps them).
    const partAt = measureFresh(
      copy,
      (xs) => {
        const s = lib.splitNearest(scalingTotal, xs);
        let sum = 0n;
        for (let i = 0; i < xs.length; i++) sum += s.partAt(i).amount;
        return sum;
      },
      options,
    );
    rows.push({ recipients: n, nearest_us: us(nearest.median), largest_remainder_us: us(lr.median), nearest_with_parts_us: us(withParts.median), nearest_part_at_us: us(partAt.median) });
  }
  scalingRounds.push(rows);
}
// Each size's figure is the median of its round medians; each k the median of the rounds' own k.
const scaling: ScalingRow[] = sizes.map((n, j) => ({
  recipients: n,
  nearest_us: median(scalingRounds.map((r) => r[j]!.nearest_us)),
  largest_remainder_us: median(scalingRounds.map((r) => r[j]!.largest_remainder_us)),
  nearest_with_parts_us: median(scalingRounds.map((r) => r[j]!.nearest_with_parts_us)),
  nearest_part_at_us: median(scalingRounds.map((r) => r[j]!.nearest_part_at_us)),
}));
// Growth exponent k in t ∝ n^k, judged from 2 900 to 290 000: the per-recipient cost rises where
// the inputs outgrow the processor's caches, between those two sizes, and over the issue's span
// from 290 the same rise is spread over three decades instead of two. Both are shown.
const exponentFrom = (from: number, pickOf: (s: ScalingRow) => number) =>
  median(scalingRounds.map((rows) => Math.log10(pickOf(rows[3]!) / pickOf(rows[from]!)) / Math.log10(rows[3]!.recipients / rows[from]!.recipients)));
const exponent = (pickOf: (s: ScalingRow) => number) => exponentFrom(1, pickOf);
const from290 = {
  k_nearest: exponentFrom(0, (s) => s.nearest_us),
  k_largest_remainder: exponentFrom(0, (s) => s.largest_remainder_us),
  k_part_at: exponentFrom(0, (s) => s.nearest_part_at_us),
};
const growth = {
  k_nearest: exponent((s) => s.nearest_us),
  k_largest_remainder: exponent((s) => s.largest_remainder_us),
  k_parts: exponent((s) => s.nearest_with_parts_us),
  k_part_at: exponent((s) => s.nearest_part_at_us),
};
const kKernels = Math.max(growth.k_nearest, growth.k_largest_remainder);
say("## 4. Scaling: synthetic recipients through the kernels");
say();
say("| recipients | splitNearest | per recipient | splitLargestRemainder | per recipient | splitNearest, every part read through partAt | per recipient | splitNearest, the `parts` array read (information) | per recipient |");
say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const perRecipient = (t: number, n: number) => `${fmt((t / n) * 1000, 0)} ns`;
for (const s of scaling) {
  say(
    `| ${s.recipients.toLocaleString("en-US")} | ${fmt(s.nearest_us)} µs | ${perRecipient(s.nearest_us, s.recipients)} | ${fmt(s.largest_remainder_us)} µs | ${perRecipient(s.largest_remainder_us, s.recipients)} | ${fmt(s.nearest_part_at_us)} µs | ${perRecipient(s.nearest_part_at_us, s.recipients)} | ${fmt(s.nearest_with_parts_us)} µs | ${perRecipient(s.nearest_with_parts_us, s.recipients)} |`,
  );
}
say();
say(`Medians over ${scalingRounds.length} rounds of each round's median, fresh recipients per call. Growth from 2 900 to 290 000 recipients, as t ∝ n^k: splitNearest k = ${fmt(growth.k_nearest, 2)}, splitLargestRemainder k = ${fmt(growth.k_largest_remainder, 2)}, every part read through partAt k = ${fmt(growth.k_part_at, 2)}, the \`parts\` array read k = ${fmt(growth.k_parts, 2)} (linear is 1), each the median of the rounds' own. From 290 instead: ${fmt(from290.k_nearest, 2)}, ${fmt(from290.k_largest_remainder, 2)} and ${fmt(from290.k_part_at, 2)}.`);
say();
say(
  "Every part's explanation is judged as `partAt(i)` builds it, one at a time: the `parts` array keeps all of them alive at once, and on 290 000 recipients (some 40 MB of parts and their bigints) the young-generation collections that copy them while they are built make each part several times dearer than on 2 900; that row is shown for information.",
);
say();
const scalingPass = target(
  "scaling 290 → 290 000 recipients, kernels and every part's explanation",
  "growth exponent ≤ 1.10",
  `k = ${fmt(kKernels, 2)} (kernels), ${fmt(growth.k_part_at, 2)} (parts through partAt); the parts array ${fmt(growth.k_parts, 2)} (information)`,
  kKernels <= 1.1 && growth.k_part_at <= 1.1,
);
say();

// ---------------------------------------------------------------------------------------------
// 4b. The audit (issue 14): inverting published amounts against the naive scan of every N.

const auditFigures = await benchAudit({ quick: QUICK });
say("## 4b. Audit: inferBase against the naive scan");
say();
say("| case | amounts | N range | inferBase median | naive median | speed-up | target |");
say("|---|---:|---|---:|---:|---:|---|");
for (const c of [auditFigures.dalarna, auditFigures.regions]) {
  say(`| ${c.name} | ${c.amounts} | ${c.range.map((n) => n.toLocaleString("en-US")).join("–")} | ${fmt(c.inferBase.median)} ms | ${fmt(c.naive.median)} ms | ${fmt(c.speedup, 1)}× | < ${c.targetMs} ms ${verdict(c.pass)} |`);
}
say();
target("audit: Dalarna's 15 amounts over N in [1 500 000, 3 500 000]", "< 1 s", `${fmt(auditFigures.dalarna.inferBase.median)} ms, ${fmt(auditFigures.dalarna.speedup, 1)}× the naive scan`, auditFigures.dalarna.pass);
target("audit: the complete 21-region table", "< 2 s", `${fmt(auditFigures.regions.inferBase.median)} ms, ${fmt(auditFigures.regions.speedup, 1)}× the naive scan`, auditFigures.regions.pass);
say();
const audit = {
  dalarna: { median_ms: auditFigures.dalarna.inferBase.median, mean_ms: auditFigures.dalarna.inferBase.mean, naive_median_ms: auditFigures.dalarna.naive.median, speedup: auditFigures.dalarna.speedup, target_ms: auditFigures.dalarna.targetMs, pass: auditFigures.dalarna.pass },
  regions: { median_ms: auditFigures.regions.inferBase.median, mean_ms: auditFigures.regions.inferBase.mean, naive_median_ms: auditFigures.regions.naive.median, speedup: auditFigures.regions.speedup, target_ms: auditFigures.regions.targetMs, pass: auditFigures.regions.pass },
};

// ---------------------------------------------------------------------------------------------
// 5. The test suite's wall time: `npx vitest run` timed once here (--skip-tests reuses the
// figure of the last full run in bench/results.json, and says so).

let tests: { wall_s: number | null; source: string; pass: boolean };
const testsLog = process.argv.find((a) => a.startsWith("--tests-log="))?.slice("--tests-log=".length);
if (testsLog) {
  // The output of an `npx vitest run` made outside the bench (CI, or by hand on the same machine).
  const m = /Duration\s+([\d.]+)s/.exec(readFileSync(testsLog, "utf8"));
  const wall = m ? Number(m[1]) : null;
  tests = { wall_s: wall, source: `vitest's own Duration line in the log of a separate \`npx vitest run\` (--tests-log)`, pass: wall !== null && wall < 30 };
} else if (process.argv.includes("--skip-tests")) {
  const last = existsSync(join(ROOT, "bench", "results.json")) ? (JSON.parse(readFileSync(join(ROOT, "bench", "results.json"), "utf8")) as { tests?: { wall_s?: number } }).tests?.wall_s : undefined;
  tests = { wall_s: last ?? null, source: "bench/results.json of the last full run (--skip-tests)", pass: last !== undefined && last < 30 };
} else {
  const t0 = performance.now();
  const r = spawnSync("npx", ["vitest", "run"], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`npx vitest run failed:\n${r.stdout.slice(-2000)}`);
  tests = { wall_s: wall, source: "npx vitest run, timed once by this bench", pass: wall < 30 };
}
say("## 5. Test suite");
say();
target("`npm test`", "< 30 s wall on this machine", tests.wall_s === null ? "not measured" : `${fmt(tests.wall_s)} s (${tests.source})`, tests.pass);
say();

// ---------------------------------------------------------------------------------------------
// Summary and files.

say("## Summary");
say();
say("| figure | target | measured | |");
say("|---|---|---|---|");
for (const t of targets) say(`| ${t.figure} | ${t.target} | ${t.measured} | ${verdict(t.pass)} |`);

const json = {
  allocation,
  loading,
  cli,
  xlsx,
  scaling: { k_kernels: kKernels, ...growth, from_290: from290, rounds: scalingRounds.length, rows: scaling, pass: scalingPass },
  audit,
  tests,
  targets,
  machine,
  // Other engineers share this 2-core machine: the load average when the bench ends, beside the
  // one at its start (machine.load_average_at_start), says how far the figures are from an idle run.
  machine_load: { load_average_at_start: machine.load_average_at_start, load_average_at_end: os.loadavg().map((l) => Math.round(l * 100) / 100), cores: machine.cores, shared: "2 cores shared by about 7 engineers during the run" },
};
const round = (_: string, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
// A rough --quick pass must not replace the committed figures of a full run.
const stem = QUICK ? "results.quick" : "results";
writeFileSync(join(ROOT, "bench", `${stem}.json`), `${JSON.stringify(json, round, 2)}\n`);
writeFileSync(join(ROOT, "bench", `${stem}.md`), `${out.join("\n")}\n`);
console.log(`\nwrote bench/${stem}.md and bench/${stem}.json`);
