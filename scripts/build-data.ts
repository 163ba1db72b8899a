/**
 * Regenerates data/population/ from the folder of collected population sources given as the first
 * argument (or in STIMULANSMEDEL_SOURCES). Rerunnable: the output depends only on the input files;
 * each output file records the origin, reference date and sha256 of its source, and the manifest
 * the sha256 of the file written, which the tests check.
 *
 *   npm run data -- /path/to/population
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { allMunicipalities } from "../src/geography/index.js";
import { formatInteger } from "../src/format.js";
import { deriveCountyBases } from "./derive-county-bases.js";

/** A count from a source file, grouped by thousands for a note; a missing one stops the script. */
function grouped(count: string | undefined): string {
  if (count === undefined || !/^\d+$/.test(count)) throw new Error(`expected a count, got ${String(count)}`);
  return formatInteger(BigInt(count));
}

const root = resolve(import.meta.dirname, "..");
const given = process.argv[2] ?? process.env.STIMULANSMEDEL_SOURCES;
if (!given) {
  console.error("npm run data -- MAPP: ange mappen med de insamlade befolkningskällorna (se data/population/manifest.json för filnamnen)");
  process.exit(1);
}
const input = resolve(given);
const out = join(root, "data", "population");
mkdirSync(out, { recursive: true });

interface SourceFile {
  name: string;
  sha256: string;
  rows: Record<string, string>[];
}

function read(name: string): SourceFile {
  const bytes = readFileSync(join(input, name));
  const rows = parse(bytes.toString("utf8"), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  return { name, sha256: createHash("sha256").update(bytes).digest("hex"), rows };
}

const codes = allMunicipalities().map((m) => m.code);
function checkAll(rows: readonly { kommun_kod?: string }[], what: string): void {
  const got = new Set(rows.map((r) => r.kommun_kod));
  const missing = codes.filter((c) => !got.has(c));
  if (missing.length > 0 || got.size !== 290) throw new Error(`${what}: expected the 290 municipalities, missing ${missing.join(", ")}`);
}

interface Manifest {
  generatedBy: string;
  sourceFolder: string;
  files: { file: string; fileSha256: string; referenceDate: string; source: string; sha256: string; derived: boolean; description: string }[];
  datasets: { id: string; referenceDate: string; files: string[]; description: string; derived?: boolean }[];
}
const manifest: Manifest = {
  generatedBy: "scripts/build-data.ts (npm run data)",
  sourceFolder: "the folder of collected population sources given to npm run data",
  files: [],
  datasets: [],
};

function write(
  file: string,
  meta: { referenceDate: string; title: string; origin: string; sha256: string; derived?: boolean; note?: string },
  header: string,
  body: string[],
  description: string,
  sourceName: string,
): void {
  const lines = [
    "# stimulansmedel befolkning — genererad av scripts/build-data.ts, ändra inte för hand",
    `# referensdatum: ${meta.referenceDate}`,
    `# källa: ${meta.title}`,
    `# ursprung: ${meta.origin}`,
    `# sha256: ${meta.sha256}`,
    `# härledd: ${meta.derived ? "ja" : "nej"}`,
    ...(meta.note ? [`# not: ${meta.note}`] : []),
    header,
    ...body,
  ];
  const text = `${lines.join("\n")}\n`;
  writeFileSync(join(out, file), text);
  const fileSha256 = createHash("sha256").update(text).digest("hex");
  manifest.files.push({ file, fileSha256, referenceDate: meta.referenceDate, source: sourceName, sha256: meta.sha256, derived: !!meta.derived, description });
}

// 1 November 2024, totals (SCB FolkmangdNov, TAB1267).
{
  const src = read("scb_kommun_folkmangd_2024-11-01.csv");
  checkAll(src.rows, src.name);
  write(
    "2024-11-01_total.csv",
    {
      referenceDate: "2024-11-01",
      title: "SCB, Folkmängden den 1 november 2024 (FolkmangdNov, TAB1267, BE0101A9), per kommun",
      origin: `${src.name}, från GitHub dnouri/crimecity3k data/municipalities/population.csv (commit 01716c0998a76d4b1d80b50ed2a7e50f0b33c6fe)`,
      sha256: src.sha256,
    },
    "kommun_kod,nyckel,antal",
    src.rows.map((r) => `${r.kommun_kod},total,${r.folkmangd_2024_11_01}`),
    "Folkmängd per kommun 1 november 2024 (SCB)",
    src.name,
  );
}

// Dalarna 0–18 on 1 November 2024: worked back from SKR's published amounts, not SCB figures.
{
  const src = read("dalarna_0-18_2024-11-01_harledd_ur_tilldelning.csv");
  const national = src.rows.find((r) => r.kommun_kod === "00");
  const kommuner = src.rows.filter((r) => r.kommun_kod !== "00");
  if (!national || national.harledd_antal_0_18 === undefined || kommuner.length !== 15) throw new Error(`${src.name}: expected 15 Dalarna rows and a 00 row`);
  write(
    "2024-11-01_dalarna_0-18_harledd.csv",
    {
      referenceDate: "2024-11-01",
      title: "Dalarnas kommuner, folkmängd 0–18 år 1 november 2024 — HÄRLEDD ur publicerade belopp, inte SCB-data",
      origin: `${src.name}, härledd av projektet ur RSS Dalarnas presentation av 2025 års överenskommelse`,
      sha256: src.sha256,
      derived: true,
      note: `Antalen är inverterade ur SKR:s publicerade belopp 2025 (200 000 kr + 192 000 000 kr × andel) med rikets 0–18 = ${grouped(national.harledd_antal_0_18)}; de prövar regeln och avrundningen, inte data. Bekräfta mot SCB TAB1267 innan de används för annat.`,
    },
    "kommun_kod,nyckel,antal",
    [...kommuner.map((r) => `${r.kommun_kod},0-18,${r.harledd_antal_0_18}`), `00,0-18,${national.harledd_antal_0_18}`],
    "Dalarnas 15 kommuner, 0–18 år 1 november 2024, härledda ur publicerade belopp, med rikets summa",
    src.name,
  );
}
manifest.datasets.push({
  id: "2024-11-01",
  referenceDate: "2024-11-01",
  files: ["2024-11-01_total.csv", "2024-11-01_dalarna_0-18_harledd.csv"],
  description: "1 november 2024: folkmängd per kommun (SCB) och Dalarnas 0–18 år (härledda). Underlaget för 2025 års överenskommelse.",
});

// 31 December 2015–2024, totals (SCB BefolkningNy, TAB638). 2025 is left out: SCB's CKM noise.
{
  const src = read("scb_kommun_folkmangd_31dec_2015-2025.csv");
  checkAll(src.rows, src.name);
  for (let year = 2015; year <= 2024; year++) {
    const file = `${year}-12-31_total.csv`;
    write(
      file,
      {
        referenceDate: `${year}-12-31`,
        title: `SCB, Folkmängd 31 december ${year} (BefolkningNy, TAB638, BE0101N1), per kommun`,
        origin: `${src.name}, från GitHub aniisabihi/atlas290 public/pantry/data/indicators/population.json (commit 900268e873e66032fcf32e106a503e02c933a1f6)`,
        sha256: src.sha256,
      },
      "kommun_kod,nyckel,antal",
      src.rows.map((r) => `${r.kommun_kod},total,${r[`folkmangd_${year}`]}`),
      `Folkmängd per kommun 31 december ${year} (SCB)`,
      src.name,
    );
    if (year !== 2019) {
      manifest.datasets.push({ id: `${year}-12-31`, referenceDate: `${year}-12-31`, files: [file], description: `31 december ${year}: folkmängd per kommun (SCB).` });
    }
  }
}

// 31 December 2019, single-year ages (sexes summed).
{
  const src = read("scb_kommun_alder_kon_2019-12-31_long.csv");
  const byCode = new Map<string, bigint[]>();
  for (const r of src.rows) {
    const age = Number(r.alder);
    if (!Number.isInteger(age) || age < 0 || age > 100) throw new Error(`${src.name}: bad age ${r.alder}`);
    const v = byCode.get(r.kommun_kod!) ?? Array.from({ length: 101 }, () => 0n);
    v[age]! += BigInt(r.folkmangd!);
    byCode.set(r.kommun_kod!, v);
  }
  checkAll([...byCode.keys()].map((kommun_kod) => ({ kommun_kod })), src.name);
  const body: string[] = [];
  for (const code of codes) byCode.get(code)!.forEach((n, age) => body.push(`${code},${age === 100 ? "100+" : age},${n}`));
  write(
    "2019-12-31_alder.csv",
    {
      referenceDate: "2019-12-31",
      title: "SCB, Folkmängd 31 december 2019 efter ettårsklass (0–99, 100+), kön summerat, per kommun",
      origin: `${src.name}, från GitHub vagdur/SCBHandlerPlotter inst/extdata/SCB_alderkon.csv (commit d3d67bc0a9580f2e219f5802b193a05e7de18d03)`,
      sha256: src.sha256,
    },
    "kommun_kod,alder,antal",
    body,
    "Folkmängd per kommun och ettårsklass 31 december 2019 (SCB)",
    src.name,
  );
  manifest.datasets.push({
    id: "2019-12-31",
    referenceDate: "2019-12-31",
    files: ["2019-12-31_total.csv", "2019-12-31_alder.csv"],
    description: "31 december 2019: folkmängd per kommun och per ettårsklass (SCB).",
  });
}

// County bases worked back from SKR's women's-health tables (tests/oracles/kvinnors-halsa), by
// scripts/derive-county-bases.ts: written again here so that `npm run data` keeps them and their
// manifest entries in step with the tables. They are derived, never SCB's.
{
  const derivedDir = join(out, "derived");
  mkdirSync(derivedDir, { recursive: true });
  for (const d of deriveCountyBases()) {
    writeFileSync(join(derivedDir, d.file), d.text);
    const file = `derived/${d.file}`;
    const source = `tests/oracles/kvinnors-halsa/${d.year}.csv`;
    manifest.files.push({
      file,
      fileSha256: createHash("sha256").update(d.text).digest("hex"),
      referenceDate: d.referenceDate,
      source,
      sha256: createHash("sha256").update(readFileSync(join(root, source))).digest("hex"),
      derived: true,
      description: `Länens folkmängd ${d.referenceDate}, härledd ur SKR:s tabell för kvinnors hälsa ${d.year} (inte SCB-data)`,
    });
    manifest.datasets.push({
      id: d.referenceDate,
      referenceDate: d.referenceDate,
      files: [file],
      description: `${d.referenceDate.slice(0, 4)}-11-01: länens folkmängd, HÄRLEDD ur SKR:s fördelning av medel för kvinnors hälsa ${d.year} (rikets antal ${formatInteger(d.solution.keyTotal)}); bara län och regioner, inga kommuner. Underlaget för ${d.year} års överenskommelser.`,
      derived: true,
    });
  }
}

manifest.datasets.sort((a, b) => (a.id < b.id ? -1 : 1));
writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${manifest.files.length} files and ${manifest.datasets.length} datasets to ${out}`);
