/**
 * The fast path of the SCB CSV reader, for the file SCB's export gives nearly always: one value
 * column, no civilstånd, every row as wide as the header, plain counts, municipalities (and
 * `00 Riket`), each municipality × age once, either as totalt or as män and kvinnor. It decodes
 * nothing twice and keeps no object per cell: one pass over the text, the counts summed straight
 * into one array per municipality.
 *
 * Anything else (a footnote, `..`, a county file, a duplicate, a bad label, a quote in a field …)
 * makes it give up and return `undefined`, and the general reader ({@link parseScbCsv}) reads the
 * file from the start: every problem is found, located and worded there, once.
 */
import { isMunicipalityCode } from "../geography/index.js";
import { createPopulation, TOP_AGE, type PopulationDataset } from "../population.js";
import { choosePeriod, parseAge, parseRegionCode, parseSex, type ScbMeta, type ScbReadOptions } from "./scb.js";
import { keyAgeClasses, scbSource } from "./scb-build.js";

/** What the header told the reader (see parseScbCsv). */
export interface RegularLayout {
  delimiter: string;
  /** Offset of the header line in the text, and its line number. */
  headerAt: number;
  headerLine: number;
  width: number;
  region: number;
  age: number | undefined;
  sex: number | undefined;
  /** The period column of a long layout. */
  period: number | undefined;
  value: number;
  /** The period of a wide layout's value column (`""` for none). */
  columnPeriod: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const TOTAL_AGE = TOP_AGE + 1;
const SEX_TOTAL = 1;
const SEX_MEN = 2;
const SEX_WOMEN = 4;

class GiveUp {}
const GIVE_UP = new GiveUp();

interface Region {
  code: string;
  counts: Float64Array;
  have: Uint8Array;
}

/**
 * The dataset of a regular SCB CSV file, or `undefined` when the file is not regular (the general
 * reader then reads it).
 */
export function readRegularScb(text: string, layout: RegularLayout, meta: ScbMeta, options: ScbReadOptions): PopulationDataset | undefined {
  try {
    return read(text, layout, meta, options);
  } catch (e) {
    // Every problem, ours or a label parser's, is the general reader's to report.
    if (e === GIVE_UP || e instanceof Error) return undefined;
    throw e;
  }
}

function read(text: string, layout: RegularLayout, meta: ScbMeta, options: ScbReadOptions): PopulationDataset | undefined {
  const { width } = layout;
  const delimiter = layout.delimiter.charCodeAt(0);
  const n = text.length;
  const starts = new Int32Array(width);
  const ends = new Int32Array(width);
  const regions = new Map<string, Region>();
  let i = layout.headerAt;
  // Past the header line (one physical line: the header search reads physical lines).
  while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
  let period: string | undefined = layout.period === undefined ? layout.columnPeriod : undefined;
  let lastRegionRaw = "";
  let lastRegion: Region | undefined;
  let lastAgeRaw = "";
  let lastAge = 0;
  let lastSexRaw = "";
  let lastSex = SEX_TOTAL;
  let sexesSeen = 0;
  const field = (k: number) => text.slice(starts[k]!, ends[k]!);
  const same = (k: number, raw: string) => ends[k]! - starts[k]! === raw.length && text.startsWith(raw, starts[k]!);

  while (i < n) {
    // The line break before this line.
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
    else i++;
    if (i >= n) break;
    const c0 = text.charCodeAt(i);
    if (c0 === LF || c0 === CR) continue; // an empty line
    // One record: `width` fields, each quoted without "" inside, or unquoted without a quote.
    for (let k = 0; k < width; k++) {
      if (text.charCodeAt(i) === QUOTE) {
        // A line break inside quotes would shift the line numbers of errors: the general reader's.
        let close = i + 1;
        for (;;) {
          if (close >= n) throw GIVE_UP;
          const d = text.charCodeAt(close);
          if (d === QUOTE) break;
          if (d === LF || d === CR) throw GIVE_UP;
          close++;
        }
        starts[k] = i + 1;
        ends[k] = close;
        i = close + 1;
        if (text.charCodeAt(i) === QUOTE) throw GIVE_UP;
      } else {
        starts[k] = i;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === delimiter || d === LF || d === CR) break;
          if (d === QUOTE) throw GIVE_UP;
          i++;
        }
        ends[k] = i;
      }
      const d = i < n ? text.charCodeAt(i) : LF;
      if (k < width - 1) {
        if (d !== delimiter) throw GIVE_UP;
        i++;
      } else if (d !== LF && d !== CR) throw GIVE_UP;
    }

    let region = lastRegion;
    if (!region || !same(layout.region, lastRegionRaw)) {
      lastRegionRaw = field(layout.region);
      const code = parseRegionCode(lastRegionRaw, {});
      if (code !== "00" && !isMunicipalityCode(code)) throw GIVE_UP;
      region = regions.get(code);
      if (!region) regions.set(code, (region = { code, counts: new Float64Array(TOTAL_AGE + 1), have: new Uint8Array(TOTAL_AGE + 1) }));
      lastRegion = region;
    }
    let age = TOTAL_AGE;
    if (layout.age !== undefined) {
      if (!same(layout.age, lastAgeRaw)) {
        lastAgeRaw = field(layout.age);
        const a = parseAge(lastAgeRaw, {});
        lastAge = a === "total" ? TOTAL_AGE : a;
      }
      age = lastAge;
    }
    let sex = SEX_TOTAL;
    if (layout.sex !== undefined) {
      if (!same(layout.sex, lastSexRaw)) {
        lastSexRaw = field(layout.sex);
        const s = parseSex(lastSexRaw, {});
        lastSex = s === "men" ? SEX_MEN : s === "women" ? SEX_WOMEN : SEX_TOTAL;
      }
      sex = lastSex;
    }
    if (layout.period !== undefined) {
      if (period === undefined) period = field(layout.period).trim();
      else if (!same(layout.period, period)) throw GIVE_UP; // several periods, or spaces
    }
    // The count: plain digits (at most 10, as the general reader's common case) or SCB's "-".
    let s = starts[layout.value]!;
    let e = ends[layout.value]!;
    while (s < e && text.charCodeAt(s) === 32) s++;
    while (e > s && text.charCodeAt(e - 1) === 32) e--;
    let value = 0;
    if (e - s === 1 && text.charCodeAt(s) === 45) value = 0;
    else {
      if (e === s || e - s > 10) throw GIVE_UP;
      for (let j = s; j < e; j++) {
        const d = text.charCodeAt(j) - 48;
        if (d < 0 || d > 9) throw GIVE_UP;
        value = value * 10 + d;
      }
    }
    if ((region.have[age]! & sex) !== 0) throw GIVE_UP; // given twice
    region.have[age] = region.have[age]! | sex;
    region.counts[age] = region.counts[age]! + value;
    sexesSeen |= sex;
  }
  // Totals beside män and kvinnor are the general reader's (it checks them against each other).
  if ((sexesSeen & SEX_TOTAL) !== 0 && (sexesSeen & (SEX_MEN | SEX_WOMEN)) !== 0) throw GIVE_UP;
  if (regions.size === 0 || period === undefined) throw GIVE_UP;

  const { date } = choosePeriod([{ period }], meta, options);
  const ages: Record<string, (bigint | undefined)[]> = {};
  const nationalAges: (bigint | undefined)[] = [];
  const totals: Record<string, bigint> = {};
  let nationalTotal: bigint | undefined;
  let municipalities = 0;
  for (const r of regions.values()) {
    if (r.code !== "00") municipalities++;
    for (let a = 0; a <= TOTAL_AGE; a++) {
      const have = r.have[a]!;
      if (have === 0) continue;
      if (have !== SEX_TOTAL && have !== (SEX_MEN | SEX_WOMEN)) throw GIVE_UP; // one sex only
      const count = BigInt(r.counts[a]!);
      if (a === TOTAL_AGE) {
        if (r.code === "00") nationalTotal = count;
        else totals[r.code] = count;
      } else if (r.code === "00") nationalAges[a] = count;
      else (ages[r.code] ??= [])[a] = count;
    }
  }
  if (municipalities === 0 || (municipalities < 290 && !regions.has("00"))) throw GIVE_UP;
  const inFile = (a: number) => [...regions.values()].some((r) => r.have[a] !== 0);
  const hasTotal = inFile(TOTAL_AGE);
  for (const key of options.keys ?? []) {
    const needed = keyAgeClasses(key, hasTotal).map((a) => (a === "total" ? TOTAL_AGE : a));
    if (!needed.every(inFile)) {
      if (options.requireKeys) throw GIVE_UP;
      continue;
    }
    for (const r of regions.values()) for (const a of needed) if (r.have[a] === 0) throw GIVE_UP;
  }

  const file = options.file;
  const source = scbSource(meta, file, period, meta.notes ?? []);
  return createPopulation({
    referenceDate: date,
    ages,
    counts: Object.keys(totals).length > 0 ? { total: totals } : {},
    nationalTotals: nationalTotal !== undefined ? { total: nationalTotal } : {},
    ...(nationalAges.length > 0 ? { nationalAges } : {}),
    sources: [source],
    ...(file !== undefined ? { file } : {}),
  });
}
