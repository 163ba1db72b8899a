/**
 * Builds the population test fixtures in tests/fixtures/population/: files laid out the way SCB's
 * Statistikdatabasen and PxWeb API v2 write them (title line, blank line, quoted stub, wide and
 * long layouts, comma/semicolon/tab, Windows-1252, ISO-8859-1, UTF-8 with and without BOM,
 * `00 Riket` rows, sex split and total rows, `100+ år`, JSON-stat 2.0).
 *
 * The counts are the project's bundled data, so every fixture has a known right answer:
 * - Dalarna's fifteen 0–18 counts for 1 November 2024 (data/population/2024-11-01_dalarna_0-18_harledd.csv,
 *   derived from SKR's published amounts) and Sweden's 2 265 405. SCB publishes single years by
 *   sex; those splits are not known here, so each count is spread over the 19 ages and two sexes
 *   by a fixed rule (equal parts, remainders to the youngest ages, men get the odd person). Only
 *   the 0–18 sums are real; the fixture tests reading, not demography.
 * - Total population per municipality on 1 November 2024 (data/population/2024-11-01_total.csv).
 *
 *   npm run fixtures      # rewrites tests/fixtures/population/
 *
 * tests/io/fixtures.test.ts checks that the committed files equal this script's output.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeWindows1252 } from "../src/io/decode.js";
import { parseProjectCsv } from "../src/io/project-csv.js";
import { normalizeKey } from "../src/population.js";
import { allMunicipalities, getRecipient } from "../src/geography/index.js";

const root = resolve(import.meta.dirname, "..");

/** `2080 Falun`, `00 Riket`. */
export function regionLabel(code: string): string {
  return code === "00" ? "00 Riket" : `${code} ${getRecipient("municipality", code)!.name}`;
}

/** Spreads `n` over `parts` parts: equal shares, the remainder one each to the first parts. */
export function spread(n: bigint, parts: number): bigint[] {
  const p = BigInt(parts);
  return Array.from({ length: parts }, (_, i) => n / p + (BigInt(i) < n % p ? 1n : 0n));
}

/** Dalarna's 0–18 counts (and 00) from the bundled derived file. */
export function dalarna0to18(): Map<string, bigint> {
  const pop = parseProjectCsv(readFileSync(join(root, "data", "population", "2024-11-01_dalarna_0-18_harledd.csv"), "utf8"));
  const out = new Map(pop.counts.get(normalizeKey("0-18"))!);
  out.set("00", pop.nationalTotals.get(normalizeKey("0-18"))!);
  return out;
}

/** Single-year, by-sex cells for ages 0–18: [age][0 = men, 1 = women]. */
function byAgeAndSex(n: bigint): [bigint, bigint][] {
  return spread(n, 19).map((a) => {
    const [men, women] = spread(a, 2) as [bigint, bigint];
    return [men, women];
  });
}

const q = (s: string) => `"${s}"`;

export function populationFixtures(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const dalarna = dalarna0to18();
  const codes = [...dalarna.keys()].filter((c) => c !== "00").sort();
  const order = [...codes, "00"];

  // 1. Wide, comma, Windows-1252, title with an en dash (0x96), sex split, "00 Riket".
  {
    const lines = [q("Folkmängden den 1 november efter region, ålder och kön. År 2002 – 2024"), "", [q("region"), q("ålder"), q("kön"), q("2024")].join(",")];
    for (const code of order) {
      byAgeAndSex(dalarna.get(code)!).forEach(([men, women], age) => {
        lines.push([q(regionLabel(code)), q(`${age} år`), q("män"), men].join(","));
        lines.push([q(regionLabel(code)), q(`${age} år`), q("kvinnor"), women].join(","));
      });
    }
    files.set("dalarna-0-18_bred_komma_windows-1252.csv", encodeWindows1252(`${lines.join("\r\n")}\r\n`));
  }

  // 2. Long, semicolon, UTF-8 with BOM (as Excel saves), "code - label", sex total rows next to
  //    their parts (must not be double counted), ages as SCB codes in a "år" period layout.
  {
    const lines = [[q("region"), q("ålder"), q("kön"), q("år"), q("Folkmängd")].join(";")];
    for (const code of order) {
      const label = code === "00" ? "00 - Riket" : `${code} - ${getRecipient("municipality", code)!.name}`;
      byAgeAndSex(dalarna.get(code)!).forEach(([men, women], age) => {
        lines.push([q(label), q(`${age} år`), q("män"), q("2024"), men].join(";"));
        lines.push([q(label), q(`${age} år`), q("kvinnor"), q("2024"), women].join(";"));
        lines.push([q(label), q(`${age} år`), q("totalt"), q("2024"), men + women].join(";"));
      });
    }
    const text = `${q("Folkmängden den 1 november efter region, ålder, kön och år")}\n\n${lines.join("\n")}\n`;
    files.set("dalarna-0-18_lang_semikolon_utf-8-bom.csv", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
  }

  // 3. Wide, tab, UTF-8 without BOM, no title, sex in the heading ("män 2024"), codes only.
  //    Without a title the reference date cannot be told: the reader must be given it.
  {
    const lines = [["region", "ålder", "män 2024", "kvinnor 2024"].join("\t")];
    for (const code of order) {
      byAgeAndSex(dalarna.get(code)!).forEach(([men, women], age) => lines.push([code, `${age} år`, men, women].join("\t")));
    }
    files.set("dalarna-0-18_bred_tabb_utf-8.csv", new TextEncoder().encode(`${lines.join("\n")}\n`));
  }

  // 4. Totals for all 290 municipalities, long, comma, ISO-8859-1 (å ä ö only, no 0x80–0x9F),
  //    "totalt ålder" rows, a second period column value to choose from, a trailing footnote.
  {
    const total = parseProjectCsv(readFileSync(join(root, "data", "population", "2024-11-01_total.csv"), "utf8")).counts.get(normalizeKey("total"))!;
    const lines = [q("Folkmängden den 1 november efter region, ålder och år"), "", [q("region"), q("ålder"), q("år"), q("Folkmängd")].join(",")];
    for (const m of allMunicipalities()) {
      lines.push([q(regionLabel(m.code)), q("totalt ålder"), q("2024"), total.get(m.code)!].join(","));
    }
    lines.push("", q("Källa: SCB (testfil byggd av stimulansmedel)"));
    files.set("kommuner-totalt_lang_komma_iso-8859-1.csv", new Uint8Array(Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1")));
  }

  // 5. JSON-stat 2.0 as SCB's PxWeb API v2 answers a TAB1267 request (Region × Alder × Kon ×
  //    ContentsCode × Tid, row-major), with Dalarna's 0–18 and Sweden.
  {
    const ages = Array.from({ length: 19 }, (_, a) => String(a));
    const value: number[] = [];
    for (const code of order) {
      for (const [men, women] of byAgeAndSex(dalarna.get(code)!)) value.push(Number(men), Number(women));
    }
    const dataset = {
      version: "2.0",
      class: "dataset",
      label: "Folkmängden den 1 november efter region, ålder, kön, tabellinnehåll och år",
      source: "SCB",
      updated: "2025-02-21T07:00:00Z",
      role: { time: ["Tid"], metric: ["ContentsCode"], geo: ["Region"] },
      id: ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
      size: [order.length, ages.length, 2, 1, 1],
      dimension: {
        Region: {
          label: "region",
          category: {
            index: Object.fromEntries(order.map((c, i) => [c, i])),
            label: Object.fromEntries(order.map((c) => [c, c === "00" ? "Riket" : getRecipient("municipality", c)!.name])),
          },
        },
        Alder: { label: "ålder", category: { index: Object.fromEntries(ages.map((a, i) => [a, i])), label: Object.fromEntries(ages.map((a) => [a, `${a} år`])) } },
        Kon: { label: "kön", category: { index: { "1": 0, "2": 1 }, label: { "1": "män", "2": "kvinnor" } } },
        ContentsCode: { label: "tabellinnehåll", category: { index: { BE0101A9: 0 }, label: { BE0101A9: "Folkmängd" }, unit: { BE0101A9: { base: "antal", decimals: 0 } } } },
        Tid: { label: "år", category: { index: { "2024": 0 }, label: { "2024": "2024" } } },
      },
      extension: { px: { tableid: "TAB1267", language: "sv" } },
      value,
    };
    files.set("dalarna-0-18_TAB1267.json-stat2.json", new TextEncoder().encode(`${JSON.stringify(dataset, null, 1)}\n`));
  }
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = join(root, "tests", "fixtures", "population");
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of populationFixtures()) writeFileSync(join(dir, name), bytes);
  console.log(`wrote ${populationFixtures().size} fixtures to ${dir}`);
}
