/**
 * The one-pass reader of the common SCB file (src/io/scb-fast.ts) gives exactly what the general
 * reader gives, and steps aside for every file it does not read itself: the same dataset, or the
 * same error, for every SCB CSV the tests have.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/io/decode.js";
import { detectPopulationFormat } from "../../src/io/population.js";
import { parseScbCsv } from "../../src/io/scb-csv.js";
import { readRegularScb } from "../../src/io/scb-fast.js";
import { loadBundledPopulation } from "../../src/node/bundled.js";
import { getRecipient } from "../../src/geography/index.js";
import { renderScbText, rowsFromAges, splitBySex } from "../../bench/scb-layout.js";
import type { PopulationDataset } from "../../src/population.js";
import { ROOT } from "../helpers.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

/** Either reader's outcome: the dataset, or the error's code, location and message. */
function outcome(read: () => PopulationDataset): unknown {
  try {
    const d = read() as PopulationDataset;
    // The dataset's fields (its lazily built columns follow from these).
    return { ok: { referenceDate: d.referenceDate, counts: d.counts, countyCounts: d.countyCounts, ages: d.ages, countyAges: d.countyAges, nationalAges: d.nationalAges, nationalTotals: d.nationalTotals, sources: d.sources, coverage: d.coverage } };
  } catch (e) {
    const x = e as { code?: string; line?: number; value?: string; message: string };
    return { code: x.code, line: x.line, value: x.value, message: x.message };
  }
}

const nameOf = (code: string) => getRecipient("municipality", code)?.name ?? code;
const ages2019 = loadBundledPopulation("2019-12-31").ages;

describe("the one-pass SCB reader", () => {
  it("reads the bench's 58 580-row file (by region, age and sex) itself, to the general reader's dataset", () => {
    const text = renderScbText(splitBySex(rowsFromAges(ages2019, nameOf)), "2019");
    const options = { file: "bench.csv", referenceDate: "2019-12-31" };
    const fast = parseScbCsv(text, options);
    expect(fast).toStrictEqual(parseScbCsv(text, options, { general: true }));
    // Real values: Falun's 0-year-olds and 100+ in the bundled 2019 ages come back summed over sex.
    expect(fast.ages.get("2080")).toStrictEqual(ages2019.get("2080"));
    expect(fast.ages.size).toBe(290);
  });

  it("is the path taken for that file, and steps aside for a footnote, SCB's .. and a repeated row", () => {
    const rows = rowsFromAges(new Map([...ages2019].slice(0, 3)), nameOf);
    const text = renderScbText(rows, "2019");
    const header = text.indexOf('"region"');
    const layout = { delimiter: ",", headerAt: header, headerLine: 3, width: 3, region: 0, age: 1, sex: undefined, period: undefined, value: 2, columnPeriod: "2019" };
    const meta = { context: "2019", format: "SCB CSV (bred, komma)" };
    const options = { referenceDate: "2019-12-31" };
    // Three municipalities and no "00 Riket": incomplete, so the general reader says why.
    expect(readRegularScb(text, layout, meta, options)).toBeUndefined();
    const all = renderScbText(rowsFromAges(ages2019, nameOf), "2019");
    const at = all.indexOf('"region"');
    expect(readRegularScb(all, { ...layout, headerAt: at }, meta, options)?.ages.get("2080")).toStrictEqual(ages2019.get("2080"));
    expect(readRegularScb(`${all}"Källa: SCB"\r\n`, { ...layout, headerAt: at }, meta, options)).toBeUndefined();
    expect(readRegularScb(all.replace(/("2080 Falun","5 år",)\d+/, "$1.."), { ...layout, headerAt: at }, meta, options)).toBeUndefined();
    const line = /"2080 Falun","5 år",\d+\r\n/.exec(all)![0];
    expect(readRegularScb(all.replace(line, line + line), { ...layout, headerAt: at }, meta, options)).toBeUndefined();
  });

  it("gives the general reader's dataset or error for every SCB CSV among the fixtures and bad inputs", () => {
    const candidates = [...files(join(ROOT, "tests", "fixtures")), ...files(join(ROOT, "tests", "bad-inputs", "population"))].filter((f) => /\.(csv|txt)$/i.test(f));
    let scb = 0;
    for (const f of candidates) {
      let text: string;
      try {
        text = decodeText(new Uint8Array(readFileSync(f))).text;
      } catch {
        continue;
      }
      if (detectPopulationFormat(text) !== "scb-csv") continue;
      scb++;
      for (const options of [{ file: "x.csv" }, { file: "x.csv", referenceDate: "2024-11-01" }, { file: "x.csv", keys: ["0-18"] }]) {
        expect(outcome(() => parseScbCsv(text, options)), f).toStrictEqual(outcome(() => parseScbCsv(text, options, { general: true })));
      }
    }
    expect(scb).toBeGreaterThan(20);
  });
});
