/**
 * npx tsx scripts/derive-county-bases.ts [--check]
 *
 * Works back the 21 county population bases behind SKR's women's-health tables
 * (tests/oracles/kvinnors-halsa/<year>.csv) with inferBase, and writes each as
 * data/population/derived/<reference-date>_lan_harledd.csv in the project's CSV style with 2-digit
 * county codes (`lan_kod,nyckel,antal`). A base is written only when it is the one base in
 * 10–11 million that reproduces every amount exactly, under every convention that fits.
 * `--check` writes nothing and fails when a committed file differs from what would be written.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareCounts, type CountComparison } from "../src/audit/compare.js";
import { CONVENTION_WORDS, type RoundingConvention } from "../src/audit/convention.js";
import { inferBase, type BaseSolution, type InferResult } from "../src/audit/infer.js";
import { parsePublishedTable } from "../src/audit/table.js";
import { formatInteger } from "../src/format.js";
import { loadBundledPopulation } from "../src/node/bundled.js";
import { keyCounts, levelCounts } from "../src/population.js";

const ROOT = resolve(import.meta.dirname, "..");
const SOURCES = join(ROOT, "tests", "oracles", "kvinnors-halsa");
const OUT = join(ROOT, "data", "population", "derived");
/** Where Sweden's population lay in these years: wide enough to hold any date, narrow enough to exclude 2N. */
export const RANGE: readonly [number, number] = [10_000_000, 11_000_000];
const COMMAND = "npx tsx scripts/derive-county-bases.ts";

/** One derived base. */
export interface DerivedBase {
  year: number;
  /** The date the base is taken to be for (1 November of the year before the table's; inferred). */
  referenceDate: string;
  file: string;
  text: string;
  pot: bigint;
  column: string;
  /** The conventions under which this base reproduces the table. */
  conventions: RoundingConvention[];
  solution: BaseSolution;
  result: InferResult;
  /** Against the bundled 31 December totals of the two surrounding years. */
  comparisons: CountComparison[];
}

const sv = (n: bigint) => formatInteger(n);

/**
 * County totals of a bundled dataset (sums of its municipalities).
 *
 * @example
 * ```ts
 * countyTotals("2023-12-31").get("20"); // 287253n
 * ```
 */
export function countyTotals(id: string): Map<string, bigint> {
  const k = keyCounts(loadBundledPopulation(id), "total");
  if ("reason" in k) throw new Error(`${id}: ${k.reason}`);
  return levelCounts(k, "county");
}

/**
 * Derives every base from the tables in tests/oracles/kvinnors-halsa, without writing anything.
 *
 * @example
 * ```ts
 * deriveCountyBases().map((d) => [d.file, d.solution.keyTotal]);
 * // [["2021-11-01_lan_harledd.csv", 10443100n], ["2022-11-01_lan_harledd.csv", 10514719n], ["2023-11-01_lan_harledd.csv", 10557682n]]
 * ```
 */
export function deriveCountyBases(): DerivedBase[] {
  const files = readdirSync(SOURCES).filter((f) => /^\d{4}\.csv$/.test(f)).sort();
  return files.map((name) => {
    const year = Number(name.slice(0, 4));
    const bytes = readFileSync(join(SOURCES, name));
    const text = bytes.toString("utf8");
    const column = text.split("\n")[0]!.includes("belopp_befolkning_kr") ? "belopp_befolkning_kr" : "belopp_kr";
    const table = parsePublishedTable(text, { amountColumn: column, file: `tests/oracles/kvinnors-halsa/${name}`, level: "region" });
    if (table.totals.length !== 1 || table.totals[0]!.rowsSum !== table.totals[0]!.amount) throw new Error(`${name}: the rows do not sum to the one total`);
    const pot = table.totals[0]!.amount;
    const result = inferBase({ amounts: table.rows, potAmount: pot, level: "region", range: RANGE });
    const fitting = result.conventions!.filter((c) => c.fits);
    const bases = fitting.flatMap((c) => c.solutions.filter((s) => s.verified));
    const first = bases[0];
    const same = (s: BaseSolution) => s.keyTotal === first!.keyTotal && s.counts.every((c, i) => c.lo === first!.counts[i]!.lo && c.hi === first!.counts[i]!.hi);
    if (!first || !first.exact || !bases.every(same)) throw new Error(`${name}: no single exact base (${bases.length} candidates)`);
    const referenceDate = `${year - 1}-11-01`;
    const before = `${year - 2}-12-31`;
    const after = `${year - 1}-12-31`;
    const comparisons = compareCounts(first, {
      [before]: { counts: countyTotals(before) },
      [after]: { counts: countyTotals(after) },
    });
    const url = text.split("\n")[1]!.split(",").at(-1)!.trim();
    const sha = createHash("sha256").update(bytes).digest("hex");
    const quoted = fitting.map((c) => `"${CONVENTION_WORDS[c.convention]}"`);
    const words =
      quoted.length === 1
        ? `med avrundningen ${quoted[0]}`
        : `med var och en av avrundningsreglerna ${quoted.slice(0, -1).join(", ")} och ${quoted.at(-1)} (beloppen går här jämnt ut utan justering, så reglerna ger samma belopp)`;
    const [b, a] = comparisons;
    const lines = [
      "# stimulansmedel befolkning — genererad av scripts/derive-county-bases.ts, ändra inte för hand",
      `# referensdatum: ${referenceDate}`,
      `# källa: Länens folkmängd — HÄRLEDD ur SKR:s tabell "Fördelning av medel ${year}" för överenskommelsen om kvinnors hälsa (${sv(pot)} kr efter befolkning), inte SCB-data`,
      `# ursprung: tests/oracles/kvinnors-halsa/${name}, kolumn ${column}; ${url}`,
      `# sha256: ${sha}`,
      "# härledd: ja",
      `# not: Härledd med \`${COMMAND}\` (inferBase, nivå region, rikets antal prövat i ${sv(BigInt(RANGE[0]))}–${sv(BigInt(RANGE[1]))}): det enda underlaget som ger SKR:s alla 21 belopp exakt, ${words}. Rikets antal ${sv(first.keyTotal)}; SCB 31 december ${year - 2}: ${sv(b!.national.given)}, 31 december ${year - 1}: ${sv(a!.national.given)}. Referensdatumet 1 november ${year - 1} är en slutsats (SKR:s underlag brukar vara folkmängden 1 november året före), inte bekräftat mot SCB.`,
      "lan_kod,nyckel,antal",
      ...first.counts.map((c) => `${c.code},total,${c.lo}`),
      `00,total,${first.keyTotal}`,
    ];
    return {
      year,
      referenceDate,
      file: `${referenceDate}_lan_harledd.csv`,
      text: `${lines.join("\n")}\n`,
      pot,
      column,
      conventions: fitting.map((c) => c.convention),
      solution: first,
      result,
      comparisons,
    };
  });
}

function main(): void {
  const check = process.argv.includes("--check");
  const derived = deriveCountyBases();
  let stale = 0;
  if (!check) mkdirSync(OUT, { recursive: true });
  for (const d of derived) {
    const path = join(OUT, d.file);
    const [b, a] = d.comparisons;
    console.log(
      `${d.year}: ${d.file}: N = ${sv(d.solution.keyTotal)} (${d.conventions.join(", ")}); ` +
        `31 dec ${d.year - 2}: ${b!.national.difference >= 0n ? "+" : ""}${sv(b!.national.difference)}, 31 dec ${d.year - 1}: ${a!.national.difference >= 0n ? "+" : ""}${sv(a!.national.difference)}; ` +
        `chance fits ≈ 1e${Math.round(d.result.conventions!.find((c) => c.fits)!.chance.log10)}`,
    );
    if (check) {
      if (!existsSync(path) || readFileSync(path, "utf8") !== d.text) {
        console.error(`${path} is not what the script writes; run ${COMMAND}`);
        stale++;
      }
    } else writeFileSync(path, d.text);
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
