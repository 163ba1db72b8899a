/**
 * JSON-stat 2.0 datasets, the response format of SCB's PxWeb API v2 (`outputFormat=json-stat2`).
 *
 * Read to the published standard (json-stat.org, version 2.0): `class: "dataset"`, `id` and
 * `size` give the dimensions in order, `dimension[id].category.index` (array or object) orders
 * each dimension's categories, `value` is the flat row-major array (or a sparse object keyed by
 * flat index), and `status` (a string, array or object) marks cells; PxWeb writes a missing cell
 * as `null` with its symbol (`..`) in `status`, and SCB's nil `-` likewise.
 *
 * Dimensions are recognised by id (SCB's `Region`, `Alder`, `Kon`, `Civilstand`, `ContentsCode`,
 * `Tid`) or by `role`; any other dimension must have a single category.
 *
 * Pure: a parsed JSON value in, dataset out.
 */
import { clipValue, raise } from "../errors.js";
import type { JsonStatExpected } from "../messages/population.js";
import { MAX_COUNT, type PopulationDataset } from "../population.js";
import { buildScbPopulation, isPopulationContent, parseAge, parseMarital, parseRegionCode, parseSex, type CellValue, type ScbCell, type ScbMeta, type ScbReadOptions } from "./scb.js";
import { own } from "../own.js";

/** A JSON-stat 2.0 dataset, as far as this reader uses it. */
export interface JsonStatDataset {
  version: "2.0";
  class: "dataset";
  label?: string;
  source?: string;
  updated?: string;
  id: string[];
  size: number[];
  role?: { time?: string[]; geo?: string[]; metric?: string[] };
  dimension: Record<string, { label?: string; category: { index?: string[] | Record<string, number>; label?: Record<string, string> } }>;
  value: (number | null)[] | Record<string, number | null>;
  status?: string | (string | null)[] | Record<string, string>;
  extension?: { px?: { tableid?: string; [k: string]: unknown }; [k: string]: unknown };
}

/** Checked by hand rather than by a schema library: reading a population never loads zod. */
function datasetProblem(v: unknown): { path: string; expected: JsonStatExpected } | undefined {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
  const isStr = (x: unknown) => typeof x === "string";
  const isCount = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= 0;
  const isNum = (x: unknown) => typeof x === "number" && Number.isFinite(x);
  const listOf = (x: unknown, ok: (y: unknown) => boolean) => Array.isArray(x) && x.every(ok);
  const recordOf = (x: unknown, ok: (y: unknown) => boolean) => isObj(x) && Object.values(x).every(ok);
  if (!isObj(v)) return { path: "", expected: "object" };
  if (v.version !== "2.0") return { path: "version", expected: "version" };
  if (v.class !== "dataset") return { path: "class", expected: "dataset" };
  for (const k of ["label", "source", "updated"]) if (v[k] !== undefined && !isStr(v[k])) return { path: k, expected: "text" };
  if (!listOf(v.id, isStr) || (v.id as unknown[]).length === 0) return { path: "id", expected: "non-empty-texts" };
  if (!listOf(v.size, isCount) || (v.size as unknown[]).length === 0) return { path: "size", expected: "whole-numbers" };
  if (v.role !== undefined) {
    if (!isObj(v.role)) return { path: "role", expected: "object" };
    for (const k of ["time", "geo", "metric"]) if (v.role[k] !== undefined && !listOf(v.role[k], isStr)) return { path: `role.${k}`, expected: "texts" };
  }
  if (!isObj(v.dimension)) return { path: "dimension", expected: "object" };
  for (const [id, d] of Object.entries(v.dimension)) {
    if (!isObj(d)) return { path: `dimension.${id}`, expected: "object" };
    if (d.label !== undefined && !isStr(d.label)) return { path: `dimension.${id}.label`, expected: "text" };
    const c = d.category;
    if (!isObj(c)) return { path: `dimension.${id}.category`, expected: "object" };
    if (c.index !== undefined && !listOf(c.index, isStr) && !recordOf(c.index, isCount)) return { path: `dimension.${id}.category.index`, expected: "index" };
    if (c.label !== undefined && !recordOf(c.label, isStr)) return { path: `dimension.${id}.category.label`, expected: "labels" };
  }
  const cell = (x: unknown) => x === null || isNum(x);
  if (!listOf(v.value, cell) && !recordOf(v.value, cell)) return { path: "value", expected: "values" };
  if (v.status !== undefined && !isStr(v.status) && !listOf(v.status, (x) => x === null || isStr(x)) && !recordOf(v.status, isStr)) return { path: "status", expected: "status" };
  if (v.extension !== undefined) {
    if (!isObj(v.extension)) return { path: "extension", expected: "object" };
    const px = v.extension.px;
    if (px !== undefined && (!isObj(px) || (px.tableid !== undefined && !isStr(px.tableid)))) return { path: "extension.px", expected: "px" };
  }
  return undefined;
}

/** Options for {@link parseJsonStat}. */
export interface JsonStatOptions extends ScbReadOptions {
  /** Provenance to record (table, query, retrieval time), e.g. from the fetch command. */
  source?: ScbMeta["source"];
}

const MAX_COUNT_NUMBER = Number(MAX_COUNT);

/**
 * Limits of a JSON-stat population dataset. SCB's largest real one (290 municipalities and 21
 * counties × 101 ages × 3 sexes × a few periods) has about 100 000 cells.
 */
export const JSONSTAT_LIMITS = { dimensions: 10, categories: 10_000, cells: 2_000_000 } as const;
const MAX_DIMENSIONS = JSONSTAT_LIMITS.dimensions;
const MAX_CATEGORIES = JSONSTAT_LIMITS.categories;
const MAX_CELLS = JSONSTAT_LIMITS.cells;

type Role = "region" | "age" | "sex" | "marital" | "contents" | "time";

function roleOf(id: string, roles: JsonStatDataset["role"]): Role | undefined {
  if (roles?.time?.includes(id)) return "time";
  if (roles?.metric?.includes(id)) return "contents";
  if (roles?.geo?.includes(id)) return "region";
  const k = id.toLowerCase();
  if (/^(region|kommun)/.test(k)) return "region";
  if (/^(alder|ålder|age)/.test(k)) return "age";
  if (/^(kon|kön|sex)$/.test(k)) return "sex";
  if (/^civilst/.test(k)) return "marital";
  if (k === "contentscode") return "contents";
  if (/^(tid|time|year|month|period)$/.test(k)) return "time";
  return undefined;
}

/** Category codes of a dimension in index order. */
function categoryCodes(id: string, dim: JsonStatDataset["dimension"][string], size: number, file: string | undefined): string[] {
  const { index, label } = dim.category;
  const at = { file, path: `dimension.${id}.category.index` };
  let codes: string[];
  if (Array.isArray(index)) {
    codes = index;
    const first = new Map<string, number>();
    index.forEach((code, i) => {
      const before = first.get(code);
      if (before !== undefined) raise("POPULATION_FORMAT", "jsonstat-index-code-twice", { dimension: id, code, first: before, second: i }, { ...at, value: code });
      first.set(code, i);
    });
  } else if (index) {
    codes = [];
    for (const [code, i] of Object.entries(index)) {
      // A position past the size would leave a hole the size does not count (and allocate it).
      if (i >= size) raise("POPULATION_FORMAT", "jsonstat-index-position", { dimension: id, code, position: i, size }, { ...at, value: code });
      const before = codes[i];
      if (before !== undefined) raise("POPULATION_FORMAT", "jsonstat-index-duplicate", { dimension: id, position: i, first: before, second: code }, { ...at, value: code });
      codes[i] = code;
    }
  } else {
    // JSON-stat 2.0 requires index for more than one category; object-key order is not an order
    // (integer-like codes such as "2080" would come before "0114").
    const keys = Object.keys(label ?? {});
    if (size > 1 || keys.length > 1) raise("POPULATION_FORMAT", "jsonstat-no-index", { dimension: id, count: Math.max(size, keys.length) }, { file, path: `dimension.${id}.category` });
    codes = keys;
  }
  if (codes.length !== size) raise("POPULATION_FORMAT", "jsonstat-category-count", { dimension: id, count: codes.length, size }, at);
  // A plain loop, not some()/filter(): those skip the holes that an index with a gap leaves.
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === undefined) raise("POPULATION_FORMAT", "jsonstat-index-gap", { dimension: id, position: i, size }, at);
  }
  return codes;
}

function statusAt(status: JsonStatDataset["status"], i: number): string | undefined {
  if (status === undefined) return undefined;
  if (typeof status === "string") return status;
  if (Array.isArray(status)) return status.length === 1 ? (status[0] ?? undefined) : (status[i] ?? undefined);
  return status[String(i)];
}

/**
 * Reads a JSON-stat 2.0 dataset of SCB population (region × age × sex × … × period).
 *
 * @throws PopulationError naming the JSON path (`value[123]`) and value for every malformed case.
 * @example
 * ```ts
 * const pop = parseJsonStat(JSON.parse(text), { file: "TAB1267.json" });
 * ```
 */
export function parseJsonStat(json: unknown, options: JsonStatOptions = {}): PopulationDataset {
  const file = options.file;
  const problem = datasetProblem(json);
  if (problem) raise("POPULATION_FORMAT", "jsonstat-shape", { expected: problem.expected }, { file, path: problem.path });
  const ds = json as JsonStatDataset;
  if (ds.id.length !== ds.size.length) {
    raise("POPULATION_FORMAT", "jsonstat-id-size", { ids: ds.id.length, sizes: ds.size.length }, { file, path: "size" });
  }
  // Limits before anything is allocated: `size` is the file's claim, and a small file with a
  // sparse `value` can claim a billion cells.
  if (ds.id.length > MAX_DIMENSIONS) {
    raise("POPULATION_FORMAT", "jsonstat-too-large", { what: "dimensions", count: String(ds.id.length), limit: String(MAX_DIMENSIONS) }, { file, path: "id" });
  }
  let claimed = 1;
  for (let d = 0; d < ds.size.length; d++) {
    if (ds.size[d]! > MAX_CATEGORIES) {
      raise("POPULATION_FORMAT", "jsonstat-too-large", { what: "categories", dimension: ds.id[d]!, count: String(ds.size[d]), limit: String(MAX_CATEGORIES) }, { file, path: `size[${d}]` });
    }
    claimed *= ds.size[d]!;
  }
  if (claimed > MAX_CELLS) raise("POPULATION_FORMAT", "jsonstat-too-large", { what: "cells", count: String(claimed), limit: String(MAX_CELLS) }, { file, path: "size" });
  const dims = ds.id.map((id, d) => {
    const dim = own(ds.dimension, id);
    if (!dim) raise("POPULATION_FORMAT", "jsonstat-undescribed", { dimension: id }, { file, path: `dimension.${id}` });
    if (ds.size[d] === 0) raise("POPULATION_FORMAT", "jsonstat-empty-dimension", { dimension: id }, { file, path: `size[${d}]`, value: "0" });
    const codes = categoryCodes(id, dim, ds.size[d]!, file);
    const role = roleOf(id, ds.role);
    if (role === undefined && codes.length > 1) {
      raise("POPULATION_FORMAT", "jsonstat-unknown-dimension", { dimension: id, label: dim.label ?? id, count: codes.length }, { file, path: `dimension.${id}`, value: id });
    }
    if (role === "contents" && codes.length > 1) {
      raise("POPULATION_FORMAT", "several-contents", { contents: codes.map((c) => own(dim.category.label, c) ?? c) }, { file, path: `dimension.${id}`, value: codes.join(", ") });
    }
    if (role === "contents") {
      const content = own(dim.category.label, codes[0]!) ?? codes[0]!;
      if (!isPopulationContent(content)) raise("POPULATION_FORMAT", "not-population", { content }, { file, path: `dimension.${id}.category.label`, value: content });
    }
    return { id, role, codes, labels: dim.category.label ?? {} };
  });
  if (!dims.some((d) => d.role === "region")) raise("POPULATION_FORMAT", "jsonstat-no-region", {}, { file, path: "id" });
  const total = ds.size.reduce((a, b) => a * b, 1);
  const dense = Array.isArray(ds.value);
  if (dense && (ds.value as unknown[]).length !== total) {
    raise("POPULATION_FORMAT", "jsonstat-value-count", { count: (ds.value as unknown[]).length, sizes: ds.size.map(String), cells: total }, { file, path: "value" });
  }
  if (!dense) {
    // A key that is no position would be dropped without a word, and the cell it meant left missing.
    for (const key of Object.keys(ds.value)) {
      if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= total) {
        raise("POPULATION_FORMAT", "jsonstat-sparse-key", { key: clipValue(key), cells: String(total) }, { file, path: `value.${clipValue(key)}`, value: clipValue(key) });
      }
    }
  }

  const cells: ScbCell[] = [];
  const coords = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < total; i++) {
    let rest = i;
    for (let d = dims.length - 1; d >= 0; d--) {
      const n = dims[d]!.codes.length;
      coords[d] = rest % n;
      rest = Math.floor(rest / n);
    }
    const raw = dense ? (ds.value as (number | null)[])[i] : (ds.value as Record<string, number | null>)[String(i)];
    const where = { path: `value[${i}]` };
    const status = statusAt(ds.status, i);
    let value: CellValue;
    if (raw === null || raw === undefined) {
      if (status === "-") value = { kind: "count", n: 0n };
      else value = { kind: "missing", symbol: status ?? ".." };
    } else if (Number.isSafeInteger(raw) && raw >= 0 && raw <= MAX_COUNT_NUMBER) value = { kind: "count", n: BigInt(raw) };
    else if (Number.isInteger(raw) && raw > 0) {
      raise("POPULATION_BAD_COUNT", "too-large", { value: String(raw), limit: String(MAX_COUNT) }, { file, ...where, value: String(raw) });
    } else if (raw < 0) raise("POPULATION_BAD_COUNT", "negative", { value: String(raw) }, { file, ...where, value: String(raw) });
    else raise("POPULATION_BAD_COUNT", "not-whole", { value: String(raw) }, { file, ...where, value: String(raw) });
    const cell: ScbCell = { region: "", age: "total", sex: "total", marital: "total", period: "", value, where };
    dims.forEach((dim, d) => {
      const code = dim.codes[coords[d]!]!;
      const label = own(dim.labels, code) ?? code;
      const at = { file, path: `dimension.${dim.id}.category.index.${code}` };
      switch (dim.role) {
        case "region":
          cell.region = parseRegionCode(code, at);
          break;
        case "age":
          cell.age = tryBoth(() => parseAge(code, at), () => parseAge(label, at));
          break;
        case "sex":
          cell.sex = tryBoth(() => parseSex(code, at), () => parseSex(label, at));
          break;
        case "marital":
          cell.marital = parseMarital(code) === "total" ? "total" : parseMarital(label);
          break;
        case "time":
          cell.period = code;
          break;
        default:
          break;
      }
    });
    cells.push(cell);
  }
  const tableId = ds.extension?.px?.tableid;
  const meta: ScbMeta = {
    format: "JSON-stat 2.0",
    ...(ds.label !== undefined ? { title: ds.label } : {}),
    ...(tableId !== undefined ? { tableId } : {}),
    ...(options.source ? { source: options.source } : {}),
  };
  if (ds.updated) meta.notes = [`uppdaterad ${ds.updated}`];
  return buildScbPopulation(cells, meta, options);
}

function tryBoth<T>(first: () => T, second: () => T): T {
  try {
    return first();
  } catch {
    return second();
  }
}
