/**
 * `npm run fuzz`: throws generated inputs at the loaders and the command line and checks that
 * nothing escapes but a typed StimulansmedelError.
 *
 *   npm run fuzz                              # 100 000 inputs, seed 1
 *   npm run fuzz -- --inputs 500000 --seed 7  # more, another seed
 *
 * Targets, by share of the inputs:
 * - population (45 %): `parsePopulation(bytes)` on mutated real files (data/population/, every file
 *   under tests/bad-inputs/population/ and tests/fixtures/, so SCB CSV and JSON-stat2 samples added
 *   there are fuzzed too), random bytes and fast-check generated CSV; every dataset that loads is
 *   then allocated with the 2025 agreement.
 * - agreement (40 %): `JSON.parse` + `parseAgreement` on mutated agreement text, and on the 2025
 *   agreement with a generated value put at a random JSON path; every agreement that loads is
 *   allocated.
 * - command line (15 %): `run(argv, io)` from src/cli/main.ts in-process (a cache folder of its own), argv drawn from the real flags,
 *   values and random strings; exit code 70 means an untyped error escaped a command.
 *
 * Prints the number of inputs tried and of untyped failures; exits 1 if there was any.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import iconv from "iconv-lite";
import { allocate } from "../src/allocate.js";
import { processIo } from "../src/cli/io.js";
import { EXIT_UNEXPECTED, run } from "../src/cli/main.js";
import { StimulansmedelError } from "../src/errors.js";
import { parsePopulation } from "../src/io/population.js";
import { readJson } from "../src/io/json.js";
import { loadBundledPopulation } from "../src/node/bundled.js";
import { parseAgreement, type Agreement } from "../src/rules.js";

const ROOT = resolve(import.meta.dirname, "..");

export interface FuzzOptions {
  inputs: number;
  seed: number;
  /** Called every 10 000 inputs. */
  progress?: (done: number) => void;
}

export interface FuzzFailure {
  target: "population" | "agreement" | "cli";
  input: string;
  error: string;
}

export interface FuzzReport {
  inputs: number;
  byTarget: Record<FuzzFailure["target"], number>;
  /** Inputs the loader accepted (the rest were refused with a typed error). */
  accepted: number;
  untyped: number;
  /** How often each exit code came back from the command line. */
  exitCodes: Record<number, number>;
  /** The first few untyped failures, for the report. */
  failures: FuzzFailure[];
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same inputs. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== "manifest.json")
    .map((e) => join(e.parentPath, e.name));
}

/** Seeds: real files, big ones cut to their first 400 lines so that one input stays cheap. */
function seeds(paths: readonly string[]): Uint8Array[] {
  return paths.map((p) => {
    const bytes = readFileSync(p);
    if (statSync(p).size <= 64 * 1024) return new Uint8Array(bytes);
    let cut = 0;
    for (let n = 0; n < 400 && cut >= 0; n++) cut = bytes.indexOf(0x0a, cut + 1);
    return new Uint8Array(bytes.subarray(0, cut < 0 ? bytes.length : cut + 1));
  });
}

const enc = new TextEncoder();
const INTERESTING_BYTES = [0x00, 0x0a, 0x0d, 0x22, 0x23, 0x2c, 0x2d, 0x2e, 0x3b, 0x09, 0x20, 0x30, 0x39, 0x7f, 0x80, 0xc3, 0xe4, 0xf6, 0xff, 0xfe, 0xef, 0xbb, 0xbf];
const INTERESTING_TOKENS = [
  "", "0", "-1", "-0", "1.5", "12,5", "13 093", "1e5", "0x10", "99999999999999999999999", "9007199254740993", "NaN", "Infinity",
  "١٢", "１２", "00", "0114", "114", "20", "9999", "SKR", "total", "0-18", "18-0", "100+", "101", "0–18", "\"", "\"\"", "#", "# referensdatum: 2024-11-01",
  "kommun_kod", "nyckel", "alder", "antal", ";", "\t", "\u00a0", "\ufeff", "\u2028", "null", "true", "[]", "{}", "\"200 000\"", "\"200000.50\"", "-200000",
  "1e400", "1.0000000000000000001", "metropolitan", "region", "kommun", "fixed", "share", "perRecipient", "basePlusShare", "2024-02-30", "__proto__", "constructor",
];

/** 1 to 4 stacked mutations of a byte string: bytes, ranges, lines, tokens, splices, encodings. */
function mutate(rng: Rng, input: Uint8Array, pool: readonly Uint8Array[]): Uint8Array {
  let b = input;
  for (let k = 1 + rng.int(4); k > 0; k--) {
    const op = rng.int(12);
    const at = rng.int(b.length + 1);
    if (op === 0 && b.length > 0) {
      b = b.slice();
      b[rng.int(b.length)]! ^= 1 << rng.int(8);
    } else if (op === 1 && b.length > 0) {
      b = b.slice();
      b[rng.int(b.length)] = rng.pick(INTERESTING_BYTES);
    } else if (op === 2) {
      const ins = Uint8Array.from({ length: 1 + rng.int(8) }, () => (rng.next() < 0.5 ? rng.pick(INTERESTING_BYTES) : rng.int(256)));
      b = concat(b.subarray(0, at), ins, b.subarray(at));
    } else if (op === 3) {
      b = concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + rng.int(64))));
    } else if (op === 4) {
      b = b.subarray(0, at); // truncated file
    } else if (op === 5) {
      const other = rng.pick(pool);
      const from = rng.int(other.length + 1);
      b = concat(b.subarray(0, at), other.subarray(from, from + rng.int(400)), b.subarray(at));
    } else {
      const text = new TextDecoder().decode(b);
      const lines = text.split("\n");
      const i = rng.int(lines.length);
      if (op === 6) lines.splice(i, 1);
      else if (op === 7) lines.splice(i, 0, lines[rng.int(lines.length)]!);
      else if (op === 8) [lines[i], lines[0]] = [lines[0]!, lines[i]!];
      else if (op === 9) {
        const fields = lines[i]!.split(/([,;:\t" ])/);
        fields[rng.int(fields.length)] = rng.pick(INTERESTING_TOKENS);
        lines[i] = fields.join("");
      } else if (op === 10) {
        lines[i] = lines[i]!.replace(/\d+/g, (m) => (rng.next() < 0.3 ? rng.pick(INTERESTING_TOKENS) : rng.next() < 0.5 ? m + m : String(BigInt(m) + BigInt(rng.int(3) - 1))));
      } else {
        const joined = lines.join(rng.pick(["\n", "\r\n", "\r"]));
        b = rng.next() < 0.5 ? new Uint8Array(iconv.encode(joined, rng.pick(["win1252", "utf16le", "latin1"]))) : enc.encode(joined);
        continue;
      }
      b = enc.encode(lines.join("\n"));
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** fast-check generated population CSVs: real codes and keys mixed with junk, every delimiter. */
const generatedCsv = fc
  .record({
    date: fc.oneof(fc.constant("2024-11-01"), fc.string({ maxLength: 12 })),
    meta: fc.array(fc.string({ maxLength: 30 }).map((s) => `# ${s}`), { maxLength: 3 }),
    header: fc.oneof(fc.constant("kommun_kod,nyckel,antal"), fc.constant("kommun_kod,alder,antal"), fc.constant("kommun,kommun_kod,nyckel,antal"), fc.string({ maxLength: 30 })),
    rows: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom("2080", "0114", "0980", "00", "20", "114", "9999"), fc.string({ maxLength: 5 })),
        fc.oneof(fc.constantFrom("total", "0-18", "0", "100+", "101", "5 år", "barn"), fc.string({ maxLength: 5 })),
        fc.oneof(fc.bigInt(0n, 10n ** 12n).map(String), fc.constantFrom("-1", "1.5", "", "tolv"), fc.string({ maxLength: 6 })),
        fc.constantFrom(",", ";", "\t", ", "),
      ),
      { maxLength: 40 },
    ),
  })
  .map(({ date, meta, header, rows }) =>
    enc.encode([`# referensdatum: ${date}`, ...meta, header, ...rows.map(([c, k, n, d]) => [c, k, n].join(d))].join("\n")),
  );

function typed(e: unknown): boolean {
  return e instanceof StimulansmedelError && typeof e.code === "string" && e.issues.length > 0;
}

function excerpt(bytes: Uint8Array | string): string {
  const s = typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("latin1");
  return JSON.stringify(s.length > 300 ? `${s.slice(0, 300)}…` : s);
}

/** Puts `value` at a random place in a JSON value (replacing, deleting or adding a key). */
function plant(rng: Rng, doc: unknown, value: unknown): unknown {
  if (doc === null || typeof doc !== "object" || rng.next() < 0.15) return value;
  if (Array.isArray(doc)) {
    const out = [...doc];
    const i = rng.int(out.length + 1);
    if (rng.next() < 0.1) out.splice(i, 1);
    else out[i] = plant(rng, out[i], value);
    return out;
  }
  const out: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  const keys = Object.keys(out);
  const key = keys.length === 0 || rng.next() < 0.05 ? rng.pick(INTERESTING_TOKENS) : rng.pick(keys);
  if (rng.next() < 0.1) delete out[key];
  else out[key] = plant(rng, out[key], value);
  return out;
}

/** Command-line words: every flag, real and near-miss values, files, and junk. */
const FLAGS = ["--agreement", "--population", "--county", "--municipality", "--level", "--pot", "--rounding", "--format", "--out", "--help", "-h", "--debug", "--bogus", "--", "-"];
const FLAG_VALUES: Record<string, readonly string[]> = {
  "--agreement": ["2025", "2024", "1999", "x.json", "finns-inte.json", ""],
  "--population": ["2024-11-01", "2019-12-31", "2015-12-31", "1999-12-31", "finns-inte.csv", ""],
  "--county": ["20", "Dalarna", "dalarna", "Dalarnas län", "Region Dalarna", "09", "Gotland", "01", "99", "0", "Narnia", "", "ö"],
  "--municipality": ["2080", "Falun", "falun", "Malung Salen", "0980", "Gotland", "20", "9999", "Atlantis", "", "å"],
  "--level": ["region", "county", "municipality", "skr", "kommun", "REGION", ""],
  "--pot": ["1a", "2", "3a,3b", "4b", "5", "9z", ",", "2,,2", ""],
  "--rounding": ["nearest-per-recipient", "largest-remainder", "bankers", ""],
  "--format": ["table", "json", "pdf", "JSON", ""],
};

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rng = prng(options.seed);
  const populationPaths = [
    ...filesUnder(join(ROOT, "data", "population")).filter((p) => p.endsWith(".csv")),
    ...filesUnder(join(ROOT, "tests", "bad-inputs", "population")),
    ...filesUnder(join(ROOT, "tests", "fixtures")),
  ];
  const agreementPaths = [join(ROOT, "data", "agreements", "2025.json"), ...filesUnder(join(ROOT, "tests", "bad-inputs", "agreement"))];
  const popSeeds = seeds(populationPaths);
  const agrSeeds = seeds(agreementPaths);
  const allSeeds = [...popSeeds, ...agrSeeds];
  const base2025 = JSON.parse(readFileSync(agreementPaths[0]!, "utf8")) as unknown;
  const agreement2025 = parseAgreement(base2025);
  const pop2024 = loadBundledPopulation("2024-11-01");
  const sampleSeed = options.seed;
  const jsonValues = fc.sample(fc.oneof(fc.jsonValue(), fc.constantFrom(...INTERESTING_TOKENS), fc.anything()), { seed: sampleSeed, numRuns: 3000 });
  const csvs = fc.sample(generatedCsv, { seed: sampleSeed + 1, numRuns: 3000 });
  const junk = fc.sample(fc.string({ maxLength: 12 }), { seed: sampleSeed + 2, numRuns: 1000 });
  const dir = mkdtempSync(join(tmpdir(), "stimulansmedel-fuzz-"));
  // The process's streams (silenced below) with a cache folder of the run's own, so a population
  // a developer fetched cannot change what the fuzzer reaches.
  const io = { ...processIo(), env: { ...process.env, XDG_CACHE_HOME: join(dir, "cache"), STIMULANSMEDEL_CACHE_DIR: undefined } };
  const cliValues = [
    "2025", "2024", "1999", "2024-11-01", "2019-12-31", "20", "Dalarna", "dalarna", "Falun", "2080", "0980", "Gotland", "99", "Narnia",
    "region", "county", "municipality", "skr", "kommun", "table", "json", "pdf", "nearest-per-recipient", "largest-remainder", "bankers",
    "1a", "2", "3a,3b", "9z", ",", "", " ", "finns-inte.csv", "finns-inte.json", dir, ...populationPaths.slice(0, 40), ...agreementPaths.slice(0, 40),
  ];

  const report: FuzzReport = { inputs: 0, byTarget: { population: 0, agreement: 0, cli: 0 }, accepted: 0, untyped: 0, exitCodes: {}, failures: [] };
  const fail = (target: FuzzFailure["target"], input: string, e: unknown) => {
    report.untyped++;
    if (report.failures.length < 10) report.failures.push({ target, input, error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split("\n").slice(1, 4).join("\n")}` : String(e) });
  };

  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const consoleError = console.error;
  try {
    for (let i = 0; i < options.inputs; i++) {
      const roll = rng.next();
      if (roll < 0.45) {
        report.byTarget.population++;
        const r = rng.next();
        const bytes =
          r < 0.7
            ? mutate(rng, rng.pick(popSeeds), allSeeds)
            : r < 0.8
              ? Uint8Array.from({ length: rng.int(200) }, () => rng.int(256))
              : r < 0.95
                ? rng.pick(csvs)
                : mutate(rng, rng.pick(agrSeeds), allSeeds);
        try {
          const pop = parsePopulation(bytes, { file: "fuzz.csv" });
          report.accepted++;
          allocate(agreement2025, pop);
        } catch (e) {
          if (!typed(e)) fail("population", excerpt(bytes), e);
        }
      } else if (roll < 0.85) {
        report.byTarget.agreement++;
        let label = "";
        let notJson = false;
        try {
          let doc: unknown;
          if (rng.next() < 0.5) {
            const bytes = mutate(rng, rng.pick(agrSeeds), allSeeds);
            label = excerpt(bytes);
            try {
              doc = JSON.parse(new TextDecoder().decode(bytes));
            } catch (e) {
              // The file loader turns this into AGREEMENT_INVALID "not valid JSON"; anything else is a bug.
              if (!(e instanceof SyntaxError)) throw e;
              notJson = true;
            }
          } else {
            doc = plant(rng, base2025, rng.pick(jsonValues));
            label = excerpt(JSON.stringify(doc, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? "undefined");
          }
          if (!notJson) {
            const agreement: Agreement = parseAgreement(doc, "fuzz.json");
            report.accepted++;
            allocate(agreement, pop2024);
          }
        } catch (e) {
          if (!typed(e)) fail("agreement", label, e);
        }
      } else {
        report.byTarget.cli++;
        const argv: string[] = rng.next() < 0.9 ? ["allocate"] : [rng.pick(["frobnicate", "help", "--help", "", "allocat"])];
        const valued = Object.keys(FLAG_VALUES);
        for (let n = rng.int(5); n > 0; n--) {
          const w = rng.next();
          const flag = w < 0.8 ? rng.pick(valued) : rng.pick(FLAGS);
          const value = (): string => (rng.next() < 0.85 ? rng.pick(FLAG_VALUES[flag] ?? cliValues) : rng.next() < 0.5 ? rng.pick(cliValues) : rng.pick(junk));
          if (w < 0.8) argv.push(flag, value());
          else if (w < 0.87) argv.push(`${flag}=${value()}`);
          else if (w < 0.95) argv.push(flag);
          else argv.push(value());
        }
        // Never read standard input or write outside the scratch folder.
        const safe = argv.map((a, j) =>
          a === "-" && argv[j - 1] === "--population" ? "finns-inte.csv" : a === "--population=-" ? "--population=finns-inte.csv" : a.startsWith("--out") ? `--out=${join(dir, "out")}` : a,
        );
        for (let j = 0; j < safe.length - 1; j++) if (safe[j] === "--out") safe[j + 1] = join(dir, "out");
        let escaped: unknown;
        process.stdout.write = (() => true) as typeof process.stdout.write;
        process.stderr.write = (() => true) as typeof process.stderr.write;
        console.error = (...args: unknown[]) => {
          if (args[0] instanceof Error && !(args[0] instanceof StimulansmedelError)) escaped = args[0];
        };
        let code: number;
        try {
          code = await run([...safe, "--debug"], io);
        } catch (e) {
          escaped = e;
          code = EXIT_UNEXPECTED;
        } finally {
          process.stdout.write = stdoutWrite;
          process.stderr.write = stderrWrite;
          console.error = consoleError;
        }
        report.exitCodes[code] = (report.exitCodes[code] ?? 0) + 1;
        if (code === EXIT_UNEXPECTED) fail("cli", JSON.stringify(safe), escaped ?? new Error("exit code 70"));
      }
      report.inputs++;
      if (options.progress && (i + 1) % 10_000 === 0) options.progress(i + 1);
    }
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    console.error = consoleError;
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

/** One resource case: what it was, how long and how much memory it took, and whether it was typed. */
export interface ResourceResult {
  name: string;
  ms: number;
  /** Growth of the resident set while the input was read, in MB. */
  mb: number;
  typed: boolean;
  overrun: boolean;
}

/** The limits per resource input: every one must end, typed, within these. */
export const RESOURCE_LIMITS = { ms: 10_000, mb: 300 } as const;

/**
 * Inputs that attack resources rather than syntax (issue 16): large files, deep nesting, JSON-stat
 * sizes claimed but not given, repeated rows. Each is built here, at run time, and must be refused
 * with a typed error within {@link RESOURCE_LIMITS}.
 */
export function fuzzResources(): ResourceResult[] {
  const csvHead = "# referensdatum: 2024-11-01\nkommun_kod,nyckel,antal\n";
  const scbHead = '"Folkmängden den 1 november efter region, ålder och år"\n\n"region","ålder","2024"\n';
  const stat = (size: number[], value: unknown) =>
    JSON.stringify({ version: "2.0", class: "dataset", id: size.map((_, d) => ["Region", "Alder", "Kon", "Tid"][d]), size, dimension: Object.fromEntries(size.map((_, d) => [["Region", "Alder", "Kon", "Tid"][d], { category: { index: ["00"] } }])), value });
  const cases: [string, () => unknown][] = [
    ["65 MB of zeros", () => parsePopulation(new Uint8Array(65 * 1024 * 1024), { file: "zeros" })],
    ["60 MB of repeated project rows", () => parsePopulation(enc.encode(csvHead + "2080,total,5\n".repeat(5_000_000)), { file: "dup.csv" })],
    ["60 MB of repeated SCB rows", () => parsePopulation(enc.encode(scbHead + '"2080 Falun","0 år",10\n'.repeat(2_500_000)), { file: "dup-scb.csv" })],
    ["50 MB of bad rows", () => parsePopulation(enc.encode(csvHead + Array.from({ length: 2_000_000 }, (_, i) => `2080,total,-${i}`).join("\n")), { file: "bad.csv" })],
    ["JSON-stat claiming 1.17e9 cells, sparse", () => parsePopulation(enc.encode(stat([1000, 1000, 1170, 1], { "0": 1 })), { file: "sparse.json" })],
    ["JSON-stat claiming 2^40 cells", () => parsePopulation(enc.encode(stat([1 << 20, 1 << 20], {})), { file: "huge.json" })],
    ["JSON nested 100 000 deep", () => readJson("[".repeat(100_000) + "]".repeat(100_000), "AGREEMENT_INVALID", "deep.json")],
    ["JSON-stat nested 100 000 deep", () => parsePopulation(enc.encode('{"a":' + "[".repeat(100_000) + "]".repeat(100_000) + "}"), { file: "deep.json" })],
    ["agreement with a 30 MB unknown value", () => parseAgreement({ ...(JSON.parse(readFileSync(join(ROOT, "data", "agreements", "2025.json"), "utf8")) as object), extra: "x".repeat(30_000_000) })],
  ];
  const out: ResourceResult[] = [];
  for (const [name, f] of cases) {
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    let ok = false;
    try {
      f();
    } catch (e) {
      ok = typed(e);
    }
    const ms = performance.now() - t0;
    const mb = Math.max(0, (process.memoryUsage().rss - before) / (1024 * 1024));
    out.push({ name, ms: Math.round(ms), mb: Math.round(mb), typed: ok, overrun: ms > RESOURCE_LIMITS.ms || mb > RESOURCE_LIMITS.mb });
  }
  return out;
}

async function main(): Promise<void> {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
    return v;
  };
  const inputs = arg("inputs", 100_000);
  const seed = arg("seed", 1);
  const started = Date.now();
  const report = await fuzz({ inputs, seed, progress: (n) => process.stderr.write(`  ${n} inputs…\n`) });
  for (const f of report.failures) console.log(`UNTYPED [${f.target}] ${f.input}\n  ${f.error}\n`);
  console.log(
    `fuzz: ${report.inputs} inputs tried (population ${report.byTarget.population}, agreement ${report.byTarget.agreement}, command line ${report.byTarget.cli}; ` +
      `${report.accepted} loaded; command-line exit codes ${JSON.stringify(report.exitCodes)}), seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`fuzz: ${report.untyped} untyped failures`);
  const resources = fuzzResources();
  for (const r of resources) console.log(`fuzz resource: ${r.name}: ${r.typed ? "typed error" : "NOT A TYPED ERROR"}, ${r.ms} ms, +${r.mb} MB${r.overrun ? " OVER THE LIMIT" : ""}`);
  const badResources = resources.filter((r) => !r.typed || r.overrun).length;
  console.log(`fuzz: ${resources.length} resource cases (limits ${RESOURCE_LIMITS.ms} ms, ${RESOURCE_LIMITS.mb} MB each), ${resources.filter((r) => !r.typed).length} untyped, ${resources.filter((r) => r.overrun).length} limit overruns`);
  process.exitCode = report.untyped === 0 && badResources === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
